import type { Message } from '../errors.js';
import { codesOf, type Labels } from '../labels.js';

/**
 * Market access: the kinds of places OCOP products are sold, the e-commerce platforms, the trade
 * events producers take part in, and the criteria a sales point is checked against. Labels are
 * defined once here and read by the server (exports, the annual report) and the web app.
 */

export const SALES_POINT_KIND_LABELS = {
  ocop_point: { vi: 'Điểm giới thiệu và bán sản phẩm OCOP', en: 'OCOP showroom and sales point' },
  ocop_centre: { vi: 'Trung tâm OCOP', en: 'OCOP centre' },
  shop: { vi: 'Cửa hàng', en: 'Shop' },
  supermarket_counter: { vi: 'Quầy trong siêu thị', en: 'Counter in a supermarket' },
} as const satisfies Labels<string>;
export type SalesPointKind = keyof typeof SALES_POINT_KIND_LABELS;
export const SALES_POINT_KINDS = codesOf<SalesPointKind>(SALES_POINT_KIND_LABELS);

/** Where a sales point or an event is, seen from the province that records it. */
export const PLACEMENT_LABELS = {
  in_province: { vi: 'Trong tỉnh', en: 'In the province' },
  other_province: { vi: 'Tỉnh, thành phố khác', en: 'Another province' },
  abroad: { vi: 'Nước ngoài', en: 'Abroad' },
} as const satisfies Labels<string>;
export type Placement = keyof typeof PLACEMENT_LABELS;
export const PLACEMENTS = codesOf<Placement>(PLACEMENT_LABELS);

export const SALES_POINT_STATUS_LABELS = {
  active: { vi: 'Đang hoạt động', en: 'Open' },
  suspended: { vi: 'Tạm ngừng', en: 'Suspended' },
  closed: { vi: 'Đã đóng cửa', en: 'Closed' },
} as const satisfies Labels<string>;
export type SalesPointStatus = keyof typeof SALES_POINT_STATUS_LABELS;
export const SALES_POINT_STATUSES = codesOf<SalesPointStatus>(SALES_POINT_STATUS_LABELS);

/**
 * Decision 950/QĐ-BCT (18/04/2023), criteria for OCOP showrooms and sales points 2023–2025,
 * criterion 1: the point stands where transport is easy and people pass, at one of these places.
 */
export const SALES_POINT_LOCATION_LABELS = {
  transport_hub: { vi: 'Nhà ga, sân bay, bến xe, bến tàu', en: 'Station, airport, bus station or port' },
  highway_stop: { vi: 'Trạm, điểm dừng nghỉ trên cao tốc, quốc lộ', en: 'Rest stop on a motorway or national road' },
  market_mall: { vi: 'Trung tâm thương mại, siêu thị, chợ', en: 'Shopping centre, supermarket or market' },
  tourism: { vi: 'Khu du lịch, nhà hàng, khách sạn', en: 'Tourist site, restaurant or hotel' },
  craft_village: { vi: 'Làng nghề, làng nghề truyền thống', en: 'Craft village' },
  trade_centre: { vi: 'Trung tâm dịch vụ thương mại cấp xã, khu, cụm công nghiệp', en: 'Local trade centre or industrial cluster' },
  fair_centre: { vi: 'Trung tâm hội chợ, triển lãm, giới thiệu sản phẩm', en: 'Fair, exhibition or showroom centre' },
  post_office: { vi: 'Bưu cục, bưu điện văn hoá xã', en: 'Post office or commune cultural post office' },
} as const satisfies Labels<string>;
export type SalesPointLocation = keyof typeof SALES_POINT_LOCATION_LABELS;
export const SALES_POINT_LOCATIONS = codesOf<SalesPointLocation>(SALES_POINT_LOCATION_LABELS);

/**
 * The checklist of Decision 950/QĐ-BCT a point is assessed against, besides its location (criterion
 * 1, SALES_POINT_LOCATIONS). Criterion 2 is about the products it carries; the last group gathers
 * what the decision and the Ministry's sign design (the identity set for OCOP points) ask of the
 * premises and their running. The wording is the platform's summary of the decision's criteria;
 * the decision itself is the authority (docs/domain.md, "Sales points").
 */
