import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { parseCsv } from '../../../../test/support/csv.js';
import { ecommerceListings } from '../../db/schema/index.js';

/**
 * Chain and e-commerce listings: URLs kept in one form and unique, a producer's proposals reviewed by
 * the office or the commune's officer, each list in the caller's scope, and where to buy a product.
 * Today is 20/06/2027 (Vietnam time).
 */

let t: TestApp;
let admin: Client;
/** Officer of commune 30037, producer A's. */
let officerA: Client;
/** canbo.sadec@ocop.demo: officer of communes 29905 and 30226. */
let officerSaDec: Client;
let producer: Client;
let producerB: Client;
let a1: string;
let a2: string;
let a3: string;
let productB: string;
const now = new Date('2027-06-20T03:00:00Z');
const TODAY = '2027-06-20';
const PASSWORD = 'gian-hang-ocop-2027';

const audits = (entityId: string) =>
  t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => asc(a.id) });
const listingCount = async () => (await admin.get('/api/v1/listings/ecommerce?pageSize=1')).body.total as number;
const whereToBuy = async (productId: string) => (await producer.get(`/api/v1/products/${productId}/where-to-buy`)).body;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officerSaDec = await t.client(DEMO.officer);
  producer = await t.client(DEMO.producer);
  await admin.post('/api/v1/users', {
    email: 'canbo.thapmuoi@example.vn',
    fullName: 'Cán bộ Tháp Mười',
    role: 'officer',
    communeCodes: ['30037'],
    password: PASSWORD,
  });
  officerA = await t.client('canbo.thapmuoi@example.vn', PASSWORD);
  const subjectB = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id;
  await admin.post('/api/v1/users', { email: 'sagiang@example.vn', fullName: 'Phạm Thị Hoa', role: 'producer', subjectId: subjectB, password: PASSWORD });
  producerB = await t.client('sagiang@example.vn', PASSWORD);
  const own = (await producer.get('/api/v1/products?pageSize=100')).body.items as { id: string; name: string }[];
  const idOf = (name: string) => own.find((p) => p.name === name)!.id;
  [a1, a2, a3] = [idOf('Hạt sen sấy'), idOf('Trà tim sen'), idOf('Sữa hạt sen')];
  productB = (await producerB.get('/api/v1/products')).body.items[0].id;
});
afterAll(() => t.close());

