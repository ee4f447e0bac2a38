import type { Message } from '../errors.js';
import { ECOMMERCE_PLATFORMS, SALES_POINT_KIND_LABELS, TRADE_EVENT_KIND_LABELS } from '../market/index.js';
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, SUPPORT_AREA_LABELS, type FunnelCounts, type FunnelStage, type SupportArea } from '../programme/index.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../subjects/legal-forms.js';

/**
 * The sentences of the annual report (part I of a provincial OCOP plan), in the plan's own style:
 * "Năm 2020, tỉnh đã tổ chức đánh giá, xếp hạng 130 sản phẩm, có 113 sản phẩm thi lần đầu và 17 sản
 * phẩm dự thi nâng hạng (với 56 chủ thể)". Counts below ten are written with two digits ("04 sản
 * phẩm"), as administrative documents do.
 */
export type AnnualFigures = {
  year: number;
  evaluated: { products: number; firstTime: number; upgrade: number; reRating: number; subjects: number };
  subjects: { new: number; returning: number };
  recognized: { products: number; subjects: number; byStar: { '3': number; '4': number; '5': number }; byLegalForm: Record<string, number> };
  scoreAtLeast90: number;
  certificates: { valid: number; expiring: number; lapsed: number; revoked: number };
  cumulative: { products: number; subjects: number; byStar: { '3': number; '4': number; '5': number } };
};

/** 4 → "04", 130 → "130", 1234 → "1.234". */
export function countWords(n: number): string {
  return n < 10 ? `0${n}` : n.toLocaleString('vi-VN');
}

const joinVi = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`);

export function evaluationSentence(f: AnnualFigures): string {
  const e = f.evaluated;
  if (!e.products) return `Năm ${f.year}, tỉnh chưa có sản phẩm được đánh giá, xếp hạng.`;
  const kinds = [`${countWords(e.firstTime)} sản phẩm thi lần đầu`, `${countWords(e.upgrade)} sản phẩm dự thi nâng hạng`];
  if (e.reRating) kinds.push(`${countWords(e.reRating)} sản phẩm đánh giá lại khi hết hạn`);
  return `Năm ${f.year}, tỉnh đã tổ chức đánh giá, xếp hạng ${countWords(e.products)} sản phẩm, có ${joinVi(kinds)} (với ${countWords(e.subjects)} chủ thể).`;
}

export function recognitionSentence(f: AnnualFigures): string {
  const r = f.recognized;
  if (!f.evaluated.products) return '';
  const stars = [
    ...(r.byStar['5'] ? [`${countWords(r.byStar['5'])} sản phẩm đạt 5 sao`] : []),
    `${countWords(r.byStar['4'])} sản phẩm đạt 4 sao`,
    `${countWords(r.byStar['3'])} sản phẩm đạt 3 sao`,
  ];
  const top = f.scoreAtLeast90 ? `; ${countWords(f.scoreAtLeast90)} sản phẩm đạt từ 90 điểm trở lên` : '';
  return `Kết quả, có ${countWords(r.products)} sản phẩm (với ${countWords(r.subjects)} chủ thể) được công nhận đạt từ 3 sao trở lên (${stars.join(', ')})${top}.`;
}

export function legalFormPhrase(byLegalForm: Record<string, number>): string {
  return Object.entries(byLegalForm)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${countWords(n)} ${LEGAL_FORM_LABELS[code as LegalForm]?.vi ?? code}`)
    .join('; ');
}

export function producersSentences(f: AnnualFigures): string[] {
  if (!f.evaluated.subjects) return [`Năm ${f.year}, chưa có tổ chức, cá nhân có sản phẩm được đánh giá.`];
  const out = [
    `Năm ${f.year}, có ${countWords(f.evaluated.subjects)} tổ chức, cá nhân tham gia. Trong đó có ${countWords(f.subjects.new)} chủ thể mới tham gia lần đầu và ${countWords(f.subjects.returning)} chủ thể đã có sản phẩm được đánh giá những năm trước.`,
  ];
  if (f.recognized.subjects) out.push(`Kết quả, có ${countWords(f.recognized.subjects)} chủ thể có sản phẩm được công nhận là sản phẩm OCOP (${legalFormPhrase(f.recognized.byLegalForm)}).`);
  return out;
}

