/**
 * The indicator catalogue (bộ chỉ tiêu): every figure the plans set targets for, the dashboard shows
 * and the annual report writes. Each is defined once here; its SQL lives beside the indicators module
 * under the same code (src/server/modules/indicators/indicators.repository.ts), and a test checks that
 * every indicator has exactly one query. Adding an indicator is one entry here and one query.
 *
 * Counting rules for evaluation figures (issue "annual report"; ocop-rules §7.5): for a year, each
 * product counts once, with its last result at a level that could recognise it under that result's
 * legal basis (see RECOGNISING_LEVELS in ../evaluation/historical-results.ts).
 *
 * Market and activity figures (sales points, listings, trade events, ideas, support, communication,
 * training) count the platform's records. A commune officer's area counts the records of their
 * communes: a producer's by the producer's commune, a sales point or course by where it is, an event
 * by whether a producer of the area took part. Records of the whole province (communication items,
 * support budgets, points and events outside the province) count for the province only.
 */

export type IndicatorUnit =
  | 'products'
  | 'subjects'
  | 'certificates'
  | 'percent'
  | 'points_of_sale'
  | 'events'
  | 'people'
  | 'visitors'
  | 'vnd'
  | 'items'
  | 'courses'
  | 'grants'
  | 'ideas'
  | 'plans'
  | 'listings'
  | 'contracts';

export type IndicatorGroup = 'evaluation' | 'producers' | 'certificates' | 'development' | 'market' | 'support' | 'communication' | 'training';

/**
 * The breakdown a query returns besides its total: its keys are a legal form, a star, a criteria set
 * number, or the code of a kind in src/domain/market and src/domain/programme.
 */
export type IndicatorBreakdown =
  'legalForm' | 'star' | 'criteriaSet' | 'platform' | 'channel' | 'salesPointKind' | 'eventKind' | 'supportArea' | 'communicationKind';

export type Indicator = {
  code: string;
  group: IndicatorGroup;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: IndicatorUnit;
  breakdown?: IndicatorBreakdown;
};

/** Units as figures are written beside them (percent and money are written with the figure itself). */
export const INDICATOR_UNIT_LABELS: Readonly<Record<IndicatorUnit, { vi: string; en: string }>> = {
  products: { vi: 'sản phẩm', en: 'products' },
  subjects: { vi: 'chủ thể', en: 'producers' },
  certificates: { vi: 'giấy chứng nhận', en: 'certificates' },
  percent: { vi: '%', en: '%' },
  points_of_sale: { vi: 'điểm bán', en: 'sales points' },
  events: { vi: 'sự kiện', en: 'events' },
  people: { vi: 'lượt người', en: 'attendances' },
  visitors: { vi: 'lượt khách', en: 'visits' },
  vnd: { vi: 'đồng', en: 'VND' },
  items: { vi: 'tin, bài, ấn phẩm', en: 'items' },
  courses: { vi: 'lớp', en: 'courses' },
  grants: { vi: 'lượt hỗ trợ', en: 'grants' },
  ideas: { vi: 'ý tưởng', en: 'ideas' },
  plans: { vi: 'phương án, dự án', en: 'plans' },
  listings: { vi: 'sản phẩm', en: 'listings' },
  contracts: { vi: 'hợp đồng, biên bản', en: 'agreements' },
};

