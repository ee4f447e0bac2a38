import fs from 'node:fs';
import { and, eq, like } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.js';
import { emailOutbox } from '../src/server/db/schema/index.js';
import { DEMO_PASSWORD, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const EMAIL = 'htx.sen@ocop.demo';
const NEW_PASSWORD = 'hat-sen-thap-muoi-say-kho';

/**
 * The reset link as the e-mail carries it, read from the outbox in the server's database (no SMTP
 * here: mail waits in the outbox). PGlite serves one process per folder, so the server is stopped
 * while the test reads it, then started again on the same data.
 */
async function linkFromOutbox(server: RunningServer): Promise<{ path: string; server: RunningServer }> {
  const dataDir = server.dataDir;
  await server.stop({ keepData: true });
  const database = await openDatabase({ dataDir });
  let body = '';
  try {
    const mails = await database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, EMAIL), like(emailOutbox.subject, '%Đặt lại mật khẩu%')));
    expect(mails).toHaveLength(1);
    body = mails[0]!.body;
  } finally {
    await database.close();
  }
  const url = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(url, body).toBeTruthy();
  // The link names the server's configured public address; the restarted server listens elsewhere.
  expect(url!.startsWith(`${server.baseUrl}/reset-password?token=`)).toBe(true);
  const { pathname, search } = new URL(url!);
  return { path: `${pathname}${search}`, server: await startServer({ dataDir }) };
}

describe('a forgotten password, on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    dataDir = server.dataDir;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for a link from the sign-in page, sets a new password with it, and the link works once', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/forgot-password');
    await screenshot(page, 'forgot-password-phone');

    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Đã ghi nhận yêu cầu' });
    await sent.waitFor();
    expect(await sent.innerText()).toContain('30 phút');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'forgot-password-sent-phone');

    const { path, server: restarted } = await linkFromOutbox(server);
    server = restarted;

    await page.goto(`${server.baseUrl}${path}`);
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByText(`Tài khoản: ${EMAIL}`).waitFor();
    // The token leaves the address bar once the page has it.
    expect(page.url()).not.toContain('token=');
    await page.getByLabel(/^Mật khẩu mới/u).fill(NEW_PASSWORD);
    await page.getByLabel(/^Nhập lại mật khẩu mới/u).fill('khong-trung-khop-dau');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByText('Mật khẩu nhập lại không khớp.').waitFor();
    await page.getByLabel(/^Nhập lại mật khẩu mới/u).fill(NEW_PASSWORD);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'reset-password-phone');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('heading', { name: 'Đã đặt mật khẩu mới' }).waitFor();
    await screenshot(page, 'reset-password-done-phone');

    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await login(page, server.baseUrl, EMAIL, NEW_PASSWORD);
    await context.close();

    // The same link again, in a fresh browser: spent.
    const again = await newContext(browser, PHONE);
    const second = await again.newPage();
    await second.goto(`${server.baseUrl}${path}`);
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('đã được dùng');
    await second.getByRole('link', { name: 'Yêu cầu liên kết mới' }).waitFor();
    await screenshot(second, 'reset-password-used-phone');
    // In English too.
    await second.getByText('EN', { exact: true }).click();
    await second.getByRole('alert').filter({ hasText: 'has already been used' }).waitFor();
    // The old password no longer signs in.
    await second.goto(`${server.baseUrl}/login`);
    await second.getByLabel(/^(Email|E-mail)/u).fill(EMAIL);
    await second.getByLabel(/^(Mật khẩu|Password)/u).fill(DEMO_PASSWORD);
    await second.getByRole('button', { name: /^(Đăng nhập|Sign in)$/u }).click();
    await second
      .getByRole('alert')
      .filter({ hasText: /Wrong e-mail or password|Email hoặc mật khẩu không đúng/u })
      .waitFor();
    await again.close();
  });
});
