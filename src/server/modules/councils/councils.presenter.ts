import type { EvaluationResult } from '../../../contracts/scoring.js';
import { criteriaVersionSlug, type CaseKey } from '../../../domain/criteria/index.js';
import { mayScore, type CouncilPosition } from '../../../domain/evaluation/council-rules.js';
import type { scoreDraft } from '../../../domain/scoring/index.js';
import type { DossierRow } from '../dossiers/dossiers.repository.js';
import type { CouncilRow, DeclarationRow, LinkRow, MemberRow, RescoringRow, SessionRow, SheetRow } from './councils.repository.js';
import type { MinutesInput } from './minutes.docx.js';

/** Councils with their members and their rules (the file is served at /councils/:id/rules). */
export function presentCouncils(rows: CouncilRow[], members: MemberRow[]) {
  return rows.map((council) => ({
    id: council.id,
    name: council.name,
    kind: council.kind,
    level: council.level,
    provinceCode: council.provinceCode,
    year: council.year,
    establishment: {
      number: council.establishedByNumber,
      date: council.establishedOn,
      signer: council.establishedBySigner,
      signerTitle: council.establishedBySignerTitle,
    },
    rules: council.rulesStorageKey ? { filename: council.rulesFilename!, url: `/api/v1/councils/${council.id}/rules`, sha256: council.rulesSha256! } : null,
    spreadThreshold: council.spreadThreshold,
    quorumRatio: council.quorumRatio,
    members: members
      .filter((m) => m.councilId === council.id)
      .map((m) => ({
        id: m.id,
        fullName: m.fullName,
        organisation: m.organisation,
        position: m.position as CouncilPosition,
        userId: m.userId,
        voting: m.voting,
      })),
  }));
}

/** A member's sheet with its progress (what is scored, what is missing) and the criteria it follows. */
export function presentSheet(sheet: SheetRow, dossier: DossierRow, progress: ReturnType<typeof scoreDraft>) {
  return {
    id: sheet.id,
    sessionId: sheet.sessionId,
    dossierId: sheet.dossierId,
    memberId: sheet.memberId,
    scoringRound: sheet.scoringRound,
    choices: sheet.choices,
    case: (sheet.caseKey as CaseKey | null) ?? null,
    disqualifiedReason: sheet.disqualifiedReason,
    status: sheet.status,
    paper: sheet.paper,
    total: sheet.total,
    version: sheet.version,
    progress: { ...progress, missing: [...progress.missing], parts: [...progress.parts], groups: [...progress.groups] },
    legalBasis: dossier.legalBasis,
    versionSlug: criteriaVersionSlug(dossier.legalBasis),
    setNumber: dossier.setNumber,
    selfAssessmentId: dossier.selfAssessmentId,
  };
}

/** What the caller may see of a sitting: `runner` (chair, secretary, office) and `closed` decide how much. */
export type SessionView = {
  session: SessionRow;
  council: CouncilRow;
  members: MemberRow[];
  me: MemberRow | null;
  runner: boolean;
  closed: boolean;
};

/**
 * A sitting and its dossiers. Before closing, those who run it see who has submitted — never a
 * total — and members see only their own standing; once closed, everyone sees every sheet.
 */
