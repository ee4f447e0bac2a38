import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { loadConfig, tileSource } from '../../config.js';
import { colourOf, countLegend } from './portal.map.js';

// The public map (/ban-do and GET /api/v1/public/map) over the demo province, with certificates in
// force (3, 4 and 5★), one expired, one revoked, one superseded by a re-rating, and a product never
// certified. Today is 20/06/2027. The server is given a build of its own (a manifest naming the map
// script) and a tile server, to see what the page links and what the CSP allows.

let t: TestApp;
let anonymous: Client;
const now = new Date('2027-06-20T03:00:00Z');
const TILES = { url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', attribution: '© Example <contributors>' };
const built = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-map-build-'));
const names: Record<string, string> = {};

beforeAll(async () => {
  fs.mkdirSync(path.join(built, '.vite'));
  fs.writeFileSync(
    path.join(built, '.vite/manifest.json'),
    JSON.stringify({
      '../portal-map/main.ts': {
        file: 'assets/portal-map-A1.js',
        name: 'portal-map',
        isEntry: true,
        imports: ['_leaflet-B2.js'],
        css: ['assets/portal-map-C3.css'],
      },
      '_leaflet-B2.js': { file: 'assets/leaflet-B2.js', name: 'leaflet', css: ['assets/leaflet-D4.css'] },
      'index.html': { file: 'assets/index-E5.js', name: 'index', isEntry: true, imports: ['_vendor-F6.js'] },
      '_vendor-F6.js': { file: 'assets/vendor-F6.js', name: 'vendor' },
    }),
  );
  t = await createTestApp({ clock: () => now, config: { webDistDir: built, mapTiles: TILES } });
  anonymous = await t.client();
  const admin = await t.client(DEMO.admin);
  const find = async (q: string) => (await admin.get(`/api/v1/products?q=${encodeURIComponent(q)}`)).body.items[0] as { id: string; name: string };
  const certify = async (q: string, values: Omit<Parameters<typeof issuedCertificate>[1], 'productId'>) => {
    const product = await find(q);
    names[q] = product.name;
    await issuedCertificate(t.database.db, { productId: product.id, ...values });
  };
  await certify('banh phong tom dac biet', { star: 4, issuedOn: '2026-03-10' });
  await certify('hat sen say', { star: 5, issuedOn: '2025-12-01', level: 'ministry' });
  await certify('quyt hong', { star: 3, issuedOn: '2022-05-01', supersededOn: '2025-05-01' });
  await certify('quyt hong', { star: 4, issuedOn: '2025-05-01' });
  await certify('gao thom', { star: 3, issuedOn: '2025-07-01' });
  await certify('xoai cat hoa loc', { star: 3, issuedOn: '2022-01-15' }); // expired 15/01/2025
  await certify('nem lai vung', { star: 3, issuedOn: '2025-08-01', revokedOn: '2026-02-01' });
  names.uncertified = (await find('tra tim sen')).name;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(built, { recursive: true, force: true });
});

type Commune = {
  type: string;
  id: string;
  properties: { code: string; name: string; products: number; url: string };
  geometry: { type: string; coordinates: number[][][][] };
};
const mapOf = async () => {
  const res = await anonymous.get('/api/v1/public/map');
  return { res, map: res.body as { type: string; features: Commune[]; legend: { min: number; max: number; colour: string }[]; salesPoints: unknown[] } };
};

describe('the map JSON', () => {
  it('holds every commune of the province as simplified GeoJSON, with no sales point recorded here, cacheable', async () => {
    const { res, map } = await mapOf();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(map.type).toBe('FeatureCollection');
    expect(map.salesPoints).toEqual([]);
    const communes = (await anonymous.get('/api/v1/provinces/82/communes')).body as { code: string }[];
    expect(map.features.map((f) => f.id).sort()).toEqual(communes.map((c) => c.code).sort()); // the demo ships every outline
    for (const f of map.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const [ring] of f.geometry.coordinates) {
        expect(ring!.length, f.id).toBeGreaterThanOrEqual(4);
        expect(ring![0], f.id).toEqual(ring!.at(-1)); // closed
        for (const [lon, lat] of ring!) expect(lon! > 104 && lon! < 107 && lat! > 9.5 && lat! < 11.5, `${f.id} ${lon},${lat}`).toBe(true);
      }
    }
    // Simplified as the SVG is: a province's outlines are megabytes on disk, the map a small answer.
    expect(res.raw.byteLength).toBeLessThan(250_000);
  });

  it('counts the products in force per commune as the home page and the catalogue do', async () => {
    const { map } = await mapOf();
    const home = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const inForce = Number(/<b>(\d+)<\/b>sản phẩm OCOP còn hiệu lực/.exec(home)![1]);
    expect(inForce).toBe(4); // bánh phồng tôm, hạt sen, quýt hồng (re-rated), gạo
    expect(map.features.reduce((sum, f) => sum + f.properties.products, 0)).toBe(inForce);
    for (const f of map.features.filter((c) => c.properties.products > 0)) {
      const catalogue = (await anonymous.get(`/api/v1/public/products?commune=${f.id}`)).body;
      expect(catalogue.total, f.properties.name).toBe(f.properties.products);
    }
  });

  it('says only what the catalogue says in public: a commune, its count and its catalogue link', async () => {
    const { res, map } = await mapOf();
    for (const f of map.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['code', 'name', 'products', 'url']);
      expect(f.properties.url).toBe(`/san-pham?commune=${f.id}`);
    }
    const text = res.raw.toString('utf8');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no record id
    for (const name of Object.values(names)) expect(text).not.toContain(name); // no product, in force or not
  });

  it('colours communes on the scale of the SVG legend, which lists exactly the colours used', async () => {
    const { map } = await mapOf();
    const max = Math.max(...map.features.map((f) => f.properties.products));
    expect(map.legend).toEqual(countLegend(max));
    expect(map.legend[0]).toMatchObject({ min: 0, max: 0 });
    expect(map.legend.at(-1)!.max).toBe(max);
    map.legend.slice(1).forEach((c, i) => expect(c.min).toBe(map.legend[i]!.max + 1)); // contiguous
    const page = (await t.app.inject({ method: 'GET', url: '/ban-do' })).body;
    for (const f of map.features) {
      const fill = new RegExp(`commune=${f.id}"[^>]*><path d="[^"]*" fill="(#[0-9a-f]{6})"`).exec(page)?.[1];
      expect(fill, f.properties.name).toBe(colourOf(map.legend, f.properties.products));
    }
    for (const c of map.legend) expect(page).toContain(`background:${c.colour}`);
  });

  it('is described in the OpenAPI document, sales points with what and where they are', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const answer = doc.paths['/api/v1/public/map'].get.responses['200'].content['application/json'].schema;
    // A named schema is a reference to the document's components.
    const schema = answer.$ref ? doc.components.schemas[answer.$ref.split('/').pop()] : answer;
    const salesPoints = schema.properties.salesPoints;
    expect(salesPoints).toMatchObject({ type: 'array' });
    expect(Object.keys(salesPoints.items.properties).sort()).toEqual(['address', 'commune', 'kind', 'latitude', 'longitude', 'name']);
    expect(salesPoints.description).toMatch(/sales points/);
  });

  it('keeps the scale readable for any top count', () => {
    expect(countLegend(0)).toEqual([{ min: 0, max: 0, colour: '#e4ece9' }]);
    expect(countLegend(1).map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(countLegend(1).at(-1)!.colour).toBe('#0b6b4f');
    expect(countLegend(9).map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    for (const max of [2, 3, 5, 17, 250]) {
      const legend = countLegend(max);
      for (let n = 0; n <= max; n++)
        expect(
          legend.filter((c) => c.min <= n && n <= c.max),
          `${n} of ${max}`,
        ).toHaveLength(1);
    }
  });
});

