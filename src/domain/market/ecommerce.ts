import type { Message } from '../errors.js';

/**
 * E-commerce listings: the platforms, and the one form a listing's URL is kept in, so that the same
 * page typed twice (with "www.", http or https, a marketplace's mobile host, tracking parameters, a
 * trailing slash, another case of the host, or Shopee's other form of a product page) is recognised
 * as one and refused the second time.
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

/** Sub-domains a marketplace serves its mobile pages on: the page is the same as on the main host. */
const MOBILE_PREFIX = /^(m|mobile)\./;

/** The platform a host belongs to, when it is one of the known marketplaces (its "www." and mobile hosts included). */
export function platformOfHost(host: string): EcommercePlatform | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  for (const code of ECOMMERCE_PLATFORM_CODES) {
    if (ECOMMERCE_PLATFORMS[code].hosts.some((known) => h === known || h.endsWith(`.${known}`))) return code;
  }
  return null;
}

/** The host without "www." and, on a known marketplace, without its mobile sub-domain (m.tiki.vn is tiki.vn). */
function keptHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  const main = host.replace(MOBILE_PREFIX, '');
  return main !== host && platformOfHost(main) ? main : host;
}

/**
 * A Shopee product page is written two ways: "/product/<shop>/<item>" and "/<name>-i.<shop>.<item>"
 * (the name is free text and changes with the listing's title). Both are kept as the first; the two
 * numbers name the product, so the page's parameters are dropped.
 */
function shopeeProductPath(path: string): string | null {
  const m = /^\/product\/(\d+)\/(\d+)$/.exec(path) ?? /^\/[^/]*-i\.(\d+)\.(\d+)$/.exec(path);
  return m ? `/product/${m[1]}/${m[2]}` : null;
}

export type NormalisedUrl = { ok: true; url: string; platform: EcommercePlatform | null } | { ok: false; message: Message };

/**
 * A listing's URL in its kept form: http(s) only, a real host name (no IP address, no credentials,
 * no local names), lower-case host without "www." (and without "m."/"mobile." on a known
 * marketplace), always https (http and https name the same page), no fragment, no tracking
 * parameters, remaining parameters sorted, no trailing slash; a Shopee product page in its
 * "/product/<shop>/<item>" form.
 */
export function normaliseListingUrl(input: string): NormalisedUrl {
  return normalise(input, 'current');
}

/**
 * The forms a listing typed as `input` may have been stored in, besides its kept form: the rules
 * before this version kept http on hosts other than the marketplaces, kept the marketplaces' mobile
 * sub-domains and kept Shopee's "<name>-i.<shop>.<item>" form. Rows stored then are not rewritten;
 * a new listing is compared with each of these forms, so that it is refused as a duplicate of them.
 * (A stored "<name>-i.<shop>.<item>" row is found when the same form is typed again, not from the
 * "/product/" form or another name.)
 */
export function earlierListingUrlForms(input: string): string[] {
  const current = normalise(input, 'current');
  if (!current.ok) return [];
  const earlier = normalise(input, 'earlier');
  const url = new URL(current.url);
  const rest = `${url.pathname === '/' ? '' : url.pathname}${url.search}`;
  const port = url.port ? `:${url.port}` : '';
  const forms = [`http://${url.hostname}${port}${rest}`];
  if (current.platform) for (const prefix of ['m.', 'mobile.']) forms.push(`https://${prefix}${url.hostname}${port}${rest}`);
  if (earlier.ok) forms.push(earlier.url);
  return [...new Set(forms)].filter((form) => form !== current.url);
}

function normalise(input: string, rules: 'current' | 'earlier'): NormalisedUrl {
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
  const host = rules === 'current' ? keptHost(url.hostname) : url.hostname.toLowerCase().replace(/^www\./, '');
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(host) || /^\d+(\.\d+){3}$/.test(host))
    return bad('Đường dẫn phải có tên miền của một trang web.', 'The URL must name a website by its domain.');
  const platform = platformOfHost(host);
  let path = url.pathname.replace(/\/+$/, '');
  let params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shopee = rules === 'current' && platform === 'shopee' ? shopeeProductPath(path) : null;
  if (shopee) [path, params] = [shopee, []];
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const scheme = rules === 'current' || platform ? 'https:' : url.protocol;
  // The default port of the scheme typed is dropped by the parser; another one stays.
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
