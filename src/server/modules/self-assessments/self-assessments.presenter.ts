import type { SelfAssessment } from '../../../contracts/self-assessments.js';
import type { CriteriaSet } from '../../../domain/criteria/index.js';
import type { EvidenceRow, SelfAssessmentRow } from './self-assessments.repository.js';

/** A link is given as is; a file is served through the API, which checks the caller may read the sheet. */
const evidenceUrl = (assessmentId: string, e: EvidenceRow) => (e.kind === 'link' ? e.url! : `/api/v1/self-assessments/${assessmentId}/evidence/${e.id}`);

/** One piece of evidence of a sheet. */
export const presentEvidence = (assessmentId: string, e: EvidenceRow): SelfAssessment['evidence'][number] => ({
  id: e.id,
  criterionCode: e.criterionCode,
  kind: e.kind,
  url: evidenceUrl(assessmentId, e),
  filename: e.filename,
  mimeType: e.mimeType,
  bytes: e.bytes,
  createdAt: e.createdAt.toISOString(),
});

/** A sheet as lists show it: its set, status and, once completed, the engine's total and star. */
export function presentSummary(row: SelfAssessmentRow, set: CriteriaSet | undefined, slug: string) {
  return {
    id: row.id,
    productId: row.productId,
    legalBasis: row.legalBasis,
    versionSlug: slug,
    setNumber: row.setNumber,
    setName: set?.name ?? '',
    status: row.status,
    total: row.total,
    star: row.star,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
