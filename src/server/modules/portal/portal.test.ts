import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { eq, sql } from 'drizzle-orm';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { foldVietnamese, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import { queryRows } from '../../db/client.js';
import {
  certificates,
  communes,
  distributionListings,
  dossiers,
  ecommerceListings,
  products,
  provinces,
  salesPointProducts,
  salesPoints,
  subjects,
} from '../../db/schema/index.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { createPortalService } from './portal.service.js';
import { CatalogueQuery } from '../../../contracts/portal.js';

// The public portal over the demo province with certificates in every standing: in force (3, 4
// and 5★), expired, revoked, and one superseded by a re-rating. Today is 20/06/2027.

let t: TestApp;
let anonymous: Client;
const now = new Date('2027-06-20T03:00:00Z');
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  anonymous = await t.client();
  const admin = await t.client(DEMO.admin);
  const find = async (q: string) => (await admin.get(`/api/v1/products?q=${encodeURIComponent(q)}`)).body.items[0].id as string;
  ids.banh = await find('banh phong tom dac biet');
  ids.sen = await find('hat sen say');
  ids.quyt = await find('quyt hong');
  ids.xoai = await find('xoai cat hoa loc');
  ids.nem = await find('nem lai vung');
  ids.gao = await find('gao thom');
  const db = t.database.db;
  codes.banh = (await issuedCertificate(db, { productId: ids.banh, star: 4, issuedOn: '2026-03-10' })).verificationCode;
  codes.sen = (await issuedCertificate(db, { productId: ids.sen, star: 5, issuedOn: '2025-12-01', level: 'ministry' })).verificationCode;
  codes.quytOld = (await issuedCertificate(db, { productId: ids.quyt, star: 3, issuedOn: '2022-05-01', supersededOn: '2025-05-01' })).verificationCode;
  codes.quyt = (await issuedCertificate(db, { productId: ids.quyt, star: 4, issuedOn: '2025-05-01' })).verificationCode;
  codes.xoai = (await issuedCertificate(db, { productId: ids.xoai, star: 3, issuedOn: '2022-01-15' })).verificationCode; // expired 15/01/2025
  codes.nem = (await issuedCertificate(db, { productId: ids.nem, star: 3, issuedOn: '2025-08-01', revokedOn: '2026-02-01' })).verificationCode;
  codes.gao = (await issuedCertificate(db, { productId: ids.gao, star: 3, issuedOn: '2025-07-01' })).verificationCode;
});
afterAll(() => t.close());

const names = (list: { items: { name: string }[] }) => list.items.map((p) => p.name);
/** A portal of the test's own over its database, apart from the app's (and its cache); no cache unless a lifetime is given. */
const ownPortal = (cacheTtlMs = 0) =>
  createPortalService(t.database.db, {
    provinceCode: '82',
    storage: {} as FileStorage,
    labels: { verify: async () => undefined, changed: () => {} },
    clock: () => now,
    cacheTtlMs,
  });

