import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The dashboard of a province with no programme records yet (the bare demo province: producers and
 * products, no results, certificates or activities): each chart says it has nothing to show rather
 * than drawing a scale or axes that read as figures, and every chart card keeps its title and subtitle.
 */

const CHARTS = ['chart-communes', 'chart-products-by-set', 'chart-legal-forms', 'chart-certificates-due', 'chart-funnel', 'chart-listings'];

async function openDashboard(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByTestId('programme-dashboard').waitFor();
  await page.getByTestId('chart-listings').waitFor();
}

describe('dashboard of an empty year', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('draws the communes plain, with a "no figures" legend instead of a 0–1 scale', async () => {
    await openDashboard(page, server.baseUrl);
    const card = page.getByTestId('chart-communes');
    await card.getByTestId('chart-canvas-communes').locator('canvas').first().waitFor();
    const legend = card.getByTestId('map-legend-no-data');
    expect(await legend.innerText()).toBe('Chưa có số liệu: Sản phẩm được công nhận trong năm');
    // No product is certified either, and the legend names that figure.
    await card.getByText('Còn hiệu lực', { exact: true }).click();
    await expect.poll(() => legend.innerText()).toBe('Chưa có số liệu: Sản phẩm OCOP còn hiệu lực');
    // The demo province's producers are registered: that figure colours the map on its scale.
    await card.getByText('Chủ thể', { exact: true }).click();
    await expect.poll(() => legend.count()).toBe(0);
  });

  it('says the certificates falling due have no data instead of drawing empty axes', async () => {
    const card = page.getByTestId('chart-certificates-due');
    expect(await card.getByText('Chưa có dữ liệu', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByTestId('chart-canvas-certificates-due').count()).toBe(0);
    expect(await card.getByRole('button', { name: /^Tải xuống:/u }).isDisabled()).toBe(true);
  });

  it('gives every chart card a title and a subtitle', async () => {
    for (const id of CHARTS) {
      const card = page.getByTestId(id);
      expect((await card.getByRole('heading', { level: 3 }).innerText()).trim(), id).not.toBe('');
      expect((await card.getByTestId('chart-subtitle').innerText()).trim(), id).not.toBe('');
    }
    await screenshot(page, 'dashboard-empty-desktop', { fullPage: true });
  });

  it('keeps the empty states on a phone', async () => {
    const phone = await newContext(browser, PHONE);
    const p = await phone.newPage();
    await login(p, server.baseUrl, 'admin@ocop.demo');
    await openDashboard(p, server.baseUrl);
    await p.getByTestId('map-legend-no-data').waitFor();
    expect(await p.getByTestId('chart-certificates-due').getByText('Chưa có dữ liệu', { exact: true }).isVisible()).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(p, 'dashboard-empty-phone', { fullPage: true });
    await phone.close();
  });
});
