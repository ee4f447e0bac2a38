import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { auditLog, emailOutbox, passwordResetTokens, users } from '../../db/schema/index.js';
import { sha256 } from '../../lib/tokens.js';
import { RESET_REQUEST_FLOOR_MS } from './password-reset.service.js';

// A forgotten password: a link by e-mail through the outbox, single use, 30 minutes, the same
// answer for every address; and the office's reset for people without a working e-mail.

let t: TestApp;
let now = new Date();
const later = (minutes: number, seconds = 0) => new Date(now.getTime() + minutes * 60_000 + seconds * 1000);
let address = 0;
/** Each test asks from its own address, so the per-address limit is tested on its own. */
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(() => t.close());

const requestLink = (c: Client, email: string, remoteAddress = nextAddress()) =>
  c.request('POST', '/api/v1/auth/password-reset/request', { email }, { remoteAddress });
const check = (c: Client, token: string) => c.post('/api/v1/auth/password-reset/check', { token });
const reset = (c: Client, token: string, newPassword: string) => c.post('/api/v1/auth/password-reset', { token, newPassword });

const mailsTo = (to: string) => t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
/** The token of the newest link mailed to this address (read from the outbox, as the mail's reader would). */
async function lastLink(to: string): Promise<string> {
  const mails = (await mailsTo(to)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const body = mails.at(-1)?.body ?? '';
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error(`no reset link mailed to ${to}`);
  expect(body).toContain(`${t.config.publicUrl ?? `http://localhost:${t.config.port}`}/reset-password?token=`);
  return match[1]!;
}
const userId = async (email: string) => (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const auditOf = async (id: string, entityType: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, id)));

describe('asking for a reset link', () => {
  it('answers the same for a known and an unknown e-mail, and mails only the known one', async () => {
    const anon = await t.client();
    const startKnown = Date.now();
    const known = await requestLink(anon, 'HTX.Sen@ocop.demo');
    const knownMs = Date.now() - startKnown;
    const startUnknown = Date.now();
    const unknown = await requestLink(anon, 'khong.co.ai@example.vn');
    const unknownMs = Date.now() - startUnknown;

    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    // Neither answer comes sooner than the floor, so the time taken does not tell one from the other.
    expect(knownMs).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
    expect(unknownMs).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(RESET_REQUEST_FLOOR_MS);

    expect(await mailsTo('khong.co.ai@example.vn')).toEqual([]);
    const mails = await mailsTo(DEMO.producer);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: '[OCOP] Đặt lại mật khẩu / Password reset', sentAt: null });
    expect(mails[0]!.body).toContain('30 phút');
    expect(mails[0]!.body).toContain('30 minutes');

    const id = await userId(DEMO.producer);
    const audit = await auditOf(id, 'password_reset');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorLabel: 'anonymous' });
  });

  it('keeps only the hash of the token', async () => {
    const token = await lastLink(DEMO.producer);
    const rows = await t.database.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, await userId(DEMO.producer)));
    expect(rows.map((r) => r.id)).toContain(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const audit = JSON.stringify(await t.database.db.select().from(auditLog));
    expect(audit).not.toContain(token);
  });

  it('sends an account at most three links within 30 minutes, answering the same', async () => {
    const anon = await t.client();
    const target = DEMO.officer;
    for (let i = 0; i < 4; i++) {
      const res = await requestLink(anon, target);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
    }
    expect(await mailsTo(target)).toHaveLength(3);
    // A fresh window allows another.
    now = later(31);
    await requestLink(anon, target);
    expect(await mailsTo(target)).toHaveLength(4);
  });

  it('limits the requests from one address, as signing in does', async () => {
    const anon = await t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestLink(anon, `nobody${i}@example.vn`, '203.0.113.50')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });

  it('sends nothing for a deactivated account', async () => {
    const admin = await t.client(DEMO.admin);
    const created = await admin.post('/api/v1/users', { email: 'nghi.viec@example.vn', fullName: 'Người Nghỉ Việc', role: 'council' });
    expect(created.status).toBe(201);
    const u = created.body.user;
    expect((await admin.put(`/api/v1/users/${u.id}`, { fullName: u.fullName, role: 'council', active: false, communeCodes: [] })).status).toBe(200);
    expect((await requestLink(await t.client(), 'nghi.viec@example.vn')).status).toBe(200);
    expect(await mailsTo('nghi.viec@example.vn')).toEqual([]);
  });
});

