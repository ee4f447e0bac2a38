import { VERIFICATION_CODE, type PublicVerification } from '../../../../contracts/certificates.js';
import type { CatalogueQuery, PublicProduct, PublicProductList, PublicStanding } from '../../../../contracts/portal.js';
import { formatDateVn } from '../../../../domain/dates/calendar.js';
import type { Message } from '../../../../domain/errors.js';
import { DISTRIBUTION_CHANNEL_LABELS, ECOMMERCE_PLATFORMS, SALES_POINT_KIND_LABELS } from '../../../../domain/market/index.js';
import { LEGAL_FORM_LABELS, LEGAL_FORMS, type LegalForm } from '../../../../domain/subjects/legal-forms.js';
import type { EntryAssets } from '../../../lib/built-assets.js';
import type { ProjectedMap } from '../../../lib/commune-outlines.js';
import { colourOf, countLegend, maxCount } from '../portal.map.js';
import type { ProducerCardRow, WhereToBuyPoint } from '../portal.repository.js';
import type { PortalFigures } from '../portal.service.js';
import {
  STANDING_WORDS,
  escape,
  href,
  layout,
  numberVn,
  sectorName,
  stars,
  standingBadge,
  tr,
  wordsByLang,
  type Lang,
  type Page,
  type PageContext,
} from './html.js';

const formLabel = (form: string, lang: Lang) => LEGAL_FORM_LABELS[form as LegalForm]?.[lang] ?? form;
/** A code's label from one of the domain's lists; an unknown code as it is. */
const labelOf = (labels: Readonly<Record<string, Message>>, code: string, lang: Lang) => (Object.hasOwn(labels, code) ? labels[code]![lang] : code);
const PLATFORM_LABELS: Readonly<Record<string, Message>> = Object.fromEntries(Object.entries(ECOMMERCE_PLATFORMS).map(([code, p]) => [code, p.label]));

/** A place on OpenStreetMap, for visitors who want directions (an outside site: no referrer, not endorsed). */
const osmLink = (lang: Lang, latitude: number, longitude: number) =>
  `<a href="${escape(`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`)}" rel="nofollow noopener noreferrer" target="_blank">${tr(lang, 'Xem bản đồ', 'See on a map')}</a>`;

function productCard(p: PublicProduct, lang: Lang): string {
  return `<a class="card product" href="${href(lang, p.url)}">
${p.photoUrl ? `<img src="${escape(p.photoUrl)}" alt="" loading="lazy" decoding="async" width="400" height="300">` : '<span class="ph" aria-hidden="true">★</span>'}
<h3>${escape(p.name)}</h3>${stars(p.certificate.star, lang)}
<span class="muted">${escape(p.producer.name)} · ${escape(p.commune.name)}</span>
<span>${standingBadge(p.certificate.standing, lang)}</span></a>`;
}

const checkLabelForm = (lang: Lang, value = '') => `<form class="search" action="/kiem-tra" method="get" role="search">
<label style="flex:1 1 240px">${tr(lang, 'Mã in dưới mã QR trên nhãn', 'The code printed under the QR code')}
<input type="text" name="ma" value="${escape(value)}" autocomplete="off" autocapitalize="off" spellcheck="false" required maxlength="64" placeholder="${tr(lang, 'ví dụ', 'e.g.')} 3kT9x2LpQv8"></label>
${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}<button type="submit">${tr(lang, 'Kiểm tra', 'Check')}</button></form>`;

const searchForm = (lang: Lang, q = '') => `<form class="search" action="/san-pham" method="get" role="search">
<label style="flex:1 1 240px">${tr(lang, 'Tìm sản phẩm, chủ thể, xã', 'Search products, producers, communes')}
<input type="search" name="q" value="${escape(q)}" placeholder="${tr(lang, 'ví dụ: bánh phồng tôm', 'e.g. banh phong tom')}"></label>
${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}<button type="submit">${tr(lang, 'Tìm', 'Search')}</button></form>`;

/** The map page's script: its built files, where its JSON is, and the optional tile layer it is given. */
export type LiveMap = { assets: EntryAssets; src: string; tiles: { url: string; attribution: string } | undefined };

