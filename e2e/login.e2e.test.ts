import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('sign-in page and language', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the server’s error in Vietnamese, then everything in English after switching', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@ocop.demo');
    await page.getByLabel(/^Mật khẩu/u).fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Email hoặc mật khẩu không đúng.');
    await screenshot(page, 'login-error-desktop');

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('textbox', { name: 'E-mail', exact: true }).inputValue()).toBe('admin@ocop.demo');
    // The Vietnamese message is dropped; a new attempt is answered in English.
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();

    await page.getByLabel(/^Password/u).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Overview', 'Producers', 'Products', 'Accounts']) await navigation.getByRole('link', { name }).waitFor();

    // The choice is remembered across visits.
    await page.reload();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('heading', { name: 'OCOP products' }).waitFor();
    await page.getByRole('columnheader', { name: 'OCOP product code' }).waitFor();
    await screenshot(page, 'products-desktop-en');
    await context.close();
  });

  it('lists products as cards on a phone, with the navigation behind a burger', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, 'login-phone');
    await login(page, server.baseUrl, 'admin@ocop.demo');

    const burger = page.getByRole('button', { name: 'Mở/đóng menu điều hướng' });
    await burger.click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sản phẩm' }).click();
    await page.getByRole('heading', { name: 'Sản phẩm OCOP' }).waitFor();
    const cards = page.getByRole('article');
    await expect.poll(() => cards.count()).toBeGreaterThan(5);
    // No table squeezed into the phone, and nothing wider than the screen.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'products-phone');
    await screenshot(page, 'products-phone-full', { fullPage: true });
    await context.close();
  });
});