export function cumulativeSentence(f: AnnualFigures): string {
  const c = f.cumulative;
  const stars = [...(c.byStar['5'] ? [`${countWords(c.byStar['5'])} sản phẩm 5 sao`] : []), `${countWords(c.byStar['4'])} sản phẩm 4 sao`, `${countWords(c.byStar['3'])} sản phẩm 3 sao`];
  return `Luỹ kế đến ngày 31/12/${f.year}, toàn tỉnh có ${countWords(c.products)} sản phẩm OCOP còn hiệu lực công nhận (${stars.join(', ')}) của ${countWords(c.subjects)} chủ thể.`;
}

export function certificatesSentence(f: AnnualFigures): string {
  const c = f.certificates;
  return `Trong năm, có ${countWords(c.expiring)} giấy chứng nhận đến hạn (36 tháng), ${countWords(c.lapsed)} giấy chứng nhận hết hiệu lực do không đánh giá lại và ${countWords(c.revoked)} giấy chứng nhận bị thu hồi.`;
}

/**
 * The programme's activities of the year (sections 2, 4 and 6 of the report), as the indicators give
 * them: kinds, platforms, areas and channels are keyed by their codes in src/domain/market and
 * src/domain/programme.
 */
export type ActivityFigures = {
  year: number;
  communication: { items: number; byKind: Record<string, number> };
  training: { courses: number; people: number; producers: number };
  development: { funnel: FunnelCounts; businessPlans: number };
  support: {
    budgetVnd: number;
    grantedVnd: number;
    grants: number;
    subjects: number;
    byArea: { area: string; budgetVnd: number; grantedVnd: number; grants: number }[];
  };
  trade: {
    salesPoints: { total: number; outside: number; byKind: Record<string, number> };
    chainListings: { total: number; byChannel: Record<string, number> };
    ecommerceListings: { total: number; byPlatform: Record<string, number> };
    modernChannelsShare: number | null;
    ecommerceShare: number | null;
    fairs: { events: number; producers: number; visitors: number; revenueVnd: number; contracts: number; byKind: Record<string, number> };
  };
};

/** Money as the plan writes it: 1250000000 → "1.250.000.000 đồng" (always in đồng, never "triệu đồng"). */
export const moneyWords = (vnd: number): string => `${vnd.toLocaleString('vi-VN')} đồng`;

/** 33.3 → "33,3%". */
export const percentWords = (percent: number): string => `${percent.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/** "Hội nghị kết nối cung cầu" → "hội nghị kết nối cung cầu": a label inside a sentence. */
const inSentence = (label: string) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

/** Counts of a breakdown, largest first, as "02 hội chợ, 01 triển lãm"; labels of unknown codes are the codes. */
function countsPhrase(counts: Record<string, number>, labels: Readonly<Record<string, Message>>, word: (label: string) => string = inSentence): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${countWords(n)} ${word(labels[code]?.vi ?? code)}`)
    .join(', ');
}

/**
 * Communication items in the plan's words: broadcasts and articles "thực hiện", printed matter
 * "phát hành" ("Trong năm, đã phối hợp thực hiện 24 phóng sự, chuyên mục phát thanh, truyền hình;
 * phát hành 2.000 cuốn sổ tay…").
 */
const MEDIA_WORDS: Record<string, string> = {
  radio: 'phóng sự, chuyên mục phát thanh',
  tv: 'phóng sự, chuyên mục truyền hình',
  article: 'tin, bài trên báo in, báo điện tử',
  portal_section: 'chuyên mục trên cổng thông tin điện tử',
  social_media: 'tin, bài trên mạng xã hội',
};
const PRINT_WORDS: Record<string, string> = { handbook: 'cuốn sổ tay', guide: 'quyển tài liệu hướng dẫn', panel: 'pa-nô, áp phích' };