describe('using a reset link', () => {
  it('sets the password once, ends every session and spends the other links, in the audit log', async () => {
    const email = DEMO.council;
    const id = await userId(email);
    const phone = await t.client(email);
    const laptop = await t.client(email);
    const anon = await t.client();
    await requestLink(anon, email);
    const first = await lastLink(email);
    await requestLink(anon, email);
    const second = await lastLink(email);
    expect(second).not.toBe(first);

    const checked = await check(anon, second);
    expect(checked.status).toBe(200);
    expect(checked.body.email).toBe(email);

    const done = await reset(anon, second, 'sen-no-tren-dong-thap');
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ ok: true });

    // Every session of the account has ended.
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    // The new password works, the old one does not.
    expect((await (await t.client()).post('/api/v1/auth/login', { email, password: DEMO.password })).status).toBe(401);
    const signedIn = await t.client(email, 'sen-no-tren-dong-thap');
    expect((await signedIn.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(false);

    // The link is spent, and so is the one sent before it.
    const again = await reset(anon, second, 'mot-mat-khau-khac-nua');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('reset_link_used');
    expect(again.body.error.message).toContain('đã được dùng');
    const older = await reset(anon, first, 'mot-mat-khau-khac-nua');
    expect(older.body.error.code).toBe('reset_link_used');
    expect((await check(anon, first)).body.error.code).toBe('reset_link_used');
    const rows = await t.database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id));
    expect(rows.every((r) => r.usedAt !== null)).toBe(true);

    const audit = await auditOf(id, 'user');
    expect(audit.at(-1)).toMatchObject({ action: 'update', actorUserId: id, actorLabel: email, after: { password: 'reset by e-mail link' } });
  });

  it('expires 30 minutes after it was sent (by the server clock)', async () => {
    const anon = await t.client();
    const email = DEMO.officer;
    now = later(60); // past the previous test's window
    const sentAt = now;
    await requestLink(anon, email);
    const token = await lastLink(email);
    now = new Date(sentAt.getTime() + 29 * 60_000 + 59_000);
    expect((await check(anon, token)).status).toBe(200);
    now = new Date(sentAt.getTime() + 30 * 60_000);
    const atExpiry = await check(anon, token);
    expect(atExpiry.status).toBe(400);
    expect(atExpiry.body.error.code).toBe('reset_link_expired');
    expect(atExpiry.body.error.message).toBe('Liên kết đặt lại mật khẩu đã hết hạn (liên kết chỉ có hiệu lực 30 phút). Hãy yêu cầu liên kết mới.');
    now = new Date(sentAt.getTime() + 31 * 60_000);
    const after = await reset(anon, token, 'mat-khau-moi-sau-han');
    expect(after.body.error.code).toBe('reset_link_expired');
    anon.lang = 'en';
    expect((await check(anon, token)).body.error.message).toBe('This password reset link has expired (a link works for 30 minutes). Ask for a new one.');
    // Nothing changed: the old password still works.
    await t.client(email);
  });

  it('refuses an unknown link clearly, in Vietnamese and English', async () => {
    const anon = await t.client();
    const vi = await reset(anon, 'khong-phai-lien-ket-nao', 'mat-khau-moi-that-dai');
    expect(vi.status).toBe(400);
    expect(vi.body.error).toMatchObject({ code: 'reset_link_invalid' });
    expect(vi.body.error.message).toContain('Liên kết đặt lại mật khẩu không hợp lệ');
    anon.lang = 'en';
    const en = await check(anon, 'x');
    expect(en.body.error.message).toContain('This password reset link is not valid');
  });

  it('applies the password rules, without spending the link', async () => {
    const anon = await t.client();
    const email = DEMO.admin;
    await requestLink(anon, email);
    const token = await lastLink(email);
    const weak = await reset(anon, token, '1234567890');
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.newPassword).toBeTruthy();
    const short = await reset(anon, token, 'short');
    expect(short.status).toBe(400);
    expect((await check(anon, token)).status).toBe(200);
    expect((await reset(anon, token, 'quan-tri-vien-tinh-dong-thap')).status).toBe(200);
    await t.client(email, 'quan-tri-vien-tinh-dong-thap');
  });
});

describe('the office resets a password for someone without e-mail', () => {
  it('is allowed to the administrator: a one-time password, a forced change, sessions ended, links spent, audited', async () => {
    const admin = await t.client(DEMO.admin, 'quan-tri-vien-tinh-dong-thap');
    const email = 'ho.san.xuat@example.vn';
    const created = await admin.post('/api/v1/users', { email, fullName: 'Trần Văn Sản', role: 'council', password: 'mat-khau-ban-dau-cua-toi' });
    expect(created.status).toBe(201);
    const id = created.body.user.id as string;
    const session = await t.client(email, 'mat-khau-ban-dau-cua-toi');
    // A link asked for earlier must not undo the office's reset.
    await requestLink(await t.client(), email);
    const pending = await lastLink(email);

    const res = await admin.post(`/api/v1/users/${id}/reset-password`, {});
    expect(res.status).toBe(200);
    const oneTime = res.body.oneTimePassword as string;
    expect(oneTime.length).toBeGreaterThanOrEqual(10);

    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await check(await t.client(), pending)).body.error.code).toBe('reset_link_used');
    // Spent at the application's time, as the link's own expiry is read.
    const links = await t.database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id));
    expect(links.map((l) => l.usedAt?.getTime())).toEqual([now.getTime()]);
    const fresh = await t.client(email, oneTime);
    expect((await fresh.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(true);
    // Nothing else opens until the password is changed.
    expect((await fresh.get('/api/v1/notifications')).body.error.code).toBe('password_change_required');

    const audit = await auditOf(id, 'user');
    expect(audit.at(-1)).toMatchObject({ action: 'update', actorLabel: DEMO.admin, after: { password: 'reset' } });
    expect(JSON.stringify(audit)).not.toContain(oneTime);
  });

  it('is refused to officers and producers', async () => {
    const id = await userId(DEMO.producer);
    for (const email of [DEMO.officer, DEMO.producer]) {
      const c = await t.client(email);
      const res = await c.post(`/api/v1/users/${id}/reset-password`, {});
      expect(res.status).toBe(403);
    }
    expect((await (await t.client()).post(`/api/v1/users/${id}/reset-password`, {})).status).toBe(401);
    // The producer's password is unchanged.
    await t.client(DEMO.producer);
  });
});
