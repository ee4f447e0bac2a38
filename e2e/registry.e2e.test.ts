import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The registry scenario of the issue, through the browser only: an admin opens an account for a
 * producer, the producer registers a product with a photo and finds it again by an unaccented
 * search, another producer cannot see it, and the admin reads its history.
 */

const SUBJECT_NAME = 'Hộ kinh doanh Nem Lai Vung Bà Hai';
const PRODUCER_EMAIL = 'bahai.nemlaivung@ocop.demo';
const PRODUCER_NAME = 'Nguyễn Thị Hai';
const PRODUCER_PASSWORD = 'banh-pia-lai-vung-2026';
const PRODUCT_NAME = 'Bánh pía sầu riêng Lai Vung';

/** Picks an option of a Mantine Select, typing first when the list is searched. */
async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('registry of subjects and products', () => {
  let server: RunningServer;
  let browser: Browser;
  let photoFile: string;
  let productUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-photo-')), 'banh-pia.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c33' } })
      .png()
      .toFile(photoFile);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (photoFile) fs.rmSync(path.dirname(photoFile), { recursive: true, force: true });
  });

  it('lets an admin create a producer account for an existing subject', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');

    await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('heading', { name: 'Tài khoản người dùng' }).waitFor();
    await page.getByRole('link', { name: 'Tạo tài khoản' }).click();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(PRODUCER_EMAIL);
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(PRODUCER_NAME);
    await choose(page, 'Vai trò', 'Chủ thể sản xuất');
    await choose(page, 'Chủ thể', SUBJECT_NAME, 'nem lai vung');
    await page.getByLabel(/^Mật khẩu/u).fill(PRODUCER_PASSWORD);
    await screenshot(page, 'user-create-desktop');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    await page.waitForURL(/\/users$/u);
    const row = page.getByRole('row').filter({ hasText: PRODUCER_EMAIL });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(SUBJECT_NAME);
    await screenshot(page, 'users-desktop');
    await context.close();
  });

  it('lets that producer register a product, upload a photo and find it without accents', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, PRODUCER_EMAIL, PRODUCER_PASSWORD);

    await page.getByRole('link', { name: 'Sản phẩm', exact: true }).click();
    await page.getByRole('link', { name: 'Đăng ký sản phẩm' }).click();
    // The producer's own subject is filled in and cannot be changed.
    await expect.poll(() => page.getByRole('combobox', { name: 'Chủ thể', exact: true }).inputValue()).toBe(SUBJECT_NAME);

    await page.getByRole('textbox', { name: 'Tên sản phẩm' }).fill(PRODUCT_NAME);
    await choose(page, 'Bộ sản phẩm', /^8\. /u);
    await page.getByRole('textbox', { name: 'Khối lượng/thể tích tịnh' }).fill('400 g');
    await page.getByRole('button', { name: 'Thêm chứng nhận' }).click();
    await page.getByRole('textbox', { name: 'Số chứng nhận' }).fill('VG-2026-0815');
    await page.getByRole('button', { name: 'Đăng ký sản phẩm' }).click();

    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/u);
    productUrl = page.url();
    const code = await page.getByTestId('ocop-code').innerText();
    expect(code).toMatch(/^82-30226-\d{3}-\d{4}$/u);
    await page.getByRole('heading', { name: PRODUCT_NAME }).waitFor();
    expect(await page.getByText('VG-2026-0815').count()).toBe(1);

    await page.locator('input[type="file"]').setInputFiles(photoFile);
    await page.getByRole('img', { name: `Ảnh 1 của sản phẩm ${PRODUCT_NAME}` }).waitFor();
    await screenshot(page, 'product-detail-desktop');

    await page.getByRole('link', { name: 'Sản phẩm', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm sản phẩm' }).fill('banh pia');
    await page.waitForURL(/q=banh\+pia/u);
    const result = page.getByRole('link', { name: PRODUCT_NAME });
    await result.waitFor();
    // The producer sees its own subject's products only, and the search narrows them to this one.
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await result.click();
    await page.waitForURL(productUrl);

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('ocop-code').waitFor();
    await screenshot(page, 'product-detail-phone');
    await context.close();
  });

  it('hides the product from a producer of another subject', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'htx.sen@ocop.demo');

    await page.goto(productUrl);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy' }).waitFor();
    expect(await page.getByText(PRODUCT_NAME).count()).toBe(0);
    expect(await page.getByTestId('ocop-code').count()).toBe(0);
    await context.close();
  });

  it('shows the admin the product’s creation and photo change in its history', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');

    await page.goto(productUrl);
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(2);

    // Newest first: the photo upload, then the registration by the producer.
    const photoChange = entries.nth(0);
    expect(await photoChange.innerText()).toContain('Cập nhật');
    // The actor by name; the e-mail address only in the tooltip.
    expect(await photoChange.innerText()).toContain(PRODUCER_NAME);
    expect(await photoChange.innerText()).not.toContain(PRODUCER_EMAIL);
    const photoRow = photoChange.getByRole('row').filter({ hasText: 'Hình ảnh sản phẩm' });
    expect(await photoRow.innerText()).toMatch(/0 ảnh\s+1 ảnh/u);

    const creation = entries.nth(1);
    expect(await creation.innerText()).toContain('Tạo mới');
    expect(await creation.innerText()).toContain(PRODUCT_NAME);
    expect(await creation.innerText()).toMatch(/82-30226-\d{3}-\d{4}/u);
    await screenshot(page, 'product-history-desktop');
    await context.close();
  });
});