describe('e-commerce listings', () => {
  it('records a listing approved at once when the commune’s officer does, changes and deletes it, with audit entries', async () => {
    const created = await officerA.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'https://shopee.vn/hat-sen-say-i.1.2' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      productId: a1,
      productName: 'Hạt sen sấy',
      subjectName: 'Hợp tác xã Sen Tháp Mười',
      communeCode: '30037',
      platform: 'shopee',
      url: 'https://shopee.vn/product/1/2',
      status: 'approved',
      active: true,
      reviewedAt: now.toISOString(),
    });
    const id = created.body.id;
    const updated = await admin.put(`/api/v1/listings/ecommerce/${id}`, {
      platform: 'shopee',
      url: 'shopee.vn/hat-sen-say-i.1.2/',
      active: false,
      lastCheckedOn: TODAY,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ url: 'https://shopee.vn/product/1/2', active: false, lastCheckedOn: TODAY, status: 'approved' });
    expect((await admin.delete(`/api/v1/listings/ecommerce/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/listings/ecommerce?productId=${a1}`)).body.items.map((l: { id: string }) => l.id)).not.toContain(id);
    const history = await audits(id);
    expect(history.map((h) => [h.action, h.entityType])).toEqual([
      ['create', 'ecommerce_listing'],
      ['update', 'ecommerce_listing'],
      ['delete', 'ecommerce_listing'],
    ]);
    expect(history[1]!.after).toMatchObject({ active: false, lastCheckedOn: TODAY });
  });

  it('keeps a URL in one form, so the same page typed another way is refused with the product that has it', async () => {
    const first = await admin.post('/api/v1/listings/ecommerce', { productId: a2, platform: 'shopee', url: 'http://www.Shopee.vn/abc?utm_source=x#top' });
    expect(first.status).toBe(201);
    expect(first.body.url).toBe('https://shopee.vn/abc');
    const again = await officerA.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'https://shopee.vn/abc' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_listing_url');
    expect(again.body.error.fields.url).toBe('Đường dẫn này đã được ghi cho sản phẩm "Trà tim sen" (Hợp tác xã Sen Tháp Mười).');
    officerA.lang = 'en';
    const english = await officerA.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'HTTPS://SHOPEE.VN/abc/?fbclid=1' });
    officerA.lang = 'vi';
    expect(english.body.error.message).toBe('This URL is already recorded for the product "Trà tim sen" (Hợp tác xã Sen Tháp Mười).');
    // Whoever may not see that product learns only that the page is taken.
    const hidden = await officerSaDec.post('/api/v1/listings/ecommerce', { productId: productB, platform: 'shopee', url: 'https://www.shopee.vn/abc' });
    expect(hidden.status).toBe(409);
    expect(hidden.body.error.message).toBe('Đường dẫn này đã được ghi cho một sản phẩm khác.');
    expect(JSON.stringify(hidden.body)).not.toContain('Trà tim sen');
    // Changing another listing to that page is refused too; changing the listing itself is not.
    const other = (
      await admin.post('/api/v1/listings/ecommerce', { productId: a2, platform: 'lazada', url: 'https://www.lazada.vn/products/tra-tim-sen-i9.html' })
    ).body;
    expect((await admin.put(`/api/v1/listings/ecommerce/${other.id}`, { platform: 'shopee', url: 'shopee.vn/abc' })).status).toBe(409);
    expect((await admin.put(`/api/v1/listings/ecommerce/${first.body.id}`, { platform: 'shopee', url: 'https://shopee.vn/abc?utm_campaign=y' })).status).toBe(
      200,
    );
  });

  it('refuses the http, mobile or other Shopee form of a page already listed, and finds a page stored in an earlier form', async () => {
    const first = await admin.post('/api/v1/listings/ecommerce', { productId: a3, platform: 'tiki', url: 'https://tiki.vn/sua-hat-sen-p321' });
    expect(first.status).toBe(201);
    for (const url of ['http://m.tiki.vn/sua-hat-sen-p321', 'https://mobile.tiki.vn/sua-hat-sen-p321/?utm_source=zalo']) {
      const again = await officerA.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'tiki', url });
      expect(again.status, url).toBe(409);
      expect(again.body.error.code).toBe('duplicate_listing_url');
    }
    const shopee = await admin.post('/api/v1/listings/ecommerce', { productId: a3, platform: 'shopee', url: 'https://shopee.vn/sua-hat-sen-i.77.88' });
    expect(shopee.body.url).toBe('https://shopee.vn/product/77/88');
    const otherForm = await admin.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'http://m.shopee.vn/product/77/88' });
    expect(otherForm.status).toBe(409);
    expect(otherForm.body.error.code).toBe('duplicate_listing_url');
    // Rows stored before http became https and before mobile hosts were dropped keep their form and still count.
    const stored = await t.database.db
      .insert(ecommerceListings)
      .values([
        { productId: a3, platform: 'own_website', url: 'http://senthapmuoi.vn/sua-hat-sen' },
        { productId: a3, platform: 'tiki', url: 'https://m.tiki.vn/sua-hat-sen-p654' },
      ])
      .returning();
    for (const [platform, url] of [
      ['own_website', 'https://senthapmuoi.vn/sua-hat-sen'],
      ['tiki', 'tiki.vn/sua-hat-sen-p654'],
    ] as const) {
      const again = await officerA.post('/api/v1/listings/ecommerce', { productId: a1, platform, url });
      expect(again.status, url).toBe(409);
      expect(again.body.error.fields.url).toBe('Đường dẫn này đã được ghi cho sản phẩm "Sữa hạt sen" (Hợp tác xã Sen Tháp Mười).');
    }
    for (const id of [first.body.id, shopee.body.id, ...stored.map((r) => r.id)])
      expect((await admin.delete(`/api/v1/listings/ecommerce/${id}`)).status).toBe(200);
  });

  it('refuses a URL that is not a web page and a platform that does not match the URL’s host, writing nothing', async () => {
    const before = await listingCount();
    const refused = async (platform: string, url: string, field: string) => {
      const res = await admin.post('/api/v1/listings/ecommerce', { productId: a3, platform, url });
      expect(res.status, `${platform} ${url}`).toBe(400);
      expect(Object.keys(res.body.error.fields), `${platform} ${url}`).toEqual([field]);
      return res.body.error.fields[field];
    };
    expect(await refused('shopee', 'ftp://shopee.vn/abc', 'url')).toBe('Đường dẫn phải bắt đầu bằng https://.');
    await refused('other', 'http://192.168.1.10/shop', 'url');
    await refused('other', 'https://user:pw@example.vn/shop', 'url');
    await refused('other', 'not a url', 'url');
    expect(await refused('shopee', 'https://tiki.vn/tra-sen-p1.html', 'platform')).toBe('Đường dẫn thuộc Tiki, không phải Shopee.');
    expect(await refused('lazada', 'https://example.vn/sua-hat-sen', 'platform')).toBe('Đường dẫn không thuộc Lazada.');
    const future = await admin.post('/api/v1/listings/ecommerce', {
      productId: a3,
      platform: 'tiki',
      url: 'https://tiki.vn/sua-p2.html',
      lastCheckedOn: '2027-06-21',
    });
    expect(Object.keys(future.body.error.fields)).toEqual(['lastCheckedOn']);
    expect(await listingCount()).toBe(before);
    // The producer's own website takes any host; "other" takes a marketplace too.
    expect((await admin.post('/api/v1/listings/ecommerce', { productId: a3, platform: 'own_website', url: 'https://sentapmuoi.vn/sua-hat-sen' })).status).toBe(
      201,
    );
    expect((await admin.post('/api/v1/listings/ecommerce', { productId: a3, platform: 'other', url: 'https://tiki.vn/sua-hat-sen-p3.html' })).status).toBe(201);
  });

  it('takes a producer’s listing as a proposal, which shows where to buy only once the office approves it', async () => {
    const proposed = await producer.post('/api/v1/listings/ecommerce', { productId: a3, platform: 'tiki', url: 'https://tiki.vn/sua-hat-sen-p77.html' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', reviewedAt: null });
    const id = proposed.body.id;
    const online = async () => ((await whereToBuy(a3)).online as { url: string }[]).map((o) => o.url);
    expect(await online()).not.toContain('https://tiki.vn/sua-hat-sen-p77.html');

    // While it waits, the producer may correct it.
    const corrected = await producer.put(`/api/v1/listings/ecommerce/${id}`, { platform: 'tiki', url: 'https://tiki.vn/sua-hat-sen-p78.html' });
    expect(corrected.body).toMatchObject({ status: 'proposed', url: 'https://tiki.vn/sua-hat-sen-p78.html' });
    // Reviewing is not the producer's, nor an officer's of another commune (who does not see it).
    expect((await producer.post(`/api/v1/listings/ecommerce/${id}/review`, { decision: 'approved' })).status).toBe(403);
    expect((await officerSaDec.post(`/api/v1/listings/ecommerce/${id}/review`, { decision: 'approved' })).status).toBe(404);

    const reviewed = await admin.post(`/api/v1/listings/ecommerce/${id}/review`, { decision: 'approved', note: 'Đã kiểm tra gian hàng' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'approved', reviewNote: 'Đã kiểm tra gian hàng', reviewedAt: now.toISOString() });
    expect(await online()).toContain('https://tiki.vn/sua-hat-sen-p78.html');
    const adminId = (await admin.get('/api/v1/auth/me')).body.user.id;
    expect((await audits(id)).at(-1)).toMatchObject({ action: 'update', after: expect.objectContaining({ status: 'approved', reviewedBy: adminId }) });

    // Once approved, the listing is the office's to change.
    expect((await producer.put(`/api/v1/listings/ecommerce/${id}`, { platform: 'tiki', url: 'https://tiki.vn/sua-hat-sen-p79.html' })).status).toBe(403);
    expect((await producer.delete(`/api/v1/listings/ecommerce/${id}`)).status).toBe(403);
  });

  it('leaves a rejected proposal out of where to buy, and lets a producer withdraw its proposal while it waits', async () => {
    const rejected = (
      await producer.post('/api/v1/listings/ecommerce', { productId: a2, platform: 'tiktok_shop', url: 'https://shop.tiktok.com/view/product/17' })
    ).body;
    const res = await officerA.post(`/api/v1/listings/ecommerce/${rejected.id}/review`, { decision: 'rejected', note: 'Gian hàng không phải của chủ thể' });
    expect(res.body).toMatchObject({ status: 'rejected', reviewNote: 'Gian hàng không phải của chủ thể' });
    expect(((await whereToBuy(a2)).online as { url: string }[]).map((o) => o.url)).not.toContain('https://shop.tiktok.com/view/product/17');
    expect((await producer.delete(`/api/v1/listings/ecommerce/${rejected.id}`)).status).toBe(403);

    const withdrawn = (await producer.post('/api/v1/listings/ecommerce', { productId: a2, platform: 'voso', url: 'https://voso.vn/tra-tim-sen' })).body;
    expect((await producer.delete(`/api/v1/listings/ecommerce/${withdrawn.id}`)).status).toBe(200);
    expect((await audits(withdrawn.id)).map((h) => h.action)).toEqual(['create', 'delete']);
  });

  it('shows each the listings of the products it sees: a producer its own, an officer their communes’', async () => {
    await officerSaDec.post('/api/v1/listings/ecommerce', { productId: productB, platform: 'postmart', url: 'https://postmart.vn/banh-phong-tom' });
    const subjectsOf = async (c: Client) =>
      new Set(((await c.get('/api/v1/listings/ecommerce?pageSize=200')).body.items as { subjectName: string }[]).map((l) => l.subjectName));
    expect(await subjectsOf(producer)).toEqual(new Set(['Hợp tác xã Sen Tháp Mười']));
    expect([...(await subjectsOf(producerB))]).not.toContain('Hợp tác xã Sen Tháp Mười');
    expect((await subjectsOf(producerB)).size).toBe(1);
    expect([...(await subjectsOf(officerSaDec))]).not.toContain('Hợp tác xã Sen Tháp Mười');
    expect((await subjectsOf(admin)).size).toBe(2);
    // A filter never widens the scope.
    expect((await officerSaDec.get(`/api/v1/listings/ecommerce?productId=${a1}`)).body.total).toBe(0);
    expect((await producerB.get('/api/v1/listings/ecommerce?communeCode=30037')).body.total).toBe(0);
    // Nor can a producer propose, or an officer record, a listing of a product it does not see.
    const foreign = await producerB.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'https://shopee.vn/gia-mao' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('unknown_product');
    expect((await officerSaDec.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'shopee', url: 'https://shopee.vn/gia-mao' })).status).toBe(400);
    expect((await (await t.client(DEMO.council)).get('/api/v1/listings/ecommerce')).status).toBe(403);
  });

  it('filters the list by platform, status and words of the product’s name or the URL', async () => {
    const urls = async (query: string) =>
      ((await admin.get(`/api/v1/listings/ecommerce?pageSize=200&${query}`)).body.items as { url: string }[]).map((l) => l.url);
    expect(await urls('platform=voso')).toEqual([]);
    expect(await urls('status=rejected')).toEqual(['https://shop.tiktok.com/view/product/17']);
    expect(await urls(`q=${encodeURIComponent('sua hat')}&platform=tiki`)).toEqual(['https://tiki.vn/sua-hat-sen-p78.html']);
    expect(await urls('q=postmart')).toEqual(['https://postmart.vn/banh-phong-tom']);
  });
});

