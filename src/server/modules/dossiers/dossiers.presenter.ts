import type { z } from 'zod';
import type { Checklist, Dossier, DossierEvent, DossierFiling, EvidenceQuestion, SiteVisit } from '../../../contracts/evaluation.js';
import { criteriaVersionSlug, type CaseKey } from '../../../domain/criteria/index.js';
import { vietnamDate, type IsoDate } from '../../../domain/dates/calendar.js';
import type { checklistStatus } from '../../../domain/evaluation/dossier-documents.js';
import { DOCUMENT_TYPES } from '../../../domain/evaluation/dossier-documents.js';
import { stageDeadline } from '../../../domain/evaluation/deadlines.js';
import { availableActions, isAtMinistry, producerEdits, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { submitBlockers } from '../../../domain/evaluation/submit-readiness.js';
import type { Actor } from '../../../domain/policies/index.js';
import { presentDocument } from '../documents/documents.presenter.js';
import type { DocumentRow } from '../documents/documents.repository.js';
import type { sheetOutcome } from '../self-assessments/self-assessments.service.js';
import type { DossierRow, FilingRow } from './dossiers.repository.js';
import type { MessageRow, QuestionRow, SiteVisitRow } from './questions.repository.js';

/** The dossier as the workflow sees it: its subject's place and its state. */
export const dossierRef = (d: { subjectId: string; provinceCode: string; communeCode: string; state: string }) => ({
  id: d.subjectId,
  provinceCode: d.provinceCode,
  communeCode: d.communeCode,
  state: d.state as DossierState,
});

/** What keeps the dossier from being filed now (Art. 6.1): checked only where filing is a step ahead. */
export function dossierSubmitBlockers(row: DossierRow) {
  if (!producerEdits(row.state)) return [];
  return submitBlockers({
    attached:
      row.sheetStatus !== null && row.sheetSetNumber !== null && row.sheetLegalBasis !== null
        ? { status: row.sheetStatus, setNumber: row.sheetSetNumber, legalBasis: row.sheetLegalBasis }
        : null,
    completedFileable: row.completedSheets,
    productSetNumber: row.productSetNumber,
    legalBasis: row.legalBasis,
  });
}

/** The deadline of the dossier's current stage, at its level: the province's round, or the ministry's at its stage. */
export function dossierDeadline(row: DossierRow, today: IsoDate) {
  const atMinistry = isAtMinistry(row.state);
  const receivedAt = atMinistry ? row.ministryReceivedAt : row.receivedAt;
  return stageDeadline(
    {
      kind: row.kind,
      state: row.state as DossierState,
      communeDueOn: row.communeDueOn,
      receivedOn: receivedAt ? vietnamDate(receivedAt) : null,
      roundResultDeadline: atMinistry ? row.ministryResultDeadline : row.provinceResultDeadline,
    },
    today,
  );
}

/** A dossier with the steps the caller may take on it; `today` (the clock's Vietnamese day) says whether the commune is late. */
export function presentDossier(row: DossierRow, actor: Actor, today: IsoDate): Dossier {
  const blockers = dossierSubmitBlockers(row);
  return {
    id: row.id,
    productId: row.productId,
    productName: row.productName,
    ocopCode: row.ocopCode,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    roundId: row.roundId,
    roundName: row.roundName,
    ministryRoundId: row.ministryRoundId,
    kind: row.kind,
    state: row.state as DossierState,
    legalBasis: row.legalBasis,
    setNumber: row.setNumber,
    selfAssessmentId: row.selfAssessmentId,
    registration: row.registration,
    samples: row.samples,
    communeAssessment: row.communeAssessment ?? null,
    submittedOn: row.submittedOn,
    filedOn: row.filedOn,
    communeDueOn: row.communeDueOn,
    communeOverdue: row.state === 'submitted' && row.communeDueOn !== null && today > row.communeDueOn,
    deadline: dossierDeadline(row, today),
    submitBlockers: blockers,
    councilScore: row.councilScore,
    councilStar: row.councilStar,
    centralScore: row.centralScore,
    centralStar: row.centralStar,
    forwarding: row.forwarding ?? null,
    decidedStar: row.decidedStar,
    version: row.version,
    availableActions: availableActions(actor, dossierRef(row), {
      councilScore: row.councilScore,
      councilStar: row.councilStar,
      decidedStar: row.decidedStar,
      submitBlockers: blockers,
    }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentDossierEvent = (e: {
  id: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorLabel: string;
  actorName?: string | null;
  comment: string | null;
  at: Date;
}): z.infer<typeof DossierEvent> => ({
  id: e.id,
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  actorLabel: e.actorLabel,
  actorName: e.actorName ?? null,
  comment: e.comment,
  at: e.at.toISOString(),
});

/** What a dossier was filed with, its Mẫu 02 sheet scored as filed (`outcome`), its evidence served from the filing. */
export function presentFiling(dossier: DossierRow, filing: FilingRow, setName: string, outcome: ReturnType<typeof sheetOutcome>): DossierFiling {
  const sa = filing.selfAssessment;
  const caseKey = (sa.caseKey as CaseKey | null) ?? null;
  const filedAt = `${filing.filedOn}T00:00:00.000Z`;
  return {
    id: filing.id,
    dossierId: dossier.id,
    seq: filing.seq,
    filedOn: filing.filedOn,
    registration: filing.registration,
    product: filing.product,
    subject: filing.subject,
    selfAssessment: {
      id: sa.id,
      productId: dossier.productId,
      legalBasis: sa.legalBasis,
      versionSlug: criteriaVersionSlug(sa.legalBasis),
      setNumber: sa.setNumber,
      setName,
      status: 'completed',
      total: sa.total,
      star: sa.star,
      completedAt: sa.completedAt,
      createdAt: sa.completedAt ?? filedAt,
      updatedAt: sa.completedAt ?? filedAt,
      productName: filing.product.name,
      ocopCode: filing.product.ocopCode,
      subjectName: filing.subject.name,
      case: caseKey,
      choices: sa.choices,
      notes: sa.notes,
      generalNote: sa.generalNote,
      evidence: filing.evidence.map((e) => ({
        id: e.id,
        criterionCode: e.criterionCode,
        kind: e.kind,
        url: e.kind === 'link' ? e.url! : `/api/v1/dossiers/${dossier.id}/filings/${filing.id}/evidence/${e.id}`,
        filename: e.filename,
        mimeType: e.mimeType,
        bytes: e.bytes,
        createdAt: filedAt,
      })),
      progress: outcome.progress,
      result: outcome.result,
      canEdit: false,
    },
    evidenceHashes: Object.fromEntries(filing.evidence.filter((e) => e.sha256).map((e) => [e.id, e.sha256!])),
  };
}

/** A dossier's checklist; `urlOf` is where the caller downloads each paper. */
export function presentChecklist(
  rows: DocumentRow[],
  status: ReturnType<typeof checklistStatus>,
  urlOf: (d: DocumentRow) => string | undefined,
): z.infer<typeof Checklist> {
  return {
    complete: status.complete,
    missing: status.missing,
    disqualifying: status.disqualifying,
    lines: status.lines.map((l) => ({
      type: l.type,
      label: DOCUMENT_TYPES[l.type].label,
      required: l.required,
      disqualifying: l.disqualifying,
      note: l.note,
      status: l.status,
      documents: rows.filter((r) => l.documentIds.includes(r.id)).map((r) => presentDocument(r, urlOf(r))),
    })),
  };
}

/** Questions on evidence with their threads, oldest first. */
export const presentQuestions = (questions: QuestionRow[], messages: MessageRow[]): z.infer<typeof EvidenceQuestion>[] =>
  questions.map((q) => ({
    id: q.id,
    dossierId: q.dossierId,
    criterionCode: q.criterionCode,
    status: q.status,
    messages: messages
      .filter((m) => m.questionId === q.id)
      .map((m) => ({ id: m.id, authorLabel: m.authorLabel, body: m.body, evidenceId: m.evidenceId, createdAt: m.createdAt.toISOString() })),
    createdAt: q.createdAt.toISOString(),
  }));

export const presentSiteVisit = (r: SiteVisitRow): z.infer<typeof SiteVisit> => ({
  id: r.id,
  dossierId: r.dossierId,
  visitedOn: r.visitedOn,
  visitors: r.visitors,
  summary: r.summary,
  criterionNotes: r.criterionNotes,
  createdAt: r.createdAt.toISOString(),
});
