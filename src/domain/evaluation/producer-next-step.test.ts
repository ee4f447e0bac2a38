import { describe, expect, it } from 'vitest';
import { certificateExpiry, reratingWindow } from '../certificates/validity.js';
import { DOCUMENT_TYPES } from './dossier-documents.js';
import type { DossierState } from './dossier-workflow.js';
import { certificateStanding, producerNextStep, type DossierFacts } from './producer-next-step.js';

const dossier = (state: DossierState, more: Partial<DossierFacts> = {}): DossierFacts => ({
  state,
  kind: 'first',
  missingPapers: [],
  openQuestions: 0,
  selfAssessed: true,
  ...more,
});
const FOOD_SAFETY = DOCUMENT_TYPES.food_safety_certificate.label;
const TODAY = '2026-12-04';

describe('a producer’s next step on an open dossier (Art. 7 of Decision 26/2026/QĐ-TTg)', () => {
  it.each([
    ['draft', {}, 'submit', 'Nộp hồ sơ cho UBND xã'],
    ['draft', { selfAssessed: false }, 'self_assess', 'Hoàn thành phiếu tự đánh giá sản phẩm'],
    ['draft', { missingPapers: [FOOD_SAFETY] }, 'add_papers', 'Bổ sung giấy tờ: thiếu giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'],
    ['returned', { missingPapers: [FOOD_SAFETY] }, 'add_papers', 'Bổ sung giấy tờ: thiếu giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'],
    ['returned', {}, 'fix_and_resubmit', 'Bổ sung hồ sơ theo yêu cầu của tỉnh rồi nộp lại'],
    ['not_proposed', {}, 'fix_and_resubmit', 'Xã chưa đề nghị: sửa hồ sơ theo ý kiến của xã rồi nộp lại'],
    ['submitted', {}, 'wait_commune', 'Chờ xã xem xét và đề nghị lên tỉnh'],
    ['commune_assessed', {}, 'wait_province', 'Chờ tỉnh kiểm tra hồ sơ'],
    ['received', {}, 'wait_province', 'Chờ tỉnh kiểm tra hồ sơ'],
    ['resubmitted', {}, 'wait_province', 'Chờ tỉnh kiểm tra hồ sơ'],
    ['in_council', {}, 'wait_council', 'Chờ hội đồng chấm điểm'],
    ['in_council', { openQuestions: 1 }, 'answer_questions', 'Trả lời câu hỏi về minh chứng của hồ sơ'],
    ['received', { openQuestions: 2, missingPapers: [FOOD_SAFETY] }, 'answer_questions', 'Trả lời 2 câu hỏi về minh chứng của hồ sơ'],
    ['scored', {}, 'wait_decision', 'Chờ quyết định công nhận'],
    ['approved', {}, 'wait_decision', 'Chờ quyết định công nhận'],
    ['forwarded_to_ministry', {}, 'wait_ministry', 'Chờ Bộ đánh giá sản phẩm 5 sao'],
    ['central_scored', {}, 'wait_ministry', 'Chờ Bộ đánh giá sản phẩm 5 sao'],
  ] as const)('%s %o → %s', (state, more, code, vi) => {
    const next = producerNextStep({ dossier: dossier(state, more), certificate: null }, TODAY);
    expect(next.code).toBe(code);
    expect(next.message.vi).toBe(vi);
    expect(next.message.en).not.toBe('');
  });

  it('an open dossier comes before the certificate’s own calendar', () => {
    const certificate = { issuedOn: '2024-06-15', expiresOn: certificateExpiry('2024-06-15') };
    expect(producerNextStep({ dossier: dossier('submitted', { kind: 'rerating' }), certificate }, '2027-01-10').code).toBe('wait_commune');
  });

  it('never uses the office’s words', () => {
    const next = producerNextStep({ dossier: dossier('draft', { missingPapers: [FOOD_SAFETY] }), certificate: null }, TODAY);
    expect(next.message.vi).not.toMatch(/phạm vi|được giao/);
  });
});

describe('a producer’s next step by its certificate (Art. 4.3, 7.6, 12.3)', () => {
  const issuedOn = '2024-06-01';
  const expiresOn = certificateExpiry(issuedOn); // 2027-06-01
  const window = reratingWindow(expiresOn); // 2026-12-03 … 2027-02-01
  const certificate = { issuedOn, expiresOn };
  const decided = dossier('decided');

  it('takes the window from the domain’s rule', () => {
    expect(window).toEqual({ opens: '2026-12-03', closes: '2027-02-01' });
  });

  it.each([
    ['2026-12-02', 'rerating_later', 'Nộp hồ sơ đánh giá lại trong khoảng 03/12/2026 – 01/02/2027'],
    ['2026-12-03', 'file_rerating', 'Đã đến hạn: nộp hồ sơ đánh giá lại trong khoảng 03/12/2026 – 01/02/2027'],
    ['2027-02-01', 'file_rerating', 'Đã đến hạn: nộp hồ sơ đánh giá lại trong khoảng 03/12/2026 – 01/02/2027'],
    ['2027-02-02', 'file_rerating_late', 'Đã quá khoảng nộp đánh giá lại (03/12/2026 – 01/02/2027): nộp ngay, trước ngày hết hạn 01/06/2027'],
    ['2027-06-01', 'file_rerating_late', 'Đã quá khoảng nộp đánh giá lại (03/12/2026 – 01/02/2027): nộp ngay, trước ngày hết hạn 01/06/2027'],
    ['2027-06-02', 'first_evaluation', 'Giấy chứng nhận đã hết hạn ngày 01/06/2027: lập hồ sơ đánh giá lần đầu'],
  ] as const)('on %s → %s', (today, code, vi) => {
    const next = producerNextStep({ dossier: decided, certificate }, today);
    expect(next.code).toBe(code);
    expect(next.message.vi).toBe(vi);
  });

  it('gives the window with the steps about it', () => {
    expect(producerNextStep({ dossier: null, certificate }, '2026-06-01').window).toEqual(window);
    expect(producerNextStep({ dossier: null, certificate }, '2027-06-02').window).toBeUndefined();
  });

  it('says so when the certificate was revoked', () => {
    expect(producerNextStep({ dossier: null, certificate: { ...certificate, revokedOn: '2026-01-10' } }, TODAY).code).toBe('revoked');
  });
});

describe('a producer’s next step without a certificate', () => {
  it.each([
    [null, 'start'],
    [dossier('disqualified'), 'start_again'],
    [dossier('withdrawn'), 'start_again'],
    [dossier('decided'), 'start_again'],
  ] as const)('%o → %s', (d, code) => expect(producerNextStep({ dossier: d, certificate: null }, TODAY).code).toBe(code));
});

describe('certificate standing in a producer’s words', () => {
  it.each([
    ['valid', 'valid'],
    ['due_for_rerating', 'falling_due'],
    ['expiring', 'falling_due'],
    ['extended', 'falling_due'],
    ['expired', 'expired'],
    ['revoked', 'expired'],
    ['superseded', 'expired'],
  ] as const)('%s → %s', (status, standing) => expect(certificateStanding(status)).toBe(standing));
});