/** The words the map's script shows, in the page's language, as data attributes of the map. */
function liveMapAttributes(live: LiveMap, lang: Lang): string {
  const data: Record<string, string | undefined> = {
    'map-src': live.src,
    'tile-url': live.tiles?.url,
    'tile-attribution': live.tiles?.attribution,
    label: tr(lang, 'Bản đồ các xã, phường', 'Map of the communes'),
    unit: tr(lang, 'sản phẩm OCOP còn hiệu lực', 'OCOP products in force'),
    open: tr(lang, 'Xem sản phẩm', 'See the products'),
    close: tr(lang, 'Đóng', 'Close'),
    'zoom-in': tr(lang, 'Phóng to', 'Zoom in'),
    'zoom-out': tr(lang, 'Thu nhỏ', 'Zoom out'),
  };
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k}="${escape(v)}"`)
    .join('');
}

/**
 * The map as SVG: communes shaded by their count of products in force, each a link to its products.
 * With `live` (the map page, once the script is built) the script replaces the SVG by a Leaflet map
 * on the same colour scale; without script, or until it runs, the SVG is the map.
 */
export function communeMap(map: ProjectedMap, counts: Map<string, number>, lang: Lang, live?: LiveMap): string {
  if (!map.shapes.length)
    return `<p class="muted">${tr(lang, 'Chưa có bản đồ ranh giới xã cho tỉnh này.', 'No commune outlines are shipped for this province yet.')}</p>`;
  const legend = countLegend(maxCount(counts));
  const shapes = map.shapes
    .map((s) => {
      const n = counts.get(s.code) ?? 0;
      const label = `${s.name}: ${n} ${tr(lang, 'sản phẩm OCOP còn hiệu lực', 'OCOP products in force')}`;
      return `<a href="${href(lang, '/san-pham', { commune: s.code })}" aria-label="${escape(label)}"><path d="${s.d}" fill="${colourOf(legend, n)}"><title>${escape(label)}</title></path></a>`;
    })
    .join('');
  const classes = legend.map((c) => `<span><i style="background:${c.colour}"></i>${c.min === c.max ? c.min : `${c.min}–${c.max}`}</span>`).join('');
  return `<div class="map"${live ? liveMapAttributes(live, lang) : ''}><svg viewBox="0 0 ${map.width} ${map.height}" role="group" aria-label="${tr(lang, 'Bản đồ các xã, phường', 'Map of the communes')}">${shapes}</svg>
<div class="legend" aria-hidden="true">${classes}<span>${tr(lang, 'sản phẩm còn hiệu lực', 'products in force')}</span></div></div>`;
}

export function homePage(c: PageContext, figures: PortalFigures, featured: PublicProduct[], map: ProjectedMap): Page {
  const { lang } = c;
  const stat = (n: number, vi: string, en: string) => `<div class="card stat"><b>${numberVn(n)}</b>${tr(lang, vi, en)}</div>`;
  const body = `<h1>${tr(lang, `Sản phẩm OCOP ${escape(figures.provinceName)}`, `OCOP products of ${escape(figures.provinceName)}`)}</h1>
<p class="lead">${tr(
    lang,
    'OCOP (Mỗi xã một sản phẩm) là chương trình của Nhà nước đánh giá và công nhận sản phẩm đặc trưng của địa phương theo bộ tiêu chí 100 điểm, xếp hạng từ 3 đến 5 sao. Tại đây, bạn tìm sản phẩm OCOP của tỉnh và kiểm tra nhãn OCOP có thật và còn hiệu lực hay không.',
    'OCOP (One Commune One Product) is the state programme that rates local products against a 100-point set of criteria and recognises them with 3 to 5 stars. Here you can find the province’s OCOP products and check that an OCOP label is genuine and still valid.',
  )}</p>
<div class="two"><section aria-labelledby="find"><h2 id="find">${tr(lang, 'Tìm sản phẩm', 'Find a product')}</h2>${searchForm(lang)}</section>
<section aria-labelledby="check"><h2 id="check">${tr(lang, 'Kiểm tra nhãn OCOP', 'Check an OCOP label')}</h2>${checkLabelForm(lang)}</section></div>
<h2>${tr(lang, 'OCOP của tỉnh qua các con số', 'The province’s OCOP in numbers')}</h2>
<div class="stats">${stat(figures.inForce, 'sản phẩm OCOP còn hiệu lực', 'OCOP products in force')}${stat(figures.byStar[5], 'sản phẩm 5 sao', '5-star products')}${stat(
    figures.byStar[4],
    'sản phẩm 4 sao',
    '4-star products',
  )}${stat(figures.byStar[3], 'sản phẩm 3 sao', '3-star products')}${stat(figures.producers, 'chủ thể có sản phẩm OCOP', 'producers with OCOP products')}</div>
