import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipart } from '../../../../test/support/multipart.js';

/**
 * Trade events: fairs, exhibitions, culture and tourism weeks and supply–demand conferences, their
 * participants (replaced as a whole), their figures (only once held) and their photos. Today is
 * 20/06/2027 (Vietnam time).
 */

let t: TestApp;
let admin: Client;
/** Officer of commune 30037, producer A's. */
let officerA: Client;
/** canbo.sadec@ocop.demo: officer of communes 29905 and 30226. */
let officerSaDec: Client;
let subjectA: string;
let subjectB: string;
let a1: string;
let a2: string;
let productB: string;
let subject01: string;
const now = new Date('2027-06-20T03:00:00Z');
const TODAY = '2027-06-20';
const PASSWORD = 'hoi-cho-ocop-2027';

const event = (over: Record<string, unknown> = {}) => ({
  name: 'Hội chợ nông sản Tháp Mười',
  kind: 'fair',
  startsOn: '2027-05-10',
  endsOn: '2027-05-14',
  placement: 'in_province',
  communeCode: '30037',
  ...over,
});
const audits = (entityId: string) =>
  t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => asc(a.id) });
const eventCount = async () => (await admin.get('/api/v1/trade-events?pageSize=1')).body.total as number;
const png = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#264653' } })
    .png()
    .toBuffer();
async function upload(c: Client, eventId: string, data: Buffer, filename = 'hoi-cho.png') {
  const { payload, headers } = multipart({}, { name: filename, data });
  return c.request('POST', `/api/v1/trade-events/${eventId}/photos`, payload, { headers });
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officerSaDec = await t.client(DEMO.officer);
  const producer = await t.client(DEMO.producer);
  subjectA = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
  await admin.post('/api/v1/users', {
    email: 'canbo.thapmuoi@example.vn',
    fullName: 'Cán bộ Tháp Mười',
    role: 'officer',
    communeCodes: ['30037'],
    password: PASSWORD,
  });
  officerA = await t.client('canbo.thapmuoi@example.vn', PASSWORD);
  const own = (await producer.get('/api/v1/products?pageSize=100')).body.items as { id: string; name: string }[];
  const idOf = (name: string) => own.find((p) => p.name === name)!.id;
  [a1, a2] = [idOf('Hạt sen sấy'), idOf('Trà tim sen')];
  subjectB = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id;
  productB = (await admin.get(`/api/v1/products?subjectId=${subjectB}`)).body.items[0].id;
  // A subject of another province, registered by the ministry's office.
  const ministry = await t.client('bo.ocop@ocop.demo');
  subject01 = (
    await ministry.post('/api/v1/subjects', { name: 'Hợp tác xã Gốm Bát Tràng', legalForm: 'HTX', communeCode: '00004', representativeName: 'Lê Văn Gốm' })
  ).body.id;
});
afterAll(() => t.close());

