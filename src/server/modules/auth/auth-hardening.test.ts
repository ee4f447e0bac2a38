import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { sql } from 'drizzle-orm';
import { loadConfig, publicOrigin } from '../../config.js';
import { queryRows } from '../../db/client.js';
import { sha256 } from '../../lib/tokens.js';
import { lockDurationMs } from './auth.service.js';
import { passwordProblem } from '../../lib/password-policy.js';

// Findings of the security review on sign-in, proxies, one-time passwords, password choice and
// malformed input; each case failed before its fix.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (c: Client, email: string, password: string, address: string) =>
  c.request('POST', '/api/v1/auth/login', { email, password }, { remoteAddress: address });

describe('sign-in throttling by account and address', () => {
  it('never locks the owner out from an address that has not failed', async () => {
    const stranger = await t.client();
    // Five failures, each from a different forged forwarding address, all really from one client.
    for (let i = 0; i < t.config.loginMaxFailures + 1; i++) {
      const res = await stranger.request(
        'POST',
        '/api/v1/auth/login',
        { email: DEMO.officer, password: `wrong-${i}` },
        { remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } },
      );
      expect(res.status).toBe(i < t.config.loginMaxFailures - 1 ? 401 : 429);
    }
    // The attacker's address is slowed down, even with the right password…
    expect((await login(await t.client(), DEMO.officer, DEMO.password, '203.0.113.7')).status).toBe(429);
    // …but the owner, elsewhere, signs in.
    expect((await login(await t.client(), DEMO.officer, DEMO.password, '192.0.2.10')).status).toBe(200);
  });

  it('makes the wait grow with every further failure, up to the configured maximum', () => {
    const minutes = [4, 5, 6, 7, 8, 9, 30].map((n) => lockDurationMs(n, 5, 15) / 60_000);
    expect(minutes).toEqual([0, 1, 2, 4, 8, 15, 15]);
  });

  it('records the real client address in the audit log, not a forged X-Forwarded-For', async () => {
    const admin = await t.client();
    await admin.request('POST', '/api/v1/auth/login', { email: DEMO.admin, password: DEMO.password }, { remoteAddress: '192.0.2.44' });
    const c = await t.client(DEMO.admin);
    const created = await c.request(
      'POST',
      '/api/v1/subjects',
      { name: 'HTX Kiểm thử địa chỉ', legalForm: 'HTX', communeCode: '29905' },
      { remoteAddress: '192.0.2.45', headers: { 'x-forwarded-for': '6.6.6.6' } },
    );
    const rows = await t.database.db.query.auditLog.findMany();
    const ips = new Set(rows.map((r) => r.ip));
    expect(ips.has('6.6.6.6')).toBe(false);
    expect(created.status).toBe(201);
    expect(ips.has('192.0.2.45')).toBe(true);
  });
});

