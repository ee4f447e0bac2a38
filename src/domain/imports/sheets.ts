import type { Message } from '../errors.js';
import { LEGAL_BASES } from '../evaluation/historical-results.js';
import { SALES_POINT_CHECKLIST, type SalesPointChecklistCode } from '../market/index.js';
import { LEGAL_FORMS } from '../subjects/legal-forms.js';
import { foldVietnamese } from '../text/vietnamese.js';
import {
  BUSINESS_PLAN_KIND_CHOICES,
  BUSINESS_PLAN_STATUS_CHOICES,
  COMMUNICATION_KIND_CHOICES,
  DISTRIBUTION_CHANNEL_CHOICES,
  ECOMMERCE_PLATFORM_CHOICES,
  firstSpellings,
  FUNDING_SOURCE_CHOICES,
  GRANT_STATUS_CHOICES,
  IDEA_STATUS_CHOICES,
  PLACEMENT_CHOICES,
  SALES_POINT_KIND_CHOICES,
  SALES_POINT_LOCATION_CHOICES,
  SALES_POINT_STATUS_CHOICES,
  SUPPORT_AREA_CHOICES,
  TRADE_EVENT_KIND_CHOICES,
} from './choices.js';
import { moneyUnit } from './units.js';

/**
 * The import workbook (issues "importing the province's existing records" and "market access and
 * programme activities"): one sheet per kind of record, each column known by a key and a Vietnamese
 * label. Headers match either (or an alias a clerk's own sheet may use), ignoring case, accents,
 * spaces and punctuation; column order is free and extra columns are ignored. A money column's
 * header may name its unit: "Kinh phí (triệu đồng)".
 */
export const SHEET_KEYS = [
  'subjects',
  'products',
  'results',
  'salesPoints',
  'chainListings',
  'onlineListings',
  'tradeEvents',
  'eventParticipants',
  'productIdeas',
  'businessPlans',
  'supportPolicies',
  'supportGrants',
  'communicationItems',
  'trainingCourses',
  'trainingAttendees',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];
/** The sheets of issue 13: market access and programme activities. */
export type ActivitySheetKey = Exclude<SheetKey, 'subjects' | 'products' | 'results'>;
export const ACTIVITY_SHEET_KEYS = SHEET_KEYS.filter((k): k is ActivitySheetKey => k !== 'subjects' && k !== 'products' && k !== 'results');

export type ColumnSpec = {
  key: string;
  label: string;
  required: boolean;
  note?: string;
  /** Other headers clerks use for the column ("Mã xã", "Tên xã" for "Xã, phường"). */
  aliases?: readonly string[];
  /** The values of a closed list, offered as the template's drop-down. */
  list?: readonly string[];
  /** An amount in đồng: the header may carry a unit ("(triệu đồng)"). */
  money?: true;
};
/** `name`: the sheet's tab in the template (and its Vietnamese label); `label`: how the app names it in either language. */
export type SheetSpec = { key: SheetKey; name: string; label: Message; columns: readonly ColumnSpec[] };

type Extra = Pick<ColumnSpec, 'aliases' | 'list' | 'money'>;
const c = (key: string, label: string, required = false, note?: string, extra: Extra = {}): ColumnSpec => ({
  key,
  label,
  required,
  ...(note ? { note } : {}),
  ...extra,
});

const DATE = 'dd/mm/yyyy hoặc ô ngày của Excel';
const MONEY = 'Số đồng (1.200.000), hoặc kèm đơn vị: 1,5 triệu; 2 tỷ';
const PRODUCT_REF = 'Mã sản phẩm do tỉnh đặt hoặc mã sản phẩm OCOP (82-30037-001-2024)';
const PRODUCT_LIST = `${PRODUCT_REF}; nhiều mã cách nhau bởi dấu phẩy hoặc xuống dòng`;
const SUBJECT_REF = 'Mã chủ thể do tỉnh đặt (hoặc mã số thuế)';
const COMMUNE = 'Mã xã 5 chữ số hoặc tên xã, phường (theo danh mục từ 01/7/2025)';
const YES_NO = ['Có', 'Không'];
const commune = (required = false, note = COMMUNE) =>
  c('xa', 'Xã, phường', required, note, { aliases: ['ma_xa', 'Mã xã', 'Tên xã', 'Xã/phường', 'Xã', 'Phường', 'Địa bàn'] });
