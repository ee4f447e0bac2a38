import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type TestApp } from '../../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const valid = {
  name: '  Hợp tác xã   Hoa kiểng Tân Quy Đông ',
  legalForm: 'HTX',
  communeCode: '29905',
  taxCode: '0300588569',
  representativeName: 'Nguyễn Văn An',
  representativeGender: 'male',
  representativeEthnicity: 'Kinh',
  phone: '+84 918 123 456',
  email: 'htx.hoakieng@example.vn',
  foundedOn: '2015-03-20',
  workforceTotal: 20,
  workforceLocal: 18,
  workforceWomen: 9,
};

describe('subjects: listing and search', () => {
  it('lists the province’s subjects in Vietnamese alphabetical order for the admin', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.get('/api/v1/subjects?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(10);
    const names: string[] = res.body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it('finds subjects accent-insensitively', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.get(`/api/v1/subjects?q=${encodeURIComponent('quyt hong')}`);
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(['Hợp tác xã Quýt hồng Lai Vung']);
  });

  it('filters by legal form and commune, and paginates', async () => {
    const c = await t.client(DEMO.admin);
    const htx = await c.get('/api/v1/subjects?legalForm=HTX');
    expect(htx.body.items.every((s: { legalForm: string }) => s.legalForm === 'HTX')).toBe(true);
    const sadec = await c.get('/api/v1/subjects?communeCode=29905');
    expect(sadec.body.items.every((s: { communeCode: string }) => s.communeCode === '29905')).toBe(true);
    const page2 = await c.get('/api/v1/subjects?pageSize=3&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 10 });
    expect(page2.body.items).toHaveLength(3);
  });

  it('shows an officer only the communes assigned, and a producer only its own subject', async () => {
    const officer = await t.client(DEMO.officer);
    const mine = await officer.get('/api/v1/subjects?pageSize=100');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((s: { communeCode: string }) => ['29905', '30226'].includes(s.communeCode))).toBe(true);
    const producer = await t.client(DEMO.producer);
    const own = await producer.get('/api/v1/subjects');
    expect(own.body.items.map((s: { name: string }) => s.name)).toEqual(['Hợp tác xã Sen Tháp Mười']);
  });

  it('refuses anonymous callers (401) and council members (403)', async () => {
    expect((await (await t.client()).get('/api/v1/subjects')).status).toBe(401);
    expect((await (await t.client(DEMO.council)).get('/api/v1/subjects')).status).toBe(403);
  });

  it('rejects a bad query with 400', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.get('/api/v1/subjects?pageSize=5000&legalForm=XYZ');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['querystring.legalForm', 'querystring.pageSize']);
  });
});

