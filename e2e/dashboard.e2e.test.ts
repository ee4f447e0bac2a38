import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The programme's figures end to end: the office imports earlier records from a workbook (checked,
 * previewed, then written), reads them on the dashboard for that year, exports a chart's data, sets
 * a target in the year's plan and sees it against the figure, and downloads the annual report.
 */

const YEAR = 2024;
const RECOGNISED = 'products_recognised';

/** Two producers of Sa Đéc and Lai Vung, three products, and results of 2023 and 2024 (Decision 148). */
async function buildWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const subjects = wb.addWorksheet('Chủ thể');
  subjects.addRow(['ma_chu_the', 'ten_chu_the', 'loai_hinh', 'ma_xa']);
  subjects.addRow(['NK-001', 'Hợp tác xã Hoa kiểng Tân Quy Đông', 'HTX', '29905']);
  subjects.addRow(['NK-002', 'Hộ kinh doanh Lạp xưởng Lai Vung Út Mười', 'Hộ kinh doanh', '30226']);
  const products = wb.addWorksheet('Sản phẩm');
  products.addRow(['ma_san_pham', 'ma_chu_the', 'ten_san_pham', 'bo_san_pham']);
  products.addRow(['NK-SP-001', 'NK-001', 'Hoa kiểng mini Tân Quy Đông', 23]);
  products.addRow(['NK-SP-002', 'NK-002', 'Lạp xưởng tôm Lai Vung', 8]);
  products.addRow(['NK-SP-003', 'NK-002', 'Lạp xưởng heo Lai Vung', 8]);
  const results = wb.addWorksheet('Kết quả đánh giá');
  results.addRow(['ma_san_pham', 'nam', 'cap', 'loai', 'diem', 'hang_sao', 'can_cu']);
  results.addRow(['NK-SP-001', YEAR, 'Tỉnh', 'Lần đầu', 75, 4, '148/QĐ-TTg']);
  results.addRow(['NK-SP-002', YEAR, 'Tỉnh', 'Lần đầu', 62, 3, '148/QĐ-TTg']);
  results.addRow(['NK-SP-003', YEAR - 1, 'Tỉnh', 'Lần đầu', 58, 3, '148/QĐ-TTg']);
  await wb.xlsx.writeFile(file);
}

async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Clicks what starts a download and returns the saved file's bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const saved = await file.path();
  return { file, bytes: fs.readFileSync(saved) };
}