${
  figures.bySector.length
    ? `<h3>${tr(lang, 'Theo ngành', 'By sector')}</h3><table><tbody>${figures.bySector.map((s) => `<tr><th scope="row">${escape(sectorName(lang, s))}</th><td class="nowrap">${numberVn(s.n)}</td></tr>`).join('')}</tbody></table>`
    : ''
}
${featured.length ? `<h2>${tr(lang, 'Sản phẩm tiêu biểu', 'Featured products')}</h2><div class="grid">${featured.map((p) => productCard(p, lang)).join('')}</div>` : ''}
<h2>${tr(lang, 'Bản đồ sản phẩm OCOP', 'Map of OCOP products')}</h2>${communeMap(map, figures.byCommune, lang)}`;
  return layout(
    c,
    {
      title: tr(lang, `OCOP ${figures.provinceName} — sản phẩm OCOP và kiểm tra nhãn`, `OCOP ${figures.provinceName} — products and label check`),
      description: tr(lang, 'Danh mục sản phẩm OCOP được công nhận và tra cứu giấy chứng nhận.', 'Certified OCOP products and certificate verification.'),
      path: '/',
      current: 'home',
    },
    body,
  );
}

export type CatalogueOptions = {
  sets: { number: number; name: string }[];
  sectors: { sector: string; sectorEn: string | null }[];
  communes: { code: string; name: string }[];
};

export function cataloguePage(c: PageContext, q: CatalogueQuery, list: PublicProductList, opts: CatalogueOptions): Page {
  const { lang } = c;
  const params = {
    q: q.q,
    star: q.star,
    set: q.set,
    sector: q.sector,
    commune: q.commune,
    form: q.form,
    valid: q.valid === '0' ? '0' : undefined,
    sort: q.sort === 'relevance' ? undefined : q.sort,
  };
  const option = (value: string | number, label: string, selected: unknown) =>
    `<option value="${escape(value)}"${String(selected ?? '') === String(value) ? ' selected' : ''}>${escape(label)}</option>`;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="${tr(lang, 'Trang kết quả', 'Result pages')}">${
          q.page > 1
            ? `<a class="button" rel="prev" href="${href(lang, '/san-pham', { ...params, page: q.page - 1 })}">‹ ${tr(lang, 'Trước', 'Previous')}</a>`
            : ''
        }<span>${tr(lang, `Trang ${q.page}/${pages}`, `Page ${q.page} of ${pages}`)}</span>${
          q.page < pages
            ? `<a class="button" rel="next" href="${href(lang, '/san-pham', { ...params, page: q.page + 1 })}">${tr(lang, 'Sau', 'Next')} ›</a>`
            : ''
        }</nav>`
      : '';
  const body = `<h1>${tr(lang, 'Sản phẩm OCOP', 'OCOP products')}</h1>
<form action="/san-pham" method="get" role="search" aria-label="${tr(lang, 'Tìm và lọc', 'Search and filter')}">
<div class="search" style="display:flex;gap:8px;flex-wrap:wrap"><label style="flex:1 1 240px">${tr(lang, 'Tìm theo tên sản phẩm, chủ thể, xã (không cần dấu)', 'Product, producer or commune (accents optional)')}
<input type="search" name="q" value="${escape(q.q ?? '')}"></label></div>
<div class="filters">
<label>${tr(lang, 'Hạng sao', 'Stars')}<select name="star">${option('', tr(lang, 'Tất cả', 'All'), q.star)}${[5, 4, 3].map((s) => option(s, `${s} ${tr(lang, 'sao', 'stars')}`, q.star)).join('')}</select></label>
<label>${tr(lang, 'Ngành', 'Sector')}<select name="sector">${option('', tr(lang, 'Tất cả', 'All'), q.sector)}${opts.sectors.map((s, i) => option(i + 1, sectorName(lang, s), q.sector)).join('')}</select></label>
<label>${tr(lang, 'Bộ sản phẩm', 'Product set')}<select name="set">${option('', tr(lang, 'Tất cả', 'All'), q.set)}${opts.sets.map((s) => option(s.number, `${s.number}. ${s.name}`, q.set)).join('')}</select></label>
<label>${tr(lang, 'Xã, phường', 'Commune')}<select name="commune">${option('', tr(lang, 'Tất cả', 'All'), q.commune)}${opts.communes.map((m) => option(m.code, m.name, q.commune)).join('')}</select></label>
<label>${tr(lang, 'Loại hình chủ thể', 'Legal form')}<select name="form">${option('', tr(lang, 'Tất cả', 'All'), q.form)}${LEGAL_FORMS.map((f) => option(f.code, f[lang], q.form)).join('')}</select></label>
<label>${tr(lang, 'Sắp xếp', 'Sort')}<select name="sort">${option('relevance', tr(lang, 'Phù hợp nhất', 'Best match'), q.sort)}${option('star', tr(lang, 'Hạng sao', 'Stars'), q.sort)}${option(
    'name',
    tr(lang, 'Tên (A–Z)', 'Name (A–Z)'),
    q.sort,
  )}${option('newest', tr(lang, 'Mới công nhận', 'Newest'), q.sort)}</select></label>
<label class="check"><input type="checkbox" name="valid" value="0"${q.valid === '0' ? ' checked' : ''}> ${tr(lang, 'Gồm cả giấy chứng nhận hết hiệu lực', 'Include certificates no longer valid')}</label>
</div>${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}<button type="submit">${tr(lang, 'Tìm', 'Search')}</button></form>
<p role="status">${tr(lang, `${numberVn(list.total)} sản phẩm`, `${numberVn(list.total)} products`)}</p>
${list.items.length ? `<div class="grid">${list.items.map((p) => productCard(p, lang)).join('')}</div>` : `<p>${tr(lang, 'Không tìm thấy sản phẩm phù hợp.', 'No product matches.')}</p>`}
${pager}`;
  return layout(
    c,
    {
      title: tr(lang, 'Sản phẩm OCOP — tìm kiếm', 'OCOP products — search'),
      description: tr(lang, 'Tìm sản phẩm OCOP theo tên, hạng sao, ngành, xã.', 'Find OCOP products by name, stars, sector, commune.'),
      path: '/san-pham',
      query: { ...params, page: q.page > 1 ? q.page : undefined },
      current: 'catalogue',
    },
    body,
  );
}

