import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { parseCsv } from '../../../../test/support/csv.js';

/**
 * Sales points: the office's and the commune officers' records of where OCOP products are shown and
 * sold, the products each carries and the producers' consent. Today is 20/06/2027 (Vietnam time).
 */

let t: TestApp;
let admin: Client;
/** Officer of commune 30037, producer A's. */
let officerA: Client;
/** canbo.sadec@ocop.demo: officer of communes 29905 and 30226. */
let officerSaDec: Client;
let producer: Client;
let producerB: Client;
let producerUserId: string;
let a1: string;
let a2: string;
let saDecProduct: string;
const now = new Date('2027-06-20T03:00:00Z');
const TODAY = '2027-06-20';
const PASSWORD = 'diem-ban-ocop-2027';

const point = (over: Record<string, unknown> = {}) => ({
  kind: 'ocop_point',
  name: 'Điểm bán OCOP chợ Mỹ An',
  placement: 'in_province',
  communeCode: '30037',
  ...over,
});

const audits = (entityId: string) =>
  t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => asc(a.id) });
/** A product as the office sees it at a point. */
const carriedAt = async (pointId: string, productId: string) =>
  ((await admin.get(`/api/v1/sales-points/${pointId}`)).body.products as { productId: string }[]).find((p) => p.productId === productId);
const pointCount = async () => (await admin.get('/api/v1/sales-points?pageSize=1')).body.total as number;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officerSaDec = await t.client(DEMO.officer);
  producer = await t.client(DEMO.producer);
  producerUserId = (await producer.get('/api/v1/auth/me')).body.user.id;
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
  a1 = own.find((p) => p.name === 'Hạt sen sấy')!.id;
  a2 = own.find((p) => p.name === 'Trà tim sen')!.id;
  saDecProduct = (await officerSaDec.get('/api/v1/products?communeCode=29905')).body.items[0].id;
  await issuedCertificate(t.database.db, { productId: a1, star: 4, issuedOn: '2026-03-10' });
});
afterAll(() => t.close());

