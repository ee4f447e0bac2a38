import { strToU8, zipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { forbidden, invalid } from '../../../domain/errors.js';
import { partiesOf } from '../../../domain/evaluation/dossier-workflow.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { documents, dossierDocuments } from '../../db/schema/index.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { decisionDocx } from '../certificates/decision.docx.js';
import type { DecisionsService } from '../certificates/decisions.service.js';
import type { CouncilsService } from '../councils/councils.service.js';
import { minutesDocx } from '../councils/minutes.docx.js';
import type { DossiersService } from './dossiers.service.js';
import type { FilingsService } from './filings.service.js';
import { dossierFormDocx } from './forms.docx.js';
import { siteVisitsReportDocx } from './site-visits.docx.js';
import type { QuestionsService } from './questions.service.js';

/** States from which the province's package exists: its result approved (Art. 7.3e) and on. */
const PACKAGED_STATES = ['approved', 'forwarded_to_ministry', 'ministry_received', 'in_central_council', 'central_scored', 'ministry_decided'];

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '_');

/**
 * What the province sends the ministry for a product of 90 points or more (Art. 6.3a, 7.3e), as one
 * ZIP: the province's letter, the advisory team's report, the council's minutes, the Chair's
 * decision approving the result, Mẫu 01/02/03 and the commune's letter as documents, the papers
 * and the evidence the dossier was filed with, extra tests and the samples sent in the letter, and
 * the record of every step. The province's office builds it; the ministry's office reads it.
 */
export async function ministryPackage(
  deps: {
    db: Db;
    storage: FileStorage;
    dossiers: DossiersService;
    filings: FilingsService;
    decisions: DecisionsService;
    councils: CouncilsService;
    questions: QuestionsService;
  },
  actor: Actor,
  dossierId: string,
): Promise<{ filename: string; data: Buffer }> {
  const dossier = await deps.dossiers.get(actor, dossierId);
  const parties = partiesOf(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode });
  if (!parties.includes('province_admin') && !parties.includes('ministry_admin')) throw forbidden();
  if (!PACKAGED_STATES.includes(dossier.state))
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
  const sessions = (await deps.councils.listSessions(actor, { dossierId })).filter((s) => s.level === 'province' && s.status === 'closed');
  for (const [i, session] of sessions.entries())
    files[`03-bien-ban-hoi-dong-${i + 1}.docx`] = await minutesDocx(await deps.councils.minutes(actor, session.id));
  const approval = (await deps.decisions.list(actor)).find((d) => d.kind === 'approval' && d.items.some((it) => it.dossierId === dossierId));
  if (approval) files['04-quyet-dinh-phe-duyet-ket-qua.docx'] = await decisionDocx(approval, input.provinceName);
  files['05-mau-01-phieu-dang-ky.docx'] = await dossierFormDocx('mau-01', input);
  files['06-mau-02-bao-cao-tu-danh-gia.docx'] = await dossierFormDocx('mau-02', input);
  if (dossier.communeAssessment?.conclusion === 'propose') {
    files['07-mau-03-bao-cao-cua-xa.docx'] = await dossierFormDocx('mau-03', input);
    files['08-van-ban-de-nghi-cua-xa.docx'] = await dossierFormDocx('de-nghi-cua-xa', input);
  }
  const papers = await deps.db
    .select({ d: documents })
    .from(dossierDocuments)
    .innerJoin(documents, eq(documents.id, dossierDocuments.documentId))
    .where(eq(dossierDocuments.dossierId, dossierId));
  for (const [i, { d }] of papers.entries())
    files[`tai-lieu/${String(i + 1).padStart(2, '0')}-${d.type}-${safeName(d.filename)}`] = await deps.storage.get(d.storageKey);
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