/** Where a product is sold: open points carrying it with its producer's consent, chains, approved online pages. */
export type WhereToBuyData = {
  salesPoints: WhereToBuyPoint[];
  chains: { chain: string; channel: string; stores: number | null }[];
  online: { platform: string; url: string }[];
};

export type ProductPageData = {
  product: PublicProduct;
  photos: { url: string; width: number; height: number }[];
  certificates: { number: string; star: number; issuedOn: string; expiresOn: string; standing: PublicStanding }[];
  whereToBuy: WhereToBuyData;
};

/**
 * "Nơi mua": the sales points, chains and online shops of a product, or where to ask when none is
 * recorded. Links to online shops leave the site: they carry no endorsement (nofollow) and no access
 * back to this page (noopener).
 */
function whereToBuy(w: WhereToBuyData, lang: Lang): string {
  if (!w.salesPoints.length && !w.chains.length && !w.online.length)
    return `<p class="muted">${tr(lang, 'Liên hệ chủ thể để biết điểm bán.', 'Contact the producer for sales points.')}</p>`;
  const points = w.salesPoints
    .map((p) => {
      const where = [p.address, p.communeName].filter(Boolean).map(escape).join(', ');
      const map = p.latitude !== null && p.longitude !== null ? ` · ${osmLink(lang, p.latitude, p.longitude)}` : '';
      return `<li><b>${escape(p.name)}</b><br><span class="muted">${escape(labelOf(SALES_POINT_KIND_LABELS, p.kind, lang))}${where ? ` · ${where}` : ''}</span>${map}</li>`;
    })
    .join('');
  const chains = w.chains
    .map((c) => {
      const stores = c.stores ? `, ${tr(lang, `${numberVn(c.stores)} cửa hàng`, `${numberVn(c.stores)} stores`)}` : '';
      return `<li>${escape(c.chain)} <span class="muted">(${escape(labelOf(DISTRIBUTION_CHANNEL_LABELS, c.channel, lang))}${stores})</span></li>`;
    })
    .join('');
  const online = w.online
    .map(
      (o) =>
        `<li><a href="${escape(o.url)}" rel="nofollow noopener" target="_blank">${escape(labelOf(PLATFORM_LABELS, o.platform, lang))}<span aria-hidden="true"> ↗</span><span class="vh">${tr(lang, ' (trang ngoài)', ' (external site)')}</span></a></li>`,
    )
    .join('');
  return [
    points && `<h3>${tr(lang, 'Điểm giới thiệu và bán sản phẩm', 'Showrooms and shops')}</h3><ul class="buy">${points}</ul>`,
    chains && `<h3>${tr(lang, 'Siêu thị, chuỗi cửa hàng', 'Supermarkets and chains')}</h3><ul class="buy">${chains}</ul>`,
    online && `<h3>${tr(lang, 'Mua trực tuyến', 'Buy online')}</h3><ul class="buy">${online}</ul>`,
  ]
    .filter(Boolean)
    .join('');
}

