import nodemailer from 'nodemailer';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOutbox } from '../../db/schema/index.js';
import { createMailer } from '../../lib/mailer.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { drainOutbox, MAX_ATTEMPTS } from './outbox.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('e-mail outbox', () => {
  it('sends queued mail once, through the configured transport', async () => {
    await t.database.db.insert(emailOutbox).values([
      { to: 'a@example.vn', subject: '[OCOP] Hồ sơ', body: 'Hồ sơ đã được tiếp nhận.' },
      { to: 'b@example.vn', subject: '[OCOP] Hồ sơ', body: 'Trả lại để bổ sung.' },
    ]);
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const delivered: string[] = [];
    const mailer = createMailer({ from: 'ocop@example.vn', transport })!;
    const counting = { send: async (m: Parameters<typeof mailer.send>[0]) => (delivered.push(m.to), mailer.send(m)) };
    expect(await drainOutbox(t.database.db, counting)).toEqual({ sent: 2, failed: 0 });
    expect(await drainOutbox(t.database.db, counting)).toEqual({ sent: 0, failed: 0 });
    expect(delivered.sort()).toEqual(['a@example.vn', 'b@example.vn']);
  });

  it('keeps a failed mail with its error and retries it a bounded number of times', async () => {
    await t.database.db.insert(emailOutbox).values({ to: 'c@example.vn', subject: 's', body: 'b' });
    const broken = { send: async () => Promise.reject(new Error('421 try again later')) };
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await drainOutbox(t.database.db, broken);
    const row = (await t.database.db.select().from(emailOutbox)).find((r) => r.to === 'c@example.vn')!;
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null, lastError: '421 try again later' });
  });

  it('records when a mail was sent by the application clock', async () => {
    await t.database.db.insert(emailOutbox).values({ to: 'd@example.vn', subject: 's', body: 'b' });
    const sentAt = new Date('2027-03-02T03:00:00Z');
    await drainOutbox(t.database.db, { send: async () => {} }, { clock: () => sentAt });
    const row = (await t.database.db.select().from(emailOutbox)).find((r) => r.to === 'd@example.vn')!;
    expect(row.sentAt).toEqual(sentAt);
  });

  it('never sends a mail twice when a second drain runs while the first is still sending it', async () => {
    await t.database.db.insert(emailOutbox).values({ to: 'e@example.vn', subject: 's', body: 'b' });
    const delivered: string[] = [];
    let release!: () => void;
    const sending = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    // The first drain holds the mail in the middle of its SMTP conversation…
    const slow = { send: async (m: { to: string }) => (delivered.push(m.to), started(), await sending) };
    const first = drainOutbox(t.database.db, slow);
    await inFlight;
    // …while another process drains: it must leave the claimed mail alone.
    expect(await drainOutbox(t.database.db, { send: async (m) => void delivered.push(m.to) })).toEqual({ sent: 0, failed: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toEqual(['e@example.vn']);
  });

  it('tries again a mail whose sender died holding its claim, once the claim has run out', async () => {
    await t.database.db.insert(emailOutbox).values({ to: 'f@example.vn', subject: 's', body: 'b' });
    const died = { send: () => new Promise<void>(() => {}) }; // the process stops in the middle of the send
    void drainOutbox(t.database.db, died);
    await vi.waitFor(async () => {
      const row = (await t.database.db.select().from(emailOutbox)).find((r) => r.to === 'f@example.vn')!;
      expect(row.attempts).toBe(1);
    });
    const delivered: string[] = [];
    const mailer = { send: async (m: { to: string }) => void delivered.push(m.to) };
    await drainOutbox(t.database.db, mailer);
    expect(delivered).toEqual([]); // claimed, and the claim still runs
    await t.database.db
      .update(emailOutbox)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.to, 'f@example.vn'));
    await drainOutbox(t.database.db, mailer);
    expect(delivered).toEqual(['f@example.vn']);
    const row = (await t.database.db.select().from(emailOutbox)).find((r) => r.to === 'f@example.vn')!;
    expect(row).toMatchObject({ attempts: 2, claimedUntil: null });
    expect(row.sentAt).not.toBeNull();
  });

  it('is not configured without SMTP_URL', () => {
    expect(createMailer({ from: 'x@example.vn' })).toBeUndefined();
  });
});
