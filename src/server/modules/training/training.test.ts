import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../domain/imports/sheets.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { parseCsv } from '../../../../test/support/csv.js';

/**
 * Training courses: who keeps them (the office; a commune's officer for courses held there), their
 * dates, and the producers who attended, who alone see them among the producers.
 */
let t: TestApp;
let admin: Client;
let officerThapMuoi: Client;
let officerSadec: Client;
let producerA: Client;
let subjectA: string;
let subjectB: string;
const TODAY = '2027-06-20';
const RANDOM_ID = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';

const course = (over: Record<string, unknown> = {}) => ({
  topic: 'Tập huấn bán hàng trên sàn thương mại điện tử',
  startsOn: '2027-05-10',
  endsOn: '2027-05-12',
  place: 'Hội trường UBND xã',
  communeCode: '30037',
  organiser: 'Sở Công Thương',
  trainers: 'ThS. Nguyễn Văn A',
  participants: 30,
  attendees: [
    { subjectId: subjectA, people: 2 },
    { subjectId: subjectB, people: 3 },
  ],
  ...over,
});
const countCourses = async () => (await t.database.db.query.trainingCourses.findMany()).length;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2027-06-20T03:00:00Z') });
  admin = await t.client(DEMO.admin);
  officerSadec = await t.client(DEMO.officer);
  producerA = await t.client(DEMO.producer);
  const officer = await admin.post('/api/v1/users', {
    email: 'thapmuoi@example.vn',
    fullName: 'Cán bộ Tháp Mười',
    role: 'officer',
    communeCodes: ['30037'],
    password: 'dong-sen-nam-bay-2027',
  });
  expect(officer.status, JSON.stringify(officer.body)).toBe(201);
  officerThapMuoi = await t.client('thapmuoi@example.vn', 'dong-sen-nam-bay-2027');
  subjectA = (await producerA.get('/api/v1/auth/me')).body.user.subjectId;
  subjectB = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id;
});
afterAll(() => t.close());

