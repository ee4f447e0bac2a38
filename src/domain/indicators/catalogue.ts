/**
 * The indicator catalogue (bộ chỉ tiêu): every figure the plans set targets for, the dashboard shows
 * and the annual report writes. Each is defined once here; its SQL lives beside the indicators module
 * under the same code (src/server/modules/indicators/indicators.repository.ts), and a test checks that
 * every tracked indicator has exactly one query. Adding an indicator is one entry here and one query.
 *
 * Counting rules for evaluation figures (issue "annual report"; ocop-rules §7.5): for a year, each
 * product counts once, with its last result at a level that could recognise it under that result's
 * legal basis (see RECOGNISING_LEVELS in ../evaluation/historical-results.ts).
 */

export type IndicatorUnit = 'products' | 'subjects' | 'certificates' | 'percent' | 'points_of_sale' | 'events' | 'people' | 'visitors' | 'vnd' | 'items';

export type IndicatorGroup = 'evaluation' | 'producers' | 'certificates' | 'market' | 'support' | 'communication' | 'training';

export type Indicator = {
  code: string;
  group: IndicatorGroup;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: IndicatorUnit;
  /**
   * False while the platform holds no records to compute it from (sales points, fairs, support,
   * training, communication): a plan can still set a target, and figures show "chưa theo dõi".
   */
  tracked: boolean;
  /** The breakdown a query returns besides its total, e.g. legal form. */
  breakdown?: 'legalForm' | 'star' | 'criteriaSet';
};

const i = (
  code: string,
  group: IndicatorGroup,
  unit: IndicatorUnit,
  vi: string,
  en: string,
  defVi: string,
  defEn: string,
  extra: Partial<Indicator> = {},
): Indicator => ({
  code,
  group,
  unit,
  name: { vi, en },
  definition: { vi: defVi, en: defEn },
  tracked: true,
  ...extra,
});

const LAST_RESULT_VI = 'kết quả cuối cùng trong năm ở cấp có thẩm quyền công nhận theo căn cứ của kết quả';
const LAST_RESULT_EN = "the year's last result at a level able to recognise under that result's legal basis";

