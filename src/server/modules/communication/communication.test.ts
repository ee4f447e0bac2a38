import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../domain/imports/sheets.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { parseCsv } from '../../../../test/support/csv.js';

/** Communication items: the office records them, published (not ahead of today) and with a link that opens a website. */
let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
const TODAY = '2027-06-20';

const item = (over: Record<string, unknown> = {}) => ({
  kind: 'tv',
  title: 'Phóng sự: Sản phẩm OCOP Đồng Tháp vươn xa',
  channel: 'Đài Phát thanh và Truyền hình Đồng Tháp',
  publishedOn: '2027-05-02',
  quantity: 2,
  url: 'https://thdt.vn/video/ocop-vuon-xa',
  ...over,
});
const countItems = async () => (await t.database.db.query.communicationItems.findMany()).length;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2027-06-20T03:00:00Z') });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer);
  producer = await t.client(DEMO.producer);
});
afterAll(() => t.close());

describe('communication items', () => {
  it('are recorded, changed and removed by the office, each with its audit entry', async () => {
    const created = await admin.post('/api/v1/communication', item({ externalCode: 'TT-01', url: ' https://thdt.vn/video/ocop-vuon-xa ' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ provinceCode: '82', kind: 'tv', quantity: 2, url: 'https://thdt.vn/video/ocop-vuon-xa', externalCode: 'TT-01' });
    const id = created.body.id;
    const changed = await admin.put(`/api/v1/communication/${id}`, item({ kind: 'article', title: 'Bài: OCOP Đồng Tháp', url: null, quantity: 1 }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'article', title: 'Bài: OCOP Đồng Tháp', url: null, quantity: 1, externalCode: null });
    expect((await admin.get(`/api/v1/communication/${id}`)).body.title).toBe('Bài: OCOP Đồng Tháp');
    expect((await admin.delete(`/api/v1/communication/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/communication/${id}`)).status).toBe(404);
    const audit = await t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, id), orderBy: (a, { asc }) => [asc(a.id)] });
    expect(audit.map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'communication_item'],
      ['update', 'communication_item'],
      ['delete', 'communication_item'],
    ]);
  });

  it('are published on or before today, in at least one copy, with a web link when one is given', async () => {
    const before = await countItems();
    const future = await admin.post('/api/v1/communication', item({ publishedOn: '2027-06-21' }));
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual({ publishedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
    const none = await admin.post('/api/v1/communication', item({ quantity: 0 }));
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields)).toEqual(['quantity']);
    for (const [url, message] of [
      ['thdt.vn/video', 'Đường dẫn không hợp lệ; nhập đầy đủ, bắt đầu bằng https://.'],
      ['javascript:alert(1)', 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.'],
      ['http://localhost/ocop', 'Đường dẫn phải có tên miền của một trang web.'],
    ]) {
      const res = await admin.post('/api/v1/communication', item({ url }));
      expect(res.status, url).toBe(400);
      expect(res.body.error.fields, url).toEqual({ url: message });
    }
    expect(await countItems()).toBe(before);
    expect((await admin.post('/api/v1/communication', item({ publishedOn: TODAY, url: '' }))).body).toMatchObject({ publishedOn: TODAY, url: null });
  });

  it('keep the province’s own code unique', async () => {
    expect((await admin.post('/api/v1/communication', item({ externalCode: 'TT-09' }))).status).toBe(201);
    const twice = await admin.post('/api/v1/communication', item({ externalCode: 'TT-09' }));
    expect(twice.body.error.fields).toEqual({ externalCode: 'Mã này đã dùng cho tin, bài khác.' });
  });

  it('are the office’s to write; officers read them, producers do not', async () => {
    const id = (await admin.post('/api/v1/communication', item({ title: 'Sổ tay OCOP 2027', kind: 'handbook', quantity: 500, url: null }))).body.id;
    const before = await countItems();
    expect((await officer.post('/api/v1/communication', item())).status).toBe(403);
    expect((await officer.put(`/api/v1/communication/${id}`, item())).status).toBe(403);
    expect((await officer.delete(`/api/v1/communication/${id}`)).status).toBe(403);
    expect(await countItems()).toBe(before);
    expect((await officer.get(`/api/v1/communication/${id}`)).status).toBe(200);
    expect((await officer.get('/api/v1/communication')).body.total).toBe(before);
    expect((await producer.get('/api/v1/communication')).status).toBe(403);
    expect((await producer.get(`/api/v1/communication/${id}`)).status).toBe(403);
  });

  it('are listed by year of publication, kind and an accent-free search, and exported with the same filters', async () => {
    await admin.post(
      '/api/v1/communication',
      item({ title: 'Pa-nô tuyên truyền OCOP tại Sa Đéc', kind: 'panel', publishedOn: '2026-12-01', url: null, externalCode: 'TT-2026-1' }),
    );
    const of2026 = (await admin.get('/api/v1/communication?year=2026')).body;
    expect(of2026.items.map((i: { title: string }) => i.title)).toEqual(['Pa-nô tuyên truyền OCOP tại Sa Đéc']);
    expect((await admin.get(`/api/v1/communication?q=${encodeURIComponent('TAI SA DEC')}`)).body.total).toBe(1);
    expect((await admin.get(`/api/v1/communication?q=${encodeURIComponent('tuyen truyen ocop')}`)).body.items[0].title).toBe(
      'Pa-nô tuyên truyền OCOP tại Sa Đéc',
    );
    expect((await admin.get('/api/v1/communication?kind=panel')).body.total).toBe(1);
    const tv = (await admin.get('/api/v1/communication?kind=tv&year=2027')).body.total;

    const res = await officer.get('/api/v1/communication/export?format=csv&year=2026');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="tuyen-truyen-truyen-thong-\d{4}-\d{2}-\d{2}\.csv"/);
    const [head, ...rows] = parseCsv(res.raw.toString('utf8').slice(1));
    expect(head!.slice(0, 3)).toEqual(['Mã tin bài', 'Loại', 'Tiêu đề']);
    expect(matchHeaders('communicationItems', head!).missing).toEqual([]);
    expect(rows).toEqual([
      ['TT-2026-1', 'Pa-nô, áp phích', 'Pa-nô tuyên truyền OCOP tại Sa Đéc', 'Đài Phát thanh và Truyền hình Đồng Tháp', '01/12/2026', '2', '', ''],
    ]);
    const tvRows = parseCsv((await admin.get('/api/v1/communication/export?format=csv&kind=tv&year=2027')).raw.toString('utf8').slice(1)).slice(1);
    expect(tvRows).toHaveLength(tv);
  });
});
