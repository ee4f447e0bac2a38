import { describe, expect, it } from 'vitest';
import { certificatesSentence, countWords, cumulativeSentence, evaluationSentence, producersSentences, recognitionSentence, type AnnualFigures } from './annual-report-text.js';

/** The 2020 figures of Đồng Tháp's plan 122/KH-UBND, part I. */
const dongThap2020: AnnualFigures = {
  year: 2020,
  evaluated: { products: 130, firstTime: 113, upgrade: 17, reRating: 0, subjects: 56 },
  subjects: { new: 43, returning: 13 },
  recognized: { products: 99, subjects: 42, byStar: { '3': 65, '4': 34, '5': 0 }, byLegalForm: { HTX: 4, DNTN: 2, TNHH: 12, HKD: 20, CTCP: 4 } },
  scoreAtLeast90: 4,
  certificates: { valid: 99, expiring: 0, lapsed: 0, revoked: 0 },
  cumulative: { products: 99, subjects: 42, byStar: { '3': 65, '4': 34, '5': 0 } },
};

describe('annual report sentences', () => {
  it('write counts as documents do', () => {
    expect([0, 4, 10, 130, 1234].map(countWords)).toEqual(['00', '04', '10', '130', '1.234']);
  });
  it('say the plan’s own sentence from the figures', () => {
    expect(evaluationSentence(dongThap2020)).toBe('Năm 2020, tỉnh đã tổ chức đánh giá, xếp hạng 130 sản phẩm, có 113 sản phẩm thi lần đầu và 17 sản phẩm dự thi nâng hạng (với 56 chủ thể).');
    expect(recognitionSentence(dongThap2020)).toBe(
      'Kết quả, có 99 sản phẩm (với 42 chủ thể) được công nhận đạt từ 3 sao trở lên (34 sản phẩm đạt 4 sao, 65 sản phẩm đạt 3 sao); 04 sản phẩm đạt từ 90 điểm trở lên.',
    );
    expect(producersSentences(dongThap2020)).toEqual([
      'Năm 2020, có 56 tổ chức, cá nhân tham gia. Trong đó có 43 chủ thể mới tham gia lần đầu và 13 chủ thể đã có sản phẩm được đánh giá những năm trước.',
      'Kết quả, có 42 chủ thể có sản phẩm được công nhận là sản phẩm OCOP (20 Hộ kinh doanh; 12 Công ty TNHH; 04 Công ty cổ phần; 04 Hợp tác xã; 02 Doanh nghiệp tư nhân).',
    ]);
  });
  it('mention re-ratings and 5★ only when there are some', () => {
    const f = { ...dongThap2020, evaluated: { ...dongThap2020.evaluated, reRating: 3 }, recognized: { ...dongThap2020.recognized, byStar: { '3': 65, '4': 33, '5': 1 } } };
    expect(evaluationSentence(f)).toContain('113 sản phẩm thi lần đầu, 17 sản phẩm dự thi nâng hạng và 03 sản phẩm đánh giá lại khi hết hạn');
    expect(recognitionSentence(f)).toContain('(01 sản phẩm đạt 5 sao, 33 sản phẩm đạt 4 sao, 65 sản phẩm đạt 3 sao)');
    expect(cumulativeSentence(dongThap2020)).toBe('Lũy kế đến ngày 31/12/2020, toàn tỉnh có 99 sản phẩm OCOP còn hiệu lực công nhận (34 sản phẩm 4 sao, 65 sản phẩm 3 sao) của 42 chủ thể.');
    expect(certificatesSentence(dongThap2020)).toContain('00 giấy chứng nhận bị thu hồi');
  });
  it('say so when nothing was evaluated', () => {
    const none = { ...dongThap2020, evaluated: { products: 0, firstTime: 0, upgrade: 0, reRating: 0, subjects: 0 } };
    expect(evaluationSentence(none)).toBe('Năm 2020, tỉnh chưa có sản phẩm được đánh giá, xếp hạng.');
  });
});
