import type { Message } from '../errors.js';

/**
 * E-commerce listings: the platforms, and the one form a listing's URL is kept in, so that the same
 * page typed twice (with "www.", tracking parameters, a trailing slash or another case of the host)
 * is recognised as one and refused the second time.
 */
export const ECOMMERCE_PLATFORMS = {
  shopee: { label: { vi: 'Shopee', en: 'Shopee' }, hosts: ['shopee.vn'] },
  lazada: { label: { vi: 'Lazada', en: 'Lazada' }, hosts: ['lazada.vn'] },
  tiki: { label: { vi: 'Tiki', en: 'Tiki' }, hosts: ['tiki.vn'] },
  tiktok_shop: { label: { vi: 'TikTok Shop', en: 'TikTok Shop' }, hosts: ['tiktok.com', 'shop.tiktok.com', 'vt.tiktok.com'] },
  postmart: { label: { vi: 'Postmart', en: 'Postmart' }, hosts: ['postmart.vn'] },
  voso: { label: { vi: 'Voso', en: 'Voso' }, hosts: ['voso.vn'] },
  province_floor: { label: { vi: 'Sàn thương mại điện tử của tỉnh', en: "The province's e-commerce floor" }, hosts: [] },
  own_website: { label: { vi: 'Website của chủ thể', en: "The producer's own website" }, hosts: [] },
  other: { label: { vi: 'Khác', en: 'Other' }, hosts: [] },
} as const satisfies Record<string, { label: Message; hosts: readonly string[] }>;
export type EcommercePlatform = keyof typeof ECOMMERCE_PLATFORMS;
export const ECOMMERCE_PLATFORM_CODES = Object.keys(ECOMMERCE_PLATFORMS) as [EcommercePlatform, ...EcommercePlatform[]];

/** Query parameters that only track the visit; every other parameter may name the product and stays. */
const TRACKING_PARAMS =
  /^(utm_.*|fbclid|gclid|zarsrc|spm|sp_atk|xptdk|scm|from|_branch_match_id|_branch_referrer|mkt_.*|ref|referrer|share_.*|is_from_share)$/i;

/** The platform a host belongs to, when it is one of the known marketplaces. */
export function platformOfHost(host: string): EcommercePlatform | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  for (const code of ECOMMERCE_PLATFORM_CODES) {
    if (ECOMMERCE_PLATFORMS[code].hosts.some((known) => h === known || h.endsWith(`.${known}`))) return code;
  }
  return null;
}

export type NormalisedUrl = { ok: true; url: string; platform: EcommercePlatform | null } | { ok: false; message: Message };

/**
 * A listing's URL in its kept form: http(s) only, a real host name (no IP address, no credentials,
 * no local names), lower-case host without "www.", no fragment, no tracking parameters, remaining
 * parameters sorted, no trailing slash; http upgraded to https for the known marketplaces.
 */
export function normaliseListingUrl(input: string): NormalisedUrl {
  const text = input.trim();
  const bad = (vi: string, en: string): NormalisedUrl => ({ ok: false, message: { vi, en } });
  if (!text) return bad('Nhập đường dẫn của sản phẩm.', 'Enter the product page URL.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return bad('Đường dẫn không hợp lệ.', 'The URL is not valid.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad('Đường dẫn phải bắt đầu bằng https://.', 'The URL must start with https://.');
  if (url.username || url.password) return bad('Đường dẫn không được chứa tên đăng nhập, mật khẩu.', 'The URL must not carry a user name or password.');
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(host) || /^\d+(\.\d+){3}$/.test(host))
    return bad('Đường dẫn phải có tên miền của một trang web.', 'The URL must name a website by its domain.');
  const platform = platformOfHost(host);
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const scheme = platform ? 'https:' : url.protocol;
  const port = url.port ? `:${url.port}` : '';
  const kept = `${scheme}//${host}${port}${path}${query}`;
  if (kept.length > 1000) return bad('Đường dẫn quá dài (tối đa 1.000 ký tự).', 'The URL is too long (1,000 characters at most).');
  return { ok: true, url: kept, platform };
}

/**
 * The platform a listing is recorded under must agree with its URL's host when the host is a known
 * marketplace ("Shopee" with a tiki.vn link is a typing error); other platforms take any host.
 */
export function checkListingPlatform(platform: EcommercePlatform, url: string): Message | null {
  const hostPlatform = platformOfHost(new URL(url).hostname);
  if (hostPlatform && hostPlatform !== platform && platform !== 'other')
    return {
      vi: `Đường dẫn thuộc ${ECOMMERCE_PLATFORMS[hostPlatform].label.vi}, không phải ${ECOMMERCE_PLATFORMS[platform].label.vi}.`,
      en: `The URL belongs to ${ECOMMERCE_PLATFORMS[hostPlatform].label.en}, not ${ECOMMERCE_PLATFORMS[platform].label.en}.`,
    };
  if (!hostPlatform && ECOMMERCE_PLATFORMS[platform].hosts.length)
    return {
      vi: `Đường dẫn không thuộc ${ECOMMERCE_PLATFORMS[platform].label.vi}.`,
      en: `The URL is not on ${ECOMMERCE_PLATFORMS[platform].label.en}.`,
    };
  return null;
}
