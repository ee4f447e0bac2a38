import { strToU8, zipSync } from 'fflate';
import { forbidden, invalid } from '../../../domain/errors.js';
import { hasMinistryPackage } from '../../../domain/evaluation/dossier-workflow.js';
import { mayPackageForMinistry, type Actor } from '../../../domain/policies/index.js';
import { decisionDocx } from '../certificates/decision.docx.js';
import type { DecisionsService } from '../certificates/decisions.service.js';
import { minutesDocx } from '../councils/minutes.docx.js';
import type { SessionsService } from '../councils/sessions.service.js';
import type { DossiersService } from '../dossiers/dossiers.service.js';
import type { FilingsService } from '../dossiers/filings.service.js';
import { dossierFormDocx } from '../dossiers/forms.docx.js';
import type { PapersService } from '../dossiers/papers.service.js';
import type { QuestionsService } from '../dossiers/questions.service.js';
import { siteVisitsReportDocx } from '../dossiers/site-visits.docx.js';

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '_');

/**
 * What the province sends the ministry for a product of 90 points or more (Art. 6.3a, 7.3e), as one
 * ZIP: the province's letter, the advisory team's report, the council's minutes, the Chair's
 * decision approving the result, Mẫu 01/02/03 and the commune's letter as documents, the papers
 * and the evidence the dossier was filed with, extra tests and the samples sent in the letter, and
 * the record of every step. The province's office builds it; the ministry's office reads it.
 */
export function createMinistryPackageService(deps: {
  dossiers: DossiersService;
  filings: FilingsService;
  papers: PapersService;
  questions: QuestionsService;
  sessions: SessionsService;
  decisions: DecisionsService;
}) {
  return { build: (actor: Actor, dossierId: string) => build(deps, actor, dossierId) };
}
export type MinistryPackageService = ReturnType<typeof createMinistryPackageService>;

async function build(deps: Parameters<typeof createMinistryPackageService>[0], actor: Actor, dossierId: string): Promise<{ filename: string; data: Buffer }> {
  const dossier = await deps.dossiers.get(actor, dossierId);
  if (!mayPackageForMinistry(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode })) throw forbidden();
  if (!hasMinistryPackage(dossier.state))
    throw invalid('not_for_ministry', {
      vi: 'Chỉ hồ sơ đạt từ 90 điểm đã được Chủ tịch UBND tỉnh phê duyệt kết quả mới được đóng gói gửi Bộ (Điều 7.3e).',
      en: 'Only dossiers of 90 points or more whose result the provincial Chair approved are packaged for the ministry (Art. 7.3e).',
    });
  const files: Record<string, Uint8Array> = {};
  const input = await deps.filings.formsInput(actor, dossierId);
  if (dossier.forwarding) files['01-van-ban-de-nghi-cua-ubnd-tinh.docx'] = await dossierFormDocx('van-ban-gui-bo', input);
  files['02-bao-cao-to-tu-van.docx'] = await siteVisitsReportDocx({
    productName: input.filing.product.name,
    subjectName: input.filing.subject.name,
    provinceName: input.provinceName,
    visits: await deps.questions.siteVisits(actor, dossierId),
  });
  const sessions = (await deps.sessions.listSessions(actor, { dossierId })).filter((s) => s.level === 'province' && s.status === 'closed');
  for (const [i, session] of sessions.entries())
    files[`03-bien-ban-hoi-dong-${i + 1}.docx`] = await minutesDocx(await deps.sessions.minutes(actor, session.id));
  const approval = await deps.decisions.approvalOf(actor, dossierId);
  if (approval) files['04-quyet-dinh-phe-duyet-ket-qua.docx'] = await decisionDocx(approval, input.provinceName);
  files['05-mau-01-phieu-dang-ky.docx'] = await dossierFormDocx('mau-01', input);
  files['06-mau-02-bao-cao-tu-danh-gia.docx'] = await dossierFormDocx('mau-02', input);
  if (dossier.communeAssessment?.conclusion === 'propose') {
    files['07-mau-03-bao-cao-cua-xa.docx'] = await dossierFormDocx('mau-03', input);
    files['08-van-ban-de-nghi-cua-xa.docx'] = await dossierFormDocx('de-nghi-cua-xa', input);
  }
  for (const [i, paper] of (await deps.papers.filedFiles(actor, dossierId)).entries())
    files[`tai-lieu/${String(i + 1).padStart(2, '0')}-${paper.type}-${safeName(paper.filename)}`] = paper.data;
  for (const [i, e] of input.filing.selfAssessment.evidence.entries()) {
    if (e.kind !== 'file') continue;
    const file = await deps.filings.evidenceFile(actor, dossierId, input.filing.id, e.id);
    files[`minh-chung/${String(i + 1).padStart(2, '0')}-tieu-chi-${e.criterionCode}-${safeName(file.filename)}`] = file.data;
  }
  files['ho-so.json'] = strToU8(
    JSON.stringify(
      {
        dossier,
        filing: input.filing,
        councilResult: input.councilResult,
        approval: input.approval,
        forwarding: dossier.forwarding,
        events: await deps.dossiers.events(actor, dossierId),
      },
      null,
      2,
    ),
  );
  return { filename: `ho-so-de-nghi-5-sao-${dossier.ocopCode}.zip`, data: Buffer.from(zipSync(files)) };
}