describe('sales points', () => {
  it('records, reads, changes and deletes a point, each with its audit entry', async () => {
    const created = await admin.post(
      '/api/v1/sales-points',
      point({
        name: '  Điểm giới thiệu   sản phẩm OCOP Mỹ An ',
        operator: 'Hợp tác xã Thương mại Mỹ An',
        latitude: 10.4571,
        longitude: 105.6389,
        locationType: 'market_mall',
        openedOn: '2026-09-01',
        checklist: { location: true, signage: true, display: false },
        externalCode: 'DB-001',
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Điểm giới thiệu sản phẩm OCOP Mỹ An',
      provinceCode: '82',
      communeCode: '30037',
      communeName: 'Tháp Mười',
      otherProvinceCode: null,
      status: 'active',
      checklistMet: 2,
      checklistTotal: 10,
      products: [],
      otherProductCount: 0,
      externalCode: 'DB-001',
    });
    const id = created.body.id;
    expect((await officerA.get(`/api/v1/sales-points/${id}`)).body.name).toBe('Điểm giới thiệu sản phẩm OCOP Mỹ An');

    const updated = await officerA.put(`/api/v1/sales-points/${id}`, point({ name: 'Điểm bán OCOP Mỹ An', status: 'suspended', externalCode: 'DB-001' }));
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Điểm bán OCOP Mỹ An', status: 'suspended', latitude: null, checklistMet: 0 });

    expect((await admin.delete(`/api/v1/sales-points/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/sales-points/${id}`)).status).toBe(404);
    const history = await audits(id);
    expect(history.map((h) => [h.action, h.entityType])).toEqual([
      ['create', 'sales_point'],
      ['update', 'sales_point'],
      ['delete', 'sales_point'],
    ]);
    expect(history[1]!.before).toMatchObject({ name: 'Điểm giới thiệu sản phẩm OCOP Mỹ An', status: 'active' });
    expect(history[1]!.after).toMatchObject({ name: 'Điểm bán OCOP Mỹ An', status: 'suspended' });
  });

  it('lists the province’s points in Vietnamese order, found without accents, page by page', async () => {
    for (const name of ['Đồng Tháp Xanh', 'Dừa sáp Lai Vung', 'Cửa hàng đặc sản An Hòa', 'Ăn ngon Lai Vung'])
      expect((await admin.post('/api/v1/sales-points', point({ name, communeCode: '30226', kind: 'shop' }))).status).toBe(201);
    const names = async (query: string) =>
      ((await officerSaDec.get(`/api/v1/sales-points?communeCode=30226&${query}`)).body.items as { name: string }[]).map((p) => p.name);
    // Vietnamese alphabet: a < ă, c, d < đ (a plain accent-folded order would put "Đồng" before "Dừa").
    expect(await names('')).toEqual(['Ăn ngon Lai Vung', 'Cửa hàng đặc sản An Hòa', 'Dừa sáp Lai Vung', 'Đồng Tháp Xanh']);
    expect(await names(`q=${encodeURIComponent('lai vung')}`)).toEqual(['Ăn ngon Lai Vung', 'Dừa sáp Lai Vung']);
    expect(await names(`q=${encodeURIComponent('DONG THAP')}`)).toEqual(['Đồng Tháp Xanh']);
    const page2 = (await admin.get('/api/v1/sales-points?communeCode=30226&pageSize=3&page=2')).body;
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((p: { name: string }) => p.name)).toEqual(['Đồng Tháp Xanh']);
    expect(page2.items[0]).toMatchObject({ productCount: 0, communeName: 'Lai Vung' });
    expect((await admin.get('/api/v1/sales-points?communeCode=30226&kind=ocop_point')).body.total).toBe(0);
  });

  it('refuses a point placed wrongly, with the field at fault, and writes nothing', async () => {
    const before = await pointCount();
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await admin.post('/api/v1/sales-points', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
      return res.body.error;
    };
    // A commune of Hà Nội is not one of Đồng Tháp's.
    expect((await refused(point({ communeCode: '00004' }), 'communeCode')).fields.communeCode).toBe('Xã, phường này không thuộc tỉnh.');
    await refused(point({ communeCode: null }), 'communeCode');
    await refused(point({ placement: 'other_province', communeCode: null, otherProvinceCode: '82' }), 'otherProvinceCode');
    await refused(point({ placement: 'other_province', communeCode: null, otherProvinceCode: '99' }), 'otherProvinceCode');
    await refused(point({ placement: 'other_province', otherProvinceCode: '79' }), 'communeCode');
    await refused(point({ latitude: 10.45 }), 'longitude');
    await refused(point({ longitude: 105.6 }), 'latitude');
    await refused(point({ closedOn: '2027-01-01' }), 'closedOn');
    await refused(point({ status: 'closed', openedOn: '2027-02-01', closedOn: '2027-01-31' }), 'closedOn');
    await refused(point({ status: 'closed', closedOn: '2027-06-21' }), 'closedOn');
    const checklist = await admin.post('/api/v1/sales-points', point({ checklist: { location: true, parking: true } }));
    expect(checklist.status).toBe(400);
    expect(checklist.body.error.code).toBe('validation_failed');
    expect(Object.keys(checklist.body.error.fields)).toEqual(['checklist.parking']);
    expect(await pointCount()).toBe(before);

    const elsewhere = await admin.post(
      '/api/v1/sales-points',
      point({ placement: 'other_province', communeCode: null, otherProvinceCode: '79', name: 'Gian hàng OCOP tại TP.HCM' }),
    );
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ placement: 'other_province', otherProvinceCode: '79', communeCode: null, otherProvinceName: 'Hồ Chí Minh' });
    const closed = await admin.post(
      '/api/v1/sales-points',
      point({ status: 'closed', openedOn: '2025-01-01', closedOn: '2027-06-01', name: 'Quầy OCOP đã đóng' }),
    );
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2027-06-01' });
  });

  it('dates a point’s opening today at the latest: yesterday and today are taken, tomorrow is refused', async () => {
    for (const [openedOn, status] of [
      ['2027-06-19', 201],
      [TODAY, 201],
      ['2027-06-21', 400],
    ] as const) {
      const res = await admin.post('/api/v1/sales-points', point({ name: `Điểm bán mở ngày ${openedOn}`, openedOn }));
      expect(res.status, openedOn).toBe(status);
      if (status === 400) expect(res.body.error.fields.openedOn).toBe('Ngày này chưa đến; chỉ ghi việc đã diễn ra.');
    }
  });

  it('refuses a code of the province’s records already used by another point', async () => {
    expect((await admin.post('/api/v1/sales-points', point({ externalCode: 'DB-100' }))).status).toBe(201);
    const again = await admin.post('/api/v1/sales-points', point({ externalCode: 'DB-100', name: 'Điểm khác' }));
    expect(again.status).toBe(409);
    expect(again.body.error.fields.externalCode).toBe('Mã điểm bán "DB-100" đã có.');
  });

  it('keeps an officer to the points of their communes: others are read, not changed', async () => {
    const id = (await officerA.post('/api/v1/sales-points', point({ name: 'Điểm bán của xã Tháp Mười' }))).body.id;
    expect((await officerSaDec.get(`/api/v1/sales-points/${id}`)).status).toBe(200);
    expect((await officerSaDec.put(`/api/v1/sales-points/${id}`, point({ name: 'Đổi tên' }))).status).toBe(403);
    expect((await officerSaDec.delete(`/api/v1/sales-points/${id}`)).status).toBe(403);
    expect((await officerSaDec.post(`/api/v1/sales-points/${id}/products`, { productIds: [saDecProduct] })).status).toBe(403);
    expect((await officerSaDec.post('/api/v1/sales-points', point({ name: 'Điểm bán ngoài xã' }))).status).toBe(403);
    // Nor may the commune's officer move it out of their communes, or record one in another province.
    expect((await officerA.put(`/api/v1/sales-points/${id}`, point({ communeCode: '29905' }))).status).toBe(403);
    expect((await officerA.post('/api/v1/sales-points', point({ placement: 'other_province', communeCode: null, otherProvinceCode: '79' }))).status).toBe(403);
    expect((await producer.get('/api/v1/sales-points')).status).toBe(403);
    expect((await producer.get(`/api/v1/sales-points/${id}`)).status).toBe(403);
    expect((await officerA.get(`/api/v1/sales-points/${id}`)).body.name).toBe('Điểm bán của xã Tháp Mười');
    expect((await audits(id)).map((h) => h.action)).toEqual(['create']);
  });
});