describe('open data: certified products', () => {
  it('lists the products in force by default, every certified one on request, never an uncertified one', async () => {
    const inForce = await anonymous.get('/api/v1/public/products?sort=name');
    expect(inForce.status).toBe(200);
    expect(names(inForce.body).sort()).toEqual(['Bánh phồng tôm đặc biệt', 'Gạo thơm Tháp Mười', 'Hạt sen sấy', 'Quýt hồng Lai Vung'].sort());
    const all = await anonymous.get('/api/v1/public/products?valid=0&pageSize=100');
    expect(all.body.total).toBe(6);
    const quyt = all.body.items.find((p: { name: string }) => p.name === 'Quýt hồng Lai Vung');
    expect(quyt.certificate).toMatchObject({ star: 4, standing: 'valid' }); // the standing certificate is the re-rating's
    const standings = Object.fromEntries(all.body.items.map((p: { name: string; certificate: { standing: string } }) => [p.name, p.certificate.standing]));
    expect(standings).toMatchObject({ 'Xoài cát Hòa Lộc': 'expired', 'Nem Lai Vung': 'revoked' });
    expect(names(all.body)).not.toContain('Trà tim sen');
    expect(inForce.headers['cache-control']).toMatch(/public/);
  });

  it('finds products without accents, with a typo, and by producer or commune', async () => {
    const q = async (s: string) => names((await anonymous.get(`/api/v1/public/products?valid=0&q=${encodeURIComponent(s)}`)).body);
    expect(await q('banh phong tom')).toEqual(['Bánh phồng tôm đặc biệt']);
    expect(await q('BÁNH PHỒNG TÔM')).toEqual(['Bánh phồng tôm đặc biệt']);
    expect(await q('  Bánh-phồng,  tôm! ')).toEqual(['Bánh phồng tôm đặc biệt']); // words, whatever separates them
    expect(await q('phong')).not.toContain('Gạo thơm Tháp Mười');
    expect(await q('banh phong tomm')).toContain('Bánh phồng tôm đặc biệt');
    expect(await q('sa giang')).toContain('Bánh phồng tôm đặc biệt'); // the producer's name
    expect(await q('lai vung')).toEqual(expect.arrayContaining(['Quýt hồng Lai Vung', 'Nem Lai Vung']));
    expect(await q('khong co san pham nay')).toEqual([]);
  });

  it('filters by star, set, sector, legal form and sorts in Vietnamese order', async () => {
    const get = async (qs: string) => (await anonymous.get(`/api/v1/public/products?valid=0&${qs}`)).body;
    expect(names(await get('star=5'))).toEqual(['Hạt sen sấy']);
    expect(names(await get('set=1&sort=name'))).toEqual(['Quýt hồng Lai Vung', 'Xoài cát Hòa Lộc']);
    expect(names(await get('form=HKD'))).toEqual(['Nem Lai Vung']);
    const byStar = (await get('sort=star')).items.map((p: { certificate: { star: number } }) => p.certificate.star);
    expect(byStar).toEqual([...byStar].sort((a, b) => b - a));
    const sector = (await get('set=1')).items[0].criteriaSet.sector;
    const sectors = (await anonymous.get('/api/v1/public/products?valid=0&pageSize=100')).body.items.map(
      (p: { criteriaSet: { sector: string } }) => p.criteriaSet.sector,
    );
    const position = [...new Set(sectors)].indexOf(sector);
    expect(position).toBeGreaterThanOrEqual(0);
    expect((await get('sector=99')).items).toBeUndefined(); // out of range: refused by the contract
    expect((await anonymous.get('/api/v1/public/products?star=9')).status).toBe(400);
  });

  it('pages with stable totals', async () => {
    const first = (await anonymous.get('/api/v1/public/products?valid=0&pageSize=4&sort=name')).body;
    const second = (await anonymous.get('/api/v1/public/products?valid=0&pageSize=4&sort=name&page=2')).body;
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(new Set([...names(first), ...names(second)]).size).toBe(6);
  });

  it('downloads the list as CSV with every filter', async () => {
    const res = await anonymous.get('/api/v1/public/products.csv?valid=0');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.raw.toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(7); // header + 6
    expect(text).toContain('Bánh phồng tôm đặc biệt');
    expect(text).toMatch(/10\/03\/2026/); // dates are dd/mm/yyyy
  });
});

