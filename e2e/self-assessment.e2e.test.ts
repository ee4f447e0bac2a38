import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSetDetail } from '../src/contracts/criteria.js';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The self-assessment of the issue, through the browser: the lotus cooperative scores "Hạt sen sấy"
 * (set 7) with one 4★ minimum missed, attaches evidence, completes the sheet and downloads its PDF;
 * a producer of another subject cannot open it. Then an admin reads and imports criteria.
 */

type SetNode = CriteriaSetDetail['set']['parts'][number]['items'][number];
type Criterion = Extract<SetNode, { kind: 'criterion' }>;

const OTHER_PRODUCER = { email: 'bahai.nem@ocop.demo', password: 'nem-lai-vung-2026' };
const EVIDENCE_URL = 'https://htxsen.example.vn/hop-dong-bao-tieu-2026.pdf';
const WAIT = { timeout: 10_000 };

const criteriaOf = (nodes: readonly SetNode[]): Criterion[] => nodes.flatMap((node) => (node.kind === 'criterion' ? [node] : criteriaOf(node.children)));

/**
 * Every criterion's best option, except the first criterion with a 4★-marked option: there the
 * best option worth less than the marked one, so the total stays high but the 4★ minimum is missed.
 */
function planChoices(set: CriteriaSetDetail['set']) {
  const criteria = set.parts.flatMap((part) => criteriaOf(part.items));
  const bestIndex = (options: Criterion['options']) => options.reduce((best, option, i) => (option.points > options[best]!.points ? i : best), 0);
  const choices = new Map(criteria.map((c) => [c.code, bestIndex(c.options)]));
  const gated = criteria.find((c) => c.options.some((o) => o.minStar === 4 && c.options.some((lower) => lower.points < o.points)));
  if (!gated) throw new Error(`Set ${set.number} has no criterion with a 4★ minimum to miss`);
  const marked = gated.options.find((o) => o.minStar === 4)!;
  const below = gated.options.map((option, index) => ({ option, index })).filter(({ option }) => option.points < marked.points);
  choices.set(gated.code, below.reduce((a, b) => (b.option.points > a.option.points ? b : a)).index);
  const pointsOf = (code: string) => criteria.find((c) => c.code === code)!.options[choices.get(code)!]!.points;
  return { choices, gated, pointsOf };
}

async function saveState(page: Page): Promise<string | null> {
  return page.getByTestId('save-state').first().getAttribute('data-state');
}