/** The page is no wider than the screen: nothing to scroll sideways on a phone. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('programme dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let folder: string;
  let workbook: string;
  let badCsv: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-import-'));
    workbook = path.join(folder, 'du-lieu-ocop.xlsx');
    await buildWorkbook(workbook);
    // A CSV whose name says nothing of its sheet, naming a producer nobody has.
    badCsv = path.join(folder, 'bang-tinh.csv');
    fs.writeFileSync(badCsv, '\uFEFFma_san_pham,ma_chu_the,ten_san_pham\r\nNK-SP-900,KHONG-CO,Sản phẩm thử\r\n');
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists every problem of a rejected file in a table', async () => {
    await page.getByRole('link', { name: 'Nhập dữ liệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();

    const template = await download(page, () => page.getByRole('link', { name: 'Tải tệp mẫu' }).click());
    expect(template.bytes.subarray(0, 2).toString()).toBe('PK');

    await page.locator('input[type="file"]').setInputFiles(badCsv);
    await choose(page, 'Loại dữ liệu của tệp CSV', 'Sản phẩm');
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await page.getByTestId('import-status').first().innerText()).toBe('Có lỗi');
    const row = problems.getByRole('row').filter({ hasText: 'KHONG-CO' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Mã chủ thể');
    await screenshot(page, 'import-problems-desktop', { fullPage: true });
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
  });

  it('previews a workbook of subjects, products and results, then writes it', async () => {
    await page.locator('input[type="file"]').setInputFiles(workbook);
    await page.getByTestId('import-files').getByText('du-lieu-ocop.xlsx').waitFor();
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();

    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const cells = async (sheet: string) => (await page.getByTestId(`import-counts-${sheet}`).getByRole('cell').allInnerTexts()).slice(1);
    expect(await cells('subjects')).toEqual(['2', '0', '0']);
    expect(await cells('products')).toEqual(['3', '0', '0']);
    expect(await cells('results')).toEqual(['3', '0', '0']);
    await screenshot(page, 'import-preview-desktop', { fullPage: true });

    await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).click();
    await page.getByTestId('import-committed').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-status').first().innerText()).toBe('Đã ghi');
    // The recent imports list shows both attempts.
    await expect.poll(() => page.getByTestId('recent-imports').getByRole('row').count()).toBe(3);
  });

  it('shows the imported year on the dashboard, with charts that export their data', async () => {
    await page.goto(`${server.baseUrl}/dashboard?year=${YEAR}`);
    await page.getByRole('heading', { name: `Kết quả Chương trình OCOP năm ${YEAR}` }).waitFor();
    await expect.poll(() => page.getByTestId(`indicator-value-${RECOGNISED}`).innerText()).toBe('2');
    expect(await page.getByTestId('indicator-value-products_4_star').innerText()).toBe('1');
    // Market figures are counted from their records: none recorded in this year's import.
    expect(await page.getByTestId('indicator-value-sales_points').innerText()).toBe('0');

    for (const chart of ['communes', 'products-by-set']) await page.getByTestId(`chart-canvas-${chart}`).locator('canvas').first().waitFor();
    // Imported results carry no certificates: none falls due in the year, and the card says so instead of drawing empty axes.
    await page.getByTestId('chart-certificates-due').getByText('Chưa có dữ liệu', { exact: true }).waitFor();
    expect(await page.getByTestId('chart-canvas-certificates-due').count()).toBe(0);
    // The commune table links a commune's figure to its products.
    // Mantine hides the radios of a segmented control; its labels take the click.
    await page.getByTestId('chart-communes').getByText('Bảng', { exact: true }).click();
    const saDec = page.getByTestId('commune-table').getByRole('row').filter({ hasText: 'Sa Đéc' }).first();
    expect(await saDec.getByRole('link').first().getAttribute('href')).toBe('/products?communeCode=29905');
    await page.getByTestId('chart-communes').getByText('Bản đồ', { exact: true }).click();
    await page.getByTestId('chart-canvas-communes').locator('canvas').first().waitFor();

    const card = page.getByTestId('chart-products-by-set');
    await card.getByRole('button', { name: /^Tải xuống:/u }).click();
    const csv = await download(page, () => page.getByRole('menuitem', { name: 'Tải dữ liệu CSV' }).click());
    expect(csv.file.suggestedFilename()).toBe(`san-pham-duoc-cong-nhan-theo-bo-san-pham-va-hang-sao-${YEAR}.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Số bộ,Bộ sản phẩm,3 sao,4 sao,Tổng');
    expect(text).toMatch(/\r\n23,[^\r\n]*,0,1,1\r\n/u);

    await card.getByRole('button', { name: /^Tải xuống:/u }).click();
    const png = await download(page, () => page.getByRole('menuitem', { name: 'Tải ảnh PNG' }).click());
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');

    await page.waitForTimeout(500); // let the charts' entry animations finish before the picture
    await screenshot(page, 'dashboard-desktop', { fullPage: true });
  });

  it('sets a target and a budget line in the year’s plan and shows the target on the dashboard', async () => {
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { name: 'Kế hoạch năm' }).waitFor();
    await page.getByRole('textbox', { name: 'Năm', exact: true }).fill(String(YEAR));
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await page.waitForURL(new RegExp(`/plans/${YEAR}$`, 'u'));

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await choose(page, 'Chỉ tiêu – dòng 1', 'Sản phẩm được công nhận đạt 3 sao trở lên', 'cong nhan dat 3');
    await page.getByRole('textbox', { name: 'Số lượng – dòng 1' }).fill('10');
    await page.getByRole('button', { name: 'Thêm dòng kinh phí' }).click();
    await page.getByRole('textbox', { name: 'Nội dung chi – dòng 1' }).fill('Hỗ trợ chủ thể hoàn thiện hồ sơ, bao bì');
    await choose(page, 'Nguồn kinh phí – dòng 1', 'Ngân sách tỉnh');
    await page.getByRole('textbox', { name: 'Số tiền (đồng) – dòng 1' }).fill('150000000');
    await expect.poll(() => page.getByTestId('budget-total').innerText()).toMatch(/150\.000\.000\s₫/u);
    await page
      .getByRole('textbox', { name: 'Nội dung', exact: true })
      .fill('1. Rà soát, hỗ trợ chủ thể hoàn thiện sản phẩm.\n2. Tổ chức đánh giá, phân hạng cấp tỉnh.');
    await screenshot(page, 'plan-editor-desktop', { fullPage: true });
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText(`Năm ${YEAR} · phiên bản 1`).waitFor();

    await page.getByRole('link', { name: 'Kế hoạch năm' }).first().click();
    const planRow = page
      .getByTestId('plan-table')
      .getByRole('row')
      .filter({ hasText: String(YEAR) });
    await expect.poll(() => planRow.innerText()).toMatch(/150\.000\.000\s₫/u);
    await screenshot(page, 'plans-desktop');

    await page.goto(`${server.baseUrl}/dashboard?year=${YEAR}`);
    await expect.poll(() => page.getByTestId(`indicator-target-${RECOGNISED}`).innerText()).toBe('/ 10');
    expect(await page.getByTestId(`indicator-${RECOGNISED}`).innerText()).toMatch(/20\s%/u);
  });

  it('lets a commune officer read the plan but not change it or import', async () => {
    const officer = await newContext(browser, DESKTOP);
    const p = await officer.newPage();
    await login(p, server.baseUrl, 'canbo.sadec@ocop.demo');
    expect(await p.getByRole('link', { name: 'Nhập dữ liệu', exact: true }).count()).toBe(0);
    await p.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await p
      .getByRole('link', { name: /Kế hoạch thực hiện Chương trình/u })
      .first()
      .click();
    await p.getByText('Chỉ Văn phòng Điều phối OCOP tỉnh được sửa kế hoạch.').waitFor();
    expect(await p.getByText('Sản phẩm được công nhận đạt 3 sao trở lên').count()).toBeGreaterThan(0);
    expect(await p.getByRole('button', { name: 'Lưu kế hoạch' }).count()).toBe(0);
    expect(await p.getByRole('textbox').count()).toBe(0);
    await officer.close();
  });

  it('downloads the annual report of the year as a Word document', async () => {
    await page.goto(`${server.baseUrl}/dashboard?year=${YEAR}`);
    const report = await download(page, () => page.getByRole('link', { name: 'Báo cáo năm (Word)' }).click());
    expect(report.file.suggestedFilename()).toMatch(/\.docx$/u);
    expect(report.bytes.length).toBeGreaterThan(1000);
    expect(report.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('fits the dashboard, plan and import pages on a phone', async () => {
    const phone = await newContext(browser, PHONE);
    const p = await phone.newPage();
    await login(p, server.baseUrl, 'admin@ocop.demo');
    await p.goto(`${server.baseUrl}/dashboard?year=${YEAR}`);
    await p.getByTestId('chart-canvas-communes').locator('canvas').first().waitFor();
    await p.getByTestId('chart-canvas-products-by-set').locator('canvas').first().waitFor();
    const width = await p.getByTestId('chart-products-by-set').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.waitForTimeout(500);
    await screenshot(p, 'dashboard-phone', { fullPage: true });

    await p.goto(`${server.baseUrl}/plans/${YEAR}`);
    await p.getByRole('textbox', { name: 'Tên kế hoạch' }).waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'plan-editor-phone', { fullPage: true });

    await p.goto(`${server.baseUrl}/imports`);
    await p.getByText('Các lần nhập gần đây').waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'import-phone', { fullPage: true });
    await phone.close();
  });
});