describe('chain listings', () => {
  it('records a product at a chain, changes and deletes it, with audit entries; the producer reads but does not write', async () => {
    const created = await officerA.post('/api/v1/listings/distribution', {
      productId: a1,
      chain: ' Co.op  Mart ',
      channel: 'supermarket',
      stores: 12,
      since: '2026-05-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      chain: 'Co.op Mart',
      channel: 'supermarket',
      stores: 12,
      since: '2026-05-01',
      active: true,
      productName: 'Hạt sen sấy',
    });
    const id = created.body.id;
    expect((await producer.get('/api/v1/listings/distribution')).body.items.map((l: { id: string }) => l.id)).toEqual([id]);
    expect((await producer.post('/api/v1/listings/distribution', { productId: a2, chain: 'WinMart' })).status).toBe(403);
    expect((await producer.put(`/api/v1/listings/distribution/${id}`, { chain: 'Co.op Mart', stores: 1 })).status).toBe(403);
    expect((await officerSaDec.put(`/api/v1/listings/distribution/${id}`, { chain: 'Co.op Mart', stores: 1 })).status).toBe(404);

    const updated = await admin.put(`/api/v1/listings/distribution/${id}`, { chain: 'Co.opmart', channel: 'supermarket', stores: 15, since: '2026-05-01' });
    expect(updated.body).toMatchObject({ chain: 'Co.opmart', stores: 15 });
    expect((await admin.delete(`/api/v1/listings/distribution/${id}`)).status).toBe(200);
    expect((await audits(id)).map((h) => [h.action, h.entityType])).toEqual([
      ['create', 'distribution_listing'],
      ['update', 'distribution_listing'],
      ['delete', 'distribution_listing'],
    ]);
  });

  it('lists a product once per chain however its name is typed, with stores not negative and a start not after today', async () => {
    expect((await admin.post('/api/v1/listings/distribution', { productId: a2, chain: 'Bách hóa Xanh', channel: 'chain', stores: 40 })).status).toBe(201);
    const twice = await officerA.post('/api/v1/listings/distribution', { productId: a2, chain: 'BÁCH HOÁ  XANH', channel: 'chain' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields.chain).toBe('Sản phẩm đã được ghi tại "BÁCH HOÁ XANH".');
    // Another product at the same chain is another listing.
    expect((await admin.post('/api/v1/listings/distribution', { productId: a3, chain: 'bach hoa xanh', channel: 'chain' })).status).toBe(201);

    const negative = await admin.post('/api/v1/listings/distribution', { productId: a2, chain: 'WinMart', stores: -1 });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.fields)).toEqual(['stores']);
    for (const [since, status] of [
      ['2027-06-19', 201],
      [TODAY, 201],
      ['2027-06-21', 400],
    ] as const) {
      const res = await admin.post('/api/v1/listings/distribution', { productId: a2, chain: `Siêu thị ${since}`, since });
      expect(res.status, since).toBe(status);
      if (status === 400) expect(res.body.error.fields.since).toBe('Ngày này chưa đến; chỉ ghi việc đã diễn ra.');
    }
    expect((await admin.get(`/api/v1/listings/distribution?productId=${a2}&q=${encodeURIComponent('bach hoa')}`)).body.items).toHaveLength(1);
  });
});

