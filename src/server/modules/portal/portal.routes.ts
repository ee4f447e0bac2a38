import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicVerification, VERIFICATION_CODE, VerificationParams } from '../../../contracts/certificates.js';
import { CatalogueQuery, PublicMap, PublicProductList, type PublicProduct } from '../../../contracts/portal.js';
import { AppError, notFound } from '../../../domain/errors.js';
import { PACKAGE_ROOT, publicOrigin, type AppConfig } from '../../config.js';
import { builtEntries } from '../../lib/built-assets.js';
import { tableExportStream, type ExportColumns } from '../../lib/table-export.js';
import type { CertificatesService } from '../certificates/certificates.service.js';
import { PORTAL_STYLESHEET, type Lang, type Page } from './pages/html.js';
import {
  cataloguePage,
  checkLabelPage,
  homePage,
  labelNotFoundMessage,
  mapPage,
  notFoundPage,
  producerPage,
  productPage,
  verificationPage,
} from './pages/pages.js';
import { oneParamValidatorCompiler } from '../../plugins/zod-validator.js';
import { type ProvinceMap } from './portal.map.js';
import { standingOf, type PortalService } from './portal.service.js';

/** `provinceMap`: one per process, shared by the pages and the map's JSON, so the outlines are read and simplified once. */
type Deps = { portal: PortalService; provinceMap: ProvinceMap; certificates: CertificatesService; config: AppConfig };

const tags = ['Công khai / Public'];