describe('training courses', () => {
  it('are recorded with their attendees, changed (attendees replaced) and removed, each with its audit entry', async () => {
    const created = await officerThapMuoi.post('/api/v1/training', course({ externalCode: 'LTH-01' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ communeCode: '30037', participants: 30, externalCode: 'LTH-01', provinceCode: '82' });
    expect(created.body.attendees).toEqual(
      expect.arrayContaining([
        { subjectId: subjectA, subjectName: 'Hợp tác xã Sen Tháp Mười', people: 2 },
        { subjectId: subjectB, subjectName: 'Công ty TNHH Bánh phồng tôm Sa Giang', people: 3 },
      ]),
    );
    const id = created.body.id;
    const changed = await officerThapMuoi.put(
      `/api/v1/training/${id}`,
      course({ participants: 12, attendees: [{ subjectId: subjectB, people: 4 }], externalCode: 'LTH-01' }),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.attendees).toEqual([{ subjectId: subjectB, subjectName: 'Công ty TNHH Bánh phồng tôm Sa Giang', people: 4 }]);
    expect((await t.database.db.query.trainingAttendees.findMany({ where: (a, { eq }) => eq(a.courseId, id) })).map((a) => a.subjectId)).toEqual([subjectB]);
    expect((await officerThapMuoi.delete(`/api/v1/training/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/training/${id}`)).status).toBe(404);
    expect(await t.database.db.query.trainingAttendees.findMany({ where: (a, { eq }) => eq(a.courseId, id) })).toEqual([]);
    const audit = await t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, id), orderBy: (a, { asc }) => [asc(a.id)] });
    expect(audit.map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'training_course'],
      ['update', 'training_course'],
      ['delete', 'training_course'],
    ]);
    expect((audit[1]!.before as { attendees: unknown[] }).attendees).toHaveLength(2);
    expect((audit[1]!.after as { attendees: unknown[] }).attendees).toEqual([{ subjectId: subjectB, people: 4 }]);
  });

  it('end on or after their start (the same day is fine)', async () => {
    const before = await countCourses();
    const res = await admin.post('/api/v1/training', course({ startsOn: '2027-05-10', endsOn: '2027-05-09' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ endsOn: 'Ngày kết thúc không được trước ngày bắt đầu.' });
    expect(await countCourses()).toBe(before);
    expect((await admin.post('/api/v1/training', course({ startsOn: '2027-05-10', endsOn: '2027-05-10' }))).status).toBe(201);
  });

  it('may be entered ahead, but with participants and attendees only once started', async () => {
    const before = await countCourses();
    const ahead = await admin.post('/api/v1/training', course({ startsOn: '2027-06-21', endsOn: '2027-06-22' }));
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.fields).toEqual({
      participants: 'Lớp chưa khai giảng: chỉ ghi số học viên khi lớp đã bắt đầu.',
      attendees: 'Lớp chưa khai giảng: chỉ ghi chủ thể tham dự khi lớp đã bắt đầu.',
    });
    expect(await countCourses()).toBe(before);
    const planned = await admin.post('/api/v1/training', course({ startsOn: '2027-06-21', endsOn: '2027-06-22', participants: 0, attendees: [] }));
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect((await admin.post('/api/v1/training', course({ startsOn: TODAY, endsOn: '2027-06-22' }))).status).toBe(201);
  });

  it('count at least the people the producers sent; attendees are known producers of the province, each once', async () => {
    const before = await countCourses();
    const few = await admin.post('/api/v1/training', course({ participants: 4 }));
    expect(few.body.error.fields).toEqual({ participants: 'Số học viên (4) ít hơn tổng số người các chủ thể cử đi (5).' });
    const unknown = await admin.post('/api/v1/training', course({ attendees: [{ subjectId: RANDOM_ID, people: 1 }] }));
    expect(unknown.body.error).toMatchObject({
      fields: { attendees: 'Danh sách chủ thể tham dự có chủ thể không hợp lệ hoặc trùng.' },
      details: ['attendees.0: không có chủ thể này trong tỉnh / no such subject in the province'],
    });
    const twice = await admin.post('/api/v1/training', course({ attendees: [{ subjectId: subjectA }, { subjectId: subjectA }] }));
    expect(twice.body.error.details).toEqual(['attendees.1: chủ thể đã có trong danh sách / subject listed twice']);
    const outside = await admin.post('/api/v1/training', course({ communeCode: '00004' }));
    expect(outside.body.error.fields).toEqual({ communeCode: 'Xã/phường mã 00004 không thuộc tỉnh.' });
    expect(await countCourses()).toBe(before);
    expect((await admin.post('/api/v1/training', course({ participants: 5 }))).status).toBe(201);
  });

  it('are kept by the officer of the commune they are held in, and read by the other officers', async () => {
    const before = await countCourses();
    expect((await officerSadec.post('/api/v1/training', course())).status).toBe(403);
    expect((await officerThapMuoi.post('/api/v1/training', course({ communeCode: null }))).status).toBe(403);
    expect(await countCourses()).toBe(before);
    const id = (await officerThapMuoi.post('/api/v1/training', course({ topic: 'Tập huấn truy xuất nguồn gốc' }))).body.id;
    expect((await officerSadec.put(`/api/v1/training/${id}`, course())).status).toBe(403);
    expect((await officerSadec.delete(`/api/v1/training/${id}`)).status).toBe(403);
    const read = await officerSadec.get(`/api/v1/training/${id}`);
    expect(read.status).toBe(200);
    // Officer Sa Đéc sees among the attendees the producer of their communes, not producer A.
    expect(read.body.attendees).toEqual([{ subjectId: subjectB, subjectName: 'Công ty TNHH Bánh phồng tôm Sa Giang', people: 3 }]);
    expect(read.body.participants).toBe(30);
    expect((await officerSadec.get('/api/v1/training?pageSize=200')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    // A province-wide course is the office's.
    expect((await admin.post('/api/v1/training', course({ communeCode: null, place: 'Trung tâm Hội nghị tỉnh' }))).body.communeName).toBeNull();
  });

  it('are shown to a producer when it attended, with itself alone among the attendees', async () => {
    const attended = (await admin.post('/api/v1/training', course({ topic: 'Tập huấn thiết kế bao bì' }))).body.id;
    const missed = (await admin.post('/api/v1/training', course({ topic: 'Tập huấn an toàn thực phẩm', attendees: [{ subjectId: subjectB, people: 2 }] }))).body
      .id;
    const list = (await producerA.get('/api/v1/training?pageSize=200')).body;
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(attended);
    expect(ids).not.toContain(missed);
    expect(list.items.find((c: { id: string }) => c.id === attended).producerCount).toBe(2);
    expect((await producerA.get(`/api/v1/training/${attended}`)).body.attendees).toEqual([
      { subjectId: subjectA, subjectName: 'Hợp tác xã Sen Tháp Mười', people: 2 },
    ]);
    expect((await producerA.get(`/api/v1/training/${missed}`)).status).toBe(404);
    expect((await producerA.post('/api/v1/training', course())).status).toBe(403);
    expect((await producerA.put(`/api/v1/training/${attended}`, course())).status).toBe(403);
    // Filtering on another producer finds nothing for it, nor for an officer who does not keep that producer.
    expect((await producerA.get(`/api/v1/training?subjectId=${subjectB}`)).body.total).toBe(0);
    expect((await officerSadec.get(`/api/v1/training?subjectId=${subjectA}`)).body.total).toBe(0);
    expect((await officerThapMuoi.get(`/api/v1/training?subjectId=${subjectA}`)).body.total).toBe((await producerA.get('/api/v1/training')).body.total);
  });

  it('are listed by year of start and an accent-free search, and exported with the same filters', async () => {
    await admin.post(
      '/api/v1/training',
      course({ topic: 'Lớp đào tạo quản trị hợp tác xã', startsOn: '2026-10-05', endsOn: '2026-10-06', externalCode: 'LTH-2026' }),
    );
    const of2026 = (await admin.get('/api/v1/training?year=2026')).body;
    expect(of2026.items.map((c: { topic: string }) => c.topic)).toEqual(['Lớp đào tạo quản trị hợp tác xã']);
    expect((await admin.get(`/api/v1/training?q=${encodeURIComponent('quan tri hop tac')}`)).body.total).toBe(1);
    const res = await admin.get('/api/v1/training/export?format=csv&year=2026');
    expect(res.status).toBe(200);
    const [head, ...rows] = parseCsv(res.raw.toString('utf8').slice(1));
    expect(head![0]).toBe('Mã lớp');
    expect(matchHeaders('trainingCourses', head!).missing).toEqual([]);
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![head!.indexOf(name)];
    expect([cell('Mã lớp'), cell('Từ ngày'), cell('Đến ngày'), cell('Xã, phường'), cell('Số học viên'), cell('Số chủ thể cử người tham dự')]).toEqual([
      'LTH-2026',
      '05/10/2026',
      '06/10/2026',
      '30037',
      '30',
      '2',
    ]);
    const mine = parseCsv((await producerA.get('/api/v1/training/export?format=csv')).raw.toString('utf8').slice(1));
    expect(mine.length - 1).toBe((await producerA.get('/api/v1/training')).body.total);
  });
});
