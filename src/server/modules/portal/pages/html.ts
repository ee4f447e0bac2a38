import { createHash } from 'node:crypto';
import type { PublicStanding } from '../../../../contracts/portal.js';
import type { EntryAssets } from '../../../lib/built-assets.js';

/**
 * The public pages are plain HTML written on the server: a consumer's cheap phone shows them before
 * (and without) any script, search engines read them, and the back-office app is never loaded.
 * Every value is escaped here; nothing a visitor sends is written back unescaped.
 */
export type Lang = 'vi' | 'en';

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to write into HTML (most has nothing to replace, and is returned as it is). */
export const escape = (s: string | number | null | undefined) => {
  const text = String(s ?? '');
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
};

/** Vietnamese or English words of the page. */
export const tr = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

/**
 * A criteria sector in the page's language: the files keep "I. Thực phẩm" with the bare English
 * phrase "food" beside it, so the English carries the number over ("I. Food"); Vietnamese where a
 * file gives no English.
 */
export function sectorName(lang: Lang, s: { sector: string; sectorEn: string | null }): string {
  const en = s.sectorEn?.trim();
  if (lang !== 'en' || !en) return s.sector;
  const prefix = /^([IVXLC]+\.)\s*/.exec(s.sector)?.[1];
  const phrase = en.charAt(0).toUpperCase() + en.slice(1);
  return prefix ? `${prefix} ${phrase}` : phrase;
}

/** A path with its query, keeping the visitor's language. */
export function url(lang: Lang, path: string, params?: Record<string, string | number | undefined>): string {
  // Most links carry no parameters: every page writes several, so they skip the query builder.
  if (!params) return lang === 'en' ? `${path}?lang=en` : path;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  if (lang === 'en') search.set('lang', 'en');
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}
/** The same, escaped for an attribute. */
export const href = (lang: Lang, path: string, params?: Record<string, string | number | undefined>) => escape(url(lang, path, params));

export const numberVn = (n: number) => n.toLocaleString('vi-VN');

export const stars = (n: number, lang: Lang) =>
  `<span class="stars" role="img" aria-label="${n} ${tr(lang, 'sao', n === 1 ? 'star' : 'stars')}">${'★'.repeat(n)}<span class="off">${'★'.repeat(Math.max(0, 5 - n))}</span></span>`;

export const STANDING_WORDS: Record<PublicStanding, { vi: string; en: string; tone: 'ok' | 'bad' | 'warn' }> = {
  valid: { vi: 'CÒN HIỆU LỰC', en: 'VALID', tone: 'ok' },
  expired: { vi: 'HẾT HIỆU LỰC', en: 'EXPIRED', tone: 'warn' },
  revoked: { vi: 'ĐÃ BỊ THU HỒI', en: 'REVOKED', tone: 'bad' },
  superseded: { vi: 'ĐÃ ĐƯỢC THAY THẾ', en: 'SUPERSEDED', tone: 'warn' },
};

export const standingBadge = (s: PublicStanding, lang: Lang) => `<span class="badge ${STANDING_WORDS[s].tone}">${escape(STANDING_WORDS[s][lang])}</span>`;

