import type { Message } from '../errors.js';
import {
  DISTRIBUTION_CHANNEL_LABELS,
  ECOMMERCE_PLATFORMS,
  PLACEMENT_LABELS,
  SALES_POINT_KIND_LABELS,
  SALES_POINT_LOCATION_LABELS,
  SALES_POINT_STATUS_LABELS,
  TRADE_EVENT_KIND_LABELS,
} from '../market/index.js';
import {
  BUSINESS_PLAN_KIND_LABELS,
  BUSINESS_PLAN_STATUS_LABELS,
  COMMUNICATION_KIND_LABELS,
  GRANT_STATUS_LABELS,
  IDEA_STATUS_LABELS,
  SUPPORT_AREA_LABELS,
} from '../programme/index.js';

/**
 * The spellings a closed-list cell of the market and programme sheets may take: the Vietnamese
 * label first (what the template's drop-down offers), then the English label, the code, and the
 * short forms clerks write. Matching ignores case, accents and punctuation (parseChoice).
 */
export type Spellings<K extends string> = Readonly<Record<K, readonly string[]>>;

const spellings = <K extends string>(labels: Readonly<Record<K, Message>>, extra: Partial<Record<K, readonly string[]>> = {}): Spellings<K> => {
  const out = {} as Record<K, readonly string[]>;
  for (const k of Object.keys(labels) as K[]) out[k] = [labels[k].vi, labels[k].en, k, ...(extra[k] ?? [])];
  return out;
};

/** The first spelling of each value: the drop-down of the template. */
export const firstSpellings = (choices: Spellings<string>): string[] => Object.values<readonly string[]>(choices).map((s) => s[0]!);

