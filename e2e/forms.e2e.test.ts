import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Forms as a user meets them: the shared contract's messages before anything is sent, the
 * server's field messages on the right field, and one-time passwords for new accounts.
 */

async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** The message shown under a labelled input (Mantine links it with aria-describedby). */
async function fieldError(page: Page, role: 'textbox' | 'combobox', name: string): Promise<string> {
  const input = page.getByRole(role, { name, exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/u).filter((id) => id.endsWith('-error'));
  return ids.length ? page.locator(`[id="${ids[0]}"]`).innerText() : '';
}

describe('forms', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a commune officer register a subject after fixing what the contract rejects', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'canbo.sadec@ocop.demo');
    await page.goto(`${server.baseUrl}/subjects/new`);

    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    expect(await fieldError(page, 'textbox', 'Tên chủ thể')).toBe('Bắt buộc nhập.');
    expect(await fieldError(page, 'combobox', 'Loại hình')).toBe('Bắt buộc nhập.');

    await page.getByRole('textbox', { name: 'Tên chủ thể' }).fill('Hộ kinh doanh Bánh pía Tư Lai Vung');
    await choose(page, 'Loại hình', 'Hộ kinh doanh');
    await choose(page, 'Xã/phường', 'Lai Vung', 'lai vung');
    await page.getByRole('textbox', { name: 'Tổng số lao động' }).fill('5');
    await page.getByRole('textbox', { name: 'Lao động địa phương' }).fill('9');
    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    expect(await fieldError(page, 'textbox', 'Lao động địa phương')).toBe('Số lao động địa phương không thể lớn hơn tổng số lao động.');
    await screenshot(page, 'subject-form-errors-desktop', { fullPage: true });

    await page.getByRole('textbox', { name: 'Lao động địa phương' }).fill('4');
    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    await page.waitForURL(/\/subjects\/[0-9a-f-]{36}$/u);
    await page.getByRole('heading', { name: 'Hộ kinh doanh Bánh pía Tư Lai Vung' }).waitFor();
    // The change history is the OCOP office's.
    expect(await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).count()).toBe(0);
    await screenshot(page, 'subject-detail-desktop');

    // The officer's list holds the subjects of Sa Đéc and Lai Vung only, the new one included.
    await page.getByRole('link', { name: 'Chủ thể', exact: true }).click();
    await page.getByRole('link', { name: 'Hộ kinh doanh Bánh pía Tư Lai Vung' }).waitFor();
    const communes = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(communes)).toEqual(new Set(['Sa Đéc', 'Lai Vung']));
    await screenshot(page, 'subjects-desktop');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('article').first().waitFor();
    await screenshot(page, 'subjects-phone');
    await context.close();
  });

  it('puts the server’s message on the e-mail field and shows a one-time password once', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/users/new`);

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('canbo.sadec@ocop.demo');
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Trần Văn Bảy');
    await choose(page, 'Vai trò', 'Cán bộ xã/phường');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(await fieldError(page, 'combobox', 'Xã/phường phụ trách')).toBe('Cán bộ xã phải được giao ít nhất một xã/phường.');

    await choose(page, 'Xã/phường phụ trách', 'Lai Vung', 'lai vung');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(await fieldError(page, 'textbox', 'Email')).toBe('Email này đã có tài khoản.');

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('canbo.laivung@ocop.demo');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const oneTimePassword = await page.getByTestId('one-time-password').innerText();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'one-time-password-desktop');
    await page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
    await page.waitForURL(/\/users$/u);
    await context.close();

    // The new officer must choose a password before anything else.
    const officerContext = await newContext(browser, PHONE);
    const officer = await officerContext.newPage();
    await login(officer, server.baseUrl, 'canbo.laivung@ocop.demo', oneTimePassword);
    await officer.waitForURL(/\/change-password$/u);
    await officer.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
    await officer.goto(`${server.baseUrl}/subjects`);
    await officer.waitForURL(/\/change-password$/u);
    await officer.getByLabel(/^Mật khẩu hiện tại/u).fill(oneTimePassword);
    await officer.getByLabel(/^Mật khẩu mới/u).fill('sen-hong-lai-vung-2026');
    await officer.getByLabel(/^Nhập lại mật khẩu mới/u).fill('sen-hong-lai-vung-2027');
    await officer.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByText('Mật khẩu nhập lại không khớp.').waitFor();
    await officer.getByLabel(/^Nhập lại mật khẩu mới/u).fill('sen-hong-lai-vung-2026');
    await officer.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByRole('heading', { name: 'Xin chào, Trần Văn Bảy' }).waitFor();
    await officerContext.close();
  });

  it('keeps a typed negative count and an impossible date, and refuses them by name', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/market/trade-events/new`);
    await page.getByRole('textbox', { name: 'Tên sự kiện', exact: true }).fill('Hội chợ thử nhập sai');
    await choose(page, 'Loại sự kiện', 'Hội chợ');
    const startsOn = page.getByRole('textbox', { name: 'Ngày bắt đầu', exact: true });
    await startsOn.fill('31/02/2099');
    await startsOn.press('Tab');
    const endsOn = page.getByRole('textbox', { name: 'Ngày kết thúc', exact: true });
    await endsOn.fill('02/03/2099');
    await endsOn.press('Tab');
    const booths = page.getByRole('textbox', { name: 'Số gian hàng', exact: true });
    await booths.fill('-3');
    await booths.press('Tab');
    await page.getByRole('button', { name: 'Lưu sự kiện' }).click();

    // Nothing is dropped or turned into something else: the minus sign and the day stay as typed.
    expect(await fieldError(page, 'textbox', 'Số gian hàng')).toBe('Giá trị tối thiểu là 0.');
    expect(await booths.inputValue()).toBe('-3');
    expect(await fieldError(page, 'textbox', 'Ngày bắt đầu')).toBe('Ngày không hợp lệ (yyyy-mm-dd).');
    expect(await startsOn.inputValue()).toBe('31/02/2099');
    expect(new URL(page.url()).pathname).toBe('/market/trade-events/new');
    await screenshot(page, 'trade-event-form-errors-desktop', { fullPage: true });
    await context.close();
  });

  it('names the criteria sectors of the set picker in the interface language', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'canbo.sadec@ocop.demo');
    const groups = async (label: string) => {
      await page.goto(`${server.baseUrl}/products`);
      await page.getByRole('combobox', { name: label, exact: true }).click();
      await page.getByRole('option').first().waitFor();
      return page.locator('[class*="groupLabel"]').allInnerTexts();
    };
    const vi = await groups('Bộ sản phẩm');
    expect(vi).toContain('I. Thực phẩm');
    await page.evaluate(() => window.localStorage.setItem('ocop.language', 'en'));
    const en = await groups('Criteria set');
    expect(en).toContain('I. Food');
    expect(en).toContain('II. Drinks');
    expect(en.join(' ')).not.toMatch(/Thực phẩm|Đồ uống/u);
    await context.close();
  });

  it('shows the account list as cards on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/users`);
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'users-phone');
    await context.close();
  });
});