const STYLE = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f5f7f6;color:#17201e}
a{color:#0b6b4f}a:hover{text-decoration:none}:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
header{background:#0b6b4f;color:#fff}header .in{display:flex;flex-wrap:wrap;align-items:center;gap:6px 16px;padding:10px 16px}
header a{color:#fff}.brand{font-weight:700;font-size:1.05rem;text-decoration:none;margin-right:auto}
nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0;padding:0}nav a{text-decoration:none;padding:4px 0;display:inline-block}
nav a[aria-current]{border-bottom:2px solid #ffd166}
.in{max-width:1120px;margin:0 auto;padding:16px}
main .in{padding-top:20px}main{overflow-wrap:break-word}h1{font-size:1.55rem;line-height:1.25;margin:.2em 0 .5em}h2{font-size:1.2rem;margin:1.4em 0 .6em}
.lead{font-size:1.05rem;color:#33413d;max-width:60ch}
.grid{display:grid;gap:14px;grid-template-columns:repeat(auto-fill,minmax(230px,1fr))}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.09);padding:14px;overflow:hidden}
.product{display:flex;flex-direction:column;gap:6px;text-decoration:none;color:inherit}
.product img,.ph{width:calc(100% + 28px);margin:-14px -14px 4px;aspect-ratio:4/3;object-fit:cover;background:#e4ece9;display:block}
.ph{display:flex;align-items:center;justify-content:center;color:#7a8a85;font-size:2rem}
.product h3{font-size:1rem;margin:0;color:#0b6b4f}.muted{color:#5b6b67;font-size:.9rem}
.stars{color:#c98a00;letter-spacing:1px;font-size:1.1rem}.stars .off{color:#d4dcd9}
.badge{display:inline-block;white-space:nowrap;font-size:.75rem;font-weight:700;padding:2px 8px;border-radius:99px;letter-spacing:.02em}
.ok{background:#dff3e9;color:#0d5c3c}.warn{background:#fff1d6;color:#7a4a00}.bad{background:#fde3e3;color:#8f1717}
.stats{display:grid;gap:10px;grid-template-columns:repeat(auto-fit,minmax(150px,1fr))}.stat b{display:block;font-size:1.7rem;color:#0b6b4f}
form.search{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end}form.search label input{width:100%;min-width:0}
input,select,button{font:inherit;padding:9px 10px;border:1px solid #b8c5c1;border-radius:8px;background:#fff;color:inherit}
button,.button{background:#0b6b4f;color:#fff;border-color:#0b6b4f;cursor:pointer;text-decoration:none;display:inline-block;padding:9px 14px;border-radius:8px}
.filters{display:grid;gap:8px;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));margin:12px 0}
label{display:flex;flex-direction:column;gap:2px;font-size:.85rem;color:#33413d}label.check{flex-direction:row;align-items:center;gap:6px}
.pager{display:flex;gap:8px;justify-content:center;align-items:center;margin:18px 0}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 14px;margin:0}dl.facts dt{color:#5b6b67}dl.facts dd{margin:0;font-weight:500;overflow-wrap:anywhere}
.banner{border-radius:12px;padding:16px 18px;font-weight:700;font-size:1.5rem;line-height:1.2;text-align:center}
.banner small{display:block;font-size:.95rem;font-weight:500;margin-top:4px}
ul.buy{margin:4px 0 10px;padding-left:18px}ul.buy li{margin:6px 0}
.gallery{display:flex;gap:8px;overflow-x:auto}.gallery img{height:200px;width:auto;border-radius:10px}
table{border-collapse:collapse;width:100%}.scroll{overflow-x:auto}.nowrap{white-space:nowrap}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e1e8e5;font-size:.92rem}
.map>svg{width:100%;height:auto;max-height:75vh}.map>svg path{stroke:#fff;stroke-width:.6}.map a:focus path,.map a:hover path{stroke:#17201e;stroke-width:1.5}
.legend{display:flex;gap:10px;flex-wrap:wrap;font-size:.85rem}.legend i{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-right:4px}
footer{margin-top:32px;background:#e8eeec;color:#33413d;font-size:.88rem}footer .in{display:flex;flex-wrap:wrap;gap:8px 24px}
@media (min-width:720px){.two{display:grid;grid-template-columns:3fr 2fr;gap:20px}h1{font-size:1.9rem}}`;

/**
 * The public pages' style sheet, one file under a name that changes with its content, so a phone
 * keeps it for a year: a shopper or an inspector scanning label after label downloads each page's
 * 2–3 KB only (written into every page, it was two thirds of the verification page).
 */
export const PORTAL_STYLESHEET = {
  path: `/cong-khai-${createHash('sha256').update(STYLE).digest('hex').slice(0, 12)}.css`,
  body: Buffer.from(STYLE),
};

/** A page as it is sent: UTF-8, encoded once (a string is measured, then encoded, as it is written). */
export type Page = Buffer;

/** What every page of one request shares. */
export type PageContext = { lang: Lang; origin: string; provinceName: string };

/**
 * What one page says of itself. Apart from the context on purpose: a page's meta written as
 * `{ ...context, title, … }` cost 8 µs per page in V8 (a copied object grown by five properties),
 * as much as the rest of the verification page together.
 */
export type PageMeta = {
  title: string;
  description: string;
  /** The page's own path (for the language switch and the canonical link), without `lang`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  current?: 'home' | 'catalogue' | 'map' | 'verify';
  image?: string | null;
  noindex?: boolean;
  /** A built script that enhances the page (only the map has one); the page works without it. */
  assets?: EntryAssets | undefined;
};

/** The tags of a built script and its stylesheets: a module script runs after the page is parsed and never blocks it. */
const assetTags = (a: EntryAssets | undefined) =>
  a
    ? [
        ...a.styles.map((f) => `<link rel="stylesheet" href="${escape(f)}">`),
        ...a.preload.map((f) => `<link rel="modulepreload" href="${escape(f)}">`),
        `<script type="module" src="${escape(a.script)}"></script>`,
      ].join('')
    : '';

/**
 * A part of a page as it is written: a string (a value, escaped already, or markup) is encoded as the
 * page is written; a buffer is text of the code's own, encoded once (`wordsByLang`).
 */
export type PagePart = string | Buffer;

/**
 * A page's fixed words in each language, encoded once: Vietnamese text is stored by V8 two bytes a
 * character, and in a profile of the server encoding it took a tenth of the verification page's
 * time when every page encoded its labels again. Values (names, numbers, dates) are all that is left to encode.
 */
export function wordsByLang<K extends string>(words: (lang: Lang) => Record<K, string>): Record<Lang, Record<K, Buffer>> {
  const encode = (lang: Lang) => Object.fromEntries(Object.entries<string>(words(lang)).map(([k, text]) => [k, Buffer.from(text)])) as Record<K, Buffer>;
  return { vi: encode('vi'), en: encode('en') };
}

/**
 * Where pages are written before they are copied out at their size: writing is synchronous, so one
 * buffer serves every request, and it grows to the largest page once.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The parts of a page as one UTF-8 buffer. */
function writeParts(parts: readonly PagePart[]): Page {
  let at = 0;
  for (const part of parts) {
    if (part.length === 0) continue;
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const room = typeof part === 'string' ? part.length * 3 : part.length;
    if (at + room > scratch.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * scratch.length, at + room));
      scratch.copy(larger, 0, 0, at);
      scratch = larger;
    }
    if (typeof part === 'string') at += scratch.write(part, at);
    else {
      scratch.set(part, at);
      at += part.length;
    }
  }
  const page = Buffer.allocUnsafe(at);
  scratch.copy(page, 0, 0, at);
  return page;
}

/** The frame's parts around the page's own fields, the language switch's link and the body, as UTF-8 bytes. */
type Frame = { open: Buffer; head: Buffer; nav: Buffer; main: Buffer; foot: Buffer };
const frames = new Map<string, Frame>();

/**
 * The frame of every page for one language, province and menu item, encoded once. A page is then its
 * own fields and body encoded, between parts already encoded: encoding the whole page and working out
 * the menu's links again for each one was a sixth of the verification page's time (9.8 µs, 8.1 µs
 * without).
 */
function frameOf(lang: Lang, provinceName: string, current: PageMeta['current']): Frame {
  const key = `${lang}|${current ?? ''}|${provinceName}`;
  const kept = frames.get(key);
  if (kept) return kept;
  const here = (item: PageMeta['current']) => (current === item ? ' aria-current="page"' : '');
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const frame = {
    open: Buffer.from(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>`),
    head: Buffer.from(
      `<meta property="og:locale" content="${lang === 'vi' ? 'vi_VN' : 'en_GB'}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="${PORTAL_STYLESHEET.path}">`,
    ),
    nav: Buffer.from(`</head>
<body><a class="skip" href="#main">${tr(lang, 'Bỏ qua đến nội dung', 'Skip to content')}</a>
<header><div class="in"><a class="brand" href="${href(lang, '/')}">OCOP ${escape(provinceName)}</a>
<nav aria-label="${tr(lang, 'Trang công khai', 'Public pages')}"><ul>
<li><a href="${href(lang, '/san-pham')}"${here('catalogue')}>${tr(lang, 'Sản phẩm', 'Products')}</a></li>
<li><a href="${href(lang, '/ban-do')}"${here('map')}>${tr(lang, 'Bản đồ', 'Map')}</a></li>
<li><a href="${href(lang, '/kiem-tra')}"${here('verify')}>${tr(lang, 'Kiểm tra nhãn', 'Check a label')}</a></li>
<li><a lang="${other}" hreflang="${other}" href="`),
    main: Buffer.from(`">${other === 'en' ? 'English' : 'Tiếng Việt'}</a></li>
<li><a href="/login">${tr(lang, 'Cán bộ đăng nhập', 'Staff sign-in')}</a></li>
</ul></nav></div></header>
<main id="main"><div class="in">`),
    foot: Buffer.from(`</div></main>
<footer><div class="in"><span>${tr(lang, 'Chương trình Mỗi xã một sản phẩm (OCOP)', 'One Commune One Product programme (OCOP)')} · ${escape(provinceName)}</span>
<a href="/api/v1/public/products.csv">${tr(lang, 'Dữ liệu mở (CSV)', 'Open data (CSV)')}</a><a href="/api/docs">API</a></div></footer></body></html>`),
  };
  // One province per deployment, two languages, five menu items: a handful of frames.
  if (frames.size < 100) frames.set(key, frame);
  return frame;
}

/**
 * The frame of every public page: header with the four places a visitor goes, language switch,
 * footer. The body is markup with its values escaped, as one string or as parts.
 */
export function layout(context: PageContext, meta: PageMeta, body: string | readonly PagePart[]): Page {
  const { lang, origin, provinceName } = context;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const title = escape(meta.title);
  const description = escape(meta.description);
  const canonical = escape(`${origin}${url(lang, meta.path, meta.query)}`);
  const frame = frameOf(lang, provinceName, meta.current);
  // The page's own fields are one part (a native call per part costs more than encoding a few
  // more characters); the frame around them is encoded already.
  return writeParts([
    frame.open,
    `${title}</title><meta name="description" content="${description}">${meta.noindex ? '<meta name="robots" content="noindex">' : ''}
<link rel="canonical" href="${canonical}"><meta property="og:type" content="website"><meta property="og:title" content="${title}"><meta property="og:description" content="${description}"><meta property="og:url" content="${canonical}">${
      meta.image ? `<meta property="og:image" content="${escape(`${origin}${meta.image}`)}">` : ''
    }`,
    frame.head,
    meta.assets ? assetTags(meta.assets) : '',
    frame.nav,
    href(other, meta.path, meta.query),
    frame.main,
    ...(typeof body === 'string' ? [body] : body),
    frame.foot,
  ]);
}