export const SALES_POINT_KIND_CHOICES = spellings(SALES_POINT_KIND_LABELS, {
  ocop_point: ['Điểm bán OCOP', 'Điểm giới thiệu sản phẩm OCOP', 'Điểm OCOP'],
  ocop_centre: ['Trung tâm giới thiệu sản phẩm OCOP'],
  shop: ['Cửa hàng OCOP', 'Cửa hàng đặc sản'],
  supermarket_counter: ['Quầy OCOP trong siêu thị', 'Quầy siêu thị', 'Gian hàng trong siêu thị'],
});
export const PLACEMENT_CHOICES = spellings(PLACEMENT_LABELS, {
  in_province: ['Trong tỉnh', 'Nội tỉnh'],
  other_province: ['Tỉnh khác', 'Ngoài tỉnh', 'Thành phố khác'],
  abroad: ['Nước ngoài', 'Quốc tế'],
});
export const SALES_POINT_STATUS_CHOICES = spellings(SALES_POINT_STATUS_LABELS, {
  active: ['Hoạt động'],
  suspended: ['Tạm dừng', 'Tạm ngưng'],
  closed: ['Đóng cửa', 'Ngừng hoạt động', 'Giải thể'],
});
export const SALES_POINT_LOCATION_CHOICES = spellings(SALES_POINT_LOCATION_LABELS, {
  transport_hub: ['Nhà ga', 'Sân bay', 'Bến xe', 'Bến tàu'],
  highway_stop: ['Trạm dừng nghỉ', 'Cao tốc', 'Quốc lộ'],
  market_mall: ['Trung tâm thương mại', 'Siêu thị', 'Chợ'],
  tourism: ['Khu du lịch', 'Điểm du lịch', 'Nhà hàng', 'Khách sạn'],
  craft_village: ['Làng nghề'],
  trade_centre: ['Khu công nghiệp', 'Cụm công nghiệp', 'Trung tâm dịch vụ thương mại'],
  fair_centre: ['Trung tâm hội chợ', 'Trung tâm triển lãm'],
  post_office: ['Bưu điện', 'Bưu cục', 'Bưu điện văn hoá xã'],
});
export const DISTRIBUTION_CHANNEL_CHOICES = spellings(DISTRIBUTION_CHANNEL_LABELS, {
  convenience: ['Tiện lợi'],
  chain: ['Chuỗi'],
  wholesale: ['Nhà phân phối', 'Bán buôn', 'Đại lý'],
});
export const ECOMMERCE_PLATFORM_CHOICES = spellings(
  Object.fromEntries(Object.entries(ECOMMERCE_PLATFORMS).map(([k, p]) => [k, p.label])) as Record<keyof typeof ECOMMERCE_PLATFORMS, Message>,
  {
    tiktok_shop: ['TikTok', 'Tiktok Shop'],
    province_floor: ['Sàn TMĐT của tỉnh', 'Sàn của tỉnh', 'Sàn tỉnh'],
    own_website: ['Website', 'Trang web', 'Website riêng'],
  },
);
export const TRADE_EVENT_KIND_CHOICES = spellings(TRADE_EVENT_KIND_LABELS, {
  fair: ['Hội chợ triển lãm', 'Hội chợ thương mại'],
  exhibition: ['Trưng bày'],
  culture_tourism_week: ['Tuần lễ văn hoá du lịch', 'Tuần văn hoá du lịch', 'Lễ hội'],
  supply_demand: ['Kết nối cung cầu', 'Hội nghị kết nối'],
});
export const SUPPORT_AREA_CHOICES = spellings(SUPPORT_AREA_LABELS, {
  trademark: ['Nhãn hiệu', 'Sở hữu trí tuệ'],
  packaging: ['Bao bì', 'Nhãn mác', 'Tem nhãn'],
  machinery: ['Máy móc', 'Thiết bị'],
  training: ['Đào tạo', 'Tập huấn'],
  credit: ['Tín dụng', 'Vốn vay'],
});
export const GRANT_STATUS_CHOICES = spellings(GRANT_STATUS_LABELS, {
  approved: ['Đã duyệt', 'Phê duyệt'],
  disbursed: ['Đã chi', 'Giải ngân', 'Đã thanh toán'],
  cancelled: ['Huỷ', 'Không thực hiện'],
});
export const COMMUNICATION_KIND_CHOICES = spellings(COMMUNICATION_KIND_LABELS, {
  radio: ['Phát thanh'],
  tv: ['Truyền hình'],
  article: ['Bài báo', 'Tin bài', 'Tin', 'Báo'],
  portal_section: ['Cổng thông tin', 'Chuyên mục'],
  handbook: ['Sổ tay'],
  guide: ['Tài liệu', 'Tờ rơi'],
  panel: ['Pa nô', 'Panô', 'Áp phích', 'Băng rôn'],
  social_media: ['Facebook', 'Zalo', 'Fanpage'],
});
export const IDEA_STATUS_CHOICES = spellings(IDEA_STATUS_LABELS, {
  received: ['Tiếp nhận', 'Mới'],
  accepted: ['Chấp nhận', 'Đạt'],
  returned: ['Trả lại', 'Hướng dẫn hoàn thiện'],
  rejected: ['Không đạt', 'Loại'],
});
export const BUSINESS_PLAN_KIND_CHOICES = spellings(BUSINESS_PLAN_KIND_LABELS, { plan: ['Phương án', 'PA'], project: ['Dự án', 'DA'] });
export const BUSINESS_PLAN_STATUS_CHOICES = spellings(BUSINESS_PLAN_STATUS_LABELS, {
  drafting: ['Xây dựng', 'Đang lập'],
  approved: ['Đã duyệt', 'Được duyệt'],
  implementing: ['Triển khai', 'Đang thực hiện'],
  completed: ['Đã hoàn thành'],
  abandoned: ['Dừng', 'Không thực hiện'],
});

/** Sources of funds of a grant: the codes of the plans' budget lines (BUDGET_SOURCES in contracts/plans.ts). */
export type FundingSource = 'central' | 'province' | 'district' | 'commune' | 'socialised' | 'other';
export const FUNDING_SOURCE_CHOICES: Spellings<FundingSource> = {
  central: ['Ngân sách Trung ương', 'Central budget', 'central', 'Trung ương', 'NSTW', 'TW'],
  province: ['Ngân sách tỉnh', 'Provincial budget', 'province', 'Tỉnh', 'NST'],
  district: ['Ngân sách huyện', 'District budget', 'district', 'Huyện'],
  commune: ['Ngân sách xã', 'Commune budget', 'commune', 'Xã'],
  socialised: ['Xã hội hoá', 'Private contributions', 'socialised', 'Vốn xã hội hoá', 'Vốn đối ứng', 'Doanh nghiệp'],
  other: ['Khác', 'Other', 'other', 'Nguồn khác'],
};