/** An admin opens an account for the producer of another subject, through the API. */
async function createOtherProducer(browser: Browser, baseUrl: string): Promise<void> {
  const context = await newContext(browser, DESKTOP);
  const page = await context.newPage();
  await login(page, baseUrl, 'admin@ocop.demo');
  const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const subjects = (await (await page.request.get(`${baseUrl}/api/v1/subjects?q=nem%20lai%20vung`)).json()) as { items: { id: string }[] };
  const response = await page.request.post(`${baseUrl}/api/v1/users`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { email: OTHER_PRODUCER.email, fullName: 'Nguyễn Thị Hai', role: 'producer', subjectId: subjects.items[0]?.id, password: OTHER_PRODUCER.password },
  });
  expect(response.status()).toBe(201);
  await context.close();
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('self-assessment', () => {
  let sheetUrl = '';

  it('lets the producer score "Hạt sen sấy", attach evidence, complete the sheet and download its PDF', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'htx.sen@ocop.demo');
    const detail = (await (await page.request.get(`${server.baseUrl}/api/v1/criteria/26-2026-qd-ttg/7`)).json()) as CriteriaSetDetail;
    const { choices, gated, pointsOf } = planChoices(detail.set);

    await page.getByRole('link', { name: 'Sản phẩm', exact: true }).click();
    await page.getByRole('link', { name: 'Hạt sen sấy', exact: true }).click();
    await page.getByRole('tab', { name: 'Tự đánh giá' }).click();
    await page.getByText('Sản phẩm chưa có phiếu tự đánh giá nào.').waitFor();
    await page.getByRole('button', { name: 'Tự đánh giá', exact: true }).click();
    await page.waitForURL(/\/self-assessments\/[0-9a-f-]{36}$/u);
    sheetUrl = page.url();
    await page.getByRole('heading', { name: 'Tự đánh giá: Hạt sen sấy' }).waitFor();
    expect(await page.getByTestId('ocop-code').innerText()).toMatch(/^82-30037-\d{3}-2026$/u);

    // Completing an empty sheet lists every criterion without a choice.
    await page.getByRole('button', { name: 'Hoàn thành' }).first().click();
    const missing = page.getByTestId('missing-criteria');
    await missing.waitFor();
    expect(await missing.innerText()).toContain(`Còn ${choices.size} tiêu chí chưa chọn phương án`);

    // The running total is the server's, after each autosave.
    const total = page.getByTestId('running-total');
    expect(await total.innerText()).toBe('0');
    const [first, ...others] = [...choices];
    const [firstCode, firstIndex] = first!;
    await page.getByTestId(`criterion-${firstCode}`).getByRole('radio').nth(firstIndex).click();
    await expect.poll(() => total.innerText(), WAIT).toBe(String(pointsOf(firstCode)));
    for (const [code, index] of others) await page.getByTestId(`criterion-${code}`).getByRole('radio').nth(index).click();
    await expect.poll(() => saveState(page), WAIT).toBe('saved');
    expect(await page.getByTestId('answered').innerText()).toContain(`${choices.size}/${choices.size}`);
    expect(await missing.count()).toBe(0);
    // Every criterion answered: the provisional result is already there.
    await page.getByTestId('result-panel').waitFor();

    const firstCard = page.getByTestId('criterion-1.1');
    await firstCard.getByRole('button', { name: /^Thêm liên kết/u }).click();
    const dialog = page.getByRole('dialog', { name: 'Liên kết minh chứng cho tiêu chí 1.1' });
    await dialog.getByRole('textbox', { name: 'Địa chỉ liên kết' }).fill(EVIDENCE_URL);
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await firstCard.getByRole('link', { name: EVIDENCE_URL }).waitFor();
    await screenshot(page, 'self-assessment-sheet-desktop');
    await page.getByTestId(`criterion-${gated.code}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'self-assessment-criteria-desktop', { keepScroll: true });

    await page.getByRole('button', { name: 'Hoàn thành' }).first().click();
    await page.getByTestId('completed-notice').waitFor();
    expect(await page.getByTestId('sheet-status').innerText()).toBe('Đã hoàn thành');
    const awardedTotal = Number((await page.getByTestId('result-total').innerText()).replace(',', '.'));
    expect(awardedTotal).toBeGreaterThanOrEqual(70);
    // Capped at 3★: the 4★ minimum of the gated criterion is not met.
    expect(await page.getByTestId('result-star').getAttribute('data-stars')).toBe('3');
    const failed = page.getByTestId('failed-gate').filter({ has: page.locator('[data-min-star="4"]') });
    expect(await failed.innerText()).toContain(`${gated.code}`);
    expect(await failed.innerText()).toContain(gated.label);
    expect(await page.getByTestId('recognition').innerText()).toContain('UBND cấp tỉnh');
    // Completed: read-only, no more completing or deleting.
    expect(await page.getByRole('button', { name: 'Hoàn thành' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Xoá bản nháp' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mở lại' }).waitFor();
    await page.getByTestId('result-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'self-assessment-result-desktop', { keepScroll: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tu-danh-gia-82-30037-\d{3}-2026\.pdf$/u);
    const pdf = await page.request.get(`${server.baseUrl}/api/v1/self-assessments/${sheetUrl.split('/').pop()}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The product lists the completed sheet (after refreshing the draft it had cached).
    await page.getByRole('link', { name: 'Hạt sen sấy', exact: true }).first().click();
    const row = page.getByTestId('self-assessment-row');
    await expect.poll(() => row.innerText(), WAIT).toContain('Đã hoàn thành');
    expect(await row.getByRole('img', { name: '3 sao' }).count()).toBe(1);

    await page.setViewportSize(PHONE);
    await page.goto(sheetUrl);
    await page.getByTestId('result-panel').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'self-assessment-sheet-phone');
    await page.getByTestId('result-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'self-assessment-result-phone', { keepScroll: true });
    await page.getByTestId(`criterion-${gated.code}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'self-assessment-criteria-phone', { keepScroll: true });
    await context.close();
  });

  it('does not show the sheet to the producer of another subject', async () => {
    await createOtherProducer(browser, server.baseUrl);
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, OTHER_PRODUCER.email, OTHER_PRODUCER.password);
    await page.goto(sheetUrl);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy' }).waitFor();
    expect(await page.getByText('Hạt sen sấy').count()).toBe(0);
    expect(await page.getByTestId('result-panel').count()).toBe(0);
    await context.close();
  });
});

describe('criteria', () => {
  let badFile: string;

  beforeAll(() => {
    badFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-criteria-')), 'tieu-chi-loi.json');
    fs.writeFileSync(badFile, JSON.stringify({ legalBasis: '99/2026/QĐ-UBND', title: 'Bộ tiêu chí thử' }));
  });

  afterAll(() => {
    if (badFile) fs.rmSync(path.dirname(badFile), { recursive: true, force: true });
  });

  it('shows an admin the versions and the readable, printable sheet of set 1', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');

    await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
    await page.getByRole('heading', { name: 'Bộ tiêu chí', level: 1 }).waitFor();
    const inForce = page.getByTestId('criteria-version').filter({ hasText: 'Đang áp dụng' });
    await inForce.waitFor();
    expect(await page.getByTestId('criteria-version').count()).toBe(2);
    expect(await inForce.innerText()).toContain('26/2026/QĐ-TTg');
    await screenshot(page, 'criteria-list-desktop');

    await inForce.getByRole('link', { name: '1. Rau, củ, quả, hạt tươi' }).click();
    await page.waitForURL(/\/criteria\/26-2026-qd-ttg\/1$/u);
    await page.getByRole('heading', { name: '1. Rau, củ, quả, hạt tươi' }).waitFor();
    await page.getByRole('heading', { name: /^Phần A\. / }).waitFor();
    expect(await page.getByTestId('criterion-1.1').innerText()).toContain('tối đa 3 điểm');
    expect(await page.locator('[data-min-star="4"]').count()).toBeGreaterThan(0);
    expect(await page.getByText('Trường hợp hồ sơ bị loại').count()).toBe(1);
    await screenshot(page, 'criteria-sheet-desktop');

    // Printing leaves the navigation out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#main-navigation').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '1. Rau, củ, quả, hạt tươi' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('lists every problem of an invalid criteria file', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/criteria`);

    await page.getByRole('button', { name: 'Nhập bộ tiêu chí' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập bộ tiêu chí từ tệp JSON' });
    await dialog.locator('input[type="file"]').setInputFiles(badFile);
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    const problems = dialog.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Tệp bộ tiêu chí không hợp lệ');
    const items = await problems.getByRole('listitem').allInnerTexts();
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.some((item) => item.startsWith('effectiveFrom'))).toBe(true);
    expect(items.some((item) => item.startsWith('sets'))).toBe(true);
    await screenshot(page, 'criteria-import-problems-desktop');
    await context.close();
  });
});