describe('subjects: create, update, delete, history', () => {
  it('creates a subject with normalised fields and an audit entry', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.post('/api/v1/subjects', valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Hợp tác xã Hoa kiểng Tân Quy Đông',
      phone: '0918123456',
      communeName: 'Sa Đéc',
      provinceCode: '82',
      productCount: 0,
    });
    const history = await c.get(`/api/v1/subjects/${res.body.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ action: 'create', actorLabel: DEMO.admin });
  });

  it('gives every field its own message, in Vietnamese or English', async () => {
    const c = await t.client(DEMO.admin);
    const bad = { ...valid, name: '', legalForm: 'XX', taxCode: '0300588568', phone: '12345', email: 'x@', barcode: undefined, workforceLocal: 50 };
    const vi = await c.post('/api/v1/subjects', bad);
    expect(vi.status).toBe(400);
    expect(Object.keys(vi.body.error.fields).sort()).toEqual(['email', 'legalForm', 'name', 'phone', 'taxCode', 'workforceLocal']);
    expect(vi.body.error.fields.workforceLocal).toBe('Số lao động địa phương không thể lớn hơn tổng số lao động.');
    c.lang = 'en';
    const en = await c.post('/api/v1/subjects', bad);
    expect(en.body.error.message).toBe('The input is invalid.');
    expect(en.body.error.fields.workforceLocal).toBe('Local workforce cannot exceed the total.');
  });

  it('refuses an unknown commune, and malformed JSON, with 400 and no write', async () => {
    const c = await t.client(DEMO.admin);
    const before = (await c.get('/api/v1/subjects')).body.total;
    const res = await c.post('/api/v1/subjects', { ...valid, communeCode: '99999' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_commune');
    const malformed = await c.request('POST', '/api/v1/subjects', '{"name": ', { headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    expect((await c.get('/api/v1/subjects')).body.total).toBe(before);
  });

  it('lets an officer register in an assigned commune only', async () => {
    const c = await t.client(DEMO.officer);
    // Without the tax code the first test registered: one code, one subject (subject-checks.test.ts).
    expect((await c.post('/api/v1/subjects', { ...valid, name: 'Tổ hợp tác A', communeCode: '30226', taxCode: null })).status).toBe(201);
    expect((await c.post('/api/v1/subjects', { ...valid, name: 'Tổ hợp tác B', communeCode: '30037' })).status).toBe(403);
  });

  it('lets a producer edit its own subject but not move it or open another (404)', async () => {
    const c = await t.client(DEMO.producer);
    const me = (await c.get('/api/v1/auth/me')).body.user;
    const own = (await c.get(`/api/v1/subjects/${me.subjectId}`)).body;
    const { id: _id, communeName: _cn, provinceCode: _p, productCount: _pc, createdAt: _c, updatedAt: _u, externalCode: _e, ...input } = own;
    const edited = await c.put(`/api/v1/subjects/${own.id}`, { ...input, address: 'Ấp Mới, xã Tháp Mười' });
    expect(edited.status).toBe(200);
    expect(edited.body.address).toBe('Ấp Mới, xã Tháp Mười');
    expect((await c.put(`/api/v1/subjects/${own.id}`, { ...input, communeCode: '29905' })).status).toBe(403);
    const admin = await t.client(DEMO.admin);
    const other = (await admin.get('/api/v1/subjects?q=quyt')).body.items[0];
    expect((await c.get(`/api/v1/subjects/${other.id}`)).status).toBe(404);
    expect((await c.put(`/api/v1/subjects/${other.id}`, input)).status).toBe(404);
    expect((await c.get('/api/v1/subjects/not-a-uuid')).status).toBe(400);
  });

  it('records before and after of an update in the history', async () => {
    const admin = await t.client(DEMO.admin);
    const s = (await admin.post('/api/v1/subjects', { ...valid, name: 'Cơ sở Bánh tráng Sa Đéc', taxCode: null })).body;
    const { id, communeName: _cn, provinceCode: _p, productCount: _pc, createdAt: _c, updatedAt: _u, externalCode: _e, ...input } = s;
    await admin.put(`/api/v1/subjects/${id}`, { ...input, workforceTotal: 25 });
    const history = (await admin.get(`/api/v1/subjects/${id}/history`)).body.items;
    expect(history[0].action).toBe('update');
    expect(history[0].changes).toEqual([{ field: 'workforceTotal', before: 20, after: 25 }]);
    const producer = await t.client(DEMO.producer);
    expect((await producer.get(`/api/v1/subjects/${id}/history`)).status).toBe(403);
  });

  it('deletes only subjects without products, admin only', async () => {
    const admin = await t.client(DEMO.admin);
    const withProducts = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0];
    const conflict = await admin.delete(`/api/v1/subjects/${withProducts.id}`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('subject_has_products');
    const empty = (await admin.post('/api/v1/subjects', { ...valid, name: 'Chủ thể tạm', taxCode: null })).body;
    const officer = await t.client(DEMO.officer);
    expect((await officer.delete(`/api/v1/subjects/${empty.id}`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/subjects/${empty.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/subjects/${empty.id}`)).status).toBe(404);
    const history = await admin.get(`/api/v1/subjects/${empty.id}/history`);
    expect(history.status).toBe(404); // the record is gone; its history stays in the audit log
  });
});
