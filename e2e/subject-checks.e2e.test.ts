import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The subject form refuses nonsense instead of fixing it: a tax code already registered (with the
 * existing subject linked, or only "ask the provincial office" outside the user's communes), a day
 * that is not on the calendar, a negative head count.
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

describe('subject form checks', () => {
  let server: RunningServer;
  let browser: Browser;
  let holderId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('warns of a registered tax code with a link, keeps a wrong date and a negative count, and saves a confirmed branch', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    const api = await apiFor(page, server.baseUrl);
    const holder = { legalForm: 'TNHH', communeCode: '30037', name: 'Công ty TNHH Nông sản Tháp Mười', taxCode: '0100109106' };
    holderId = (await api<{ id: string }>('POST', '/subjects', holder)).id;
    await api('POST', '/subjects', { legalForm: 'CTCP', communeCode: '30037', name: 'Công ty Cổ phần Gạo Xa', taxCode: '0100112437' });

    await page.goto(`${server.baseUrl}/subjects/new`);
    await page.getByRole('textbox', { name: 'Tên chủ thể' }).fill('Chi nhánh Sa Đéc – Nông sản Tháp Mười');
    await choose(page, 'Loại hình', 'Công ty TNHH');
    await choose(page, 'Xã/phường', 'Sa Đéc', 'sa dec');
    await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('0100 109 106');

    const warning = page.getByTestId('tax-code-taken');
    await warning.waitFor();
    const link = warning.getByRole('link', { name: 'Công ty TNHH Nông sản Tháp Mười' });
    expect(await link.getAttribute('href')).toBe(`/subjects/${holderId}`);

    const founded = page.getByRole('textbox', { name: 'Ngày thành lập' });
    await founded.fill('31/02/2099');
    await page.keyboard.press('Tab');
    expect(await founded.inputValue()).toBe('31/02/2099');
    await page.getByRole('textbox', { name: 'Tổng số lao động' }).fill('-3');
    await page.getByRole('textbox', { name: 'Lao động nữ' }).fill('2,5');

    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    expect(await fieldError(page, 'textbox', 'Ngày thành lập')).toBe('Ngày không hợp lệ: không có ngày này trên lịch.');
    expect(await founded.inputValue()).toBe('31/02/2099');
    expect(await fieldError(page, 'textbox', 'Tổng số lao động')).toBe('Số lao động không thể âm.');
    expect(await page.getByRole('textbox', { name: 'Tổng số lao động' }).inputValue()).toBe('-3');
    expect(await fieldError(page, 'textbox', 'Lao động nữ')).toBe('Số lao động phải là số nguyên (không có phần lẻ).');
    // The first wrong field takes the focus and opens its calendar; close it to see the form.
    await page.keyboard.press('Escape');
    await screenshot(page, 'subject-checks-desktop', { fullPage: true });

    await founded.fill('01/01/2099');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    expect(await fieldError(page, 'textbox', 'Ngày thành lập')).toBe('Ngày thành lập không thể ở tương lai.');

    await founded.fill('20/03/2015');
    await page.keyboard.press('Tab');
    await page.getByRole('textbox', { name: 'Tổng số lao động' }).fill('3');
    await page.getByRole('textbox', { name: 'Lao động nữ' }).fill('2');
    // Not confirmed as a branch: the server refuses the code and names the holder on the field.
    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    expect(await fieldError(page, 'textbox', 'Mã số thuế')).toContain('«Công ty TNHH Nông sản Tháp Mười» (Tháp Mười)');
    expect(page.url()).toMatch(/\/subjects\/new$/u);
    await screenshot(page, 'subject-checks-taken-desktop');

    await page.getByRole('checkbox', { name: 'Đây là chi nhánh của chủ thể đã có' }).check();
    await page.getByRole('button', { name: 'Đăng ký chủ thể' }).click();
    await page.waitForURL(/\/subjects\/[0-9a-f-]{36}$/u);
    await page.getByRole('heading', { name: 'Chi nhánh Sa Đéc – Nông sản Tháp Mười' }).waitFor();
    await context.close();
  });

  it('tells an officer only that a code of another commune is taken, on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'canbo.sadec@ocop.demo');
    await page.goto(`${server.baseUrl}/subjects/new`);
    await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('0100112437');
    const warning = page.getByTestId('tax-code-taken');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Văn phòng Điều phối OCOP tỉnh');
    expect(await warning.innerText()).not.toContain('Gạo Xa');
    expect(await warning.getByRole('link').count()).toBe(0);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'subject-checks-hidden-phone', { keepScroll: true });

    // The branch registered in Sa Đéc is the officer's to open, the parent in Tháp Mười is not.
    await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('0100109106');
    await warning.getByRole('link', { name: 'Chi nhánh Sa Đéc – Nông sản Tháp Mười' }).waitFor();
    expect(await warning.getByRole('link', { name: 'Công ty TNHH Nông sản Tháp Mười' }).count()).toBe(0);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'subject-checks-phone', { keepScroll: true });
    await context.close();
  });
});
