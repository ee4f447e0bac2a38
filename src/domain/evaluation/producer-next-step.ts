import { certificateStatus, reratingWindow, type CertificateFacts, type CertificateStatus } from '../certificates/validity.js';
import { formatDateVn, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import { CLOSED_STATES, type DossierKind, type DossierState } from './dossier-workflow.js';

/**
 * What a producer should do next about one of its products, in plain words for the farmer who reads
 * it on a phone: the step its dossier waits for, or what its certificate calls for (Decision
 * 26/2026/QĐ-TTg). Dates and windows come from the rules already written — the re-rating window of
 * Art. 7.6 (`reratingWindow`), the certificate's status (`certificateStatus`, Art. 4.3, 12.3), the
 * workflow's states (Art. 7) — never recomputed here.
 */

/** The product's dossier that matters now: its open one, or else its latest. */
export type DossierFacts = {
  state: DossierState;
  kind: DossierKind;
  /** Required papers not on file (or expired) for the dossier, by label (`checklistStatus().missing`). */
  missingPapers: readonly Message[];
  /** Questions on evidence waiting for the producer's answer (Art. 7.3d). */
  openQuestions: number;
  /** Whether it carries a completed self-assessment (Mẫu 02 part III), needed to file. */
  selfAssessed: boolean;
};

export type NextStepCode =
  | 'answer_questions'
  | 'add_papers'
  | 'self_assess'
  | 'submit'
  | 'fix_and_resubmit'
  | 'wait_commune'
  | 'wait_province'
  | 'wait_council'
  | 'wait_decision'
  | 'wait_ministry'
  | 'rerating_later'
  | 'file_rerating'
  | 'file_rerating_late'
  | 'first_evaluation'
  | 'revoked'
  | 'start'
  | 'start_again';

/** `act`: the producer has something to do; `wait`: someone else has; `info`: nothing due yet. */
export type NextStepTone = 'act' | 'warn' | 'wait' | 'info';

export type NextStep = {
  code: NextStepCode;
  tone: NextStepTone;
  message: Message;
  /** The re-rating window (Art. 7.6), when the step is about it. */
  window?: { opens: IsoDate; closes: IsoDate };
};

const step = (code: NextStepCode, tone: NextStepTone, vi: string, en: string, window?: NextStep['window']): NextStep => ({
  code,
  tone,
  message: { vi, en },
  ...(window ? { window } : {}),
});

const list = (papers: readonly Message[], lang: keyof Message) =>
  papers.map((p) => (lang === 'vi' ? p.vi.charAt(0).toLowerCase() + p.vi.slice(1) : p.en)).join('; ');

function papersStep(papers: readonly Message[]): NextStep {
  return step('add_papers', 'act', `Bổ sung giấy tờ: thiếu ${list(papers, 'vi')}`, `Add papers: missing ${list(papers, 'en')}`);
}

/** The step a dossier still open waits for (Art. 7.1–7.4). */
function openDossierStep(d: DossierFacts): NextStep {
  // An open question holds the dossier from being scored (Art. 7.3d): it comes first, whatever the stage.
  if (d.openQuestions > 0)
    return step(
      'answer_questions',
      'act',
      d.openQuestions === 1 ? 'Trả lời câu hỏi về minh chứng của hồ sơ' : `Trả lời ${d.openQuestions} câu hỏi về minh chứng của hồ sơ`,
      d.openQuestions === 1 ? 'Answer the question on your evidence' : `Answer ${d.openQuestions} questions on your evidence`,
    );
  switch (d.state) {
    case 'draft':
      if (d.missingPapers.length) return papersStep(d.missingPapers);
      if (!d.selfAssessed) return step('self_assess', 'act', 'Hoàn thành phiếu tự đánh giá sản phẩm', 'Complete the self-assessment of the product');
      return step('submit', 'act', 'Nộp hồ sơ cho UBND xã', 'File the dossier with the commune');
    case 'not_proposed':
      // Art. 7.2b: the commune returned it with its reasons; it may be filed again once put right.
      if (d.missingPapers.length) return papersStep(d.missingPapers);
      return step(
        'fix_and_resubmit',
        'act',
        'Xã chưa đề nghị: sửa hồ sơ theo ý kiến của xã rồi nộp lại',
        'The commune did not propose it: correct the dossier as it asked and file it again',
      );
    case 'returned':
      // Art. 7.3a: the province returned it for completion.
      if (d.missingPapers.length) return papersStep(d.missingPapers);
      return step('fix_and_resubmit', 'act', 'Bổ sung hồ sơ theo yêu cầu của tỉnh rồi nộp lại', 'Complete the dossier as the province asked and file it again');
    case 'submitted':
      return step('wait_commune', 'wait', 'Chờ xã xem xét và đề nghị lên tỉnh', 'Waiting for the commune to review and propose it');
    case 'commune_assessed':
    case 'resubmitted':
    case 'received':
      return step('wait_province', 'wait', 'Chờ tỉnh kiểm tra hồ sơ', 'Waiting for the province to check the dossier');
    case 'in_council':
      return step('wait_council', 'wait', 'Chờ hội đồng chấm điểm', 'Waiting for the council to score it');
    case 'scored':
    case 'approved':
      return step('wait_decision', 'wait', 'Chờ quyết định công nhận', 'Waiting for the recognition decision');
    default:
      return step('wait_ministry', 'wait', 'Chờ Bộ đánh giá sản phẩm 5 sao', 'Waiting for the ministry’s 5★ evaluation');
  }
}

/**
 * The next step for one product on a day. An open dossier decides it; without one, the product's
 * current certificate (the latest not superseded), or the lack of it, does.
 */
export function producerNextStep(facts: { dossier: DossierFacts | null; certificate: CertificateFacts | null }, today: IsoDate): NextStep {
  const { dossier, certificate } = facts;
  if (dossier && !CLOSED_STATES.includes(dossier.state)) return openDossierStep(dossier);
  if (certificate) {
    const status = certificateStatus(certificate, today);
    const w = reratingWindow(certificate.expiresOn);
    const range = `${formatDateVn(w.opens)} – ${formatDateVn(w.closes)}`;
    switch (status) {
      case 'valid':
        return step('rerating_later', 'info', `Nộp hồ sơ đánh giá lại trong khoảng ${range}`, `File the re-rating dossier between ${range}`, w);
      case 'due_for_rerating':
        return step(
          'file_rerating',
          'act',
          `Đã đến hạn: nộp hồ sơ đánh giá lại trong khoảng ${range}`,
          `Now due: file the re-rating dossier between ${range}`,
          w,
        );
      case 'expiring':
      case 'extended':
        // Art. 12.3: filed by the expiry date, a late re-rating still keeps the certificate in force until its result.
        return step(
          'file_rerating_late',
          'warn',
          `Đã quá khoảng nộp đánh giá lại (${range}): nộp ngay, trước ngày hết hạn ${formatDateVn(certificate.expiresOn)}`,
          `The re-rating window (${range}) has passed: file now, before the expiry on ${formatDateVn(certificate.expiresOn)}`,
          w,
        );
      case 'expired':
        // Art. 7.6: after expiry only a first evaluation is possible.
        return step(
          'first_evaluation',
          'warn',
          `Giấy chứng nhận đã hết hạn ngày ${formatDateVn(certificate.expiresOn)}: lập hồ sơ đánh giá lần đầu`,
          `The certificate expired on ${formatDateVn(certificate.expiresOn)}: file a first evaluation`,
        );
      case 'revoked':
        return step(
          'revoked',
          'warn',
          'Giấy chứng nhận đã bị thu hồi: liên hệ cán bộ xã trước khi lập hồ sơ mới',
          'The certificate was revoked: talk to your commune officer before filing again',
        );
      case 'superseded':
        break;
    }
  }
  if (dossier && (dossier.state === 'disqualified' || dossier.state === 'withdrawn' || dossier.state === 'decided' || dossier.state === 'ministry_decided'))
    return step(
      'start_again',
      'info',
      'Chưa được công nhận: hoàn thiện sản phẩm và lập hồ sơ mới ở đợt sau',
      'Not recognised: improve the product and file a new dossier in a later round',
    );
  return step('start', 'info', 'Tự đánh giá sản phẩm và lập hồ sơ đánh giá lần đầu', 'Assess the product yourself and file a first evaluation');
}

/** The three words a producer needs about a certificate: still good, falling due, or no longer good. */
export type CertificateStanding = 'valid' | 'falling_due' | 'expired';

export function certificateStanding(status: CertificateStatus): CertificateStanding {
  switch (status) {
    case 'valid':
      return 'valid';
    case 'due_for_rerating':
    case 'expiring':
    case 'extended':
      return 'falling_due';
    default:
      return 'expired';
  }
}