export function communicationSentence(f: Pick<ActivityFigures, 'year' | 'communication'>): string {
  const { byKind } = f.communication;
  const items = (words: Record<string, string>) =>
    Object.keys(words)
      .filter((kind) => (byKind[kind] ?? 0) > 0)
      .map((kind) => `${countWords(byKind[kind]!)} ${words[kind]}`);
  const other = Object.entries(byKind)
    .filter(([kind, n]) => n > 0 && !(kind in MEDIA_WORDS) && !(kind in PRINT_WORDS))
    .reduce((n, [, m]) => n + m, 0);
  const media = joinVi([...items(MEDIA_WORDS), ...(other ? [`${countWords(other)} tin, bài, ấn phẩm khác`] : [])]);
  const print = joinVi(items(PRINT_WORDS));
  if (!media && !print) return `Năm ${f.year}, chưa ghi nhận tin, bài, phóng sự hay ấn phẩm tuyên truyền về Chương trình OCOP.`;
  const parts = [...(media ? [`phối hợp thực hiện ${media}`] : []), ...(print ? [`phát hành ${print}`] : [])];
  return `Trong năm, đã ${parts.join('; ')} tuyên truyền về Chương trình OCOP.`;
}

export function trainingSentence(f: Pick<ActivityFigures, 'year' | 'training'>): string {
  const c = f.training;
  if (!c.courses) return `Năm ${f.year}, chưa ghi nhận lớp tập huấn, đào tạo về Chương trình OCOP.`;
  const producers = c.producers ? ` (${countWords(c.producers)} chủ thể có người tham dự)` : '';
  return `Trong năm, đã tổ chức ${countWords(c.courses)} lớp tập huấn, đào tạo về Chương trình OCOP cho ${countWords(c.people)} lượt cán bộ và chủ thể${producers}.`;
}

/** The funnel's stages as the report's table lists them: each count and its share of the ideas received. */
export function funnelRows(funnel: FunnelCounts): { stage: FunnelStage; label: string; count: number; share: number | null }[] {
  return FUNNEL_STAGES.map((stage) => ({
    stage,
    label: FUNNEL_STAGE_LABELS[stage].vi,
    count: funnel[stage],
    share: funnel.ideas ? Math.round((funnel[stage] / funnel.ideas) * 1000) / 10 : null,
  }));
}

export function funnelSentence(f: Pick<ActivityFigures, 'year' | 'development'>): string {
  const n = f.development.funnel;
  if (!n.ideas) return `Năm ${f.year}, chưa có ý tưởng sản phẩm được các xã, phường tiếp nhận.`;
  return `Trong năm, các xã, phường đã tiếp nhận ${countWords(n.ideas)} ý tưởng sản phẩm; trong đó ${countWords(n.accepted)} ý tưởng được chấp nhận, ${countWords(
    n.plans,
  )} ý tưởng đã có phương án, dự án sản xuất kinh doanh, ${countWords(n.evaluated)} ý tưởng có sản phẩm được đánh giá, phân hạng và ${countWords(
    n.recognised,
  )} ý tưởng có sản phẩm được công nhận đạt từ 3 sao trở lên.`;
}

export function supportSentence(f: Pick<ActivityFigures, 'year' | 'support'>): string {
  const s = f.support;
  const budget = s.budgetVnd ? ` trên tổng kinh phí ${moneyWords(s.budgetVnd)} của các chính sách hỗ trợ năm ${f.year}` : '';
  if (!s.grantedVnd)
    return s.budgetVnd
      ? `Năm ${f.year}, các chính sách hỗ trợ chủ thể OCOP có tổng kinh phí ${moneyWords(s.budgetVnd)}; chưa có khoản hỗ trợ nào được giải ngân.`
      : `Năm ${f.year}, chưa có khoản hỗ trợ chủ thể OCOP nào được giải ngân.`;
  const areas = s.byArea
    .filter((a) => a.grantedVnd > 0)
    .map((a) => `${inSentence(SUPPORT_AREA_LABELS[a.area as SupportArea]?.vi ?? a.area)} ${moneyWords(a.grantedVnd)}`)
    .join('; ');
  return `Trong năm, đã giải ngân ${moneyWords(s.grantedVnd)} hỗ trợ ${countWords(s.subjects)} chủ thể (${countWords(s.grants)} lượt hỗ trợ)${budget}, gồm: ${areas}.`;
}