const productList = (label: string) => c('san_pham', label, false, PRODUCT_LIST, { aliases: ['ma_san_pham', 'Mã sản phẩm', 'Sản phẩm', 'Danh sách sản phẩm'] });
const placement = (note: string) => c('vi_tri', 'Vị trí', false, note, { list: firstSpellings(PLACEMENT_CHOICES) });
const otherProvince = () =>
  c('tinh_khac', 'Tỉnh, thành phố khác', false, 'Khi ở ngoài tỉnh: tên hoặc mã tỉnh', { aliases: ['Tỉnh khác', 'Tỉnh thành', 'ma_tinh'] });
const note = () => c('ghi_chu', 'Ghi chú');

/**
 * The Decision 950/QĐ-BCT checklist of a sales point, one yes/no column per item, headed by the
 * item's wording as the list's export writes it (src/domain/market, SALES_POINT_CHECKLIST).
 */
const CHECKLIST_KEYS: Readonly<Record<SalesPointChecklistCode, string>> = {
  location: 'tc_vi_tri',
  products_ocop: 'tc_san_pham_ocop',
  products_local: 'tc_san_pham_dia_phuong',
  products_origin: 'tc_nguon_goc',
  products_traceable: 'tc_truy_xuat',
  signage: 'tc_bien_hieu',
  display: 'tc_trung_bay',
  staff: 'tc_nhan_vien',
  digital: 'tc_thanh_toan',
  safety: 'tc_an_toan',
};
export const SALES_POINT_CHECKLIST_COLUMNS: readonly { code: SalesPointChecklistCode; key: string; label: string }[] = SALES_POINT_CHECKLIST.map((item) => ({
  code: item.code,
  key: CHECKLIST_KEYS[item.code],
  label: item.label.vi,
}));