describe('where to buy a product', () => {
  it('gathers the chains still selling it and its approved pages on sale, for whoever may read the product', async () => {
    const chain = (await admin.post('/api/v1/listings/distribution', { productId: a1, chain: 'WinMart', channel: 'supermarket', stores: 3 })).body;
    await admin.post('/api/v1/listings/distribution', { productId: a1, chain: 'Lotte Mart', channel: 'supermarket', active: false });
    await admin.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'lazada', url: 'https://lazada.vn/products/hat-sen-i5.html', active: false });
    await admin.post('/api/v1/listings/ecommerce', { productId: a1, platform: 'postmart', url: 'https://postmart.vn/hat-sen-say' });
    const found = await whereToBuy(a1);
    expect(found).toEqual({
      salesPoints: [],
      chains: [{ chain: 'WinMart', channel: 'supermarket', stores: 3 }],
      online: [{ platform: 'postmart', url: 'https://postmart.vn/hat-sen-say' }],
    });
    expect((await officerA.get(`/api/v1/products/${a1}/where-to-buy`)).body).toEqual(found);
    expect((await producerB.get(`/api/v1/products/${a1}/where-to-buy`)).status).toBe(404);
    expect((await officerSaDec.get(`/api/v1/products/${a1}/where-to-buy`)).status).toBe(404);
    await admin.put(`/api/v1/listings/distribution/${chain.id}`, { chain: 'WinMart', channel: 'supermarket', active: false });
    expect((await whereToBuy(a1)).chains).toEqual([]);
  });
});

