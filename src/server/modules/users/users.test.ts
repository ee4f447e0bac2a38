import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.client(DEMO.admin);
});
afterAll(() => t.close());

describe('user administration', () => {
  it('is for admins only', async () => {
    expect((await (await t.client()).get('/api/v1/users')).status).toBe(401);
    for (const email of [DEMO.officer, DEMO.producer, DEMO.council]) {
      expect((await (await t.client(email)).get('/api/v1/users')).status).toBe(403);
    }
    const list = await admin.get('/api/v1/users');
    expect(list.body.total).toBe(4);
  });

  it('creates a producer account with a one-time password that must be changed', async () => {
    const subject = (await admin.get('/api/v1/subjects?q=nem%20lai%20vung')).body.items[0];
    const res = await admin.post('/api/v1/users', { email: 'Nem.BaHai@Example.vn', fullName: 'Nguyễn Thị Hai', role: 'producer', subjectId: subject.id });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'nem.bahai@example.vn',
      role: 'producer',
      subjectId: subject.id,
      subjectName: subject.name,
      provinceCode: '82',
    });
    expect(res.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const producer = await t.client('nem.bahai@example.vn', res.body.oneTimePassword);
    expect((await producer.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(true);
    const history = await t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, res.body.user.id) });
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history[0]!.after)).not.toContain('argon2'); // no password hash in the audit log
  });

  it('requires communes for an officer and a subject for a producer, in the province', async () => {
    const noScope = await admin.post('/api/v1/users', { email: 'a@example.vn', fullName: 'A', role: 'officer' });
    expect(noScope.status).toBe(400);
    expect(noScope.body.error.fields.communeCodes).toBe('Cán bộ xã phải được giao ít nhất một xã/phường.');
    const elsewhere = await admin.post('/api/v1/users', { email: 'b@example.vn', fullName: 'B', role: 'officer', communeCodes: ['00004'] });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('commune_outside_province');
    const noSubject = await admin.post('/api/v1/users', { email: 'c@example.vn', fullName: 'C', role: 'producer' });
    expect(noSubject.body.error.fields.subjectId).toBeDefined();
    const national = await admin.post('/api/v1/users', { email: 'd@example.vn', fullName: 'D', role: 'admin', provinceCode: null });
    expect(national.status).toBe(403);
    const otherProvince = await admin.post('/api/v1/users', { email: 'e@example.vn', fullName: 'E', role: 'council', provinceCode: '01' });
    expect(otherProvince.status).toBe(403);
  });

  it('refuses a duplicate e-mail with 409', async () => {
    const res = await admin.post('/api/v1/users', { email: DEMO.council, fullName: 'X', role: 'council', password: 'long-enough-pw' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.email).toBe('Email này đã có tài khoản.');
  });

  it('deactivates an account, which ends its sessions and blocks sign-in', async () => {
    const created = (
      await admin.post('/api/v1/users', {
        email: 'officer2@example.vn',
        fullName: 'Cán bộ 2',
        role: 'officer',
        communeCodes: ['29869'],
        password: 'tram-tra-su-ven-song',
      })
    ).body.user;
    const officer = await t.client('officer2@example.vn', 'tram-tra-su-ven-song');
    expect((await officer.get('/api/v1/subjects')).body.items.every((s: { communeCode: string }) => s.communeCode === '29869')).toBe(true);
    const res = await admin.put(`/api/v1/users/${created.id}`, { fullName: 'Cán bộ 2', role: 'officer', active: false, communeCodes: ['29869'] });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await officer.get('/api/v1/auth/me')).status).toBe(401);
    expect((await (await t.client()).post('/api/v1/auth/login', { email: 'officer2@example.vn', password: 'tram-tra-su-ven-song' })).status).toBe(401);
  });

  it('resets a password: a one-time password, old sessions ended', async () => {
    const council = await t.client(DEMO.council);
    const id = (await council.get('/api/v1/auth/me')).body.user.id;
    const res = await admin.post(`/api/v1/users/${id}/reset-password`, {});
    expect(res.status).toBe(200);
    expect((await council.get('/api/v1/auth/me')).status).toBe(401);
    await council.login(DEMO.council, res.body.oneTimePassword);
  });

  it('does not let an admin lock themself out', async () => {
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const res = await admin.put(`/api/v1/users/${me.id}`, { fullName: me.fullName, role: 'officer', active: true, communeCodes: ['29905'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('self_lockout');
  });

  it('answers 404 for an unknown account', async () => {
    expect((await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