export const SHEETS: readonly SheetSpec[] = [
  {
    key: 'subjects',
    name: 'Chủ thể',
    label: { vi: 'Chủ thể', en: 'Producers' },
    columns: [
      c('ma_chu_the', 'Mã chủ thể', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ten_chu_the', 'Tên chủ thể', true),
      c('loai_hinh', 'Loại hình', true, 'HTX, THT, CTCP, TNHH, DNTN, HKD, CSSX, TT, HH, KHAC hoặc tên loại hình', { list: LEGAL_FORMS.map((f) => f.vi) }),
      c('ma_so_thue', 'Mã số thuế', false, 'Chủ thể đã đăng ký trực tiếp được nhận ra theo mã số thuế, không tạo lại'),
      c('nguoi_dai_dien', 'Người đại diện'),
      c('gioi_tinh_dai_dien', 'Giới tính người đại diện', false, 'Nam, Nữ, Khác', { list: ['Nam', 'Nữ', 'Khác'] }),
      c('ma_xa', 'Mã xã', false, 'Mã xã/phường 5 chữ số; để trống thì xã được tìm theo địa chỉ'),
      c('dia_chi', 'Địa chỉ', false, 'Khi không có mã xã, địa chỉ phải nêu xã/phường: "Phường Phú Thuỷ, tỉnh Lâm Đồng"'),
      c('dien_thoai', 'Điện thoại'),
      c('email', 'Email'),
    ],
  },
  {
    key: 'products',
    name: 'Sản phẩm',
    label: { vi: 'Sản phẩm', en: 'Products' },
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ma_chu_the', 'Mã chủ thể', true, 'Có trong sheet Chủ thể hoặc đã có trong hệ thống'),
      c('ten_san_pham', 'Tên sản phẩm', true),
      c('bo_san_pham', 'Bộ sản phẩm', false, 'Số bộ tiêu chí 1–26 hoặc mã bộ'),
      c('ma_vach', 'Mã vạch', false, 'GTIN-8/12/13/14'),
    ],
  },
  {
    key: 'results',
    name: 'Kết quả đánh giá',
    label: { vi: 'Kết quả đánh giá', en: 'Evaluation results' },
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true),
      c('nam', 'Năm', true),
      c('dot', 'Đợt'),
      c('cap', 'Cấp đánh giá', true, 'Xã, Huyện, Tỉnh, Trung ương', { list: ['Xã', 'Huyện', 'Tỉnh', 'Trung ương'] }),
      c('loai', 'Loại đánh giá', true, 'Lần đầu, Nâng hạng, Đánh giá lại', { list: ['Lần đầu', 'Nâng hạng', 'Đánh giá lại'] }),
      c('diem', 'Điểm', false, '0–100; để trống nếu quyết định chỉ ghi hạng sao'),
      c('hang_sao', 'Hạng sao', false, '1–5; để trống nếu không được công nhận', { list: ['1', '2', '3', '4', '5'] }),
      c('so_quyet_dinh', 'Số quyết định'),
      c('ngay_quyet_dinh', 'Ngày quyết định', false, 'dd/mm/yyyy'),
      c('can_cu', 'Căn cứ', false, '1048/QĐ-TTg, 148/QĐ-TTg, 1489/QĐ-TTg, 26/2026/QĐ-TTg; để trống: theo ngày quyết định', { list: [...LEGAL_BASES] }),
    ],
  },
  {
    key: 'salesPoints',
    name: 'Điểm bán',
    label: { vi: 'Điểm bán', en: 'Sales points' },
    columns: [
      c('ma_diem_ban', 'Mã điểm bán', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ten_diem_ban', 'Tên điểm bán', true),
      c('loai_diem_ban', 'Loại điểm bán', true, undefined, { list: firstSpellings(SALES_POINT_KIND_CHOICES) }),
      c('don_vi_van_hanh', 'Đơn vị vận hành', false, undefined, { aliases: ['Chủ điểm bán', 'Đơn vị quản lý'] }),
      c('dia_chi', 'Địa chỉ'),
      placement('Trong tỉnh, Tỉnh khác, Nước ngoài; để trống: theo cột xã hoặc tỉnh khác'),
      commune(false, `${COMMUNE}; bắt buộc với điểm bán trong tỉnh`),
      otherProvince(),
      c('vi_do', 'Vĩ độ', false, 'Ví dụ 10,4571'),
      c('kinh_do', 'Kinh độ', false, 'Ví dụ 105,6389'),
      c('dia_diem_950', 'Loại địa điểm', false, 'Địa điểm theo tiêu chí 1 của Quyết định 950/QĐ-BCT', {
        aliases: ['Địa điểm theo QĐ 950', 'Vị trí theo tiêu chí'],
        list: firstSpellings(SALES_POINT_LOCATION_CHOICES),
      }),
      c('ngay_khai_truong', 'Ngày khai trương', false, DATE, { aliases: ['Ngày mở cửa', 'Ngày hoạt động'] }),
      c('trang_thai', 'Trạng thái', false, 'Để trống: Đang hoạt động', { list: firstSpellings(SALES_POINT_STATUS_CHOICES) }),
      c('ngay_dong_cua', 'Ngày đóng cửa', false, DATE),
      c('dien_thoai', 'Điện thoại'),
      productList('Sản phẩm bày bán'),
      note(),
      ...SALES_POINT_CHECKLIST_COLUMNS.map((col) =>
        c(col.key, col.label, false, 'Tiêu chí của Quyết định 950/QĐ-BCT: Có, Không; để trống: giữ như đã ghi', { list: YES_NO }),
      ),
    ],
  },
  {
    key: 'chainListings',
    name: 'Siêu thị, chuỗi',
    label: { vi: 'Siêu thị, chuỗi', en: 'Retail chain listings' },
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true, PRODUCT_REF),
      c('he_thong', 'Siêu thị, chuỗi', true, 'Tên hệ thống: Co.opmart, WinMart, Bách hoá Xanh…', {
        aliases: ['Hệ thống phân phối', 'Hệ thống', 'Siêu thị', 'Chuỗi', 'Nhà phân phối'],
      }),
      c('kenh', 'Kênh phân phối', false, 'Để trống: Siêu thị', { aliases: ['Kênh'], list: firstSpellings(DISTRIBUTION_CHANNEL_CHOICES) }),
      c('so_cua_hang', 'Số cửa hàng', false, 'Số cửa hàng, siêu thị đang bày bán'),
      c('tu_ngay', 'Bán từ ngày', false, DATE, { aliases: ['Từ ngày', 'Ngày bắt đầu'] }),
      c('dang_ban', 'Đang bán', false, 'Có, Không; để trống: Có', { list: YES_NO }),
      note(),
    ],
  },
  {
    key: 'onlineListings',
    name: 'Thương mại điện tử',
    label: { vi: 'Thương mại điện tử', en: 'E-commerce listings' },
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true, PRODUCT_REF),
      c('san', 'Sàn', false, 'Để trống: theo tên miền của đường dẫn', {
        aliases: ['Sàn TMĐT', 'Sàn thương mại điện tử', 'Nền tảng'],
        list: firstSpellings(ECOMMERCE_PLATFORM_CHOICES),
      }),
      c('duong_dan', 'Đường dẫn', true, 'Địa chỉ trang sản phẩm (https://…); mỗi trang chỉ ghi một lần', { aliases: ['Link', 'URL', 'Liên kết'] }),
      c('dang_ban', 'Đang bán', false, 'Có, Không; để trống: Có', { list: YES_NO }),
      c('ngay_kiem_tra', 'Ngày kiểm tra', false, DATE),
    ],
  },
  {
    key: 'tradeEvents',
    name: 'Hội chợ, sự kiện',
    label: { vi: 'Hội chợ, sự kiện', en: 'Trade events' },
    columns: [
      c('ma_su_kien', 'Mã sự kiện', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ten_su_kien', 'Tên sự kiện', true, undefined, { aliases: ['Tên hội chợ'] }),
      c('loai_su_kien', 'Loại sự kiện', true, undefined, { list: firstSpellings(TRADE_EVENT_KIND_CHOICES) }),
      c('tu_ngay', 'Từ ngày', true, DATE, { aliases: ['Ngày bắt đầu'] }),
      c('den_ngay', 'Đến ngày', false, `${DATE}; để trống: sự kiện một ngày`, { aliases: ['Ngày kết thúc'] }),
      placement('Trong tỉnh, Tỉnh khác, Nước ngoài; để trống: theo cột tỉnh khác hoặc quốc gia'),
      c('dia_diem', 'Địa điểm', false, 'Nơi tổ chức'),
      commune(),
      otherProvince(),
      c('quoc_gia', 'Quốc gia', false, 'Khi tổ chức ở nước ngoài'),
      c('don_vi_to_chuc', 'Đơn vị tổ chức', false, undefined, { aliases: ['Đơn vị chủ trì'] }),
      c('so_gian_hang', 'Số gian hàng'),
      c('luot_khach', 'Lượt khách', false, 'Chỉ ghi khi sự kiện đã kết thúc'),
      c('doanh_thu', 'Doanh thu', false, `${MONEY}; chỉ ghi khi sự kiện đã kết thúc`, { money: true }),
      c('so_hop_dong', 'Số hợp đồng, biên bản ghi nhớ', false, 'Chỉ ghi khi sự kiện đã kết thúc', { aliases: ['Số hợp đồng', 'Hợp đồng'] }),
      note(),
    ],
  },
  {
    key: 'eventParticipants',
    name: 'Tham gia sự kiện',
    label: { vi: 'Tham gia sự kiện', en: 'Event participants' },
    columns: [
      c('ma_su_kien', 'Mã sự kiện', true, 'Có trong sheet Hội chợ, sự kiện hoặc đã có trong hệ thống'),
      c('ma_chu_the', 'Mã chủ thể', true, SUBJECT_REF),
      productList('Sản phẩm trưng bày'),
      c('so_gian_hang', 'Số gian hàng'),
      c('doanh_thu', 'Doanh thu', false, `${MONEY}; chỉ ghi khi sự kiện đã kết thúc`, { money: true }),
    ],
  },
  {
    key: 'productIdeas',
    name: 'Ý tưởng sản phẩm',
    label: { vi: 'Ý tưởng sản phẩm', en: 'Product ideas' },
    columns: [
      c('ma_y_tuong', 'Mã ý tưởng', true, 'Mã do tỉnh đặt (số phiếu đăng ký), duy nhất', { aliases: ['Số phiếu'] }),
      c('ten_y_tuong', 'Tên ý tưởng sản phẩm', true, undefined, { aliases: ['Tên ý tưởng', 'Ý tưởng'] }),
      commune(true, `${COMMUNE}: nơi tiếp nhận phiếu`),
      c('ma_chu_the', 'Mã chủ thể', false, `${SUBJECT_REF}; hoặc ghi người đề xuất`),
      c('nguoi_de_xuat', 'Người đề xuất', false, 'Khi chủ thể chưa có trong hệ thống'),
      c('mo_ta', 'Mô tả'),
      c('bo_san_pham', 'Bộ sản phẩm', false, 'Số bộ tiêu chí 1–26 hoặc mã bộ'),
      c('ngay_tiep_nhan', 'Ngày tiếp nhận', true, DATE),
      c('trang_thai', 'Kết quả sàng lọc', false, 'Để trống: Đã tiếp nhận', { aliases: ['Trạng thái'], list: firstSpellings(IDEA_STATUS_CHOICES) }),
      c('ngay_sang_loc', 'Ngày sàng lọc', false, `${DATE}; bắt buộc khi đã có kết quả sàng lọc`),
      c('y_kien', 'Ý kiến sàng lọc', false, undefined, { aliases: ['Ý kiến', 'Hướng dẫn'] }),
    ],
  },
  {
    key: 'businessPlans',
    name: 'Phương án SXKD',
    label: { vi: 'Phương án SXKD', en: 'Business plans' },
    columns: [
      c('ma_phuong_an', 'Mã phương án', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ma_y_tuong', 'Mã ý tưởng', true, 'Ý tưởng đã được chấp nhận, có trong sheet Ý tưởng sản phẩm hoặc trong hệ thống'),
      c('loai', 'Loại', false, 'Phương án, Dự án; để trống: Phương án', { list: firstSpellings(BUSINESS_PLAN_KIND_CHOICES) }),
      c('ten_phuong_an', 'Tên phương án', true, undefined, { aliases: ['Tên dự án', 'Tên'] }),
      c('ngay_nop', 'Ngày nộp', true, DATE),
      c('ngay_duyet', 'Ngày duyệt', false, DATE),
      c('trang_thai', 'Trạng thái', false, 'Để trống: Đang xây dựng', { list: firstSpellings(BUSINESS_PLAN_STATUS_CHOICES) }),
      c('von_dau_tu', 'Vốn đầu tư', false, MONEY, { money: true, aliases: ['Tổng vốn', 'Kinh phí'] }),
      c('ma_san_pham', 'Mã sản phẩm', false, `${PRODUCT_REF}: sản phẩm hình thành từ phương án`),
      c('tien_do', 'Tiến độ', false, undefined, { aliases: ['Tình hình thực hiện'] }),
    ],
  },
  {
    key: 'supportPolicies',
    name: 'Chính sách hỗ trợ',
    label: { vi: 'Chính sách hỗ trợ', en: 'Support policies' },
    columns: [
      c('ma_chinh_sach', 'Mã chính sách', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ten_chinh_sach', 'Tên chính sách', true),
      c('linh_vuc', 'Lĩnh vực', true, undefined, { list: firstSpellings(SUPPORT_AREA_CHOICES) }),
      c('can_cu', 'Căn cứ', false, 'Văn bản ban hành chính sách', { aliases: ['Văn bản', 'Căn cứ pháp lý'] }),
      c('nam', 'Năm', true),
      c('kinh_phi', 'Kinh phí', false, MONEY, { money: true, aliases: ['Tổng kinh phí', 'Dự toán'] }),
      note(),
    ],
  },
  {
    key: 'supportGrants',
    name: 'Khoản hỗ trợ',
    label: { vi: 'Khoản hỗ trợ', en: 'Support grants' },
    columns: [
      c('ma_chinh_sach', 'Mã chính sách', true, 'Có trong sheet Chính sách hỗ trợ hoặc đã có trong hệ thống'),
      c('ma_khoan_ho_tro', 'Mã khoản hỗ trợ', true, 'Mã do tỉnh đặt, duy nhất trong một chính sách', { aliases: ['Mã hỗ trợ', 'Số quyết định hỗ trợ'] }),
      c('ma_chu_the', 'Mã chủ thể', true, SUBJECT_REF),
      c('ma_san_pham', 'Mã sản phẩm', false, `${PRODUCT_REF}; sản phẩm của chủ thể`),
      c('ma_phuong_an', 'Mã phương án', false, 'Phương án sản xuất kinh doanh được hỗ trợ'),
      c('noi_dung', 'Nội dung hỗ trợ', true, undefined, { aliases: ['Nội dung'] }),
      c('so_tien', 'Số tiền', true, MONEY, { money: true, aliases: ['Kinh phí hỗ trợ', 'Số tiền hỗ trợ'] }),
      c('nguon_von', 'Nguồn vốn', true, undefined, { aliases: ['Nguồn kinh phí'], list: firstSpellings(FUNDING_SOURCE_CHOICES) }),
      c('ngay_ho_tro', 'Ngày hỗ trợ', true, `${DATE}; trong năm của chính sách`, { aliases: ['Ngày quyết định', 'Ngày cấp'] }),
      c('trang_thai', 'Trạng thái', false, 'Để trống: Đã phê duyệt', { list: firstSpellings(GRANT_STATUS_CHOICES) }),
      note(),
    ],
  },
  {
    key: 'communicationItems',
    name: 'Truyền thông',
    label: { vi: 'Truyền thông', en: 'Communication' },
    columns: [
      c('ma_tin_bai', 'Mã tin bài', true, 'Mã do tỉnh đặt, duy nhất', { aliases: ['Mã'] }),
      c('loai', 'Loại', true, undefined, { aliases: ['Hình thức'], list: firstSpellings(COMMUNICATION_KIND_CHOICES) }),
      c('tieu_de', 'Tiêu đề', true, undefined, { aliases: ['Tên', 'Nội dung'] }),
      c('kenh', 'Kênh, cơ quan đăng', false, undefined, { aliases: ['Kênh', 'Cơ quan báo chí'] }),
      c('ngay_dang', 'Ngày đăng', true, DATE, { aliases: ['Ngày phát sóng', 'Ngày phát hành'] }),
      c('so_luong', 'Số lượng', false, 'Số kỳ, số bài hoặc số bản; để trống: 1'),
      c('duong_dan', 'Đường dẫn', false, 'https://…', { aliases: ['Link', 'URL'] }),
      note(),
    ],
  },
  {
    key: 'trainingCourses',
    name: 'Tập huấn',
    label: { vi: 'Tập huấn', en: 'Training courses' },
    columns: [
      c('ma_lop', 'Mã lớp', true, 'Mã do tỉnh đặt, duy nhất'),
      c('chu_de', 'Chủ đề', true, undefined, { aliases: ['Nội dung', 'Tên lớp'] }),
      c('tu_ngay', 'Từ ngày', true, DATE, { aliases: ['Ngày bắt đầu'] }),
      c('den_ngay', 'Đến ngày', false, `${DATE}; để trống: lớp một ngày`, { aliases: ['Ngày kết thúc'] }),
      c('dia_diem', 'Địa điểm'),
      commune(false, `${COMMUNE}: nơi tổ chức, khi trong tỉnh`),
      c('don_vi_to_chuc', 'Đơn vị tổ chức'),
      c('giang_vien', 'Giảng viên', false, undefined, { aliases: ['Báo cáo viên'] }),
      c('so_hoc_vien', 'Số học viên', false, 'Tổng số người tham dự; để trống: 0', { aliases: ['Số người tham dự', 'Số lượt người'] }),
      note(),
    ],
  },
  {
    key: 'trainingAttendees',
    name: 'Học viên tập huấn',
    label: { vi: 'Học viên tập huấn', en: 'Course attendees' },
    columns: [
      c('ma_lop', 'Mã lớp', true, 'Có trong sheet Tập huấn hoặc đã có trong hệ thống'),
      c('ma_chu_the', 'Mã chủ thể', true, SUBJECT_REF),
      c('so_nguoi', 'Số người', false, 'Số người của chủ thể dự lớp; để trống: 1'),
    ],
  },
];

export const sheetSpec = (key: SheetKey): SheetSpec => SHEETS.find((s) => s.key === key)!;

/** "Mã chủ thể", "ma_chu_the", " MÃ  CHỦ THỂ " all give "machuthe". */
export const headerKey = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/**
 * Tab or file names the sheets also go by, most specific first: "Tham gia sự kiện" must not be taken
 * for "Hội chợ, sự kiện", nor "Ý tưởng sản phẩm" for "Sản phẩm".
 */
const NAME_FRAGMENTS: readonly [string, SheetKey][] = [
  ['ketqua', 'results'],
  ['danhgia', 'results'],
  ['thamgia', 'eventParticipants'],
  ['hocvien', 'trainingAttendees'],
  ['diemban', 'salesPoints'],
  ['diemgioithieu', 'salesPoints'],
  ['sieuthi', 'chainListings'],
  ['chuoi', 'chainListings'],
  ['thuongmaidientu', 'onlineListings'],
  ['tmdt', 'onlineListings'],
  ['hoicho', 'tradeEvents'],
  ['sukien', 'tradeEvents'],
  ['ytuong', 'productIdeas'],
  ['phuongan', 'businessPlans'],
  ['duan', 'businessPlans'],
  ['chinhsach', 'supportPolicies'],
  ['hotro', 'supportGrants'],
  ['truyenthong', 'communicationItems'],
  ['tuyentruyen', 'communicationItems'],
  ['taphuan', 'trainingCourses'],
  ['daotao', 'trainingCourses'],
  ['sanpham', 'products'],
  ['chuthe', 'subjects'],
];

/** The sheet a tab or file name names ("Chủ thể", "chu_the.csv", "Ket qua danh gia"), if any. */
export function sheetFromName(name: string): SheetKey | null {
  const k = headerKey(name.replace(/\.(csv|xlsx)$/i, ''));
  for (const s of SHEETS) if (k === headerKey(s.name) || k === headerKey(s.key)) return s.key;
  for (const [fragment, sheet] of NAME_FRAGMENTS) if (k.includes(fragment)) return sheet;
  return null;
}

export type HeaderMatch = {
  sheet: SheetKey;
  columns: Map<number, string>;
  missing: ColumnSpec[];
  /** Money columns whose header names a unit other than đồng ("Kinh phí (triệu đồng)"): key → multiplier. */
  units: Map<string, number>;
};

/** Maps header cells to column keys of a sheet; columns it does not know are left out. */
export function matchHeaders(sheet: SheetKey, headers: readonly string[]): HeaderMatch {
  const spec = sheetSpec(sheet);
  const byKey = new Map<string, ColumnSpec>();
  // A column's own key and label win over another column's alias.
  for (const col of spec.columns) for (const name of [col.key, col.label]) byKey.set(headerKey(name), col);
  for (const col of spec.columns) for (const name of col.aliases ?? []) if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), col);
  const columns = new Map<number, string>();
  const units = new Map<string, number>();
  headers.forEach((h, i) => {
    let col = byKey.get(headerKey(h));
    let unit = 1;
    // "Kinh phí (triệu đồng)", "Mã xã (5 số)": the words in brackets qualify the column.
    const qualified = /^(.*?)\(([^)]*)\)\s*$/.exec(h);
    if (!col && qualified) {
      col = byKey.get(headerKey(qualified[1]!));
      if (col?.money) {
        const factor = moneyUnit(qualified[2]!);
        if (factor === null) col = undefined;
        else unit = factor;
      }
    }
    if (col && ![...columns.values()].includes(col.key)) {
      columns.set(i, col.key);
      if (unit !== 1) units.set(col.key, unit);
    }
  });
  const found = new Set(columns.values());
  return { sheet, columns, missing: spec.columns.filter((col) => col.required && !found.has(col.key)), units };
}

/**
 * Recognises a sheet from its headers alone (a CSV without a telling name): the sheet whose required
 * columns are all present and which matches the most columns.
 */
export function sheetFromHeaders(headers: readonly string[]): SheetKey | null {
  let best: { sheet: SheetKey; score: number } | null = null;
  for (const s of SHEETS) {
    const m = matchHeaders(s.key, headers);
    if (m.missing.length) continue;
    // "ma_chu_the" is in both Chủ thể and Sản phẩm: prefer the sheet with more of its own columns found.
    const score = m.columns.size / s.columns.length + m.columns.size;
    if (!best || score > best.score) best = { sheet: s.key, score };
  }
  return best?.sheet ?? null;
}
