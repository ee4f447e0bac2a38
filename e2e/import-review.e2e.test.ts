import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Imports of real records on the import page: a broken workbook is given back with its problems
 * marked; producers given only by address are previewed with the commune found for each.
 */
async function write(file: string, sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

describe('import review', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-review-'));
    await write(path.join(folder, 'hong.xlsx'), {
      'Chủ thể': [
        ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã', 'Mã số thuế'],
        ['RV01', 'HTX Đúng', 'HTX', '29905', null],
        ['RV01', 'HTX Sai', 'HTX', '01234', '12'],
      ],
    });
    await write(path.join(folder, 'dia-chi.xlsx'), {
      'Chủ thể': [
        ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Địa chỉ'],
        ['RV10', 'HTX Nông nghiệp Phú Thuận', 'HTX', 'Ấp 2, phường Sa Đéc, tỉnh Đồng Tháp'],
        ['RV11', 'Tổ hợp tác Sen Hồng', 'THT', 'X. Thap Muoi, Dong Thap'],
        // A published decision that gives only the province: imported, with its commune unknown.
        ['RV12', 'HTX Chỉ Ghi Tỉnh', 'HTX', 'tỉnh Đồng Tháp'],
      ],
    });
    // Named .xlsx, but a semicolon-separated text file saved under the wrong name.
    fs.writeFileSync(path.join(folder, 'gia.xlsx'), 'Mã chủ thể;Tên chủ thể\nRV20;HTX Tên Sai Đuôi\n');
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/imports`);
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('offers the broken workbook back with its problems marked', async () => {
    await page.locator('input[type="file"]').setInputFiles(path.join(folder, 'hong.xlsx'));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByTestId('import-problems').waitFor();
    // The duplicate code, the commune outside the province and the tax code of one row, in one pass.
    expect(await page.getByTestId('import-problems').getByRole('row').filter({ hasText: 'RV01' }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('import-problems').getByRole('row').count()).toBe(1 + 3);
    const button = page.getByTestId('import-problems-file');
    expect(await button.innerText()).toBe('Tải tệp đã đánh dấu lỗi');
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(file.suggestedFilename()).toBe('hong-loi.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await file.path());
    expect(wb.getWorksheet('Chủ thể')!.getRow(1).getCell(6).value).toBe('Lỗi cần sửa');
    await screenshot(page, 'import-review-problems-desktop', { fullPage: true });
    await page.setViewportSize(PHONE);
    await screenshot(page, 'import-review-problems-phone', { fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
  });

  it('offers no marked-up file for a file named .xlsx that is no workbook', async () => {
    await page.locator('input[type="file"]').setInputFiles(path.join(folder, 'gia.xlsx'));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByTestId('import-problems').waitFor();
    // Its problem is listed; there is no workbook to give back, so no download that would fail.
    expect(await page.getByTestId('import-problems-file').count()).toBe(0);
    await screenshot(page, 'import-review-not-a-workbook-desktop', { fullPage: true });
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
  });

  it('previews the communes found from the addresses', async () => {
    await page.locator('input[type="file"]').setInputFiles(path.join(folder, 'dia-chi.xlsx'));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const communes = page.getByTestId('import-communes');
    await communes.waitFor();
    expect(await communes.getByRole('row').filter({ hasText: 'RV10' }).innerText()).toContain('Phường Sa Đéc');
    expect(await communes.getByRole('row').filter({ hasText: 'RV11' }).innerText()).toContain('Xã Tháp Mười');
    const unplaced = page.getByTestId('import-unplaced');
    expect(await unplaced.getByRole('row').filter({ hasText: 'RV12' }).innerText()).toContain('không nêu xã');
    await screenshot(page, 'import-review-communes-desktop', { fullPage: true });
    await page.setViewportSize(PHONE);
    await screenshot(page, 'import-review-communes-phone', { fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('lists a producer whose commune is unknown apart, flagged, for the office to place', async () => {
    await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).click();
    await page.getByText('Đã ghi dữ liệu').waitFor();
    await page.goto(`${server.baseUrl}/subjects?communeUnknown=true`);
    const row = page.getByRole('row').filter({ hasText: 'HTX Chỉ Ghi Tỉnh' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Chưa rõ xã');
    expect(await page.getByRole('row').filter({ hasText: 'Sen Hồng' }).count()).toBe(0);
    await row.getByRole('link', { name: 'HTX Chỉ Ghi Tỉnh' }).click();
    await page.getByTestId('commune-unknown').waitFor();
    await screenshot(page, 'subject-commune-unknown-desktop', { fullPage: true });
  });
});