describe('the map page', () => {
  const page = (url: string) => t.app.inject({ method: 'GET', url });

  it('links the built map script and its styles, and keeps the SVG and the table for every visitor', async () => {
    const res = await page('/ban-do');
    expect(res.statusCode).toBe(200);
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    expect(head).toContain('<script type="module" src="/assets/portal-map-A1.js"></script>');
    expect(head).toContain('<link rel="modulepreload" href="/assets/leaflet-B2.js">');
    // The library's stylesheet first, so the map's own rules win.
    expect(head.indexOf('/assets/leaflet-D4.css')).toBeLessThan(head.indexOf('/assets/portal-map-C3.css'));
    expect(head).not.toContain('vendor-F6');
    expect(res.body).toContain('data-map-src="/api/v1/public/map"');
    expect(res.body).toContain('<svg viewBox=');
    expect(res.body).toContain('Các xã có sản phẩm OCOP');
    expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)/); // no inline script (CSP)
    const english = (await page('/ban-do?lang=en')).body;
    expect(english).toContain('data-open="See the products"');
    expect(english).toContain('data-unit="OCOP products in force"');
  });

  it('passes the configured tile server to the script and lets the page load its images', async () => {
    const res = await page('/ban-do');
    expect(res.body).toContain('data-tile-url="https://{s}.tile.example.org/{z}/{x}/{y}.png"');
    expect(res.body).toContain('data-tile-attribution="© Example &lt;contributors&gt;"');
    const imgSrc = /img-src ([^;]+)/.exec(String(res.headers['content-security-policy']))![1]!;
    expect(imgSrc.split(' ')).toContain('https://*.tile.example.org');
  });

  it('has no script on the other pages', async () => {
    for (const url of ['/', '/san-pham', '/kiem-tra']) expect((await page(url)).body, url).not.toMatch(/<script/i);
  });

  it('without a build or a tile server: the SVG map alone, and images from this server only', async () => {
    const plain = await createTestApp({ config: { webDistDir: path.join(built, 'missing') } });
    try {
      const res = await plain.app.inject({ method: 'GET', url: '/ban-do' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<svg viewBox=');
      expect(res.body).not.toMatch(/<script|data-map-src|data-tile-url/);
      expect(String(res.headers['content-security-policy'])).toContain("img-src 'self' data: blob:;");
    } finally {
      await plain.close();
    }
  });
});

describe('the tile server setting', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: '' };
  it('takes a URL template with {z}, {x} and {y}, and refuses anything else', () => {
    expect(loadConfig(base).mapTiles).toBeUndefined();
    expect(loadConfig({ ...base, MAP_TILE_URL: '' }).mapTiles).toBeUndefined();
    expect(loadConfig({ ...base, MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap' }).mapTiles).toEqual({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
    });
    for (const bad of [
      'javascript:alert(1)//{z}{x}{y}',
      'https://tiles.example.org/map.png',
      'https://a.org;script-src *//{z}/{x}/{y}',
      'ftp://a.org/{z}/{x}/{y}',
    ])
      expect(() => loadConfig({ ...base, MAP_TILE_URL: bad }), bad).toThrow(/MAP_TILE_URL/);
  });

  it('allows the tile origin in the CSP, a {s} subdomain as a wildcard', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.basemaps.example.com:8443/{z}/{x}/{y}.png?key=1')).toBe('https://*.basemaps.example.com:8443');
  });
});