describe('forwarding headers are trusted only as configured', () => {
  it('trusts no proxy by default, a hop count or a list when told', () => {
    const base = { ...process.env, DATABASE_URL: '', NODE_ENV: 'test' };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('bypasses nothing by rotating X-Forwarded-For: the login burst limit holds per real client', async () => {
    const c = await t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await c.request(
        'POST',
        '/api/v1/auth/login',
        { email: `nobody${i}@example.vn`, password: 'x' },
        { remoteAddress: '203.0.113.99', headers: { 'x-forwarded-for': `10.9.8.${i}` } },
      );
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('uses the forwarded address when the proxy is trusted', async () => {
    const behindProxy = await createTestApp({ config: { trustProxy: ['127.0.0.1'] } });
    try {
      const c = await behindProxy.client();
      for (let i = 0; i < 22; i++) {
        const res = await c.request(
          'POST',
          '/api/v1/auth/login',
          { email: `nobody${i}@example.vn`, password: 'x' },
          { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `10.9.8.${i}` } },
        );
        expect(res.status).not.toBe(429); // each forwarded client has its own allowance
      }
    } finally {
      await behindProxy.close();
    }
  });

  it('requires PUBLIC_URL in production and builds links only from configuration', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: '' })).toThrow(/PUBLIC_URL/);
    expect(publicOrigin(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://ocop.example.gov.vn/' }))).toBe('https://ocop.example.gov.vn');
    expect(publicOrigin(loadConfig({ NODE_ENV: 'test', HOST: '0.0.0.0', PORT: '3100' }))).toBe('http://localhost:3100');
  });
});

describe('session lifetime', () => {
  const session = async (c: Client) => {
    const id = sha256(c.cookie!.replace('ocop_session=', ''));
    return {
      id,
      row: (await queryRows<{ created_at: Date; expires_at: Date }>(t.database.db, sql`select created_at, expires_at from sessions where id = ${id}`))[0]!,
    };
  };
  const setTimes = (id: string, createdAgoMs: number, expiresInMs: number) =>
    t.database.db.execute(
      sql`update sessions set created_at = ${new Date(Date.now() - createdAgoMs).toISOString()}::timestamptz, expires_at = ${new Date(Date.now() + expiresInMs).toISOString()}::timestamptz where id = ${id}`,
    );
  const MINUTE = 60_000;

  it('ends after the idle time, and each use pushes that end forward', async () => {
    const c = await t.client(DEMO.producer);
    const { id } = await session(c);
    await setTimes(id, 28 * MINUTE, 2 * MINUTE); // idle for 28 of 30 minutes
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const pushed = new Date((await session(c)).row.expires_at).getTime() - Date.now();
    expect(pushed).toBeGreaterThan(29 * MINUTE);
    await setTimes(id, 40 * MINUTE, -1_000); // idle past the limit
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('never outlives its absolute lifetime, however busy', async () => {
    const c = await t.client(DEMO.producer);
    const { id } = await session(c);
    await setTimes(id, t.config.sessionTtlHours * 60 * MINUTE - 5 * MINUTE, 2 * MINUTE);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const left = new Date((await session(c)).row.expires_at).getTime() - Date.now();
    expect(left).toBeLessThanOrEqual(5 * MINUTE + 1_000);
    expect(t.config.sessionTtlHours).toBeLessThanOrEqual(12);
    expect(t.config.sessionIdleMinutes).toBeLessThanOrEqual(30);
  });
});

describe('a one-time password opens nothing but its own change', () => {
  it('refuses the API until the password is changed, on the server', async () => {
    const admin = await t.client(DEMO.admin);
    const created = await admin.post('/api/v1/users', { email: 'motlan@example.vn', fullName: 'Trần Thị Một Lần', role: 'officer', communeCodes: ['30037'] });
    expect(created.status).toBe(201);
    const c = await t.client('motlan@example.vn', created.body.oneTimePassword);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const blocked = await c.get('/api/v1/products');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    const changed = await c.post('/api/v1/auth/password', { currentPassword: created.body.oneTimePassword, newPassword: 'ruong-lua-mua-noi-2026' });
    expect(changed.status).toBe(200);
    c.csrf = changed.body.csrfToken;
    expect((await c.get('/api/v1/products')).status).toBe(200);
  });
});

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaa', 'common'],
    ['1234567890', 'common'],
    ['0987654321', 'common'],
    ['abababababab', 'common'],
    ['password123', 'common'],
    ['Matkhau123', 'common'],
    ['iloveyou123', 'common'],
    ['short', 'length'],
  ])('refuses %s', (password) => {
    expect(passwordProblem(password)).toBeDefined();
  });

  it('refuses the account’s own name or e-mail, and the password it replaces', () => {
    expect(passwordProblem('nguyenvanhai-2026', { fullName: 'Nguyễn Văn Hải', email: 'x@example.vn' })).toBeDefined();
    expect(passwordProblem('2026-Hải-Nguyễn!', { fullName: 'Nguyễn Văn Hải' })).toBeDefined();
    // A syllable of one's name is an ordinary word of a passphrase.
    expect(passwordProblem('hoi-dong-ocop-2026', { fullName: 'Thành viên Hội đồng TW 1', email: 'tw.chair@bonnmt.gov.vn' })).toBeUndefined();
    expect(passwordProblem('canbo.sadec!!2026', { email: 'canbo.sadec@ocop.demo' })).toBeDefined();
    expect(passwordProblem('song-tien-mua-nuoc-noi', { current: 'song-tien-mua-nuoc-noi' })).toBeDefined();
  });

  it('accepts a long phrase of plain words', () => {
    expect(passwordProblem('sen hồng tháp mười nở', { fullName: 'Lê Văn Sen', email: 'htx.sen@ocop.demo' })).toBeUndefined();
  });

  it('is enforced on change, on an administrator’s choice, and tells which field', async () => {
    const c = await t.client(DEMO.council);
    const same = await c.post('/api/v1/auth/password', { currentPassword: DEMO.password, newPassword: DEMO.password });
    expect(same.status).toBe(400);
    expect(same.body.error.fields.newPassword).toMatch(/khác mật khẩu hiện tại/);
    const weak = await c.post('/api/v1/auth/password', { currentPassword: DEMO.password, newPassword: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    const admin = await t.client(DEMO.admin);
    const created = await admin.post('/api/v1/users', { email: 'yeu@example.vn', fullName: 'Phạm Yếu', role: 'council', password: 'qwertyuiop' });
    expect(created.status).toBe(400);
    expect(created.body.error.fields.password).toBeDefined();
    expect(await t.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'yeu@example.vn') })).toBeUndefined();
  });
});

describe('malformed input is a 400, never a 500', () => {
  it('refuses a NUL byte in a query or a text field with a clear message', async () => {
    const admin = await t.client(DEMO.admin);
    const query = await admin.get('/api/v1/products?q=x%00y');
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('validation_failed');
    const body = await admin.post('/api/v1/subjects', { name: 'HTX\u0000Sen', legalForm: 'HTX', communeCode: '29905' });
    expect(body.status).toBe(400);
    expect(Object.values(body.body.error.fields).join(' ')).toMatch(/NUL/);
  });

  it('refuses a JSON null body on routes whose refinements read fields', async () => {
    const anonymous = await t.client();
    const res = await anonymous.request('POST', '/api/v1/scoring/evaluate', 'null', { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    const admin = await t.client(DEMO.admin);
    for (const url of ['/api/v1/subjects', '/api/v1/products', '/api/v1/users']) {
      const r = await admin.request('POST', url, 'null', { headers: { 'content-type': 'application/json' } });
      expect(r.status, url).toBe(400);
    }
  });

  it('refuses broken multipart bodies', async () => {
    const producer = await t.client(DEMO.producer);
    const product = (await producer.get('/api/v1/products')).body.items[0];
    const url = `/api/v1/products/${product.id}/photos`;
    const noBoundary = await producer.request('POST', url, Buffer.from('--x\r\n'), { headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.status).toBe(400);
    const truncated = await producer.request(
      'POST',
      url,
      Buffer.from('------b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff'),
      { headers: { 'content-type': 'multipart/form-data; boundary=----b' } },
    );
    expect(truncated.status).toBe(400);
    const garbage = await producer.request('POST', url, Buffer.from('not multipart at all'), {
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
    });
    expect(garbage.status).toBe(400);
  });
});