export const INDICATOR_GROUP_LABELS: Readonly<Record<IndicatorGroup, { vi: string; en: string }>> = {
  evaluation: { vi: 'Đánh giá, phân hạng', en: 'Evaluation' },
  producers: { vi: 'Chủ thể OCOP', en: 'Producers' },
  certificates: { vi: 'Giấy chứng nhận', en: 'Certificates' },
  development: { vi: 'Phát triển sản phẩm', en: 'Product development' },
  market: { vi: 'Thị trường, xúc tiến thương mại', en: 'Market and trade promotion' },
  support: { vi: 'Hỗ trợ', en: 'Support' },
  communication: { vi: 'Tuyên truyền', en: 'Communication' },
  training: { vi: 'Đào tạo, tập huấn', en: 'Training' },
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
    'ideas_received',
    'development',
    'ideas',
    'Ý tưởng sản phẩm được tiếp nhận',
    'Product ideas received',
    'Phiếu đăng ký ý tưởng sản phẩm xã, phường tiếp nhận trong năm (bước 1 của Chu trình OCOP), theo xã nhận phiếu.',
    'Product idea forms communes received in the year (step 1 of the OCOP cycle), by the receiving commune.',
  ),
  i(
    'ideas_accepted',
    'development',
    'ideas',
    'Ý tưởng sản phẩm được chấp nhận',
    'Product ideas accepted',
    'Ý tưởng tiếp nhận trong năm đã được xã, phường chấp nhận (bước 2).',
    'Ideas received in the year that the commune accepted (step 2).',
  ),
  i(
    'business_plans',
    'development',
    'plans',
    'Phương án, dự án sản xuất kinh doanh',
    'Business plans',
    'Phương án, dự án sản xuất kinh doanh nộp trong năm (bước 3), theo xã của ý tưởng.',
    'Business plans and projects submitted in the year (step 3), by the commune of their idea.',
  ),
  i(
    'subjects_modern_channels_share',
    'market',
    'percent',
    'Tỷ lệ chủ thể bán qua kênh hiện đại',
    'Share of producers on modern channels',
    'Trong các chủ thể có sản phẩm còn hiệu lực công nhận OCOP (từ 3 sao) ngày 31/12, tỷ lệ chủ thể có ít nhất một sản phẩm (bất kỳ) đang bày bán tại siêu thị, cửa hàng tiện lợi, chuỗi phân phối: liên kết đang hoạt động, bắt đầu (hoặc được ghi nhận) từ ngày 31/12 trở về trước.',
    'Of the producers holding an OCOP recognition (3★ or more) in force on 31 December, the share with at least one product (any) on the shelves of a supermarket, convenience store or chain: a listing still active that started (or was recorded) on or before 31 December.',
  ),
  i(
    'subjects_ecommerce_share',
    'market',
    'percent',
    'Tỷ lệ chủ thể bán trên sàn thương mại điện tử',
    'Share of producers on e-commerce',
    'Trong các chủ thể có sản phẩm còn hiệu lực công nhận OCOP (từ 3 sao) ngày 31/12, tỷ lệ chủ thể có ít nhất một sản phẩm (bất kỳ) trên sàn thương mại điện tử: đường dẫn đã được duyệt, đang hoạt động, được duyệt (hoặc ghi nhận) từ ngày 31/12 trở về trước.',
    'Of the producers holding an OCOP recognition (3★ or more) in force on 31 December, the share with at least one product (any) on an e-commerce platform: a listing approved, still active, approved (or recorded) on or before 31 December.',
  ),
  i(
    'sales_points',
    'market',
    'points_of_sale',
    'Điểm giới thiệu và bán sản phẩm OCOP',
    'OCOP sales points',
    'Điểm giới thiệu và bán sản phẩm OCOP, trung tâm, cửa hàng, quầy hoạt động ngày 31/12: mở cửa (hoặc được ghi nhận khi không rõ ngày mở) từ ngày 31/12 trở về trước và chưa đóng cửa vào ngày đó; theo xã nơi đặt điểm, điểm ngoài tỉnh chỉ tính cho toàn tỉnh.',
    'OCOP showrooms, centres, shops and counters open on 31 December: opened (or recorded, when the opening day is unknown) on or before that day and not closed by it; by the commune they stand in, those outside the province counted for the province only.',
    { breakdown: 'salesPointKind' },
  ),
  i(
    'sales_points_outside',
    'market',
    'points_of_sale',
    'Điểm giới thiệu và bán sản phẩm OCOP ngoài tỉnh',
    'OCOP sales points outside the province',
    'Trong các điểm hoạt động ngày 31/12, các điểm đặt tại tỉnh, thành phố khác hoặc ở nước ngoài.',
    'Of the points open on 31 December, those in another province or abroad.',
  ),
  i(
    'chain_listings',
    'market',
    'listings',
    'Sản phẩm tại siêu thị, chuỗi phân phối',
    'Products on retail chains',
    'Lượt sản phẩm đang bày bán tại siêu thị, cửa hàng tiện lợi, chuỗi cửa hàng, nhà phân phối ngày 31/12 (mỗi sản phẩm tính một lần cho mỗi chuỗi), theo kênh.',
    'Products on the shelves of supermarkets, convenience stores, chains or distributors on 31 December (each product once per chain), by channel.',
    { breakdown: 'channel' },
  ),
  i(
    'ecommerce_listings',
    'market',
    'listings',
    'Sản phẩm trên sàn thương mại điện tử',
    'E-commerce listings',
    'Đường dẫn sản phẩm trên sàn thương mại điện tử đã được duyệt và đang hoạt động ngày 31/12, theo sàn.',
    'Product pages on e-commerce platforms approved and active on 31 December, by platform.',
    { breakdown: 'platform' },
  ),
  i(
    'fairs',
    'market',
    'events',
    'Hội chợ, triển lãm có sản phẩm OCOP',
    'Fairs with OCOP products',
    'Hội chợ, triển lãm, tuần lễ văn hoá – du lịch, hội nghị kết nối cung cầu bắt đầu trong năm: với toàn tỉnh, mọi sự kiện đã ghi nhận; với các xã, sự kiện có chủ thể của xã tham gia. Theo xã nơi tổ chức (sự kiện ngoài tỉnh không thuộc xã nào).',
    'Fairs, exhibitions, culture and tourism weeks and supply–demand conferences that started in the year: for the province every event recorded; for communes, the events a producer of theirs took part in. By the commune where held (events outside the province belong to no commune).',
    { breakdown: 'eventKind' },
  ),
  i(
    'fair_producers',
    'market',
    'subjects',
    'Chủ thể tham gia hội chợ, triển lãm',
    'Producers at fairs',
    'Số chủ thể (mỗi chủ thể một lần) tham gia các sự kiện xúc tiến thương mại bắt đầu trong năm, theo xã của chủ thể.',
    'Producers (each once) taking part in the trade events that started in the year, by the producer’s commune.',
  ),
  i(
    'fair_visitors',
    'market',
    'visitors',
    'Lượt khách tham quan hội chợ',
    'Fair visitors',
    'Tổng lượt khách của các sự kiện được tính ở chỉ tiêu "Hội chợ, triển lãm".',
    'Total visitors of the events counted by "Fairs with OCOP products".',
  ),
  i(
    'fair_revenue',
    'market',
    'vnd',
    'Doanh thu tại hội chợ',
    'Revenue at fairs',
    'Với toàn tỉnh, doanh thu ghi nhận của các sự kiện bắt đầu trong năm (khi sự kiện không ghi tổng doanh thu: tổng doanh thu của các chủ thể tham gia); với các xã, doanh thu của chủ thể thuộc xã (đồng).',
    'For the province, the recorded sales of the events that started in the year (where an event records no total, the sum of its producers’ sales); for communes, the sales of their producers (VND).',
  ),
  i(
    'trade_event_contracts',
    'market',
    'contracts',
    'Hợp đồng, biên bản ghi nhớ tại hội chợ',
    'Agreements signed at fairs',
    'Số hợp đồng, biên bản ghi nhớ ký kết tại các sự kiện được tính ở chỉ tiêu "Hội chợ, triển lãm".',
    'Contracts and memoranda signed at the events counted by "Fairs with OCOP products".',
  ),
  i(
    'support_budget',
    'support',
    'vnd',
    'Kinh phí các chính sách hỗ trợ',
    'Support budgets',
    'Tổng kinh phí của các chính sách hỗ trợ chủ thể OCOP của năm, theo lĩnh vực (đồng; chỉ tính cho toàn tỉnh).',
    'The budgets of the year’s support policies for OCOP producers, by area (VND; for the province only).',
    { breakdown: 'supportArea' },
  ),
  i(
    'support_granted',
    'support',
    'vnd',
    'Kinh phí hỗ trợ đã giải ngân',
    'Support paid',
    'Kinh phí hỗ trợ chủ thể OCOP đã giải ngân, của các khoản hỗ trợ cấp trong năm, theo lĩnh vực của chính sách và xã của chủ thể (đồng).',
    'Support paid to OCOP producers, of the grants made in the year, by the policy’s area and the producer’s commune (VND).',
    { breakdown: 'supportArea' },
  ),
  i(
    'grants_count',
    'support',
    'grants',
    'Lượt hỗ trợ đã giải ngân',
    'Grants paid',
    'Số khoản hỗ trợ cấp trong năm đã giải ngân, theo lĩnh vực của chính sách.',
    'Grants made in the year and paid, by the policy’s area.',
    { breakdown: 'supportArea' },
  ),
  i(
    'subjects_supported',
    'support',
    'subjects',
    'Chủ thể được hỗ trợ',
    'Producers supported',
    'Số chủ thể (mỗi chủ thể một lần) có khoản hỗ trợ cấp trong năm đã giải ngân.',
    'Producers (each once) with a grant made in the year and paid.',
  ),
  i(
    'communication_items',
    'communication',
    'items',
    'Tin, bài, phóng sự, ấn phẩm tuyên truyền',
    'Communication items',
    'Số phóng sự, chuyên mục, tin, bài, và số bản sổ tay, tài liệu, pa-nô tuyên truyền về Chương trình OCOP phát hành trong năm (theo số lượng ghi nhận của từng mục), theo loại; chỉ tính cho toàn tỉnh.',
    'Broadcasts, sections, articles, and copies of handbooks, guides and panels about the programme published in the year (each item’s recorded quantity), by kind; for the province only.',
    { breakdown: 'communicationKind' },
  ),
  i(
    'training_courses',
    'training',
    'courses',
    'Lớp tập huấn, đào tạo',
    'Training courses',
    'Lớp tập huấn, đào tạo về OCOP bắt đầu trong năm: với toàn tỉnh, mọi lớp đã ghi nhận; với các xã, lớp tổ chức tại xã hoặc có chủ thể của xã tham dự. Theo xã nơi tổ chức.',
    'OCOP training courses that started in the year: for the province every course recorded; for communes, the courses held there or attended by a producer of theirs. By the commune where held.',
  ),
  i(
    'people_trained',
    'training',
    'people',
    'Lượt người được tập huấn',
    'People trained',
    'Tổng số người tham dự (cán bộ và người của chủ thể) các lớp được tính ở chỉ tiêu "Lớp tập huấn, đào tạo".',
    'Everyone (officers and producers’ people) attending the courses counted by "Training courses".',
  ),
  i(
    'producers_trained',
    'training',
    'subjects',
    'Chủ thể có người được tập huấn',
    'Producers trained',
    'Số chủ thể (mỗi chủ thể một lần) cử người tham dự các lớp bắt đầu trong năm, theo xã của chủ thể.',
    'Producers (each once) that sent someone to a course that started in the year, by the producer’s commune.',
  ),
];

const BY_CODE = new Map(INDICATORS.map((x) => [x.code, x]));

export const indicatorByCode = (code: string): Indicator | undefined => BY_CODE.get(code);
