import { describe, expect, it } from 'vitest';
import {
  certificatesSentence,
  communicationSentence,
  countWords,
  cumulativeSentence,
  evaluationSentence,
  fairsSentence,
  funnelRows,
  funnelSentence,
  listingsSentence,
  moneyWords,
  percentWords,
  producersSentences,
  recognitionSentence,
  salesPointsSentence,
  supportSentence,
  trainingSentence,
  type ActivityFigures,
  type AnnualFigures,
} from './annual-report-text.js';

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
    expect(cumulativeSentence(dongThap2020)).toBe('Luỹ kế đến ngày 31/12/2020, toàn tỉnh có 99 sản phẩm OCOP còn hiệu lực công nhận (34 sản phẩm 4 sao, 65 sản phẩm 3 sao) của 42 chủ thể.');
    expect(certificatesSentence(dongThap2020)).toContain('00 giấy chứng nhận bị thu hồi');
  });
  it('say so when nothing was evaluated', () => {
    const none = { ...dongThap2020, evaluated: { products: 0, firstTime: 0, upgrade: 0, reRating: 0, subjects: 0 } };
    expect(evaluationSentence(none)).toBe('Năm 2020, tỉnh chưa có sản phẩm được đánh giá, xếp hạng.');
  });
});

const NO_FUNNEL = { ideas: 0, accepted: 0, plans: 0, evaluated: 0, recognised: 0 };
/** A year with nothing recorded; each case below adds what it is about. */
const emptyYear: ActivityFigures = {
  year: 2025,
  communication: { items: 0, byKind: {} },
  training: { courses: 0, people: 0, producers: 0 },
  development: { funnel: NO_FUNNEL, businessPlans: 0 },
  support: { budgetVnd: 0, grantedVnd: 0, grants: 0, subjects: 0, byArea: [] },
  trade: {
    salesPoints: { total: 0, outside: 0, byKind: {} },
    chainListings: { total: 0, byChannel: {} },
    ecommerceListings: { total: 0, byPlatform: {} },
    modernChannelsShare: null,
    ecommerceShare: null,
    fairs: { events: 0, producers: 0, visitors: 0, revenueVnd: 0, contracts: 0, byKind: {} },
  },
};
const trade = (t: Partial<ActivityFigures['trade']>): ActivityFigures => ({ ...emptyYear, trade: { ...emptyYear.trade, ...t } });