describe('trade events', () => {
  it('records an event with its participants, changes and deletes it, each with its audit entry', async () => {
    const created = await admin.post(
      '/api/v1/trade-events',
      event({
        name: ' Hội chợ   OCOP Đồng Tháp 2027 ',
        organiser: 'Sở Công Thương',
        booths: 120,
        visitors: 15000,
        revenueVnd: 950_000_000,
        contracts: 14,
        externalCode: 'HC-2027-01',
        participants: [
          { subjectId: subjectA, productIds: [a1, a2, a1], booths: 2, revenueVnd: 35_000_000 },
          { subjectId: subjectB, productIds: [productB] },
        ],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Hội chợ OCOP Đồng Tháp 2027',
      provinceCode: '82',
      communeName: 'Tháp Mười',
      visitors: 15000,
      revenueVnd: 950_000_000,
      otherParticipantCount: 0,
      photos: [],
    });
    const byName = Object.fromEntries(created.body.participants.map((p: { subjectId: string }) => [p.subjectId, p]));
    expect(byName[subjectA]).toMatchObject({
      booths: 2,
      revenueVnd: 35_000_000,
      products: [
        { productId: a1, productName: 'Hạt sen sấy' },
        { productId: a2, productName: 'Trà tim sen' },
      ],
    });
    expect(byName[subjectB].products.map((p: { productId: string }) => p.productId)).toEqual([productB]);
    const id = created.body.id;

    // The participants are replaced as a whole.
    const updated = await admin.put(
      `/api/v1/trade-events/${id}`,
      event({ name: 'Hội chợ OCOP Đồng Tháp 2027', participants: [{ subjectId: subjectA, productIds: [a2] }] }),
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.participants).toEqual([
      {
        subjectId: subjectA,
        subjectName: 'Hợp tác xã Sen Tháp Mười',
        booths: null,
        revenueVnd: null,
        products: [{ productId: a2, productName: 'Trà tim sen' }],
      },
    ]);
    expect(updated.body).toMatchObject({ visitors: null, revenueVnd: null, externalCode: null });
    const list = (await admin.get(`/api/v1/trade-events?q=${encodeURIComponent('hoi cho ocop dong thap')}`)).body.items;
    expect(list).toEqual([expect.objectContaining({ id, participantCount: 1, productCount: 1 })]);

    // A change refused for one participant changes nothing of the event.
    const refused = await admin.put(
      `/api/v1/trade-events/${id}`,
      event({ name: 'Tên mới', participants: [{ subjectId: subjectB }, { subjectId: subject01 }] }),
    );
    expect(refused.status).toBe(400);
    expect((await admin.get(`/api/v1/trade-events/${id}`)).body).toMatchObject({
      name: 'Hội chợ OCOP Đồng Tháp 2027',
      participants: [expect.objectContaining({ subjectId: subjectA })],
    });

    expect((await admin.delete(`/api/v1/trade-events/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/trade-events/${id}`)).status).toBe(404);
    const history = await audits(id);
    expect(history.map((h) => [h.action, h.entityType])).toEqual([
      ['create', 'trade_event'],
      ['update', 'trade_event'],
      ['delete', 'trade_event'],
    ]);
    expect((history[1]!.before as { participants: unknown[] }).participants).toHaveLength(2);
    expect((history[1]!.after as { participants: unknown[] }).participants).toEqual([
      { subjectId: subjectA, booths: null, revenueVnd: null, productIds: [a2] },
    ]);
  });

  it('refuses an event ending before it starts, or placed wrongly, with the field at fault, and writes nothing', async () => {
    const before = await eventCount();
    const refused = async (body: Record<string, unknown>, fields: string[]) => {
      const res = await admin.post('/api/v1/trade-events', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields).sort(), JSON.stringify(body)).toEqual(fields);
      return res.body.error.fields;
    };
    expect((await refused(event({ startsOn: '2027-05-10', endsOn: '2027-05-09' }), ['endsOn'])).endsOn).toBe('Ngày kết thúc không được trước ngày bắt đầu.');
    expect((await refused(event({ communeCode: '00004' }), ['communeCode'])).communeCode).toBe('Xã, phường này không thuộc tỉnh.');
    await refused(event({ placement: 'abroad', communeCode: null }), ['country']);
    await refused(event({ placement: 'abroad', communeCode: null, country: '  ' }), ['country']);
    await refused(event({ placement: 'other_province', communeCode: null, otherProvinceCode: '82' }), ['otherProvinceCode']);
    await refused(event({ placement: 'other_province', communeCode: null }), ['otherProvinceCode']);
    await refused(event({ placement: 'other_province', communeCode: null, otherProvinceCode: '99' }), ['otherProvinceCode']);
    const money = await admin.post('/api/v1/trade-events', event({ revenueVnd: -1, booths: 1.5 }));
    expect(money.status).toBe(400);
    expect(money.body.error.code).toBe('validation_failed');
    expect(Object.keys(money.body.error.fields).sort()).toEqual(['booths', 'revenueVnd']);
    const participantMoney = await admin.post('/api/v1/trade-events', event({ participants: [{ subjectId: subjectA, revenueVnd: -500 }] }));
    expect(Object.keys(participantMoney.body.error.fields)).toEqual(['participants.0.revenueVnd']);
    expect(await eventCount()).toBe(before);

    const abroad = await admin.post(
      '/api/v1/trade-events',
      event({ placement: 'abroad', communeCode: null, country: 'Nhật Bản', name: 'Tuần hàng Việt Nam tại Osaka' }),
    );
    expect(abroad.body).toMatchObject({ placement: 'abroad', country: 'Nhật Bản', communeCode: null });
    const hcm = await admin.post(
      '/api/v1/trade-events',
      event({ placement: 'other_province', communeCode: null, otherProvinceCode: '79', name: 'Hội chợ OCOP tại TP.HCM' }),
    );
    expect(hcm.body).toMatchObject({ placement: 'other_province', otherProvinceCode: '79' });
  });

  it('takes an event ahead of time, but its figures only once it has ended: yesterday yes, today and tomorrow no', async () => {
    const figures = { visitors: 3000, revenueVnd: 120_000_000, contracts: 4 };
    expect((await admin.post('/api/v1/trade-events', event({ name: 'Hội chợ sắp tới', startsOn: '2027-09-01', endsOn: '2027-09-05' }))).status).toBe(201);
    for (const [endsOn, status] of [
      ['2027-06-19', 201],
      [TODAY, 400],
      ['2027-06-21', 400],
    ] as const) {
      const res = await admin.post('/api/v1/trade-events', event({ name: `Hội chợ kết thúc ${endsOn}`, startsOn: '2027-06-15', endsOn, ...figures }));
      expect(res.status, endsOn).toBe(status);
      if (status === 400) {
        expect(Object.keys(res.body.error.fields).sort()).toEqual(['contracts', 'revenueVnd', 'visitors']);
        expect(res.body.error.fields.visitors).toBe('Sự kiện chưa kết thúc; chỉ ghi số liệu này sau ngày kết thúc.');
      }
    }
    const participantRevenue = await admin.post(
      '/api/v1/trade-events',
      event({ startsOn: '2027-06-18', endsOn: TODAY, booths: 30, participants: [{ subjectId: subjectA, booths: 1, revenueVnd: 2_000_000 }] }),
    );
    expect(Object.keys(participantRevenue.body.error.fields)).toEqual(['participants.0.revenueVnd']);
  });

  it('takes as participants only subjects of the province the caller sees, each once, showing its own products', async () => {
    const before = await eventCount();
    const fieldsOf = async (c: Client, participants: unknown[]) => {
      const res = await c.post('/api/v1/trade-events', event({ participants }));
      expect(res.status).toBe(400);
      return res.body.error.fields;
    };
    expect(await fieldsOf(admin, [{ subjectId: '7d9e3f0a-5b2c-4e1d-9a8b-1c2d3e4f5a6b' }])).toEqual({
      'participants.0.subjectId': 'Không tìm thấy chủ thể này trong tỉnh.',
    });
    expect(await fieldsOf(admin, [{ subjectId: subject01 }])).toEqual({ 'participants.0.subjectId': 'Không tìm thấy chủ thể này trong tỉnh.' });
    expect(await fieldsOf(admin, [{ subjectId: subjectA, productIds: [a1, productB] }])).toEqual({
      'participants.0.productIds': 'Chỉ chọn sản phẩm của chính chủ thể này.',
    });
    expect(await fieldsOf(admin, [{ subjectId: subjectA }, { subjectId: subjectB }, { subjectId: subjectA }])).toEqual({
      'participants.2.subjectId': 'Chủ thể đã có trong danh sách.',
    });
    // The officer of Tháp Mười does not see Sa Đéc's producers: the same answer as for none.
    expect(await fieldsOf(officerA, [{ subjectId: subjectB }])).toEqual({ 'participants.0.subjectId': 'Không tìm thấy chủ thể này trong tỉnh.' });
    expect(await eventCount()).toBe(before);
  });

  it('keeps an officer to the events of their communes, and shows them only the participants they see', async () => {
    const id = (
      await admin.post(
        '/api/v1/trade-events',
        event({ name: 'Phiên chợ sen Tháp Mười', kind: 'supply_demand', participants: [{ subjectId: subjectA, productIds: [a1] }, { subjectId: subjectB }] }),
      )
    ).body.id;
    const seen = (await officerSaDec.get(`/api/v1/trade-events/${id}`)).body;
    expect(seen.participants.map((p: { subjectId: string }) => p.subjectId)).toEqual([subjectB]);
    expect(seen.otherParticipantCount).toBe(1);
    expect(JSON.stringify(seen)).not.toContain('Hạt sen sấy');
    expect((await officerSaDec.put(`/api/v1/trade-events/${id}`, event({ name: 'Đổi tên' }))).status).toBe(403);
    expect((await officerSaDec.delete(`/api/v1/trade-events/${id}`)).status).toBe(403);
    expect((await officerSaDec.post('/api/v1/trade-events', event())).status).toBe(403);
    expect((await (await t.client(DEMO.producer)).get(`/api/v1/trade-events/${id}`)).status).toBe(403);

    // The commune's officer replaces the participants it sees; producer B, whom it does not see, stays.
    const res = await officerA.put(
      `/api/v1/trade-events/${id}`,
      event({ name: 'Phiên chợ sen Tháp Mười', kind: 'supply_demand', participants: [{ subjectId: subjectA, productIds: [a2] }] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      otherParticipantCount: 1,
      participants: [expect.objectContaining({ subjectId: subjectA, products: [{ productId: a2, productName: 'Trà tim sen' }] })],
    });
    const all = (await admin.get(`/api/v1/trade-events/${id}`)).body.participants.map((p: { subjectId: string; products: { productId: string }[] }) => [
      p.subjectId,
      p.products.map((x) => x.productId),
    ]);
    expect(all).toEqual(
      expect.arrayContaining([
        [subjectA, [a2]],
        [subjectB, []],
      ]),
    );
    expect(all).toHaveLength(2);
    // Nor may the commune's officer move the event out of their communes.
    expect((await officerA.put(`/api/v1/trade-events/${id}`, event({ communeCode: '29905' }))).status).toBe(403);
  });

  it('lists the province’s events newest first, by year, kind, placement and words of the name', async () => {
    await admin.post(
      '/api/v1/trade-events',
      event({ name: 'Triển lãm sản phẩm làng nghề 2026', kind: 'exhibition', startsOn: '2026-11-02', endsOn: '2026-11-06' }),
    );
    await admin.post(
      '/api/v1/trade-events',
      event({ name: 'Triển lãm hoa kiểng Sa Đéc', kind: 'exhibition', startsOn: '2027-01-10', endsOn: '2027-01-20', communeCode: '29905' }),
    );
    const names = async (query: string) =>
      ((await officerSaDec.get(`/api/v1/trade-events?pageSize=200&${query}`)).body.items as { name: string }[]).map((e) => e.name);
    expect(await names('kind=exhibition')).toEqual(['Triển lãm hoa kiểng Sa Đéc', 'Triển lãm sản phẩm làng nghề 2026']);
    expect(await names('kind=exhibition&year=2026')).toEqual(['Triển lãm sản phẩm làng nghề 2026']);
    expect(await names(`q=${encodeURIComponent('hoa kieng')}`)).toEqual(['Triển lãm hoa kiểng Sa Đéc']);
    expect(await names('placement=abroad')).toEqual(['Tuần hàng Việt Nam tại Osaka']);
    const startDates = ((await admin.get('/api/v1/trade-events?pageSize=200')).body.items as { startsOn: string }[]).map((e) => e.startsOn);
    expect(startDates).toEqual([...startDates].sort().reverse());
  });

  it('refuses a code of the province’s records already used by another event', async () => {
    expect((await admin.post('/api/v1/trade-events', event({ externalCode: 'HC-07' }))).status).toBe(201);
    const again = await admin.post('/api/v1/trade-events', event({ externalCode: 'HC-07', name: 'Sự kiện khác' }));
    expect(again.status).toBe(409);
    expect(again.body.error.fields.externalCode).toBe('Mã sự kiện "HC-07" đã có.');
  });
});

describe('photos of an event', () => {
  it('stores a photo checked by content with its thumbnail, serves it to the event’s readers, and removes it', async () => {
    const id = (await admin.post('/api/v1/trade-events', event({ name: 'Hội chợ có ảnh' }))).body.id;
    const res = await upload(officerA, id, await png());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const photo = res.body.photos[0];
    expect(photo).toMatchObject({ width: 900, height: 600, url: `/api/v1/trade-events/${id}/photos/${photo.id}` });
    const full = await officerSaDec.get(photo.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    const thumb = await officerSaDec.get(photo.thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumb.raw).metadata()).width).toBe(400);
    expect((await (await t.client(DEMO.producer)).get(photo.url)).status).toBe(403);
    expect((await (await t.client()).get(photo.url)).status).toBe(401);

    const fake = await upload(admin, id, Buffer.from('not an image at all'), 'anh.jpg');
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('unsupported_image');
    expect((await upload(officerSaDec, id, await png())).status).toBe(403);
    expect((await officerSaDec.delete(`/api/v1/trade-events/${id}/photos/${photo.id}`)).status).toBe(403);

    const removed = await officerA.delete(`/api/v1/trade-events/${id}/photos/${photo.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.photos).toEqual([]);
    expect((await admin.get(photo.url)).status).toBe(404);
    expect((await audits(photo.id)).map((h) => [h.action, h.entityType])).toEqual([
      ['create', 'trade_event_photo'],
      ['delete', 'trade_event_photo'],
    ]);
  });
});

describe('the events list as a file', () => {
  it('exports the list’s rows with its filters, Vietnamese headers and the event’s code', async () => {
    await admin.post(
      '/api/v1/trade-events',
      event({ name: 'Hội chợ xuất khẩu', externalCode: 'HC-2025-09', startsOn: '2025-09-01', endsOn: '2025-09-04', visitors: 800, revenueVnd: 1_500_000 }),
    );
    const res = await officerA.get('/api/v1/trade-events/export?format=xlsx&year=2025');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['Mã sự kiện', 'Tên sự kiện', 'Loại sự kiện', 'Từ ngày', 'Đến ngày']);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 5)).toEqual(['HC-2025-09', 'Hội chợ xuất khẩu', 'Hội chợ', new Date('2025-09-01T00:00:00Z'), new Date('2025-09-04T00:00:00Z')]);
    expect(row[headers.indexOf('Doanh thu (đồng)')]).toBe(1_500_000);
    expect(row[headers.indexOf('Lượt khách')]).toBe(800);
    expect((await (await t.client(DEMO.producer)).get('/api/v1/trade-events/export')).status).toBe(403);
  });
});