// Where to buy: sales points, chains and online shops, written straight to the database (their
// modules' APIs are built beside this one, and tell the portal to drop its cache; written here before
// any page of the product or the map was asked for, nothing is cached yet). Only what the public may
// see is shown: points open and consented to, active chain listings, approved and active online pages.
describe('where to buy', () => {
  const page = (url: string) => t.app.inject({ method: 'GET', url });
  const point = (name: string, values: Partial<typeof salesPoints.$inferInsert>) =>
    ({ provinceCode: '82', kind: 'ocop_point', name, nameSearch: foldVietnamese(name), communeCode: '29905', ...values }) as typeof salesPoints.$inferInsert;

  beforeAll(async () => {
    const db = t.database.db;
    const [given, pending, closed, elsewhere] = await db
      .insert(salesPoints)
      .values([
        point('Điểm OCOP chợ Sa Đéc', { address: '12 Hùng Vương', latitude: 10.2941, longitude: 105.7597 }),
        point('Cửa hàng chờ đồng ý', { kind: 'shop', latitude: 10.3, longitude: 105.76 }),
        point('Điểm đã đóng cửa', { status: 'closed', closedOn: '2027-01-01', latitude: 10.31, longitude: 105.77 }),
        point('Trung tâm OCOP tại Thành phố Hồ Chí Minh', {
          kind: 'ocop_centre',
          placement: 'other_province',
          communeCode: null,
          otherProvinceCode: '79',
          latitude: 10.77,
          longitude: 106.7,
        }),
        point('Quầy chưa có tọa độ', {}),
      ])
      .returning();
    await db.insert(salesPointProducts).values([
      { salesPointId: given!.id, productId: ids.sen!, consent: 'given', consentOn: '2027-05-01' },
      { salesPointId: pending!.id, productId: ids.sen!, consent: 'pending' },
      { salesPointId: closed!.id, productId: ids.sen!, consent: 'given', consentOn: '2026-05-01' },
      { salesPointId: elsewhere!.id, productId: ids.sen!, consent: 'given', consentOn: '2027-05-01' },
    ]);
    await db.insert(distributionListings).values([
      { productId: ids.sen!, chain: 'Co.opmart', chainKey: 'co.opmart', stores: 12 },
      { productId: ids.sen!, chain: 'WinMart', chainKey: 'winmart', active: false },
    ]);
    await db.insert(ecommerceListings).values([
      { productId: ids.sen!, platform: 'shopee', url: 'https://shopee.vn/hat-sen-say-thap-muoi', status: 'approved' },
      { productId: ids.sen!, platform: 'lazada', url: 'https://lazada.vn/hat-sen-cho-duyet', status: 'proposed' },
      { productId: ids.sen!, platform: 'tiki', url: 'https://tiki.vn/hat-sen-khong-duyet', status: 'rejected' },
      { productId: ids.sen!, platform: 'voso', url: 'https://voso.vn/hat-sen-ngung-ban', status: 'approved', active: false },
    ]);
  });

  it('shows on the product page the consented open points, active chains and approved shops, and nothing else', async () => {
    const res = await page(`/san-pham/${ids.sen}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Nơi mua');
    expect(body).toContain('Điểm OCOP chợ Sa Đéc');
    expect(body).toContain('12 Hùng Vương');
    expect(body).toContain('Trung tâm OCOP tại Thành phố Hồ Chí Minh');
    expect(body).toContain('Co.opmart');
    expect(body).toContain('12 cửa hàng');
    expect(body).toContain('<a href="https://shopee.vn/hat-sen-say-thap-muoi" rel="nofollow noopener" target="_blank">Shopee');
    for (const hidden of ['Cửa hàng chờ đồng ý', 'Điểm đã đóng cửa', 'WinMart', 'hat-sen-cho-duyet', 'hat-sen-khong-duyet', 'hat-sen-ngung-ban'])
      expect(body, hidden).not.toContain(hidden);
    expect(body.indexOf('Điểm OCOP chợ Sa Đéc')).toBeLessThan(body.indexOf('Trung tâm OCOP tại Thành phố Hồ Chí Minh')); // in the province first
    expect(body).not.toContain('Liên hệ chủ thể để biết điểm bán.');
    expect((await page(`/san-pham/${ids.sen}?lang=en`)).body).toContain('Where to buy');
    // A product with nothing recorded says where to ask.
    expect((await page(`/san-pham/${ids.quyt}`)).body).toContain('Liên hệ chủ thể để biết điểm bán.');
  });

  it('lists on the product page every certificate the product held, latest first, and the standing one’s decision', async () => {
    const portal = ownPortal();
    const { product, certificates, photos, whereToBuy } = await portal.product(ids.quyt!);
    expect(certificates.map((c) => [c.star, c.issuedOn, c.standing])).toEqual([
      [4, '2025-05-01', 'valid'],
      [3, '2022-05-01', 'superseded'],
    ]);
    expect(product.certificate.decision).toEqual({ number: expect.stringMatching(/\/QĐ-UBND$/), signedOn: '2025-05-01' });
    expect(photos).toEqual([]);
    expect(whereToBuy).toEqual({ salesPoints: [], chains: [], online: [] });
    const sen = await portal.product(ids.sen!);
    expect(sen.whereToBuy.salesPoints[0]).toMatchObject({ name: 'Điểm OCOP chợ Sa Đéc', address: '12 Hùng Vương', latitude: 10.2941, longitude: 105.7597 });
    expect(sen.whereToBuy.chains).toEqual([expect.objectContaining({ chain: 'Co.opmart', stores: 12 })]);
  });

  it('puts the province’s open points with coordinates on the map and its JSON, without record ids', async () => {
    const res = await anonymous.get('/api/v1/public/map');
    expect(res.status).toBe(200);
    expect(res.body.salesPoints).toEqual([
      { name: 'Cửa hàng chờ đồng ý', kind: 'shop', address: null, commune: expect.any(String), latitude: 10.3, longitude: 105.76 },
      { name: 'Điểm OCOP chợ Sa Đéc', kind: 'ocop_point', address: '12 Hùng Vương', commune: expect.any(String), latitude: 10.2941, longitude: 105.7597 },
    ]);
    expect(res.raw.toString('utf8')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    const map = (await page('/ban-do')).body;
    expect(map).toContain('Điểm giới thiệu và bán sản phẩm OCOP');
    expect(map).toContain('Điểm OCOP chợ Sa Đéc');
    expect(map).toContain('https://www.openstreetmap.org/?mlat=10.2941&amp;mlon=105.7597');
    for (const hidden of ['Điểm đã đóng cửa', 'Thành phố Hồ Chí Minh', 'Quầy chưa có tọa độ']) expect(map, hidden).not.toContain(hidden);
  });

  it('keeps what it shows in its cache until told the records changed', async () => {
    const portal = ownPortal(60_000);
    const online = async () => (await portal.product(ids.quyt!)).whereToBuy.online.map((o) => o.platform);
    const points = async () => (await portal.salesPoints()).map((p) => p.name);
    expect(await online()).toEqual([]);
    const before = await points();
    await t.database.db.insert(ecommerceListings).values({ productId: ids.quyt!, platform: 'tiki', url: 'https://tiki.vn/quyt-hong-lai-vung' });
    await t.database.db.insert(salesPoints).values(point('Điểm mới mở', { latitude: 10.28, longitude: 105.75 }));
    expect(await online()).toEqual([]);
    expect(await points()).toEqual(before);
    portal.invalidate();
    expect(await online()).toEqual(['tiki']);
    expect(await points()).toEqual([...before, 'Điểm mới mở'].sort((a, b) => foldVietnamese(a).localeCompare(foldVietnamese(b))));
  });
});

describe('verification', () => {
  it('answers the JSON twin for each standing and 404 for an unknown code', async () => {
    const standing = async (code: string) => (await anonymous.get(`/api/v1/public/verify/${code}`)).body;
    expect(await standing(codes.banh!)).toMatchObject({ inForce: true, status: 'valid' });
    expect(await standing(codes.nem!)).toMatchObject({ inForce: false, status: 'revoked' });
    expect(await standing(codes.xoai!)).toMatchObject({ inForce: false, status: 'expired' });
    expect(await standing(codes.quytOld!)).toMatchObject({ inForce: false, status: 'superseded' });
    expect((await standing(codes.sen!)).certificate.issuer).toBe('Bộ Nông nghiệp và Môi trường');
    const unknown = await anonymous.get('/api/v1/public/verify/AAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    // The JSON twin of the not-found page: the label may be fake, and whom to tell, in both languages.
    expect(unknown.body.error.message).toMatch(/Nhãn có thể là giả.*xin báo cho Văn phòng Điều phối nông thôn mới/);
    anonymous.lang = 'en';
    const unknownEn = await anonymous.get('/api/v1/public/verify/AAAAAAAAAAAAAAAA');
    anonymous.lang = 'vi';
    expect(unknownEn.body.error.message).toMatch(/The label may be fake.*please tell Văn phòng Điều phối nông thôn mới/);
    // A code outside the printed pattern is told apart from an unknown one, by the full validation.
    for (const url of ['/api/v1/public/verify/ngan', '/api/v1/public/verify/co%20dau%20cach%20o%20day', '/api/v1/public/verify/AAAAAAAAAAA%00AAAA']) {
      const malformed = await anonymous.get(url);
      expect(malformed.status, url).toBe(400);
      expect(malformed.body.error.code, url).toBe('validation_failed');
    }
    // The answer is JSON, as the contract says, for the API and the older printed links alike.
    const answered = await anonymous.get(`/api/v1/public/certificates/${codes.banh}`);
    expect(answered.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answered.body).toMatchObject({ genuine: true, status: 'valid' });
  });

  it('shows one phone screen in large words, and a Vietnamese not-found page', async () => {
    const page = async (code: string, lang = '') => t.app.inject({ method: 'GET', url: `/v/${code}${lang}` });
    const valid = await page(codes.banh!);
    expect(valid.statusCode).toBe(200);
    expect(valid.headers['content-type']).toMatch(/text\/html/);
    expect(valid.body).toContain('CÒN HIỆU LỰC');
    expect(valid.body).toContain('Bánh phồng tôm đặc biệt');
    expect(valid.body).not.toMatch(/<script/i);
    expect((await page(codes.nem!)).body).toContain('ĐÃ BỊ THU HỒI');
    expect((await page(codes.xoai!)).body).toContain('HẾT HIỆU LỰC');
    expect((await page(codes.quytOld!)).body).toContain('ĐÃ ĐƯỢC THAY THẾ');
    expect((await page(codes.banh!, '?lang=en')).body).toContain('VALID');
    const missing = await page('AAAAAAAAAAAAAAAA');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Nhãn có thể là giả');
    expect(missing.body).toContain('Văn phòng Điều phối nông thôn mới');
    expect(missing.body).not.toMatch(/may be fake|please tell/);
    const missingEn = (await page('AAAAAAAAAAAAAAAA', '?lang=en')).body;
    expect(missingEn).toContain('The label may be fake');
    expect(missingEn).toContain('please tell');
  });

  it('keeps the label in the language switch and its own address, and writes its facts in order', async () => {
    const page = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;
    const facts = (html: string) => [...html.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]);
    const vi = await page(`/v/${codes.banh}`);
    expect(vi).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/v/${codes.banh}">`));
    expect(vi).toMatch(new RegExp(`<meta property="og:url" content="[^"]*/v/${codes.banh}">`));
    expect(vi).toContain(`hreflang="en" href="/v/${codes.banh}?lang=en">English</a>`);
    expect(vi).toContain('<title>CÒN HIỆU LỰC — Bánh phồng tôm đặc biệt</title>');
    expect(facts(vi).map(([label]) => label)).toEqual([
      'Chủ thể',
      'Địa chỉ',
      'Mã sản phẩm',
      'Giấy chứng nhận',
      'Cơ quan cấp',
      'Quyết định',
      'Ngày cấp',
      'Hiệu lực đến',
      'Tình trạng',
    ]);
    expect(Object.fromEntries(facts(vi))['Hiệu lực đến']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const en = await page(`/v/${codes.banh}?lang=en`);
    expect(en).toContain(`hreflang="vi" href="/v/${codes.banh}">Tiếng Việt</a>`);
    expect(facts(en).map(([label]) => label)).toEqual([
      'Producer',
      'Address',
      'Product code',
      'Certificate',
      'Issued by',
      'Decision',
      'Issued on',
      'Valid until',
      'Status',
    ]);
    expect(en).toMatch(/role="img" aria-label="[345] stars">★/);
    // The same certificate in both languages, value for value.
    expect(facts(en).map(([, value]) => value)).toEqual(facts(vi).map(([, value]) => (value === 'Còn hiệu lực' ? 'Valid' : value)));
    // A code no label can have: the switch leads to the label check, and nothing of it is written back.
    const odd = await page(`/v/${encodeURIComponent('<b>x</b>"')}`);
    expect(odd).toContain('hreflang="en" href="/kiem-tra?lang=en"');
    expect(odd).not.toContain('<b>x</b>');
  });

  it('sends a typed code to the same page a QR code opens', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/kiem-tra?ma=${encodeURIComponent(` ${codes.banh} `)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/v/${codes.banh}`);
  });

  it('drops cached answers when a certificate is revoked', async () => {
    expect((await anonymous.get(`/api/v1/public/verify/${codes.gao}`)).body.status).toBe('valid');
    const admin = await t.client(DEMO.admin);
    const certificate = (await admin.get('/api/v1/certificates?pageSize=100')).body.items.find(
      (c: { verificationCode: string }) => c.verificationCode === codes.gao,
    );
    const revoked = await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, {
      ground: 'd',
      decisionNo: '77/QĐ-UBND',
      decidedOn: '2027-06-20',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Phó Chủ tịch',
    });
    expect(revoked.status).toBe(200);
    expect((await anonymous.get(`/api/v1/public/verify/${codes.gao}`)).body.status).toBe('revoked');
    expect(names((await anonymous.get('/api/v1/public/products')).body)).not.toContain('Gạo thơm Tháp Mười');
  });

  it('limits verification per client address, which forged headers do not change', async () => {
    const limited = await createTestApp({ config: { verifyRateLimit: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.app.inject({ method: 'GET', url: '/v/AAAAAAAAAAAAAAAA', headers: { 'x-forwarded-for': `10.0.0.${i}` } })).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('pages', () => {
  const page = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves the home page with the province in numbers, a search box, a label check box and the map', async () => {
    const res = await page('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('action="/san-pham"');
    expect(res.body).toContain('action="/kiem-tra"');
    expect(res.body).toContain('<svg viewBox=');
    expect(res.body).toMatch(/<b>3<\/b>sản phẩm OCOP còn hiệu lực/); // four, less the rice revoked above
    expect(res.body).not.toMatch(/<script/i); // no script at all on public pages
    expect((await page('/?lang=en')).body).toContain('<html lang="en">');
  });

  it('names the criteria sectors in the page language, in the figures and the catalogue filter', async () => {
    const [home, homeEn, list, listEn] = await Promise.all([page('/'), page('/?lang=en'), page('/san-pham'), page('/san-pham?lang=en')]);
    expect(home.body).toMatch(/<th scope="row">I\. Thực phẩm<\/th>/);
    expect(homeEn.body).toMatch(/<th scope="row">I\. Food<\/th>/);
    expect(homeEn.body).not.toContain('Thực phẩm');
    expect(list.body).toContain('>II. Đồ uống</option>');
    expect(listEn.body).toContain('>II. Drinks</option>');
    expect(listEn.body).not.toMatch(/>[IV]+\. [^<]*[ạảãàáâậầấẩẫăắằặẳẵđêệếềểễôộồốổỗơớờợởỡưứừựửữ]/);
  });

  it('serves the catalogue with stable URLs, and pages of products and producers with Open Graph tags', async () => {
    const list = await page('/san-pham?q=banh+phong+tom&star=9');
    expect(list.statusCode).toBe(200); // an invalid filter from a stale link is dropped, not refused
    expect(list.body).toContain('Bánh phồng tôm đặc biệt');
    const product = await page(`/san-pham/${ids.banh}`);
    expect(product.statusCode).toBe(200);
    expect(product.body).toContain('og:title');
    expect(product.body).toContain('Ủy ban nhân dân tỉnh Đồng Tháp');
    expect(product.body).toContain('10/03/2026');
    const quyt = await page(`/san-pham/${ids.quyt}`);
    expect(quyt.body).toContain('Các lần công nhận');
    const producerLink = /href="(\/chu-the\/[0-9a-f-]+)"/.exec(product.body)![1]!;
    const producer = await page(producerLink);
    expect(producer.statusCode).toBe(200);
    expect(producer.body).toContain('Bánh phồng tôm đặc biệt');
    expect(producer.body).not.toContain('Hủ tiếu Sa Đéc'); // not certified: not public
    expect((await page('/san-pham/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await page(`/san-pham/${(await (await t.client(DEMO.admin)).get('/api/v1/products?q=tra%20tim%20sen')).body.items[0].id}`)).statusCode).toBe(404);
  });

  it('serves the map, the label check, a favicon, and compresses pages', async () => {
    expect((await page('/ban-do')).body).toContain('Các xã có sản phẩm OCOP');
    expect((await page('/kiem-tra')).statusCode).toBe(200);
    expect((await page('/favicon.ico')).statusCode).toBe(200);
    expect((await page('/favicon.svg')).headers['content-type']).toMatch(/svg/);
    const compressed = await t.app.inject({ method: 'GET', url: '/san-pham?valid=0', headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.headers['content-encoding']).toBe('br');
  });

  it('links every page to one style sheet, kept for a year under a name that changes with it', async () => {
    const sheets = new Set<string>();
    for (const path of ['/', '/san-pham', '/ban-do', '/kiem-tra', '/v/AAAAAAAAAAAAAAAA', '/san-pham/00000000-0000-4000-8000-000000000000']) {
      const body = (await page(path)).body;
      expect(body, path).not.toContain('<style');
      sheets.add(/<link rel="stylesheet" href="(\/cong-khai-[0-9a-f]{12}\.css)">/.exec(body)![1]!);
    }
    expect(sheets.size).toBe(1);
    const [sheet] = sheets;
    const css = await t.app.inject({ method: 'GET', url: sheet!, headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-encoding']).toBe('br');
    const plain = await t.app.inject({ method: 'GET', url: sheet! });
    expect(plain.body).toContain('.banner');
    expect(createHash('sha256').update(plain.body).digest('hex')).toMatch(new RegExp(`^${/cong-khai-([0-9a-f]{12})/.exec(sheet!)![1]}`));
  });
});

// The catalogue reads its entries (one per certified product), which triggers keep in step with the
// certificates, products, producers and communes they copy, whoever writes those rows.
describe('the catalogue follows the records it copies', () => {
  // Read with no cache: what is tested is what the triggers keep, not how long the portal keeps its answers.
  const list = (q: string) => ownPortal().catalogue(CatalogueQuery.parse({ valid: '0', q }));
  const search = async (q: string) => names(await list(q));
  const entry = async (productId: string) =>
    (
      await queryRows<{ certificateId: string; star: number }>(
        t.database.db,
        sql`select certificate_id as "certificateId", star from catalogue_entries where product_id = ${productId}`,
      )
    )[0];

  it('holds one entry per certified product, on its standing certificate', async () => {
    const [counts] = await queryRows<{ entries: number; certified: number }>(
      t.database.db,
      sql`select (select count(*) from catalogue_entries)::int as entries, (select count(distinct product_id) from certificates)::int as certified`,
    );
    expect(counts!.entries).toBe(counts!.certified);
    expect((await entry(ids.quyt!))!.star).toBe(4); // the re-rating's, not the superseded 3★
  });

  it('finds a product by its new name, its producer by the new name, its commune by the new name', async () => {
    const db = t.database.db;
    const rename = (name: string) => ({ name, nameSearch: foldVietnamese(name), sortKey: vietnameseSortKey(name) });
    await db.update(products).set(rename('Bánh tráng mè đen')).where(eq(products.id, ids.banh!));
    expect(await search('banh trang me den')).toEqual(['Bánh tráng mè đen']); // these certificates hold no name as issued
    const [renamed] = await queryRows<{ words: string[] }>(db, sql`select words from catalogue_entries where product_id = ${ids.banh!}`);
    expect(renamed!.words.slice(0, 4)).toEqual(['banh', 'trang', 'me', 'den']);

    const [gao] = await db.select({ subjectId: products.subjectId }).from(products).where(eq(products.id, ids.gao!));
    await db.update(subjects).set(rename('Hợp tác xã Đồng Tháp Xanh')).where(eq(subjects.id, gao!.subjectId));
    expect(await search('dong thap xanh')).toContain('Gạo thơm Tháp Mười');
    const card = async (q: string) => (await list(q)).items[0]!;
    expect((await card('dong thap xanh')).producer.name).toBe('Hợp tác xã Đồng Tháp Xanh');
    await db.update(provinces).set({ name: 'Đồng Tháp (mới)' }).where(eq(provinces.code, '82'));
    expect((await card('gao dong thap xanh')).province.name).toBe('Đồng Tháp (mới)');

    const [sen] = await queryRows<{ communeCode: string }>(db, sql`select commune_code as "communeCode" from catalogue_entries where product_id = ${ids.sen}`);
    await db.update(communes).set({ name: 'Phường Sen Hồng Mới' }).where(eq(communes.code, sen!.communeCode));
    expect(await search('sen hong moi')).toContain('Hạt sen sấy');
  });

  it('keeps a certificate past expiry in force while a re-rating filed by its expiry is open, and only then (Art. 12.3)', async () => {
    const db = t.database.db;
    // Two products never certified, each now with a certificate that expired on 01/03/2027, within the 180 days before today (20/06/2027).
    const [onTime, late] = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from products where id not in (select product_id from certificates) order by sort_key limit 2`,
    );
    const fileRerating = async (productId: string, submittedOn: string) => {
      const [p] = await db.select().from(products).where(eq(products.id, productId));
      const [s] = await db.select().from(subjects).where(eq(subjects.id, p!.subjectId));
      await db.insert(dossiers).values({
        productId,
        subjectId: s!.id,
        provinceCode: s!.provinceCode,
        communeCode: s!.communeCode!,
        kind: 'rerating',
        state: 'submitted',
        legalBasis: CURRENT_CRITERIA_BASIS,
        setNumber: p!.criteriaSetNumber!,
        registration: { representativeName: 'Võ Văn Phúc' },
        samples: 1,
        submittedOn,
      });
      return (await issuedCertificate(db, { productId, star: 3, issuedOn: '2024-03-01' })).verificationCode;
    };
    const onTimeCode = await fileRerating(onTime!.id, '2027-03-01'); // filed on the expiry date
    const lateCode = await fileRerating(late!.id, '2027-03-02'); // filed the day after

    const verify = async (code: string) => (await anonymous.get(`/api/v1/public/verify/${code}`)).body;
    expect(await verify(onTimeCode)).toMatchObject({ inForce: true, status: 'extended' });
    expect(await verify(lateCode)).toMatchObject({ inForce: false, status: 'expired' });
    const inForce = names((await anonymous.get('/api/v1/public/products?pageSize=100&sort=name')).body);
    expect(inForce).toContain(onTime!.name);
    expect(inForce).not.toContain(late!.name);
  });

  it('moves to a new certificate, and drops a product whose only certificate is deleted', async () => {
    const db = t.database.db;
    const newer = await issuedCertificate(db, { productId: ids.gao!, star: 4, issuedOn: '2027-01-10' });
    expect(await entry(ids.gao!)).toEqual({ certificateId: newer.id, star: 4 });
    await db.delete(certificates).where(eq(certificates.id, newer.id));
    expect((await entry(ids.gao!))!.star).toBe(3);

    const [gao] = await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.productId, ids.gao!));
    await db.delete(certificates).where(eq(certificates.id, gao!.id));
    expect(await entry(ids.gao!)).toBeUndefined();
  });
});

