import type { Message } from '../errors.js';
import { codesOf, type Labels } from '../labels.js';

/**
 * The programme's activities besides evaluation: the front of the OCOP cycle (ideas and business
 * plans, steps 1–4 of the annual cycle, ocop-rules §8), support, communication and training. Labels
 * are defined once here and read by the server (exports, the annual report) and the web app.
 */

export const IDEA_STATUS_LABELS = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Được chấp nhận', en: 'Accepted' },
  returned: { vi: 'Trả lại, hướng dẫn hoàn thiện', en: 'Returned with advice' },
  rejected: { vi: 'Không chấp nhận', en: 'Rejected' },
} as const satisfies Labels<string>;
export type IdeaStatus = keyof typeof IDEA_STATUS_LABELS;
export const IDEA_STATUSES = codesOf<IdeaStatus>(IDEA_STATUS_LABELS);

export const BUSINESS_PLAN_KIND_LABELS = {
  plan: { vi: 'Phương án sản xuất kinh doanh', en: 'Business plan' },
  project: { vi: 'Dự án sản xuất kinh doanh', en: 'Business project' },
} as const satisfies Labels<string>;
export type BusinessPlanKind = keyof typeof BUSINESS_PLAN_KIND_LABELS;
export const BUSINESS_PLAN_KINDS = codesOf<BusinessPlanKind>(BUSINESS_PLAN_KIND_LABELS);

export const BUSINESS_PLAN_STATUS_LABELS = {
  drafting: { vi: 'Đang xây dựng', en: 'Being drafted' },
  approved: { vi: 'Đã được duyệt', en: 'Approved' },
  implementing: { vi: 'Đang triển khai', en: 'Being carried out' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  abandoned: { vi: 'Dừng thực hiện', en: 'Abandoned' },
} as const satisfies Labels<string>;
export type BusinessPlanStatus = keyof typeof BUSINESS_PLAN_STATUS_LABELS;
export const BUSINESS_PLAN_STATUSES = codesOf<BusinessPlanStatus>(BUSINESS_PLAN_STATUS_LABELS);

/** A business plan is built on an idea the commune accepted (step 3 follows step 2). */
export const ideaMayHavePlan = (status: IdeaStatus): boolean => status === 'accepted';

export const SUPPORT_AREA_LABELS = {
  industry_extension: { vi: 'Khuyến công', en: 'Industry extension' },
  agriculture_extension: { vi: 'Khuyến nông', en: 'Agricultural extension' },
  trade_promotion: { vi: 'Xúc tiến thương mại', en: 'Trade promotion' },
  science_technology: { vi: 'Khoa học và công nghệ', en: 'Science and technology' },
  trademark: { vi: 'Nhãn hiệu, sở hữu trí tuệ', en: 'Trademarks and intellectual property' },
  packaging: { vi: 'Bao bì, nhãn mác', en: 'Packaging and labels' },
  machinery: { vi: 'Máy móc, thiết bị', en: 'Machinery and equipment' },
  demonstration_model: { vi: 'Mô hình trình diễn', en: 'Demonstration models' },
  training: { vi: 'Đào tạo, tập huấn', en: 'Training' },
  credit: { vi: 'Tín dụng, vốn vay', en: 'Credit' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Labels<string>;
export type SupportArea = keyof typeof SUPPORT_AREA_LABELS;
export const SUPPORT_AREAS = codesOf<SupportArea>(SUPPORT_AREA_LABELS);

export const GRANT_STATUS_LABELS = {
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  disbursed: { vi: 'Đã giải ngân', en: 'Paid' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
} as const satisfies Labels<string>;
export type GrantStatus = keyof typeof GRANT_STATUS_LABELS;
export const GRANT_STATUSES = codesOf<GrantStatus>(GRANT_STATUS_LABELS);

/**
 * What a policy has committed of its budget: every grant not cancelled. A grant that would take the
 * committed total past the budget is refused (the budget is the policy's own ceiling).
 */
export function committedTotal(grants: readonly { amountVnd: number; status: GrantStatus }[]): number {
  return grants.filter((g) => g.status !== 'cancelled').reduce((n, g) => n + g.amountVnd, 0);
}

export const COMMUNICATION_KIND_LABELS = {
  radio: { vi: 'Phóng sự, chuyên mục phát thanh', en: 'Radio segment' },
  tv: { vi: 'Phóng sự, chuyên mục truyền hình', en: 'TV segment' },
  article: { vi: 'Tin, bài báo', en: 'News article' },
  portal_section: { vi: 'Chuyên mục trên cổng thông tin', en: 'Web portal section' },
  handbook: { vi: 'Sổ tay', en: 'Handbook' },
  guide: { vi: 'Tài liệu hướng dẫn', en: 'Guide' },
  panel: { vi: 'Pa-nô, áp phích', en: 'Panel or poster' },
  social_media: { vi: 'Mạng xã hội', en: 'Social media' },
} as const satisfies Labels<string>;
export type CommunicationKind = keyof typeof COMMUNICATION_KIND_LABELS;
export const COMMUNICATION_KINDS = codesOf<CommunicationKind>(COMMUNICATION_KIND_LABELS);

export * from './funnel.js';

/**
 * A communication item's link (an article, a broadcast kept on the station's site, a post): an
 * absolute http(s) address naming a website by its domain, so a reader of the report can open it.
 * Null when the link is usable; otherwise why not.
 */
export function webUrlProblem(url: string): Message | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { vi: 'Đường dẫn không hợp lệ; nhập đầy đủ, bắt đầu bằng https://.', en: 'The link is not valid; enter it in full, starting with https://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { vi: 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.', en: 'The link must start with https:// or http://.' };
  if (parsed.username || parsed.password)
    return { vi: 'Đường dẫn không được chứa tên đăng nhập, mật khẩu.', en: 'The link must not carry a user name or password.' };
  if (!/^([a-z0-9-]+\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/.test(parsed.hostname))
    return { vi: 'Đường dẫn phải có tên miền của một trang web.', en: 'The link must name a website by its domain.' };
  return null;
}
