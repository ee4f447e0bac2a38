import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDate } from '../src/domain/dates/calendar.js';
import { BUSINESS_PLAN_STATUS_LABELS, FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type BusinessPlanStatus } from '../src/domain/programme/index.js';
import { docxText } from '../test/support/documents.js';
import { apiFor, type Api } from './support/api.js';
import { DESKTOP, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Market access and programme activities as the office records them, on the demo province with its
 * history: a fair with three producers and its revenue, a sales point placed on the map carrying two
 * products, an e-commerce link; both shown on the product's back-office and public pages; the
 * annual report read back with the fair's revenue and the year's training; the funnel of a year
 * whose ideas became recognised products.
 */

type Product = { id: string; name: string; subjectId: string };
type Page1<T> = { items: T[]; total: number };

const FAIR = 'Hội chợ Nông sản và Sản phẩm OCOP Sa Đéc';
const REVENUE = 1_234_500_000;
const POINT = 'Điểm giới thiệu sản phẩm OCOP Chợ Sa Đéc';

/** This year in Vietnam, and days of it before today (never before 1 January, never after today). */
const TODAY = vietnamDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const daysAgo = (n: number) => {
  const day = addDays(TODAY, -n);
  return day < `${YEAR}-01-01` ? `${YEAR}-01-01` : day;
};
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const FAIR_STARTS = daysAgo(14);
const FAIR_ENDS = daysAgo(12);
const TRAINING_STARTS = daysAgo(24);
const TRAINING_ENDS = daysAgo(23);
/** A count as the annual report writes it: two digits under ten, thousands with dots. */
const reportCount = (n: number) => (n < 10 ? `0${n}` : n.toLocaleString('vi-VN'));
const numberVn = (n: number) => n.toLocaleString('vi-VN');

async function choose(page: Page, label: string, option: string | RegExp, options: { search?: string; nth?: number } = {}) {
  const input = page.getByRole('combobox', { name: label, exact: true }).nth(options.nth ?? 0);
  await input.click();
  if (options.search !== undefined) await input.fill(options.search);
  await page.getByRole('option', { name: option }).first().click();
}

async function typeDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

describe('market access and programme activities', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Api;
  /** Certified products of three different producers, in force today. */
  let products: Product[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ history: true }), launchBrowser()]);
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    api = await apiFor(page, server.baseUrl);
    const certified = await api<Page1<Product>>('GET', '/products?star=4&pageSize=100');
    const bySubject = new Map<string, Product>();
    for (const p of certified.items) if (!bySubject.has(p.subjectId)) bySubject.set(p.subjectId, { id: p.id, name: p.name, subjectId: p.subjectId });
    products = [...bySubject.values()].slice(0, 3);
    expect(products).toHaveLength(3);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a fair with three producers and its revenue', async () => {
    await page.goto(`${server.baseUrl}/market/trade-events/new`);
    await page.getByRole('textbox', { name: 'Tên sự kiện', exact: true }).fill(FAIR);
    await choose(page, 'Loại sự kiện', 'Hội chợ');
    await typeDate(page, 'Ngày bắt đầu', ddmmyyyy(FAIR_STARTS));
    await typeDate(page, 'Ngày kết thúc', ddmmyyyy(FAIR_ENDS));
    await page.getByRole('textbox', { name: 'Nơi tổ chức', exact: true }).fill('Quảng trường Sa Đéc');
    await page.getByRole('textbox', { name: 'Lượt khách', exact: true }).fill('15000');
    await page.getByRole('textbox', { name: 'Doanh thu', exact: true }).fill(String(REVENUE));
    for (const [i, product] of products.entries()) {
      await page.getByRole('button', { name: 'Thêm chủ thể' }).click();
      const subject = await api<{ name: string }>('GET', `/subjects/${product.subjectId}`);
      await choose(page, 'Chủ thể', subject.name, { search: subject.name.slice(0, 12), nth: i });
    }
    await page.getByRole('button', { name: 'Lưu sự kiện' }).click();
    await page.getByRole('heading', { name: FAIR }).waitFor();
    await screenshot(page, 'market-fair', { fullPage: true });

    const events = await api<Page1<{ id: string; name: string; revenueVnd: number; participantCount: number }>>(
      'GET',
      `/trade-events?q=${encodeURIComponent('Sa Đéc')}`,
    );
    const fair = events.items.find((e) => e.name === FAIR)!;
    expect(fair).toMatchObject({ revenueVnd: REVENUE, participantCount: 3 });
  });

  it('adds a sales point on the map carrying two products, shown on the product pages with an e-commerce link', async () => {
    await page.goto(`${server.baseUrl}/market/sales-points/new`);
    await choose(page, 'Loại điểm bán', 'Điểm giới thiệu và bán sản phẩm OCOP');
    await page.getByRole('textbox', { name: 'Tên điểm bán', exact: true }).fill(POINT);
    await choose(page, 'Xã/phường', 'Sa Đéc', { search: 'sa dec' });
    // The map zooms to the commune: a click in its middle places the point there.
    const map = page.getByRole('region', { name: 'Bản đồ chọn vị trí điểm bán' });
    // Leaflet draws a commune outside the view as an empty path ("M0 0"): wait for one it shows.
    await map.locator('path.leaflet-interactive:not([d="M0 0"])').first().waitFor();
    await map.scrollIntoViewIfNeeded();
    const latitude = page.getByRole('textbox', { name: 'Vĩ độ' });
    // The map flies to the chosen commune first; a click while it moves is not a choice of place.
    await expect
      .poll(async () => {
        const box = (await map.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return latitude.inputValue();
      })
      .not.toBe('');
    await screenshot(page, 'market-sales-point-map', { keepScroll: true });
    await page.getByRole('button', { name: 'Lưu điểm bán' }).click();
    await page.getByRole('heading', { name: POINT }).waitFor();
    const pointId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await api<{ latitude: number; longitude: number; communeCode: string }>('GET', `/sales-points/${pointId}`);
    expect(saved.latitude).toBeGreaterThan(10);
    expect(saved.longitude).toBeGreaterThan(105);

    // Two products, each with its producer's signed consent recorded by the office.
    await api('POST', `/sales-points/${pointId}/products`, { productIds: [products[0]!.id, products[1]!.id] });
    for (const product of products.slice(0, 2))
      await api('PUT', `/sales-points/${pointId}/products/${product.id}/consent`, { consent: 'given', consentOn: TODAY });
    await api('POST', '/listings/ecommerce', {
      productId: products[0]!.id,
      platform: 'shopee',
      url: 'http://www.Shopee.vn/banh-pia-sa-dec-i.1234.5678?utm_source=zalo',
    });

    await page.goto(`${server.baseUrl}/products/${products[0]!.id}`);
    const section = page.getByTestId('where-to-buy');
    await section.getByText(POINT).waitFor();
    await section.getByRole('link', { name: /shopee\.vn\/product\/1234\/5678/u }).waitFor();
    await screenshot(page, 'market-product-where-to-buy', { fullPage: true });

    const visitor = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const portal = await visitor.newPage();
    await portal.goto(`${server.baseUrl}/san-pham/${products[0]!.id}`);
    await portal.getByText(POINT).waitFor();
    expect(await portal.locator('a[href="https://shopee.vn/product/1234/5678"]').getAttribute('rel')).toContain('nofollow');
    await screenshot(portal, 'market-portal-where-to-buy', { fullPage: true });
    await visitor.close();
  });

  it('writes the fair and the training into the annual report', async () => {
    type Report = { training: { courses: number; people: number; producers: number } };
    const annual = async <T>(format: 'json' | 'docx') => {
      const res = await page.request.get(`${server.baseUrl}/api/v1/reports/annual?year=${YEAR}&format=${format}`);
      expect(res.ok()).toBe(true);
      return (format === 'json' ? await res.json() : docxText(Buffer.from(await res.body()))) as T;
    };
    const before = (await annual<Report>('json')).training;
    await api('POST', '/training', {
      topic: 'Thương mại điện tử cho chủ thể OCOP',
      startsOn: TRAINING_STARTS,
      endsOn: TRAINING_ENDS,
      participants: 640,
      attendees: products.map((p) => ({ subjectId: p.subjectId, people: 2 })),
    });
    const report = await annual<Report & Record<string, unknown>>('json');
    // The course recorded adds one course and its 640 participants to the year's figures.
    expect(report.training.courses).toBe(before.courses + 1);
    expect(report.training.people).toBe(before.people + 640);
    expect(report.training.producers).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(report)).toContain(String(REVENUE));
    const text = await annual<string>('docx');
    expect(text).toContain('1.234.500.000');
    expect(text).toContain(
      `Trong năm, đã tổ chức ${reportCount(report.training.courses)} lớp tập huấn, đào tạo về Chương trình OCOP cho ${reportCount(
        report.training.people,
      )} lượt cán bộ và chủ thể (${reportCount(report.training.producers)} chủ thể có người tham dự).`,
    );
  });

  it('shows in the funnel ideas that became recognised products', async () => {
    type Funnel = { total: Record<(typeof FUNNEL_STAGES)[number], number> };
    let year = YEAR - 1;
    let funnel = await api<Funnel>('GET', `/indicators/funnel?year=${year}`);
    while (funnel.total.recognised === 0 && year > YEAR - 5) funnel = await api('GET', `/indicators/funnel?year=${--year}`);
    expect(funnel.total.recognised).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/activities/funnel?year=${year}`);
    const stages = page.getByTestId('funnel-stages').first();
    await stages.getByText(FUNNEL_STAGE_LABELS.recognised.vi).waitFor();
    // Each stage's row reads its label and exactly the count the server gives, recognised included.
    const shown = await stages
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim())));
    expect(shown).toEqual(FUNNEL_STAGES.map((stage) => [FUNNEL_STAGE_LABELS[stage].vi, numberVn(funnel.total[stage])]));
    // The annual report of that year writes the same funnel in its sentence.
    const res = await page.request.get(`${server.baseUrl}/api/v1/reports/annual?year=${year}&format=docx`);
    const n = funnel.total;
    expect(docxText(Buffer.from(await res.body()))).toContain(
      `các xã, phường đã tiếp nhận ${reportCount(n.ideas)} ý tưởng sản phẩm; trong đó ${reportCount(n.accepted)} ý tưởng được chấp nhận, ${reportCount(
        n.plans,
      )} ý tưởng đã có phương án, dự án sản xuất kinh doanh, ${reportCount(n.evaluated)} ý tưởng có sản phẩm được đánh giá, phân hạng và ${reportCount(
        n.recognised,
      )} ý tưởng có sản phẩm được công nhận đạt từ 3 sao trở lên.`,
    );
    await screenshot(page, 'market-funnel', { fullPage: true });
  });

  it('lists the business plans apart, filtered by year, status and commune, as the server counts them', async () => {
    type Plans = { total: number; items: { status: string }[] };
    let year = YEAR;
    let all = await api<Plans>('GET', `/business-plans?year=${year}`);
    while (all.total === 0 && year > YEAR - 5) all = await api('GET', `/business-plans?year=${--year}`);
    expect(all.total).toBeGreaterThan(0);
    const status = all.items[0]!.status;
    const some = await api<Plans>('GET', `/business-plans?year=${year}&status=${status}`);
    await page.goto(`${server.baseUrl}/activities/plans?year=${year}&status=${status}`);
    await page.getByRole('heading', { name: 'Phương án, dự án sản xuất kinh doanh' }).waitFor();
    await page.getByLabel('Tình trạng', { exact: true }).first().waitFor();
    expect(await page.getByLabel('Tình trạng', { exact: true }).first().inputValue()).toBe(BUSINESS_PLAN_STATUS_LABELS[status as BusinessPlanStatus].vi);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(Math.min(some.total, 20));
    await screenshot(page, 'market-business-plans', { fullPage: true });
  });
});