// A search's matches are read once, with their place in every order, and sorted and paged from there.
describe('a search in each order, page by page', () => {
  it('orders the matches as each sort says and pages them without gaps or repeats', async () => {
    const db = t.database.db;
    const made = [
      { name: 'Mứt gừng Bình Minh', star: 3, issuedOn: '2026-01-10' },
      { name: 'Mứt dừa An Phú', star: 5, issuedOn: '2025-05-01' },
      { name: 'Mứt me Cao Lãnh', star: 4, issuedOn: '2026-03-01' },
      { name: 'Sen mứt Đồng Tháp', star: 4, issuedOn: '2024-11-20' },
    ] as const;
    const uncertified = await queryRows<{ id: string }>(
      db,
      sql`select id from products where id not in (select product_id from certificates) order by sort_key limit 4`,
    );
    for (const [i, { name, star, issuedOn }] of made.entries()) {
      const productId = uncertified[i]!.id;
      await db
        .update(products)
        .set({ name, nameSearch: foldVietnamese(name), sortKey: vietnameseSortKey(name) })
        .where(eq(products.id, productId));
      await issuedCertificate(db, { productId, star, issuedOn });
    }
    // A portal of its own: products renamed and certified here behind the services' backs were listed before, by other names.
    const portal = ownPortal(30_000);
    const listed = async (query: string) => {
      const ask = (more: object) => portal.catalogue(CatalogueQuery.parse({ valid: '0', ...Object.fromEntries(new URLSearchParams(query)), ...more }));
      const all = names(await ask({ pageSize: 100 }));
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const list = await ask({ pageSize: 2, page });
        expect(list.total).toBe(all.length);
        paged.push(...names(list));
      }
      expect(paged, query).toEqual(all);
      return all;
    };
    expect(await listed('q=mut&sort=name')).toEqual(['Mứt dừa An Phú', 'Mứt gừng Bình Minh', 'Mứt me Cao Lãnh', 'Sen mứt Đồng Tháp']);
    expect(await listed('q=MỨT&sort=star')).toEqual(['Mứt dừa An Phú', 'Mứt me Cao Lãnh', 'Sen mứt Đồng Tháp', 'Mứt gừng Bình Minh']);
    expect(await listed('q=mutt&sort=newest')).toEqual(['Mứt me Cao Lãnh', 'Mứt gừng Bình Minh', 'Mứt dừa An Phú', 'Sen mứt Đồng Tháp']);
    // Names that begin with the words first, then by stars.
    expect(await listed('q=mứt&sort=relevance')).toEqual(['Mứt dừa An Phú', 'Mứt me Cao Lãnh', 'Mứt gừng Bình Minh', 'Sen mứt Đồng Tháp']);
    expect((await listed('q=sen')).slice(0, 2)).toEqual(['Sen mứt Đồng Tháp', 'Hạt sen sấy']);
  });
});
