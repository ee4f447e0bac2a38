import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type TestApp } from '../../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite=Lax cookie, and /auth/me returns the user and role', async () => {
    const c = await t.client();
    const res = await c.post('/api/v1/auth/login', { email: 'ADMIN@ocop.demo ', password: DEMO.password });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/ocop_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; PUBLIC_URL=https://… makes it Secure
    expect(res.body.user).toMatchObject({ email: DEMO.admin, role: 'admin', provinceCode: '82' });
    expect(res.body.csrfToken).toHaveLength(43);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('admin');
  });

  it('rejects a wrong password with the same message as an unknown e-mail', async () => {
    const c = await t.client();
    const wrong = await c.post('/api/v1/auth/login', { email: DEMO.officer, password: 'not-the-password' });
    const unknown = await c.post('/api/v1/auth/login', { email: 'nobody@ocop.demo', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'invalid_credentials', message: 'Email hoặc mật khẩu không đúng.', fields: {} });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('validates the login body with field messages', async () => {
    const c = await t.client();
    const res = await c.post('/api/v1/auth/login', { email: 'not an email' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual({ email: 'Địa chỉ email không hợp lệ.', password: 'Bắt buộc nhập.' });
  });

  it('answers 401 on /auth/me without a session, and ends the session on logout', async () => {
    const anonymous = await t.client();
    expect((await anonymous.get('/api/v1/auth/me')).status).toBe(401);
    const c = await t.client(DEMO.council);
    const before = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    c.cookie = before; // replaying the old cookie must not work
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('rotates the session on login: the previous cookie stops working', async () => {
    const c = await t.client(DEMO.council);
    const first = c.cookie!;
    await c.login(DEMO.council, DEMO.password);
    expect(c.cookie).not.toBe(first);
    const stale = await t.client();
    stale.cookie = first;
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('locks an account after repeated failures, counted in the database', async () => {
    const c = await t.client();
    for (let i = 0; i < t.config.loginMaxFailures - 1; i++) {
      expect((await c.post('/api/v1/auth/login', { email: DEMO.producer, password: 'wrong-password' })).status).toBe(401);
    }
    const locked = await c.post('/api/v1/auth/login', { email: DEMO.producer, password: 'wrong-password' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account_locked');
    // Even the right password is refused while locked.
    expect((await c.post('/api/v1/auth/login', { email: DEMO.producer, password: DEMO.password })).status).toBe(429);
    const rows = await t.database.db.query.loginAttempts.findMany();
    expect(rows.find((r) => r.email === DEMO.producer)?.lockedUntil).toBeInstanceOf(Date);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request made with a session but without the token', async () => {
    const c = await t.client(DEMO.admin);
    c.csrf = undefined;
    const res = await c.post('/api/v1/subjects', {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
    c.csrf = 'forged';
    expect((await c.post('/api/v1/subjects', {})).body.error.code).toBe('csrf');
  });
});

describe('changing one’s password', () => {
  it('requires the current password, then ends other sessions', async () => {
    const a = await t.client(DEMO.officer);
    const b = await t.client(DEMO.officer);
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'a-new-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeDefined();
    const short = await a.post('/api/v1/auth/password', { currentPassword: DEMO.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    const ok = await a.post('/api/v1/auth/password', { currentPassword: DEMO.password, newPassword: 'a-new-password-1' });
    expect(ok.status).toBe(200);
    a.csrf = ok.body.csrfToken;
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    await a.login(DEMO.officer, 'a-new-password-1');
  });
});