export const INDICATORS: readonly Indicator[] = [
  i(
    'products_evaluated',
    'evaluation',
    'products',
    'Sản phẩm được đánh giá, phân hạng',
    'Products evaluated',
    `Số sản phẩm có ${LAST_RESULT_VI}.`,
    `Products with ${LAST_RESULT_EN}.`,
  ),
  i(
    'products_evaluated_first',
    'evaluation',
    'products',
    'Sản phẩm đánh giá lần đầu',
    'Products evaluated for the first time',
    'Sản phẩm được đánh giá mà kết quả cuối cùng là đánh giá lần đầu.',
    'Evaluated products whose last result was a first evaluation.',
  ),
  i(
    'products_evaluated_upgrade',
    'evaluation',
    'products',
    'Sản phẩm dự thi nâng hạng',
    'Products evaluated for an upgrade',
    'Sản phẩm được đánh giá mà kết quả cuối cùng là đánh giá nâng hạng.',
    'Evaluated products whose last result was an upgrade.',
  ),
  i(
    'products_evaluated_rerating',
    'evaluation',
    'products',
    'Sản phẩm đánh giá lại',
    'Products re-rated',
    'Sản phẩm được đánh giá mà kết quả cuối cùng là đánh giá lại khi hết hạn.',
    'Evaluated products whose last result was a re-rating.',
  ),
  i(
    'subjects_evaluated',
    'producers',
    'subjects',
    'Chủ thể có sản phẩm được đánh giá',
    'Producers with evaluated products',
    'Số chủ thể có ít nhất một sản phẩm được đánh giá trong năm.',
    'Producers with at least one product evaluated in the year.',
  ),
  i(
    'subjects_new',
    'producers',
    'subjects',
    'Chủ thể tham gia lần đầu',
    'Producers taking part for the first time',
    'Chủ thể có sản phẩm được đánh giá trong năm và chưa có kết quả nào ở các năm trước.',
    'Producers evaluated this year with no result in any earlier year.',
  ),
  i(
    'subjects_returning',
    'producers',
    'subjects',
    'Chủ thể đã từng tham gia',
    'Returning producers',
    'Chủ thể có sản phẩm được đánh giá trong năm và đã có kết quả ở năm trước.',
    'Producers evaluated this year that had a result in an earlier year.',
  ),
  i(
    'products_recognised',
    'evaluation',
    'products',
    'Sản phẩm được công nhận đạt 3 sao trở lên',
    'Products recognised at 3★ or more',
    'Sản phẩm được đánh giá có kết quả cuối cùng công nhận từ 3 sao trở lên.',
    'Evaluated products whose last result recognised 3★ or more.',
    { breakdown: 'star' },
  ),
  i(
    'products_3_star',
    'evaluation',
    'products',
    'Sản phẩm 3 sao',
    '3★ products',
    'Sản phẩm có kết quả cuối cùng trong năm là 3 sao.',
    'Products whose last result of the year was 3★.',
  ),
  i(
    'products_4_star',
    'evaluation',
    'products',
    'Sản phẩm 4 sao',
    '4★ products',
    'Sản phẩm có kết quả cuối cùng trong năm là 4 sao.',
    'Products whose last result of the year was 4★.',
  ),
  i(
    'products_5_star',
    'evaluation',
    'products',
    'Sản phẩm 5 sao',
    '5★ products',
    'Sản phẩm được Trung ương công nhận 5 sao trong năm.',
    'Products recognised 5★ by the central level in the year.',
  ),
  i(
    'products_score_90',
    'evaluation',
    'products',
    'Sản phẩm đạt từ 90 điểm',
    'Products scoring 90 or more',
    'Sản phẩm được đánh giá có điểm cuối cùng đã biết và từ 90 điểm trở lên (đủ điều kiện đề nghị 5 sao).',
    'Evaluated products whose last known score is 90 or more (eligible for 5★).',
  ),
  i(
    'subjects_recognised',
    'producers',
    'subjects',
    'Chủ thể có sản phẩm đạt 3 sao trở lên',
    'Producers with recognised products',
    'Chủ thể có ít nhất một sản phẩm được công nhận từ 3 sao trong năm.',
    'Producers with at least one product recognised at 3★ or more in the year.',
    { breakdown: 'legalForm' },
  ),
  i(
    'products_recognised_by_set',
    'evaluation',
    'products',
    'Sản phẩm được công nhận theo bộ sản phẩm',
    'Recognised products by product set',
    'Sản phẩm được công nhận từ 3 sao trong năm, theo bộ tiêu chí (bộ sản phẩm).',
    'Products recognised at 3★ or more in the year, by criteria set.',
    { breakdown: 'criteriaSet' },
  ),
  i(
    'certificates_valid',
    'certificates',
    'certificates',
    'Giấy chứng nhận còn hiệu lực cuối năm',
    'Certificates valid at year end',
    'Giấy chứng nhận chưa hết hạn, chưa bị thu hồi hay thay thế vào ngày 31/12 của năm.',
    'Certificates neither expired, revoked nor superseded on 31 December.',
  ),
  i(
    'certificates_expiring',
    'certificates',
    'certificates',
    'Giấy chứng nhận hết hạn trong năm',
    'Certificates expiring in the year',
    'Giấy chứng nhận có ngày hết hạn trong năm (36 tháng kể từ ngày cấp, Điều 4 QĐ 26/2026).',
    'Certificates whose expiry date (36 months after issue, Art. 4) falls in the year.',
  ),
  i(
    'certificates_lapsed',
    'certificates',
    'certificates',
    'Giấy chứng nhận hết hiệu lực không được đánh giá lại',
    'Certificates lapsed without re-rating',
    'Giấy chứng nhận hết hạn trong năm mà không được thay thế bằng kết quả đánh giá lại.',
    'Certificates that expired in the year and were not superseded by a re-rating.',
  ),
  i(
    'certificates_revoked',
    'certificates',
    'certificates',
    'Giấy chứng nhận bị thu hồi',
    'Certificates revoked',
    'Giấy chứng nhận bị thu hồi trong năm (Điều 13 QĐ 26/2026).',
    'Certificates revoked in the year (Art. 13).',
  ),
  i(
    'subjects_modern_channels_share',
    'market',
    'percent',
    'Tỷ lệ chủ thể bán qua kênh hiện đại',
    'Share of producers on modern channels',
    'Tỷ lệ chủ thể OCOP có sản phẩm tại siêu thị, cửa hàng tiện lợi, chuỗi phân phối.',
    'Share of OCOP producers selling through supermarkets, convenience stores, chains.',
    { tracked: false },
  ),
  i(
    'subjects_ecommerce_share',
    'market',
    'percent',
    'Tỷ lệ chủ thể bán trên sàn thương mại điện tử',
    'Share of producers on e-commerce',
    'Tỷ lệ chủ thể OCOP có sản phẩm trên sàn thương mại điện tử.',
    'Share of OCOP producers listed on e-commerce platforms.',
    { tracked: false },
  ),
  i(
    'sales_points',
    'market',
    'points_of_sale',
    'Điểm giới thiệu và bán sản phẩm OCOP',
    'OCOP sales points',
    'Số điểm giới thiệu và bán sản phẩm OCOP đang hoạt động.',
    'OCOP showrooms and sales points in operation.',
    { tracked: false },
  ),
  i(
    'fairs',
    'market',
    'events',
    'Hội chợ, triển lãm có sản phẩm OCOP',
    'Fairs with OCOP products',
    'Số hội chợ, triển lãm, phiên chợ có chủ thể OCOP tham gia.',
    'Fairs and exhibitions OCOP producers took part in.',
    { tracked: false },
  ),
  i(
    'fair_visitors',
    'market',
    'visitors',
    'Lượt khách tham quan hội chợ',
    'Fair visitors',
    'Tổng lượt khách của các hội chợ, triển lãm.',
    'Total visitors of those fairs.',
    { tracked: false },
  ),
  i(
    'fair_revenue',
    'market',
    'vnd',
    'Doanh thu tại hội chợ',
    'Revenue at fairs',
    'Tổng doanh thu của chủ thể OCOP tại hội chợ, triển lãm (đồng).',
    'OCOP producers’ sales at fairs (VND).',
    { tracked: false },
  ),
  i(
    'support_granted',
    'support',
    'vnd',
    'Kinh phí hỗ trợ đã cấp',
    'Support granted',
    'Kinh phí hỗ trợ chủ thể OCOP đã giải ngân trong năm (đồng).',
    'Support paid to OCOP producers in the year (VND).',
    { tracked: false },
  ),
  i(
    'people_trained',
    'training',
    'people',
    'Lượt người được tập huấn',
    'People trained',
    'Lượt cán bộ và chủ thể được tập huấn, đào tạo về OCOP.',
    'Officers and producers trained on OCOP.',
    { tracked: false },
  ),
  i(
    'communication_items',
    'communication',
    'items',
    'Tin, bài, phóng sự tuyên truyền',
    'Communication items',
    'Số tin, bài, phóng sự, chuyên mục tuyên truyền về Chương trình OCOP.',
    'News items, articles and broadcasts about the programme.',
    { tracked: false },
  ),
];

const BY_CODE = new Map(INDICATORS.map((x) => [x.code, x]));

export const indicatorByCode = (code: string): Indicator | undefined => BY_CODE.get(code);
export const TRACKED_INDICATOR_CODES = INDICATORS.filter((x) => x.tracked).map((x) => x.code);
