import { z } from 'zod';
import { COUNCIL_POSITIONS } from '../domain/evaluation/council-rules.js';
import { IsoDate } from './common.js';
import { DraftProgressSchema } from './self-assessments.js';
import { EvaluationResult } from './scoring.js';

export const CouncilPosition = z.enum(COUNCIL_POSITIONS);

export const CouncilMemberInput = z.object({
  fullName: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(300),
  position: CouncilPosition,
  userId: z.uuid().nullable().optional(),
  /** Scores and counts in the quorum; by default everyone but the secretary (an "ủy viên thư ký" is appointed with true). */
  voting: z.boolean().optional(),
});

/** The Chair's decision establishing a council or advisory team (Art. 7.3b, 7.4b). */
export const Establishment = z.object({
  number: z.string().trim().min(1).max(60),
  date: IsoDate,
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(200),
});

/** A council's composition is checked by the domain (one chair, a secretary, enough scoring members, staff accounts). */
export const CouncilCreateBody = z.object({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(['council', 'advisory_team']).default('council'),
  level: z.enum(['province', 'ministry']).default('province'),
  year: z.number().int().min(2018).max(2100),
  establishment: Establishment,
  spreadThreshold: z.number().min(0).max(100).nullable().optional(),
  quorumRatio: z.number().gt(0).max(1).nullable().optional(),
  members: z.array(CouncilMemberInput).min(1).max(50),
});

export const CouncilMember = CouncilMemberInput.extend({ id: z.uuid(), userId: z.uuid().nullable(), voting: z.boolean() });
export const Council = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['council', 'advisory_team']),
    level: z.enum(['province', 'ministry']),
    provinceCode: z.string().nullable(),
    year: z.number().int(),
    establishment: Establishment.extend({ date: z.string().nullable() }),
    /** The operating rules (Quy chế) attached, or null until uploaded: no session opens without them. */
    rules: z.object({ filename: z.string(), url: z.string(), sha256: z.string() }).nullable(),
    spreadThreshold: z.number().nullable(),
    quorumRatio: z.number().nullable(),
    members: z.array(CouncilMember),
  })
  .meta({ id: 'Council' });

export const SessionCreateBody = z.object({
  title: z.string().trim().min(1).max(300),
  heldOn: IsoDate,
  mode: z.enum(['meeting', 'written']).default('meeting'),
  writtenDeadline: IsoDate.optional(),
  dossierIds: z.array(z.uuid()).min(1).max(200),
});

export const SheetSummary = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  scoringRound: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  paper: z.boolean(),
  /** Hidden (null) from everyone until the session closes. */
  total: z.number().nullable(),
  /** The scanned paper sheet, when entered from paper. */
  scanUrl: z.string().nullable(),
});

export const Rescoring = z.object({
  scoringRound: z.number().int(),
  reason: z.string(),
  requestedLabel: z.string(),
  /** The requester's full name when the account exists: what the page shows. */
  requestedName: z.string().nullable(),
  requestedAt: z.string(),
});

export const SessionDossier = z.object({
  dossierId: z.uuid(),
  productName: z.string(),
  ocopCode: z.string(),
  subjectName: z.string(),
  setNumber: z.number().int(),
  legalBasis: z.string(),
  versionSlug: z.string(),
  scoringRound: z.number().int(),
  state: z.string(),
  /** The caller's own standing on this dossier, when they are a member. */
  mine: z
    .object({ mayScore: z.enum(['yes', 'not_voting', 'declare_first', 'conflicted', 'own_organisation']), sheetStatus: z.enum(['none', 'draft', 'submitted']) })
    .nullable(),
  /** Declarations, visible to the chair, the secretary and the office. */
  declarations: z.array(z.object({ memberId: z.uuid(), memberName: z.string(), hasConflict: z.boolean(), note: z.string().nullable() })).nullable(),
  /** Who has submitted, for those who run the session; totals only once it is closed (then for every member). */
  sheets: z.array(SheetSummary).nullable(),
  /** Re-scoring rounds asked, with their reasons. */
  rescorings: z.array(Rescoring),
});

