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
});

export const CouncilCreateBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    kind: z.enum(['council', 'advisory_team']).default('council'),
    level: z.enum(['province', 'ministry']).default('province'),
    year: z.number().int().min(2018).max(2100),
    spreadThreshold: z.number().min(0).max(100).nullable().optional(),
    quorumRatio: z.number().gt(0).max(1).nullable().optional(),
    members: z.array(CouncilMemberInput).min(1).max(50),
  })
  .refine((c) => c.members.filter((m) => m.position === 'chair').length === 1, {
    message: 'A council has exactly one chair.',
    params: { vi: 'Hội đồng có đúng một chủ tịch.' },
    path: ['members'],
  });

export const CouncilMember = CouncilMemberInput.extend({ id: z.uuid(), userId: z.uuid().nullable() });
export const Council = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['council', 'advisory_team']),
    level: z.enum(['province', 'ministry']),
    provinceCode: z.string().nullable(),
    year: z.number().int(),
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
  total: z.number().nullable(),
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
  mine: z.object({ mayScore: z.enum(['yes', 'declare_first', 'conflicted', 'own_organisation']), sheetStatus: z.enum(['none', 'draft', 'submitted']) }).nullable(),
  /** Declarations, visible to the chair, the secretary and the office. */
  declarations: z.array(z.object({ memberId: z.uuid(), memberName: z.string(), hasConflict: z.boolean(), note: z.string().nullable() })).nullable(),
  /** Sheets, visible to those who run the session, and to every member once it is closed. */
  sheets: z.array(SheetSummary).nullable(),
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
export const PaperSheetBody = SheetBody.omit({ expectedVersion: true }).extend({
  memberId: z.uuid(),
  /** The member's conflict declaration made on paper, recorded with the sheet when not declared online. */
  declaration: z.object({ hasConflict: z.boolean(), note: z.string().trim().max(2000).optional() }).optional(),
});
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) });
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

export const SessionResult = z.object({ dossierId: z.uuid(), scoringRound: z.number().int(), submitted: z.number().int(), result: EvaluationResult.nullable() });
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
  dossierCount: z.number().int(),
});
export const SessionListQuery = z.object({ dossierId: z.uuid().optional(), councilId: z.uuid().optional() });