describe('the listings as files', () => {
  it('exports each list with its filters and the caller’s scope, headed as the import sheets', async () => {
    const res = await producer.get('/api/v1/listings/ecommerce/export?format=xlsx&status=approved');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Mã sản phẩm',
      'Tên sản phẩm',
      'Chủ thể',
      'Sàn',
      'Đường dẫn',
      'Đang bán',
      'Ngày kiểm tra',
      'Trạng thái duyệt',
      'Thời điểm duyệt',
      'Ghi chú duyệt',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    const listed = (await producer.get('/api/v1/listings/ecommerce?status=approved&pageSize=200')).body;
    expect(rows).toHaveLength(listed.total);
    expect(rows.map((r) => r[4])).toEqual(listed.items.map((l: { url: string }) => l.url));
    expect(rows.every((r) => r[2] === 'Hợp tác xã Sen Tháp Mười' && r[7] === 'Đã duyệt')).toBe(true);
    expect(String(rows[0]![0])).toMatch(/^82-30037-\d{3}-\d{4}$/);

    const csv = await officerA.get(`/api/v1/listings/distribution/export?format=csv&productId=${a2}`);
    const [head, ...lines] = parseCsv(csv.raw.toString('utf8').slice(1));
    expect(head).toEqual(['Mã sản phẩm', 'Tên sản phẩm', 'Chủ thể', 'Siêu thị, chuỗi', 'Kênh phân phối', 'Số cửa hàng', 'Bán từ ngày', 'Đang bán', 'Ghi chú']);
    expect(lines.map((l) => [l[3], l[4], l[6]])).toEqual([
      ['Bách hóa Xanh', 'Chuỗi cửa hàng', ''],
      ['Siêu thị 2027-06-19', 'Siêu thị', '19/06/2027'],
      ['Siêu thị 2027-06-20', 'Siêu thị', '20/06/2027'],
    ]);
  });
});