export const Session = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    councilName: z.string(),
    title: z.string(),
    heldOn: z.string(),
    mode: z.enum(['meeting', 'written']),
    writtenDeadline: z.string().nullable(),
    attendance: z.array(z.uuid()),
    status: z.enum(['open', 'closed']),
    closedOn: z.string().nullable(),
    level: z.enum(['province', 'ministry']),
    myPosition: CouncilPosition.nullable(),
    dossiers: z.array(SessionDossier),
  })
  .meta({ id: 'CouncilSession' });

export const DeclarationBody = z.object({ hasConflict: z.boolean(), note: z.string().trim().max(2000).optional() });
export const SheetBody = z.object({
  choices: z.record(z.string().min(1).max(20), z.number().int().min(0).max(50)),
  case: z.enum(['a', 'b']).nullable().optional(),
  disqualifiedReason: z.string().trim().max(2000).nullable().optional(),
  expectedVersion: z.number().int().min(1),
});
/**
 * A member's paper sheet, entered by the secretary as that member's (multipart: these fields, JSON
 * where structured, then the scanned paper as the file "scan").
 */
export const PaperSheetFields = z.object({
  memberId: z.uuid(),
  choices: z.preprocess((v) => (typeof v === 'string' ? safeJson(v) : v), SheetBody.shape.choices),
  case: z.preprocess((v) => (v === '' ? null : v), z.enum(['a', 'b']).nullable().optional()),
  disqualifiedReason: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(2000).nullable().optional()),
  /** The member's conflict declaration made on paper, recorded with the sheet when not declared online. */
  declaration: z.preprocess(
    (v) => (typeof v === 'string' ? (v === '' ? undefined : safeJson(v)) : v),
    z.object({ hasConflict: z.boolean(), note: z.string().trim().max(2000).optional() }).optional(),
  ),
});
const safeJson = (v: string): unknown => {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) });
/** The chair's request to score again: why, and the round it saw (so a repeated call opens no second round). */
export const RescoreBody = z.object({ reason: z.string().trim().min(1).max(2000), scoringRound: z.number().int().min(1) });
export const AttendanceBody = z.object({ memberIds: z.array(z.uuid()).max(100) });

export const Sheet = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    dossierId: z.uuid(),
    memberId: z.uuid(),
    scoringRound: z.number().int(),
    choices: z.record(z.string(), z.number().int()),
    case: z.enum(['a', 'b']).nullable(),
    disqualifiedReason: z.string().nullable(),
    status: z.enum(['draft', 'submitted']),
    paper: z.boolean(),
    total: z.number().nullable(),
    version: z.number().int(),
    progress: DraftProgressSchema,
    legalBasis: z.string(),
    versionSlug: z.string(),
    setNumber: z.number().int(),
    /** The producer's self-assessment, shown beside each criterion with its evidence. */
    selfAssessmentId: z.uuid().nullable(),
  })
  .meta({ id: 'ScoreSheet' });

/**
 * The council's result: the full aggregation once the session is closed. Before that, those who run
 * it see only its progress — how many sheets are in, the quorum and whether the spread calls for
 * re-scoring — never a total or the mean.
 */
export const SessionResult = z.object({
  dossierId: z.uuid(),
  scoringRound: z.number().int(),
  submitted: z.number().int(),
  result: EvaluationResult.nullable(),
  progress: z
    .object({
      rescoreRequired: z.boolean(),
      quorum: z.object({
        status: z.enum(['met', 'not-met', 'unknown']),
        councilSize: z.number().int().nullable(),
        present: z.number().int(),
        required: z.number().int().nullable(),
        chairPresent: z.boolean().nullable(),
      }),
      decisionReady: z.boolean(),
    })
    .nullable(),
});
export const SessionDossierParams = z.object({ id: z.uuid(), dossierId: z.uuid() });
export const SheetParams = z.object({ id: z.uuid(), sheetId: z.uuid() });

export const SessionSummary = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  councilName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  mode: z.enum(['meeting', 'written']),
  status: z.enum(['open', 'closed']),
  level: z.enum(['province', 'ministry']),
  dossierCount: z.number().int(),
});
export const SessionListQuery = z.object({ dossierId: z.uuid().optional(), councilId: z.uuid().optional() });