describe('the products a point carries', () => {
  let id: string;
  beforeAll(async () => {
    id = (await admin.post('/api/v1/sales-points', point({ name: 'Trung tâm OCOP Tháp Mười', kind: 'ocop_centre' }))).body.id;
  });

  it('adds products waiting for their producer’s consent, with the star of the certificate in force', async () => {
    const res = await officerA.post(`/api/v1/sales-points/${id}/products`, { productIds: [a1, a2, a1] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.products).toEqual([
      expect.objectContaining({
        productId: a1,
        productName: 'Hạt sen sấy',
        subjectName: 'Hợp tác xã Sen Tháp Mười',
        star: 4,
        consent: 'pending',
        consentOn: null,
      }),
      expect.objectContaining({ productId: a2, productName: 'Trà tim sen', star: null, consent: 'pending' }),
    ]);
    expect((await admin.get(`/api/v1/sales-points?q=${encodeURIComponent('trung tam ocop thap muoi')}`)).body.items[0].productCount).toBe(2);
    expect((await audits(`${id}:${a1}`)).map((h) => [h.action, h.entityType])).toEqual([['create', 'sales_point_product']]);
  });

  it('refuses an unknown product, one the caller cannot see, and one already carried, adding none of the others', async () => {
    const unknown = await admin.post(`/api/v1/sales-points/${id}/products`, { productIds: [saDecProduct, '7d9e3f0a-5b2c-4e1d-9a8b-1c2d3e4f5a6b'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_product');
    expect(Object.keys(unknown.body.error.fields)).toEqual(['productIds']);
    // The officer of Tháp Mười does not see Sa Đéc's products: the same answer as for no product.
    const unseen = await officerA.post(`/api/v1/sales-points/${id}/products`, { productIds: [saDecProduct] });
    expect(unseen.status).toBe(400);
    expect(unseen.body.error.code).toBe('unknown_product');
    const carried = await admin.post(`/api/v1/sales-points/${id}/products`, { productIds: [saDecProduct, a1] });
    expect(carried.status).toBe(409);
    expect(carried.body.error.message).toBe('Điểm bán đã có sản phẩm: Hạt sen sấy.');
    expect((await admin.get(`/api/v1/sales-points/${id}`)).body.products.map((p: { productId: string }) => p.productId)).toEqual([a1, a2]);
  });

  it('shows an officer of another commune the point, counting but not naming the products outside their communes', async () => {
    expect((await admin.post(`/api/v1/sales-points/${id}/products`, { productIds: [saDecProduct] })).status).toBe(200);
    const seen = (await officerSaDec.get(`/api/v1/sales-points/${id}`)).body;
    expect(seen.products.map((p: { productId: string }) => p.productId)).toEqual([saDecProduct]);
    expect(seen.otherProductCount).toBe(2);
    expect(JSON.stringify(seen)).not.toContain('Hạt sen sấy');
    expect((await admin.get(`/api/v1/sales-points/${id}`)).body).toMatchObject({ otherProductCount: 0 });
  });

  it('lets the producer answer for itself, dated today and signed by its account', async () => {
    const res = await producer.put(`/api/v1/sales-points/${id}/products/${a1}/consent`, { consent: 'given', consentOn: '2020-01-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ productId: a1, consent: 'given', consentOn: TODAY });
    const history = await audits(`${id}:${a1}`);
    expect(history.at(-1)).toMatchObject({ action: 'update', actorUserId: producerUserId });
    expect(history.at(-1)!.after).toMatchObject({ consent: 'given', consentOn: TODAY, consentBy: producerUserId });
    // The points that carry its product, as the producer sees them.
    const mine = await producer.get(`/api/v1/products/${a1}/sales-points`);
    expect(mine.body.items).toEqual([expect.objectContaining({ salesPointId: id, name: 'Trung tâm OCOP Tháp Mười', consent: 'given', consentOn: TODAY })]);
    expect((await producerB.get(`/api/v1/products/${a1}/sales-points`)).status).toBe(404);
  });

  it('has the office record a signed paper with its date: required, and not after today', async () => {
    const url = `/api/v1/sales-points/${id}/products/${a2}/consent`;
    const missing = await admin.put(url, { consent: 'given' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toEqual(['consentOn']);
    const tomorrow = await officerA.put(url, { consent: 'given', consentOn: '2027-06-21' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.fields.consentOn).toBe('Ngày này chưa đến; chỉ ghi việc đã diễn ra.');
    expect(await carriedAt(id, a2)).toMatchObject({ consent: 'pending', consentOn: null });
    expect((await officerA.put(url, { consent: 'refused', consentOn: TODAY })).body).toMatchObject({ consent: 'refused', consentOn: TODAY });
    expect((await admin.put(url, { consent: 'given', consentOn: '2027-06-19' })).body).toMatchObject({ consent: 'given', consentOn: '2027-06-19' });
  });

  it('answers another producer, and an officer of another commune, as if the product were not there', async () => {
    const url = `/api/v1/sales-points/${id}/products/${a1}/consent`;
    for (const c of [producerB, officerSaDec]) {
      const res = await c.put(url, { consent: 'refused', consentOn: TODAY });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('Không tìm thấy sản phẩm tại điểm bán.');
    }
    // Producer A's own product at a point that does not carry it.
    const other = (await admin.post('/api/v1/sales-points', point({ name: 'Điểm bán không có hạt sen' }))).body.id;
    expect((await producer.put(`/api/v1/sales-points/${other}/products/${a1}/consent`, { consent: 'given' })).status).toBe(404);
    expect(await carriedAt(id, a1)).toMatchObject({ consent: 'given', consentOn: TODAY });
  });

  it('shows a product where to buy it only once its producer consented, and only at an open point', async () => {
    const id2 = (await admin.post('/api/v1/sales-points', point({ name: 'Điểm bán OCOP bến xe Tháp Mười', locationType: 'transport_hub' }))).body.id;
    await admin.post(`/api/v1/sales-points/${id2}/products`, { productIds: [a1] });
    const shown = async () => ((await producer.get(`/api/v1/products/${a1}/where-to-buy`)).body.salesPoints as { name: string }[]).map((p) => p.name);
    expect(await shown()).toEqual(['Trung tâm OCOP Tháp Mười']);
    await producer.put(`/api/v1/sales-points/${id2}/products/${a1}/consent`, { consent: 'given' });
    expect(await shown()).toEqual(['Điểm bán OCOP bến xe Tháp Mười', 'Trung tâm OCOP Tháp Mười']);
    await producer.put(`/api/v1/sales-points/${id2}/products/${a1}/consent`, { consent: 'refused' });
    expect(await shown()).toEqual(['Trung tâm OCOP Tháp Mười']);
    await producer.put(`/api/v1/sales-points/${id2}/products/${a1}/consent`, { consent: 'given' });
    await admin.put(`/api/v1/sales-points/${id2}`, point({ name: 'Điểm bán OCOP bến xe Tháp Mười', status: 'suspended' }));
    expect(await shown()).toEqual(['Trung tâm OCOP Tháp Mười']);
  });

  it('takes a product off a point, with its audit entry; only the point’s keepers may', async () => {
    const url = `/api/v1/sales-points/${id}/products/${a2}`;
    expect((await officerSaDec.delete(url)).status).toBe(403);
    const res = await officerA.delete(url);
    expect(res.status).toBe(200);
    expect(res.body.products.map((p: { productId: string }) => p.productId)).not.toContain(a2);
    expect(res.body.products.map((p: { productId: string }) => p.productId)).toContain(a1);
    expect((await officerA.delete(url)).status).toBe(404);
    expect((await audits(`${id}:${a2}`)).at(-1)).toMatchObject({ action: 'delete', before: expect.objectContaining({ consent: 'given' }) });
  });
});

describe('the sales points list as a file', () => {
  it('exports the list’s rows with its filters, Vietnamese headers and the point’s code, in XLSX and CSV', async () => {
    await admin.post(
      '/api/v1/sales-points',
      point({
        name: 'Quầy OCOP siêu thị Sa Đéc',
        kind: 'supermarket_counter',
        communeCode: '29905',
        externalCode: 'SD-07',
        openedOn: '2025-12-01',
        checklist: { location: true },
      }),
    );
    const res = await officerSaDec.get('/api/v1/sales-points/export?format=xlsx&communeCode=29905');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 10)).toEqual([
      'Mã điểm bán',
      'Tên điểm bán',
      'Loại điểm bán',
      'Đơn vị vận hành',
      'Địa chỉ',
      'Vị trí',
      'Mã xã',
      'Xã, phường',
      'Tỉnh, thành phố khác',
      'Vĩ độ',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 3)).toEqual(['SD-07', 'Quầy OCOP siêu thị Sa Đéc', 'Quầy trong siêu thị']);
    expect(row[headers.indexOf('Ngày khai trương')]).toEqual(new Date('2025-12-01T00:00:00Z'));
    expect(row[headers.indexOf('Trạng thái')]).toBe('Đang hoạt động');

    const csv = await admin.get('/api/v1/sales-points/export?format=csv&communeCode=30226');
    const [head, ...rows] = parseCsv(csv.raw.toString('utf8').slice(1));
    expect(head![1]).toBe('Tên điểm bán');
    expect(rows.map((r) => r[1])).toEqual(['Ăn ngon Lai Vung', 'Cửa hàng đặc sản An Hòa', 'Dừa sáp Lai Vung', 'Đồng Tháp Xanh']);
    expect(rows[0]![head!.indexOf('Vị trí')]).toBe('Trong tỉnh');
    expect((await producer.get('/api/v1/sales-points/export')).status).toBe(403);
  });
});