export const SALES_POINT_CHECKLIST = [
  {
    code: 'location',
    group: 'location',
    label: {
      vi: 'Vị trí giao thông thuận lợi, đông người qua lại, tại một trong các địa điểm của tiêu chí 1',
      en: 'Easy to reach and busy, at one of the places of criterion 1',
    },
  },
  { code: 'products_ocop', group: 'products', label: { vi: 'Sản phẩm OCOP đạt từ 3 sao trở lên được bày bán', en: 'OCOP products of 3★ or more are on sale' } },
  {
    code: 'products_local',
    group: 'products',
    label: {
      vi: 'Có sản phẩm chủ lực, đặc sản, sản phẩm công nghiệp/nông nghiệp nông thôn tiêu biểu của địa phương',
      en: 'Key, specialty or outstanding rural products of the locality are on sale',
    },
  },
  {
    code: 'products_origin',
    group: 'products',
    label: {
      vi: 'Sản phẩm rõ nguồn gốc, xuất xứ, nhãn hàng hoá đúng quy định, bảo đảm chất lượng và an toàn',
      en: 'Products of known origin, labelled as required, safe and of assured quality',
    },
  },
  {
    code: 'products_traceable',
    group: 'products',
    label: { vi: 'Sản phẩm có mã QR hoặc thông tin truy xuất nguồn gốc', en: 'Products carry a QR code or traceability information' },
  },
  {
    code: 'signage',
    group: 'premises',
    label: {
      vi: 'Biển hiệu, biểu trưng theo mẫu nhận diện điểm giới thiệu và bán sản phẩm OCOP',
      en: 'Sign and logo follow the OCOP sales point identity design',
    },
  },
  {
    code: 'display',
    group: 'premises',
    label: { vi: 'Khu trưng bày, giới thiệu sản phẩm; niêm yết giá', en: 'A display area for the products; prices posted' },
  },
  {
    code: 'staff',
    group: 'premises',
    label: { vi: 'Nhân viên được tập huấn, hiểu về sản phẩm OCOP và Chương trình', en: 'Staff trained and informed about OCOP products and the programme' },
  },
  {
    code: 'digital',
    group: 'premises',
    label: { vi: 'Thanh toán không dùng tiền mặt, bán hàng trực tuyến hoặc thương mại điện tử', en: 'Cashless payment, online or e-commerce sales' },
  },
  {
    code: 'safety',
    group: 'premises',
    label: { vi: 'Bảo đảm vệ sinh, phòng cháy chữa cháy, an toàn thực phẩm theo quy định', en: 'Hygiene, fire safety and food safety as required' },
  },
] as const satisfies readonly { code: string; group: 'location' | 'products' | 'premises'; label: Message }[];
export type SalesPointChecklistCode = (typeof SALES_POINT_CHECKLIST)[number]['code'];
export const SALES_POINT_CHECKLIST_CODES = SALES_POINT_CHECKLIST.map((c) => c.code) as [SalesPointChecklistCode, ...SalesPointChecklistCode[]];

/** How many of the checklist's items a point meets (unknown codes in stored data are ignored). */
export function checklistScore(checklist: Readonly<Record<string, boolean>>): { met: number; total: number } {
  return { met: SALES_POINT_CHECKLIST_CODES.filter((c) => checklist[c] === true).length, total: SALES_POINT_CHECKLIST_CODES.length };
}

export const CONSENT_LABELS = {
  pending: { vi: 'Chờ chủ thể đồng ý', en: 'Awaiting the producer' },
  given: { vi: 'Chủ thể đã đồng ý', en: 'Producer consented' },
  refused: { vi: 'Chủ thể không đồng ý', en: 'Producer declined' },
} as const satisfies Labels<string>;
export type Consent = keyof typeof CONSENT_LABELS;
export const CONSENTS = codesOf<Consent>(CONSENT_LABELS);

export const DISTRIBUTION_CHANNEL_LABELS = {
  supermarket: { vi: 'Siêu thị', en: 'Supermarket' },
  convenience: { vi: 'Cửa hàng tiện lợi', en: 'Convenience store' },
  chain: { vi: 'Chuỗi cửa hàng', en: 'Retail chain' },
  wholesale: { vi: 'Nhà phân phối, bán buôn', en: 'Distributor or wholesaler' },
} as const satisfies Labels<string>;
export type DistributionChannel = keyof typeof DISTRIBUTION_CHANNEL_LABELS;
export const DISTRIBUTION_CHANNELS = codesOf<DistributionChannel>(DISTRIBUTION_CHANNEL_LABELS);

export const TRADE_EVENT_KIND_LABELS = {
  fair: { vi: 'Hội chợ', en: 'Trade fair' },
  exhibition: { vi: 'Triển lãm', en: 'Exhibition' },
  culture_tourism_week: { vi: 'Tuần lễ văn hoá – du lịch', en: 'Culture and tourism week' },
  supply_demand: { vi: 'Hội nghị kết nối cung cầu', en: 'Supply–demand matching conference' },
} as const satisfies Labels<string>;
export type TradeEventKind = keyof typeof TRADE_EVENT_KIND_LABELS;
export const TRADE_EVENT_KINDS = codesOf<TradeEventKind>(TRADE_EVENT_KIND_LABELS);

export const LISTING_STATUS_LABELS = {
  proposed: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Không duyệt', en: 'Rejected' },
} as const satisfies Labels<string>;
export type ListingStatus = keyof typeof LISTING_STATUS_LABELS;
export const LISTING_STATUSES = codesOf<ListingStatus>(LISTING_STATUS_LABELS);

export * from './ecommerce.js';
export * from './places.js';
export * from './chain-key.js';