export function presentSession(
  view: SessionView,
  records: { links: LinkRow[]; dossiers: DossierRow[]; declarations: DeclarationRow[]; sheets: SheetRow[]; rescorings: RescoringRow[] },
) {
  const { session, council, me, runner, closed } = view;
  const name = (memberId: string) => view.members.find((m) => m.id === memberId)?.fullName ?? '';
  return {
    id: session.id,
    councilId: council.id,
    councilName: council.name,
    title: session.title,
    heldOn: session.heldOn,
    mode: session.mode,
    writtenDeadline: session.writtenDeadline,
    attendance: session.attendance,
    status: session.status,
    closedOn: session.closedOn,
    level: council.level,
    myPosition: me?.position ?? null,
    dossiers: records.links.map((l) => {
      const d = records.dossiers.find((r) => r.id === l.dossierId)!;
      const round = records.sheets.filter((s) => s.dossierId === l.dossierId && s.scoringRound === l.scoringRound);
      const mine = me ? round.find((s) => s.memberId === me.id) : undefined;
      return {
        dossierId: l.dossierId,
        productName: d.productName,
        ocopCode: d.ocopCode,
        subjectName: d.subjectName,
        setNumber: d.setNumber,
        legalBasis: d.legalBasis,
        versionSlug: criteriaVersionSlug(d.legalBasis),
        scoringRound: l.scoringRound,
        state: d.state,
        mine: me
          ? {
              mayScore: mayScore(
                me,
                d.subjectName,
                records.declarations.find((x) => x.dossierId === l.dossierId && x.memberId === me.id),
              ),
              sheetStatus: mine?.status ?? ('none' as const),
            }
          : null,
        declarations: runner
          ? records.declarations
              .filter((x) => x.dossierId === l.dossierId)
              .map((x) => ({ memberId: x.memberId, memberName: name(x.memberId), hasConflict: x.hasConflict, note: x.note }))
          : null,
        sheets:
          runner || closed
            ? round.map((s) => ({
                id: s.id,
                memberId: s.memberId,
                memberName: name(s.memberId),
                scoringRound: s.scoringRound,
                status: s.status,
                paper: s.paper,
                total: closed ? s.total : null,
                scanUrl: closed && s.paperScanKey ? `/api/v1/council-sessions/${session.id}/sheets/${s.id}/scan` : null,
              }))
            : null,
        rescorings: records.rescorings
          .filter((r) => r.dossierId === l.dossierId)
          .map((r) => ({
            scoringRound: r.scoringRound,
            reason: r.reason,
            requestedLabel: r.requestedLabel,
            requestedName: r.requestedName ?? null,
            requestedAt: r.requestedAt.toISOString(),
          })),
      };
    }),
  };
}

/** A line of the sessions list. */
export const presentSessionSummary = (session: SessionRow, council: CouncilRow, dossierCount: number) => ({
  id: session.id,
  councilId: council.id,
  councilName: council.name,
  title: session.title,
  heldOn: session.heldOn,
  mode: session.mode,
  status: session.status,
  level: council.level,
  dossierCount,
});

/**
 * What the minutes (biên bản) of a closed sitting record: attendance as recorded (those marked
 * present and those whose sheets came in), conflict declarations, every scoring round with its
 * members' totals and, for a re-scoring, its reason; the council's result of each dossier.
 */
export function presentMinutes(
  view: { session: SessionRow; council: CouncilRow; members: MemberRow[] },
  records: {
    links: LinkRow[];
    dossiers: DossierRow[];
    declarations: DeclarationRow[];
    sheets: SheetRow[];
    rescorings: RescoringRow[];
    /** The council's result per dossier id. */
    results: Map<string, EvaluationResult | null>;
  },
): MinutesInput {
  const { session, council, members } = view;
  const submitted = records.sheets.filter((s) => s.status === 'submitted');
  const present = new Set([...submitted.map((s) => s.memberId), ...(session.mode === 'written' ? [] : session.attendance)]);
  const name = (memberId: string) => members.find((m) => m.id === memberId)?.fullName ?? '';
  return {
    councilName: council.name,
    level: council.level,
    provinceCode: council.provinceCode,
    establishment: {
      number: council.establishedByNumber,
      date: council.establishedOn,
      signer: council.establishedBySigner,
      signerTitle: council.establishedBySignerTitle,
    },
    title: session.title,
    heldOn: session.heldOn,
    closedOn: session.closedOn,
    mode: session.mode,
    members: members.map((m) => ({
      fullName: m.fullName,
      organisation: m.organisation,
      position: m.position as CouncilPosition,
      voting: m.voting,
      present: present.has(m.id),
    })),
    dossiers: records.links.map((link) => {
      const dossier = records.dossiers.find((r) => r.id === link.dossierId)!;
      return {
        productName: dossier.productName,
        ocopCode: dossier.ocopCode,
        subjectName: dossier.subjectName,
        declarations: records.declarations
          .filter((d) => d.dossierId === link.dossierId)
          .map((d) => ({ memberName: name(d.memberId), hasConflict: d.hasConflict, note: d.note })),
        rounds: Array.from({ length: link.scoringRound }, (_, i) => i + 1).map((round) => ({
          scoringRound: round,
          reason: records.rescorings.find((r) => r.dossierId === link.dossierId && r.scoringRound === round)?.reason ?? null,
          sheets: submitted
            .filter((s) => s.dossierId === link.dossierId && s.scoringRound === round)
            .map((s) => ({ memberName: name(s.memberId), total: s.total ?? 0, paper: s.paper })),
        })),
        result: records.results.get(link.dossierId) ?? null,
      };
    }),
  };
}