describe('activity sentences', () => {
  it('write money in đồng with dots and shares with a comma', () => {
    expect([0, 65_000_000, 1_250_000_000].map(moneyWords)).toEqual(['0 đồng', '65.000.000 đồng', '1.250.000.000 đồng']);
    expect([33.3, 50, 0].map(percentWords)).toEqual(['33,3%', '50%', '0%']);
  });

  it.each([
    [{}, 'Năm 2025, chưa ghi nhận tin, bài, phóng sự hay ấn phẩm tuyên truyền về Chương trình OCOP.'],
    [
      { tv: 24, handbook: 2000 },
      'Trong năm, đã phối hợp thực hiện 24 phóng sự, chuyên mục truyền hình; phát hành 2.000 cuốn sổ tay tuyên truyền về Chương trình OCOP.',
    ],
    [
      { radio: 12, tv: 24, article: 100, handbook: 5000, guide: 2400, panel: 6 },
      'Trong năm, đã phối hợp thực hiện 12 phóng sự, chuyên mục phát thanh, 24 phóng sự, chuyên mục truyền hình và 100 tin, bài trên báo in, báo điện tử; phát hành 5.000 cuốn sổ tay, 2.400 quyển tài liệu hướng dẫn và 06 pa-nô, áp phích tuyên truyền về Chương trình OCOP.',
    ],
    [{ guide: 3 }, 'Trong năm, đã phát hành 03 quyển tài liệu hướng dẫn tuyên truyền về Chương trình OCOP.'],
    [{ podcast: 2 }, 'Trong năm, đã phối hợp thực hiện 02 tin, bài, ấn phẩm khác tuyên truyền về Chương trình OCOP.'],
  ])('say what was published: %j', (byKind, sentence) => {
    expect(communicationSentence({ year: 2025, communication: { items: 0, byKind } })).toBe(sentence);
  });

  it.each([
    [{ courses: 0, people: 0, producers: 0 }, 'Năm 2025, chưa ghi nhận lớp tập huấn, đào tạo về Chương trình OCOP.'],
    [{ courses: 12, people: 640, producers: 35 }, 'Trong năm, đã tổ chức 12 lớp tập huấn, đào tạo về Chương trình OCOP cho 640 lượt cán bộ và chủ thể (35 chủ thể có người tham dự).'],
    [{ courses: 1, people: 30, producers: 0 }, 'Trong năm, đã tổ chức 01 lớp tập huấn, đào tạo về Chương trình OCOP cho 30 lượt cán bộ và chủ thể.'],
  ])('say how many were trained: %j', (training, sentence) => {
    expect(trainingSentence({ year: 2025, training })).toBe(sentence);
  });

  it('follow the funnel from ideas to recognised products', () => {
    const funnel = { ideas: 40, accepted: 32, plans: 20, evaluated: 12, recognised: 9 };
    expect(funnelSentence({ year: 2025, development: { funnel, businessPlans: 20 } })).toBe(
      'Trong năm, các xã, phường đã tiếp nhận 40 ý tưởng sản phẩm; trong đó 32 ý tưởng được chấp nhận, 20 ý tưởng đã có phương án, dự án sản xuất kinh doanh, 12 ý tưởng có sản phẩm được đánh giá, phân hạng và 09 ý tưởng có sản phẩm được công nhận đạt từ 3 sao trở lên.',
    );
    expect(funnelSentence(emptyYear)).toBe('Năm 2025, chưa có ý tưởng sản phẩm được các xã, phường tiếp nhận.');
    expect(funnelRows(funnel).map((r) => [r.label, r.count, r.share])).toEqual([
      ['Ý tưởng được tiếp nhận', 40, 100],
      ['Ý tưởng được chấp nhận', 32, 80],
      ['Có phương án, dự án SXKD', 20, 50],
      ['Sản phẩm được đánh giá', 12, 30],
      ['Sản phẩm được công nhận OCOP', 9, 22.5],
    ]);
    expect(funnelRows(NO_FUNNEL).every((r) => r.share === null)).toBe(true);
  });

  it.each([
    [{ budgetVnd: 0, grantedVnd: 0, grants: 0, subjects: 0, byArea: [] }, 'Năm 2025, chưa có khoản hỗ trợ chủ thể OCOP nào được giải ngân.'],
    [
      { budgetVnd: 800_000_000, grantedVnd: 0, grants: 0, subjects: 0, byArea: [] },
      'Năm 2025, các chính sách hỗ trợ chủ thể OCOP có tổng kinh phí 800.000.000 đồng; chưa có khoản hỗ trợ nào được giải ngân.',
    ],
    [
      {
        budgetVnd: 800_000_000,
        grantedVnd: 180_000_000,
        grants: 2,
        subjects: 2,
        byArea: [
          { area: 'packaging', budgetVnd: 500_000_000, grantedVnd: 100_000_000, grants: 1 },
          { area: 'trade_promotion', budgetVnd: 300_000_000, grantedVnd: 80_000_000, grants: 1 },
          { area: 'trademark', budgetVnd: 0, grantedVnd: 0, grants: 0 },
        ],
      },
      'Trong năm, đã giải ngân 180.000.000 đồng hỗ trợ 02 chủ thể (02 lượt hỗ trợ) trên tổng kinh phí 800.000.000 đồng của các chính sách hỗ trợ năm 2025, gồm: bao bì, nhãn mác 100.000.000 đồng; xúc tiến thương mại 80.000.000 đồng.',
    ],
  ])('say what support was paid: %j', (support, sentence) => {
    expect(supportSentence({ year: 2025, support })).toBe(sentence);
  });

  it.each([
    [trade({}), 'Đến ngày 31/12/2025, chưa có điểm giới thiệu và bán sản phẩm OCOP nào được ghi nhận.'],
    [
      trade({ salesPoints: { total: 4, outside: 1, byKind: { ocop_point: 3, ocop_centre: 1 } } }),
      'Đến ngày 31/12/2025, có 04 điểm giới thiệu và bán sản phẩm OCOP đang hoạt động (03 điểm trong tỉnh, 01 điểm ngoài tỉnh), gồm: 03 điểm giới thiệu và bán sản phẩm OCOP, 01 trung tâm OCOP.',
    ],
    [
      trade({ salesPoints: { total: 12, outside: 0, byKind: { shop: 12 } } }),
      'Đến ngày 31/12/2025, có 12 điểm giới thiệu và bán sản phẩm OCOP đang hoạt động trên địa bàn tỉnh, gồm: 12 cửa hàng.',
    ],
  ])('say how many sales points are open at year end (%#)', (f, sentence) => {
    expect(salesPointsSentence(f)).toBe(sentence);
  });

  it.each([
    [trade({}), 'Đến cuối năm 2025, chưa ghi nhận sản phẩm được bày bán tại siêu thị, chuỗi phân phối hay trên sàn thương mại điện tử.'],
    [
      trade({
        chainListings: { total: 25, byChannel: { supermarket: 25 } },
        ecommerceListings: { total: 40, byPlatform: { shopee: 15, lazada: 10, own_website: 15 } },
        modernChannelsShare: 45.5,
        ecommerceShare: 60,
      }),
      'Đến cuối năm 2025, có 25 lượt sản phẩm được bày bán tại siêu thị, cửa hàng tiện lợi, chuỗi phân phối và 40 sản phẩm trên sàn thương mại điện tử (15 trên Website của chủ thể, 15 trên Shopee, 10 trên Lazada); 45,5% chủ thể OCOP có sản phẩm bán qua kênh phân phối hiện đại và 60% chủ thể OCOP có sản phẩm trên sàn thương mại điện tử.',
    ],
    [
      trade({ ecommerceListings: { total: 1, byPlatform: { tiki: 1 } } }),
      'Đến cuối năm 2025, có 01 sản phẩm trên sàn thương mại điện tử (01 trên Tiki).',
    ],
  ])('say where products are listed (%#)', (f, sentence) => {
    expect(listingsSentence(f)).toBe(sentence);
  });

  it.each([
    [trade({}), 'Năm 2025, chưa ghi nhận hội chợ, triển lãm, sự kiện xúc tiến thương mại có chủ thể OCOP tham gia.'],
    [
      trade({ fairs: { events: 2, producers: 2, visitors: 1000, revenueVnd: 65_000_000, contracts: 5, byKind: { fair: 1, supply_demand: 1 } } }),
      'Trong năm, đã tổ chức, tham gia 02 sự kiện xúc tiến thương mại (01 hội chợ, 01 hội nghị kết nối cung cầu) với 02 chủ thể OCOP tham gia; thu hút 1.000 lượt khách tham quan; doanh thu đạt 65.000.000 đồng; ký kết 05 hợp đồng, biên bản ghi nhớ.',
    ],
    [
      trade({ fairs: { events: 1, producers: 0, visitors: 0, revenueVnd: 0, contracts: 0, byKind: { culture_tourism_week: 1 } } }),
      'Trong năm, đã tổ chức, tham gia 01 sự kiện xúc tiến thương mại (01 tuần lễ văn hoá – du lịch).',
    ],
  ])('say what the fairs brought (%#)', (f, sentence) => {
    expect(fairsSentence(f)).toBe(sentence);
  });
});