export function salesPointsSentence(f: Pick<ActivityFigures, 'year' | 'trade'>): string {
  const p = f.trade.salesPoints;
  if (!p.total) return `Đến ngày 31/12/${f.year}, chưa có điểm giới thiệu và bán sản phẩm OCOP nào được ghi nhận.`;
  const where = p.outside
    ? ` (${countWords(p.total - p.outside)} điểm trong tỉnh, ${countWords(p.outside)} điểm ngoài tỉnh)`
    : ' trên địa bàn tỉnh';
  const kinds = countsPhrase(p.byKind, SALES_POINT_KIND_LABELS);
  return `Đến ngày 31/12/${f.year}, có ${countWords(p.total)} điểm giới thiệu và bán sản phẩm OCOP đang hoạt động${where}, gồm: ${kinds}.`;
}

export function listingsSentence(f: Pick<ActivityFigures, 'year' | 'trade'>): string {
  const t = f.trade;
  const platforms = Object.fromEntries(Object.entries(ECOMMERCE_PLATFORMS).map(([code, p]) => [code, p.label]));
  const parts = [
    ...(t.chainListings.total ? [`${countWords(t.chainListings.total)} lượt sản phẩm được bày bán tại siêu thị, cửa hàng tiện lợi, chuỗi phân phối`] : []),
    ...(t.ecommerceListings.total
      ? [
          `${countWords(t.ecommerceListings.total)} sản phẩm trên sàn thương mại điện tử (${countsPhrase(t.ecommerceListings.byPlatform, platforms, (label) => `trên ${label}`)})`,
        ]
      : []),
  ];
  if (!parts.length) return `Đến cuối năm ${f.year}, chưa ghi nhận sản phẩm được bày bán tại siêu thị, chuỗi phân phối hay trên sàn thương mại điện tử.`;
  const shares = [
    ...(t.modernChannelsShare !== null ? [`${percentWords(t.modernChannelsShare)} chủ thể OCOP có sản phẩm bán qua kênh phân phối hiện đại`] : []),
    ...(t.ecommerceShare !== null ? [`${percentWords(t.ecommerceShare)} chủ thể OCOP có sản phẩm trên sàn thương mại điện tử`] : []),
  ];
  return `Đến cuối năm ${f.year}, có ${joinVi(parts)}${shares.length ? `; ${joinVi(shares)}` : ''}.`;
}

export function fairsSentence(f: Pick<ActivityFigures, 'year' | 'trade'>): string {
  const e = f.trade.fairs;
  if (!e.events) return `Năm ${f.year}, chưa ghi nhận hội chợ, triển lãm, sự kiện xúc tiến thương mại có chủ thể OCOP tham gia.`;
  const results = [
    ...(e.visitors ? [`thu hút ${countWords(e.visitors)} lượt khách tham quan`] : []),
    ...(e.revenueVnd ? [`doanh thu đạt ${moneyWords(e.revenueVnd)}`] : []),
    ...(e.contracts ? [`ký kết ${countWords(e.contracts)} hợp đồng, biên bản ghi nhớ`] : []),
  ];
  const producers = e.producers ? ` với ${countWords(e.producers)} chủ thể OCOP tham gia` : '';
  return `Trong năm, đã tổ chức, tham gia ${countWords(e.events)} sự kiện xúc tiến thương mại (${countsPhrase(e.byKind, TRADE_EVENT_KIND_LABELS)})${producers}${
    results.length ? `; ${results.join('; ')}` : ''
  }.`;
}
