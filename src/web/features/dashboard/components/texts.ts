import type { Label } from '../../../lib/i18n/index.js';

/**
 * Words of the dashboard's market and activity panels, Vietnamese first, as {vi, en} pairs read with
 * useLabel (the indicator catalogue, funnel stages, platforms and channels carry their own labels in
 * the domain).
 */
export const DASHBOARD_TEXTS = {
  resultsSection: { vi: 'Đánh giá, công nhận sản phẩm', en: 'Evaluation and recognition' },
  activitiesSection: { vi: 'Thị trường và hoạt động của Chương trình', en: 'Market and programme activities' },
  funnelTitle: { vi: 'Từ ý tưởng đến sản phẩm OCOP', en: 'From idea to OCOP product' },
  funnelHint: {
    vi: 'Ý tưởng sản phẩm các xã, phường tiếp nhận trong năm và bước xa nhất mỗi ý tưởng đã đến.',
    en: 'Product ideas the communes received in the year and the furthest step each has reached.',
  },
  funnelShare: { vi: 'so với ý tưởng tiếp nhận', en: 'of the ideas received' },
  listingsHint: {
    vi: 'Sản phẩm đang bán trên sàn thương mại điện tử (đã duyệt) và tại siêu thị, chuỗi phân phối ngày 31/12.',
    en: 'Products on e-commerce platforms (approved) and on retail chains on 31 December.',
  },
  mapNoFigures: { vi: 'Chưa có số liệu', en: 'No figures yet' },
  channelKind: { vi: 'Loại kênh', en: 'Channel type' },
  ecommerce: { vi: 'Sàn thương mại điện tử', en: 'E-commerce' },
  chain: { vi: 'Siêu thị, chuỗi phân phối', en: 'Retail chains' },
  billion: { vi: 'tỷ', en: 'bn' },
  million: { vi: 'triệu', en: 'm' },
} as const satisfies Record<string, Label>;
