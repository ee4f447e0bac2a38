import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from './support/api.js';
import { DEMO_PASSWORD, launchBrowser, login, newContext } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Stored and reflected script payloads (ASVS 5.3): every text a user can type is rendered as text on
 * the back-office and public pages. Each payload, if it ever ran, would count itself in
 * `window.__xss` or open a dialog; the strict Content-Security-Policy is a second line behind that.
 */

const mark = (where: string) =>
  `"><img src=x onerror="window.__xss=(window.__xss||[]).concat('${where}')"><script>window.__xss=(window.__xss||[]).concat('${where}-script')</script><svg onload=alert('${where}')>`;

type Ids = { subjectId: string; productId: string; assessmentId: string; userId: string };

async function noScriptRan(page: Page, url: string, expectText: string | RegExp) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.getByText(expectText).first().waitFor();
  await page.waitForTimeout(300); // onerror handlers of broken images fire after load
  expect(await page.evaluate(() => (window as unknown as { __xss?: string[] }).__xss ?? null), url).toBeNull();
  expect(dialogs, url).toEqual([]);
}

describe('script payloads are shown as text, never run', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids = {} as Ids;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await signedIn(browser, server.baseUrl, 'admin@ocop.demo', DEMO_PASSWORD);
    const subject = await admin.api<{ id: string }>('POST', '/subjects', {
      name: `HTX ${mark('subject-name')}`,
      legalForm: 'HTX',
      communeCode: '29905',
      representativeName: mark('representative'),
      address: mark('address'),
    });
    ids.subjectId = subject.id;
    const product = await admin.api<{ id: string }>('POST', '/products', {
      subjectId: subject.id,
      name: `Mứt ${mark('product-name')}`,
      criteriaSetNumber: 7,
      description: mark('description'),
      ingredients: mark('ingredients'),
    });
    ids.productId = product.id;
    const user = await admin.api<{ user: { id: string } }>('POST', '/users', {
      email: 'xss.producer@example.vn',
      fullName: `Người ${mark('user-name')}`,
      role: 'producer',
      subjectId: subject.id,
      password: 'mua-nuoc-noi-dong-thap',
    });
    ids.userId = user.user.id;
    const producer = await signedIn(browser, server.baseUrl, 'xss.producer@example.vn', 'mua-nuoc-noi-dong-thap');
    const assessment = await producer.api<{ id: string }>('POST', `/products/${product.id}/self-assessments`, {});
    ids.assessmentId = assessment.id;
    await producer.api('PUT', `/self-assessments/${assessment.id}`, { choices: {}, notes: { '1.1': mark('note') } });
    await producer.context.close();
    await admin.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('on the back-office pages that show them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    const base = server.baseUrl;
    await noScriptRan(page, `${base}/subjects`, /HTX "><img/);
    await noScriptRan(page, `${base}/subjects/${ids.subjectId}`, /HTX "><img/);
    await noScriptRan(page, `${base}/products?q=mut`, /Mứt "><img/);
    await noScriptRan(page, `${base}/products/${ids.productId}`, /Mứt "><img/);
    await noScriptRan(page, `${base}/self-assessments/${ids.assessmentId}`, /Mứt "><img/);
    await noScriptRan(page, `${base}/users`, /Người "><img/);
    await noScriptRan(page, `${base}/users/${ids.userId}`, /xss\.producer@example\.vn/);
    await context.close();
  });

  it('on the public verification page, which echoes nothing it was sent', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const payload = encodeURIComponent('<script>alert(1)</script>');
    const response = await page.goto(`${server.baseUrl}/v/${payload}`);
    expect(response?.status()).toBe(404);
    expect(await page.content()).not.toContain('<script>alert(1)</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: string[] }).__xss ?? null)).toBeNull();
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    await context.close();
  });

  it('does not follow a sign-in redirect off the site', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login?next=https://evil.example/&returnTo=//evil.example`);
    await page.getByLabel(/^(Email|E-mail)/u).fill('admin@ocop.demo');
    await page.getByLabel(/^(Mật khẩu|Password)/u).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/u }).click();
    await page.getByRole('button', { name: /^(Tài khoản của tôi|My account)/u }).waitFor();
    expect(new URL(page.url()).origin).toBe(server.baseUrl);
    await context.close();
  });
});