const langOf = (request: FastifyRequest): Lang => ((request.query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'vi');

/** Catalogue parameters from a page's query string: an invalid one is dropped rather than refused, as links in the wild carry them. */
function lenientCatalogueQuery(query: unknown): CatalogueQuery {
  let raw = Object.entries((query as Record<string, unknown>) ?? {});
  for (let i = 0; i < 10; i++) {
    const parsed = CatalogueQuery.safeParse(Object.fromEntries(raw));
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    raw = raw.filter(([key]) => !bad.has(key));
  }
  return CatalogueQuery.parse({});
}

/** The map page's script: the Vite entry `portal-map` (src/portal-map/main.ts, see vite.config.ts). */
const PORTAL_MAP_ENTRY = 'portal-map';

const HTML_PAGE = { hide: true };
const html = (reply: FastifyReply, body: Page, status = 200, cache = 'public, max-age=60') =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', cache).send(body);

const OPEN_DATA_COLUMNS: ExportColumns<PublicProduct> = [
  { key: 'ocopCode', header: 'Mã sản phẩm' },
  { key: 'name', header: 'Tên sản phẩm', width: 40 },
  { key: 'producer', header: 'Chủ thể', width: 36, value: (p) => p.producer.name },
  { key: 'commune', header: 'Xã, phường', value: (p) => p.commune.name },
  { key: 'communeCode', header: 'Mã xã', value: (p) => p.commune.code },
  { key: 'province', header: 'Tỉnh, thành phố', value: (p) => p.province.name },
  { key: 'set', header: 'Bộ sản phẩm', width: 30, value: (p) => (p.criteriaSet ? `${p.criteriaSet.number}. ${p.criteriaSet.name}` : null) },
  { key: 'star', header: 'Hạng sao', type: 'number', value: (p) => p.certificate.star },
  { key: 'certificate', header: 'Số giấy chứng nhận', value: (p) => p.certificate.number },
  { key: 'issuer', header: 'Cơ quan công nhận', width: 30, value: (p) => p.certificate.issuer },
  { key: 'issuedOn', header: 'Ngày cấp', type: 'date', value: (p) => p.certificate.issuedOn },
  { key: 'expiresOn', header: 'Hiệu lực đến', type: 'date', value: (p) => p.certificate.expiresOn },
  { key: 'standing', header: 'Tình trạng', value: (p) => p.certificate.standing },
];

/**
 * The public portal: pages in plain HTML for visitors (home, catalogue, product, producer, map, label
 * check, verification), the open-data list, and the JSON twin of verification. No sign-in anywhere.
 */
export const portalPageRoutes: FastifyPluginAsyncZod<Omit<Deps, 'certificates'>> = async (app, { portal, provinceMap, config }) => {
  const origin = publicOrigin(config);
  // Per client address (forwarding headers count only from TRUST_PROXY); 0 turns it off, as benchmarks do.
  const verifyLimit = config.verifyRateLimit > 0 ? { max: config.verifyRateLimit, timeWindow: '1 minute' } : false;
  const contact = { office: config.officeName, phone: config.officePhone ?? null };

  const entry = builtEntries(config.webDistDir);
  const common = async (request: FastifyRequest) => ({ lang: langOf(request), origin, provinceName: (await portal.figures()).provinceName });

  // ——— pages ———
  app.get('/', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const [c, figures, featured, map] = await Promise.all([common(req), portal.figures(), portal.featured(), provinceMap.svg()]);
    return html(reply, homePage(c, figures, featured, map));
  });

  app.get('/san-pham', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const q = lenientCatalogueQuery(req.query);
    const [c, list, sets, sectors, figures] = await Promise.all([common(req), portal.catalogue(q), portal.criteriaSets(), portal.sectors(), portal.figures()]);
    return html(reply, cataloguePage(c, q, list, { sets, sectors, communes: figures.communes }));
  });

  app.get('/san-pham/:id', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const c = await common(req);
    const id = (req.params as { id: string }).id;
    const found = z.uuid().safeParse(id).success ? await portal.product(id).catch(() => undefined) : undefined;
    return found ? html(reply, productPage(c, found)) : html(reply, notFoundPage(c), 404, 'no-cache');
  });

  app.get('/chu-the/:id', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const c = await common(req);
    const id = (req.params as { id: string }).id;
    const found = z.uuid().safeParse(id).success ? await portal.producer(id).catch(() => undefined) : undefined;
    return found ? html(reply, producerPage(c, found)) : html(reply, notFoundPage(c), 404, 'no-cache');
  });

  // The SVG map for every visitor; with the built script, a Leaflet map drawn over it from /api/v1/public/map.
  app.get('/ban-do', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const [c, figures, map, assets, points] = await Promise.all([
      common(req),
      portal.figures(),
      provinceMap.svg(),
      entry(PORTAL_MAP_ENTRY),
      portal.salesPoints(),
    ]);
    const live = assets && { assets, src: '/api/v1/public/map', tiles: config.mapTiles };
    return html(reply, mapPage(c, figures, map, live, points));
  });

  app.get('/kiem-tra', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const typed = (req.query as { ma?: unknown }).ma;
    // A typed code goes to the page a QR code opens, so both show the same answer at the same address.
    const code = typeof typed === 'string' ? typed.trim().replace(/\s+/g, '') : '';
    if (code) return reply.redirect(`/v/${encodeURIComponent(code)}${langOf(req) === 'en' ? '?lang=en' : ''}`, 303);
    return html(reply, checkLabelPage(await common(req), undefined));
  });

  // The page a label's QR code opens (outside /api: it is printed on packaging and must never move).
  app.get('/v/:code', { config: { access: 'public', rateLimit: verifyLimit }, schema: HTML_PAGE }, async (req, reply) => {
    const code = (req.params as { code: string }).code;
    const result = VERIFICATION_CODE.test(code) ? await portal.verify(code) : undefined;
    const page = verificationPage(await common(req), code, result, result ? standingOf(result.status) : undefined, contact);
    return html(reply, page, result ? 200 : 404, 'no-cache');
  });

  app.get('/anh/:id', { config: { access: 'public' }, schema: HTML_PAGE }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!z.uuid().safeParse(id).success) throw notFound({ vi: 'ảnh', en: 'photo' });
    return reply
      .type('image/webp')
      .header('cache-control', 'public, max-age=86400')
      .send(await portal.photo(id));
  });

  // The pages' style sheet: its name changes with its content, so it is kept for a year.
  app.get(PORTAL_STYLESHEET.path, { config: { access: 'public' }, schema: HTML_PAGE }, (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(PORTAL_STYLESHEET.body),
  );

  // One icon for the app and the portal: the web app's own (src/web/public, copied into the build),
  // read from the sources so the server has it whether or not the app is built.
  const favicon = readFileSync(path.join(PACKAGE_ROOT, 'src/web/public/favicon.svg'));
  const sendFavicon = (_req: FastifyRequest, reply: FastifyReply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=604800').send(favicon);
  app.get('/favicon.svg', { config: { access: 'public' }, schema: HTML_PAGE }, sendFavicon);
  // Browsers ask for /favicon.ico whatever the page says; those that draw SVG icons go by the type, not the name.
  app.get('/favicon.ico', { config: { access: 'public' }, schema: HTML_PAGE }, sendFavicon);
};

/** The open-data list, the map's data and the JSON twin of verification, under /api/v1 (in the OpenAPI document). */
export const publicApiRoutes: FastifyPluginAsyncZod<Deps> = async (api, { portal, provinceMap, certificates, config }) => {
  const verifyLimit = config.verifyRateLimit > 0 ? { max: config.verifyRateLimit, timeWindow: '1 minute' } : false;
  const contact = { office: config.officeName, phone: config.officePhone ?? null };
  api.get(
    '/public/products',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Certified OCOP products (the official list, always current): search, filters, pages',
        querystring: CatalogueQuery,
        response: { 200: PublicProductList },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return portal.catalogue(req.query);
    },
  );
  api.get(
    '/public/products.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Certified OCOP products as CSV (UTF-8, for spreadsheets): the same filters, every row',
        querystring: CatalogueQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      async function* rows() {
        for (let page = 1; ; page++) {
          const list = await portal.catalogue({ ...req.query, page, pageSize: 100 });
          yield* list.items;
          if (page * list.pageSize >= list.total) return;
        }
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="san-pham-ocop.csv"')
        .header('cache-control', 'public, max-age=300')
        .send(tableExportStream('csv', OPEN_DATA_COLUMNS, rows(), { sheetName: 'Sản phẩm OCOP' }));
    },
  );

  api.get(
    '/public/map',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "The province's communes as GeoJSON (simplified outlines) with their count of certified products in force, the map's colour scale, and the open OCOP sales points with coordinates",
        response: { 200: PublicMap },
      },
    },
    async (_req, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return provinceMap.geojson();
    },
  );

  // The label check's answer, built field by field by presentVerification and typed by the contract,
  // is sent as JSON text: neither checked against its schema again nor passed through the
  // serialisation hooks (label-register.test.ts checks every standing's answer against the schema).
  const verify = async (code: string, reply: FastifyReply) => {
    const result = await portal.verify(code);
    if (!result) throw new AppError('not_found', 'not_found', labelNotFoundMessage(contact));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
  };
  const verifyRoute = {
    config: { access: 'public' as const, rateLimit: verifyLimit },
    validatorCompiler: oneParamValidatorCompiler('code', VERIFICATION_CODE),
  };
  const verifySchema = { tags, params: VerificationParams, response: { 200: PublicVerification } };
  api.get(
    '/public/verify/:code',
    { ...verifyRoute, schema: { ...verifySchema, summary: 'Verify a label: the certificate behind a public code' } },
    (req, reply) => verify(req.params.code, reply),
  );
  api.get(
    '/public/certificates/:code',
    { ...verifyRoute, schema: { ...verifySchema, summary: 'The same as /public/verify/{code} (kept for printed links)' } },
    (req, reply) => verify(req.params.code, reply),
  );
  api.get(
    '/public/certificates/:code/photo',
    { config: { access: 'public', rateLimit: verifyLimit }, schema: { tags, params: VerificationParams } },
    async (req, reply) => {
      const photo = await certificates.publicPhoto(req.params.code);
      if (!photo) throw notFound({ vi: 'ảnh', en: 'photo' });
      // The thumbnail is enough for a phone and keeps the full-size original private.
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'public, max-age=3600')
        .send(await portal.thumb(photo.thumbKey));
    },
  );
};
