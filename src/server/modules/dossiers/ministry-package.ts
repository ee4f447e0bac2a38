import { strToU8, zipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { forbidden, invalid } from '../../../domain/errors.js';
import { MINISTRY_THRESHOLD, partiesOf } from '../../../domain/evaluation/dossier-workflow.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { documents, dossierDocuments } from '../../db/schema/index.js';
import type { FileStorage } from '../../lib/file-storage.js';
import type { CouncilsService } from '../councils/councils.service.js';
import { minutesDocx } from '../councils/minutes.docx.js';
import { selfAssessmentPdf } from '../self-assessments/self-assessment.pdf.js';
import type { SelfAssessmentsService } from '../self-assessments/self-assessments.service.js';
import type { DossiersService } from './dossiers.service.js';

/**
 * What the province sends the ministry for a product scoring at least 90 (Art. 6.3, Decision
 * 26/2026/QĐ-TTg): the dossier (Mẫu 01 data, the commune's Mẫu 03), the self-assessment, the papers
 * it was filed with, the council's minutes and the history of steps, as one ZIP file.
 */
export async function ministryPackage(
  deps: { db: Db; storage: FileStorage; dossiers: DossiersService; selfAssessments: SelfAssessmentsService; councils: CouncilsService },
  actor: Actor,
  dossierId: string,
): Promise<{ filename: string; data: Buffer }> {
  const dossier = await deps.dossiers.get(actor, dossierId);
  if (!partiesOf(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode }).includes('province_admin')) throw forbidden();
  if (dossier.councilScore === null || dossier.councilScore < MINISTRY_THRESHOLD || !['decided', 'forwarded_to_ministry', 'ministry_decided'].includes(dossier.state))
    throw invalid('not_for_ministry', {
      vi: `Chỉ hồ sơ đạt từ ${MINISTRY_THRESHOLD} điểm, đã có kết quả của tỉnh, mới được đóng gói gửi Bộ.`,
      en: `Only dossiers scoring ${MINISTRY_THRESHOLD} or more, decided by the province, are packaged for the ministry.`,
    });
  const files: Record<string, Uint8Array> = {};
  const events = await deps.dossiers.events(actor, dossierId);
  files['ho-so.json'] = strToU8(JSON.stringify({ dossier, events }, null, 2));
  if (dossier.selfAssessmentId) files['mau-02-tu-danh-gia.pdf'] = await selfAssessmentPdf(await deps.selfAssessments.forPrint(actor, dossier.selfAssessmentId));
  const papers = await deps.db.select({ d: documents }).from(dossierDocuments).innerJoin(documents, eq(documents.id, dossierDocuments.documentId)).where(eq(dossierDocuments.dossierId, dossierId));
  for (const [i, { d }] of papers.entries()) files[`tai-lieu/${String(i + 1).padStart(2, '0')}-${d.type}-${d.filename.replace(/[\\/]/g, '_')}`] = await deps.storage.get(d.storageKey);
  for (const [i, session] of (await deps.councils.listSessions(actor, { dossierId })).entries())
    files[`hoi-dong/bien-ban-${i + 1}.docx`] = await minutesDocx(await deps.councils.minutes(actor, session.id));
  return { filename: `ho-so-de-nghi-5-sao-${dossier.ocopCode}.zip`, data: Buffer.from(zipSync(files)) };
}