export function productPage(c: PageContext, d: ProductPageData): Page {
  const { lang } = c;
  const p = d.product;
  const cert = p.certificate;
  const share = `${c.origin}${p.url}`;
  const body = `<p><a href="${href(lang, '/san-pham')}">‹ ${tr(lang, 'Sản phẩm OCOP', 'OCOP products')}</a></p>
<div class="two"><div><h1>${escape(p.name)}</h1>${stars(cert.star, lang)} ${standingBadge(cert.standing, lang)}
${d.photos.length ? `<div class="gallery">${d.photos.map((ph, i) => `<img src="${escape(ph.url)}" alt="${escape(`${p.name} (${i + 1})`)}" loading="${i ? 'lazy' : 'eager'}" decoding="async" height="200">`).join('')}</div>` : ''}
${p.description ? `<h2>${tr(lang, 'Giới thiệu', 'About')}</h2><p>${escape(p.description)}</p>` : ''}</div>
<div><div class="card"><h2 style="margin-top:0">${tr(lang, 'Giấy chứng nhận OCOP', 'OCOP certificate')}</h2><dl class="facts">
<dt>${tr(lang, 'Số', 'Number')}</dt><dd>${escape(cert.number)}</dd>
<dt>${tr(lang, 'Hạng', 'Rating')}</dt><dd>${cert.star} ${tr(lang, 'sao', 'stars')}</dd>
<dt>${tr(lang, 'Cơ quan công nhận', 'Issued by')}</dt><dd>${escape(cert.issuer)}</dd>
${cert.decision ? `<dt>${tr(lang, 'Quyết định', 'Decision')}</dt><dd>${escape(cert.decision.number)}, ${formatDateVn(cert.decision.signedOn)}</dd>` : ''}
<dt>${tr(lang, 'Ngày cấp', 'Issued on')}</dt><dd>${formatDateVn(cert.issuedOn)}</dd>
<dt>${tr(lang, 'Hiệu lực đến', 'Valid until')}</dt><dd>${formatDateVn(cert.expiresOn)}</dd>
<dt>${tr(lang, 'Tình trạng', 'Status')}</dt><dd>${standingBadge(cert.standing, lang)}</dd>
<dt>${tr(lang, 'Mã sản phẩm', 'Product code')}</dt><dd>${escape(p.ocopCode)}</dd>
<dt>${tr(lang, 'Bộ sản phẩm', 'Product set')}</dt><dd>${p.criteriaSet ? `${p.criteriaSet.number}. ${escape(p.criteriaSet.name)}` : '—'}</dd>
</dl><p><a href="${escape(cert.verificationUrl)}">${tr(lang, 'Trang xác thực của giấy chứng nhận', 'The certificate’s verification page')}</a></p></div>
<div class="card" style="margin-top:14px"><h2 style="margin-top:0">${tr(lang, 'Chủ thể', 'Producer')}</h2>
<p><a href="${href(lang, p.producer.url)}">${escape(p.producer.name)}</a><br><span class="muted">${escape(formLabel(p.producer.legalForm, lang))} · ${escape(p.commune.name)}, ${escape(p.province.name)}</span></p>
<p>${tr(lang, 'Chia sẻ', 'Share')}: <a href="${escape(share)}">${escape(share)}</a></p></div>
<section class="card" style="margin-top:14px" aria-labelledby="buy"><h2 id="buy" style="margin-top:0">${tr(lang, 'Nơi mua', 'Where to buy')}</h2>${whereToBuy(d.whereToBuy, lang)}</section></div></div>
${
  d.certificates.length > 1
    ? `<h2>${tr(lang, 'Các lần công nhận', 'Recognition history')}</h2><div class="scroll" tabindex="0" role="region" aria-label="${tr(lang, 'Các lần công nhận', 'Recognition history')}"><table><thead><tr><th>${tr(lang, 'Số', 'Number')}</th><th>${tr(lang, 'Hạng', 'Rating')}</th><th>${tr(lang, 'Ngày cấp', 'Issued')}</th><th>${tr(lang, 'Hiệu lực đến', 'Until')}</th><th>${tr(lang, 'Tình trạng', 'Status')}</th></tr></thead><tbody>${d.certificates
        .map(
          (h) =>
            `<tr><td class="nowrap">${escape(h.number)}</td><td>${h.star}★</td><td>${formatDateVn(h.issuedOn)}</td><td>${formatDateVn(h.expiresOn)}</td><td>${standingBadge(h.standing, lang)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : ''
}`;
  return layout(
    c,
    {
      title: `${p.name} — OCOP ${cert.star} ${tr(lang, 'sao', 'stars')}`,
      description: `${p.name}, ${p.producer.name}, ${p.commune.name}. OCOP ${cert.star}★ (${STANDING_WORDS[cert.standing][lang]}).`,
      path: p.url,
      current: 'catalogue',
      image: p.photoUrl,
    },
    body,
  );
}

export type ProducerPageData = { producer: ProducerCardRow; products: PublicProduct[] };

export function producerPage(c: PageContext, d: ProducerPageData): Page {
  const { lang } = c;
  const s = d.producer;
  const body = `<h1>${escape(s.name)}</h1><p class="muted">${escape(formLabel(s.legalForm, lang))} · ${escape(s.communeName)}, ${escape(s.provinceName)}</p>
<div class="card"><dl class="facts">${s.address ? `<dt>${tr(lang, 'Địa chỉ', 'Address')}</dt><dd>${escape(s.address)}</dd>` : ''}${
    s.phone ? `<dt>${tr(lang, 'Điện thoại', 'Phone')}</dt><dd><a href="tel:${escape(s.phone.replace(/[^\d+]/g, ''))}">${escape(s.phone)}</a></dd>` : ''
  }${s.email ? `<dt>E-mail</dt><dd><a href="mailto:${escape(s.email)}">${escape(s.email)}</a></dd>` : ''}</dl></div>
<h2>${tr(lang, 'Sản phẩm OCOP', 'OCOP products')}</h2><div class="grid">${d.products.map((p) => productCard(p, lang)).join('')}</div>`;
  return layout(
    c,
    {
      title: `${s.name} — ${tr(lang, 'chủ thể OCOP', 'OCOP producer')}`,
      description: tr(lang, `Sản phẩm OCOP của ${s.name}`, `OCOP products of ${s.name}`),
      path: `/chu-the/${s.id}`,
      current: 'catalogue',
    },
    body,
  );
}

/** An open sales point as the map page lists it. */
export type MapSalesPoint = { name: string; kind: string; address: string | null; communeName: string | null; latitude: number; longitude: number };

export function mapPage(c: PageContext, figures: PortalFigures, map: ProjectedMap, live?: LiveMap, points: readonly MapSalesPoint[] = []): Page {
  const { lang } = c;
  const rows = figures.communes
    .filter((m) => (figures.byCommune.get(m.code) ?? 0) > 0)
    .map(
      (m) =>
        `<tr><th scope="row"><a href="${href(lang, '/san-pham', { commune: m.code })}">${escape(m.name)}</a></th><td>${figures.byCommune.get(m.code)}</td></tr>`,
    )
    .join('');
  const body = `<h1>${tr(lang, 'Bản đồ sản phẩm OCOP', 'Map of OCOP products')}</h1>
<p class="lead">${tr(lang, 'Số sản phẩm OCOP còn hiệu lực theo xã, phường. Chọn một xã để xem sản phẩm.', 'OCOP products in force per commune. Choose a commune to see its products.')}</p>
${communeMap(map, figures.byCommune, lang, live)}
<h2>${tr(lang, 'Các xã có sản phẩm OCOP', 'Communes with OCOP products')}</h2><table><thead><tr><th>${tr(lang, 'Xã, phường', 'Commune')}</th><th>${tr(lang, 'Sản phẩm', 'Products')}</th></tr></thead><tbody>${rows}</tbody></table>
${
  points.length
    ? `<h2 id="diem-ban">${tr(lang, 'Điểm giới thiệu và bán sản phẩm OCOP', 'OCOP showrooms and shops')}</h2><div class="scroll" tabindex="0" role="region" aria-labelledby="diem-ban"><table><thead><tr><th>${tr(
        lang,
        'Điểm bán',
        'Sales point',
      )}</th><th>${tr(lang, 'Địa chỉ', 'Address')}</th><th><span class="vh">${tr(lang, 'Bản đồ', 'Map')}</span></th></tr></thead><tbody>${points
        .map(
          (p) =>
            `<tr><th scope="row">${escape(p.name)}<br><span class="muted">${escape(labelOf(SALES_POINT_KIND_LABELS, p.kind, lang))}</span></th><td>${[
              p.address,
              p.communeName,
            ]
              .filter(Boolean)
              .map(escape)
              .join(', ')}</td><td class="nowrap">${osmLink(lang, p.latitude, p.longitude)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : ''
}`;
  return layout(
    c,
    {
      title: tr(lang, 'Bản đồ sản phẩm OCOP', 'Map of OCOP products'),
      description: tr(lang, 'Sản phẩm OCOP theo xã, phường.', 'OCOP products by commune.'),
      path: '/ban-do',
      current: 'map',
      assets: live?.assets,
    },
    body,
  );
}

export function checkLabelPage(c: PageContext, code: string | undefined): Page {
  const { lang } = c;
  const body = `<h1>${tr(lang, 'Kiểm tra nhãn OCOP', 'Check an OCOP label')}</h1>
<p class="lead">${tr(
    lang,
    'Quét mã QR trên nhãn bằng camera điện thoại, hoặc nhập mã in dưới mã QR. Hệ thống cho biết giấy chứng nhận có thật và còn hiệu lực hay không.',
    'Scan the QR code on the label with your phone’s camera, or type the code printed under it. You will see whether the certificate is genuine and still valid.',
  )}</p>${checkLabelForm(lang, code)}`;
  return layout(
    c,
    {
      title: tr(lang, 'Kiểm tra nhãn OCOP', 'Check an OCOP label'),
      description: tr(lang, 'Xác thực nhãn OCOP.', 'Verify an OCOP label.'),
      path: '/kiem-tra',
      current: 'verify',
    },
    body,
  );
}

/** Who a consumer tells about a label that may be fake. */
export type Contact = { office: string; phone: string | null };

/**
 * The answer to an unknown label code, for the JSON twin of /v/<code> (apps and scanners read it
 * instead of the page): that the label may be fake and whom to tell, in both languages.
 */
export function labelNotFoundMessage(contact: Contact): { vi: string; en: string } {
  const phone = (word: string) => (contact.phone ? ` (${word} ${contact.phone})` : '');
  return {
    vi: `Không có giấy chứng nhận OCOP nào mang mã này. Nhãn có thể là giả. Hãy kiểm tra lại mã đã nhập; nếu nghi ngờ nhãn giả, xin báo cho ${contact.office}${phone('điện thoại')}, hoặc cơ quan quản lý thị trường nơi bạn mua sản phẩm.`,
    en: `No OCOP certificate has this code. The label may be fake. Check the code you typed; if you suspect a fake label, please tell ${contact.office}${phone('phone')}, or the market surveillance office where you bought it.`,
  };
}

/** The verification page's fixed words, encoded once (it is the portal's most asked page). */
const VERIFICATION_WORDS = wordsByLang((lang) => ({
  producer: `\n<dl class="facts" style="margin-top:10px">\n<dt>${tr(lang, 'Chủ thể', 'Producer')}</dt><dd>`,
  address: `</dd>\n<dt>${tr(lang, 'Địa chỉ', 'Address')}</dt><dd>`,
  productCode: `</dd>\n<dt>${tr(lang, 'Mã sản phẩm', 'Product code')}</dt><dd>`,
  certificate: `</dd>\n<dt>${tr(lang, 'Giấy chứng nhận', 'Certificate')}</dt><dd>`,
  issuer: `</dd>\n<dt>${tr(lang, 'Cơ quan cấp', 'Issued by')}</dt><dd>`,
  decision: `</dd>\n<dt>${tr(lang, 'Quyết định', 'Decision')}</dt><dd>`,
  issuedOn: `</dd>\n<dt>${tr(lang, 'Ngày cấp', 'Issued on')}</dt><dd>`,
  expiresOn: `</dd>\n<dt>${tr(lang, 'Hiệu lực đến', 'Valid until')}</dt><dd>`,
  status: `</dd>\n<dt>${tr(lang, 'Tình trạng', 'Status')}</dt><dd>`,
  end: '</dd></dl></div>',
}));
/** The stars of 0★ to 5★ in each language, encoded once. */
const STARS_BYTES: Record<Lang, Buffer[]> = {
  vi: [0, 1, 2, 3, 4, 5].map((n) => Buffer.from(stars(n, 'vi'))),
  en: [0, 1, 2, 3, 4, 5].map((n) => Buffer.from(stars(n, 'en'))),
};

/** What each standing means to a shopper holding the label. */
const STANDING_MEANING: Record<PublicStanding, { vi: string; en: string }> = {
  valid: { vi: 'Sản phẩm OCOP chính hãng, giấy chứng nhận còn hiệu lực.', en: 'Genuine OCOP product; the certificate is in force.' },
  revoked: {
    vi: 'Giấy chứng nhận đã bị thu hồi: sản phẩm không được dùng nhãn OCOP.',
    en: 'The certificate was revoked: the product may not carry the OCOP label.',
  },
  superseded: {
    vi: 'Giấy chứng nhận này đã được thay bằng một giấy mới (đánh giá lại hoặc nâng hạng).',
    en: 'This certificate was replaced by a newer one (re-rating or upgrade).',
  },
  expired: { vi: 'Giấy chứng nhận đã hết thời hạn 36 tháng.', en: 'The certificate’s 36 months have run out.' },
};

/** The banner of a standing, up to the product's name: large, coloured, read first. */
const banner = (standing: PublicStanding, lang: Lang) =>
  `<div class="banner ${STANDING_WORDS[standing].tone}" role="status">${escape(STANDING_WORDS[standing][lang])}<small>${escape(
    STANDING_MEANING[standing][lang],
  )}</small></div>\n<div class="card" style="margin-top:14px"><h1>`;
const BANNERS = wordsByLang((lang) => ({
  valid: banner('valid', lang),
  expired: banner('expired', lang),
  revoked: banner('revoked', lang),
  superseded: banner('superseded', lang),
}));

/**
 * The page a label's QR code opens (`/v/<code>`), in one phone screen: the standing in large type,
 * then what the certificate says. Its own address is the label's, so the language switch and a
 * shared link show the same certificate.
 */
export function verificationPage(
  c: PageContext,
  code: string,
  v: PublicVerification | undefined,
  standing: PublicStanding | undefined,
  contact: Contact,
): Page {
  const { lang } = c;
  // A code that cannot be a label's (the not-found page answers any) links to the label check instead.
  const path = VERIFICATION_CODE.test(code) ? `/v/${code}` : '/kiem-tra';
  if (!v || !standing) {
    const body = `<div class="banner bad" role="alert">${tr(lang, 'KHÔNG TÌM THẤY GIẤY CHỨNG NHẬN', 'CERTIFICATE NOT FOUND')}<small>${tr(
      lang,
      'Không có giấy chứng nhận OCOP nào mang mã này. Nhãn có thể là giả.',
      'No OCOP certificate has this code. The label may be fake.',
    )}</small></div>
<div class="card" style="margin-top:14px"><p>${tr(lang, 'Hãy kiểm tra lại mã đã nhập. Nếu nghi ngờ nhãn giả, xin báo cho', 'Check the code you typed. If you suspect a fake label, please tell')} <b>${escape(contact.office)}</b>${
      contact.phone ? ` (${tr(lang, 'điện thoại', 'phone')} <a href="tel:${escape(contact.phone.replace(/[^\d+]/g, ''))}">${escape(contact.phone)}</a>)` : ''
    }${tr(lang, ', hoặc cơ quan quản lý thị trường nơi bạn mua sản phẩm.', ', or the market surveillance office where you bought it.')}</p>
${checkLabelForm(lang)}</div>`;
    return layout(
      c,
      { title: tr(lang, 'Không tìm thấy giấy chứng nhận OCOP', 'OCOP certificate not found'), description: '', path, current: 'verify', noindex: true },
      body,
    );
  }
  const word = STANDING_WORDS[standing][lang];
  const words = VERIFICATION_WORDS[lang];
  const name = escape(v.product.name);
  const photo = v.product.photoUrl
    ? `<img src="${escape(v.product.photoUrl)}" alt="${name}" style="width:100%;max-height:260px;object-fit:cover;border-radius:10px;margin-top:8px">`
    : '';
  return layout(
    c,
    { title: `${word} — ${v.product.name}`, description: `${v.product.name} — OCOP ${v.certificate.star}★ — ${word}`, path, current: 'verify', noindex: true },
    [
      BANNERS[lang][standing],
      `${name}</h1>`,
      STARS_BYTES[lang][v.certificate.star] ?? stars(v.certificate.star, lang),
      photo,
      words.producer,
      escape(v.producer.name),
      words.address,
      `${escape(v.producer.commune)}, ${escape(v.producer.province)}`,
      words.productCode,
      escape(v.product.ocopCode),
      words.certificate,
      escape(v.certificate.number),
      words.issuer,
      escape(v.certificate.issuer),
      ...(v.decision ? [words.decision, `${escape(v.decision.number)}, ${formatDateVn(v.decision.signedOn)}`] : []),
      words.issuedOn,
      formatDateVn(v.certificate.issuedOn),
      words.expiresOn,
      formatDateVn(v.certificate.expiresOn),
      words.status,
      escape(v.statusLabel[lang]),
      words.end,
    ],
  );
}

export function notFoundPage(c: PageContext): Page {
  const { lang } = c;
  return layout(
    c,
    { title: tr(lang, 'Không tìm thấy trang', 'Page not found'), description: '', path: '/', noindex: true },
    `<h1>${tr(lang, 'Không tìm thấy', 'Not found')}</h1><p>${tr(lang, 'Trang hoặc sản phẩm này không có hoặc chưa được công nhận OCOP.', 'This page or product does not exist or is not OCOP certified.')}</p>
<p><a href="${href(lang, '/san-pham')}">${tr(lang, 'Xem các sản phẩm OCOP', 'See the OCOP products')}</a></p>`,
  );
}
