import { describe, expect, it } from 'vitest';
import { submitBlockers, type SubmitReadinessFacts } from './submit-readiness.js';

const QD26 = '26/2026/QĐ-TTg';
const ready: SubmitReadinessFacts = {
  attached: { status: 'completed', setNumber: 6, legalBasis: QD26 },
  completedFileable: 1,
  productSetNumber: 6,
  legalBasis: QD26,
};
const codes = (f: Partial<SubmitReadinessFacts>) => submitBlockers({ ...ready, ...f }).map((m) => m.vi);

describe('what keeps a dossier from being filed (Art. 6.1: Mẫu 02 completed, on the product’s set)', () => {
  it.each<[string, Partial<SubmitReadinessFacts>, string[]]>([
    ['a completed sheet on the set and version', {}, []],
    ['an unfinished attached sheet, but another completed one', { attached: { status: 'draft', setNumber: 6, legalBasis: QD26 } }, []],
    ['no sheet at all', { attached: null, completedFileable: 0 }, ['chưa có phiếu tự đánh giá (Mẫu 02) đã hoàn thành']],
    [
      'an unfinished sheet',
      { attached: { status: 'draft', setNumber: 6, legalBasis: QD26 }, completedFileable: 0 },
      ['phiếu tự đánh giá (Mẫu 02) chưa hoàn thành'],
    ],
    [
      'a sheet on another set',
      { attached: { status: 'completed', setNumber: 7, legalBasis: QD26 }, completedFileable: 0 },
      ['phiếu tự đánh giá theo bộ số 7, sản phẩm thuộc bộ số 6'],
    ],
    [
      'a sheet under other criteria',
      { attached: { status: 'completed', setNumber: 6, legalBasis: '148/QĐ-TTg' }, completedFileable: 0 },
      ['phiếu tự đánh giá theo 148/QĐ-TTg, hồ sơ đánh giá theo 26/2026/QĐ-TTg'],
    ],
  ])('%s', (_label, facts, expected) => expect(codes(facts)).toEqual(expected));

  it('says each reason in English too', () => {
    expect(submitBlockers({ ...ready, attached: null, completedFileable: 0 })[0]!.en).toBe('there is no completed self-assessment (Form 02)');
  });
});
