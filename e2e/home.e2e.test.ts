import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { REPO_ROOT, startServer, type RunningServer } from './support/server.js';

/**
 * Each person's own first page: the demo producer lands on its products with their certificates, the
 * stage of each dossier and what to do next, in plain words; the demo council member on the sittings
 * they sit on and the sheets still to fill, with a link to each. Nested pages carry breadcrumbs.
 */

type ProducerHome = { subject: { name: string }; products: { name: string; nextStep: { code: string; message: { vi: string } } }[] };
type CouncilHome = { sessions: { id: string; status: string; dossiers: { dossierId: string; sheet: string }[] }[] };

describe('own home pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    // The demo's history (the current round, its council and sittings) is seeded first with `ocop seed`,
    // which may take longer than a server's start-up allowance; the server then starts on it.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-home-'));
    await promisify(execFile)(process.execPath, ['bin/ocop.js', 'seed', '--demo'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_HISTORY: 'true', LOG_LEVEL: 'warn' },
      timeout: 900_000,
    });
    [server, browser] = await Promise.all([startServer({ dataDir, history: true }), launchBrowser()]);
  }, 960_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const viewport of [DESKTOP, PHONE]) {
    const size = viewport === DESKTOP ? 'desktop' : 'phone';

    it(`shows the producer its own products and the next step of each (${viewport.width} px)`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await login(page, server.baseUrl, 'htx.sen@ocop.demo');
      expect(new URL(page.url()).pathname).toBe('/dashboard');
      const api = await apiFor(page, server.baseUrl);
      const home = await api<ProducerHome>('GET', '/home/producer');
      const own = await api<{ total: number }>('GET', '/products?pageSize=1');
      expect(home.products).toHaveLength(own.total);

      const cards = page.getByTestId('home-product');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(home.products.length);
      await expect.poll(() => page.getByText(`Sản phẩm của ${home.subject.name}`, { exact: false }).count()).toBeGreaterThan(0);
      for (const p of home.products) {
        const card = page.locator(`[data-testid="home-product"][data-product="${p.name}"]`);
        expect(await card.getByTestId('next-step').innerText()).toContain(p.nextStep.message.vi);
      }
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/trong phạm vi|được giao/u);
      // Not the office's dashboard.
      expect(await page.getByTestId('count-subjects').count()).toBe(0);
      await screenshot(page, `home-producer-${size}`, { fullPage: true });
      await context.close();
    });

    it(`shows the council member their sittings and the sheets to fill (${viewport.width} px)`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await login(page, server.baseUrl, 'hoidong@ocop.demo');
      const api = await apiFor(page, server.baseUrl);
      const home = await api<CouncilHome>('GET', '/home/council');
      const open = home.sessions.filter((s) => s.status === 'open');
      expect(open.length).toBeGreaterThan(0);

      await page.getByTestId('home-session').first().waitFor();
      expect(await page.getByTestId('home-session').count()).toBe(open.length);
      const sheets = open.flatMap((s) => s.dossiers);
      const toDeclare = sheets.filter((d) => d.sheet === 'to_declare');
      const toFill = sheets.filter((d) => d.sheet === 'to_fill');
      // The demo member has not declared on the second sitting's dossiers yet.
      expect(toDeclare.length + toFill.length).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="home-sheet"][data-sheet="to_declare"]').count()).toBe(toDeclare.length);
      expect(await page.locator('[data-testid="home-sheet"][data-sheet="to_fill"]').count()).toBe(toFill.length);
      await expect.poll(() => page.getByTestId('session-progress').first().innerText()).toContain('phiếu cần chấm');
      // Badge and button wrap inside each card rather than running out of it on a phone.
      for (const overflow of await page.getByTestId('home-sheet').evaluateAll((cards) => cards.map((c) => c.scrollWidth - c.clientWidth)))
        expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `home-council-${size}`, { fullPage: true });

      // Not yet declared: the next step offered is the declaration, not a sheet that would refuse to open.
      const dossierId = (toDeclare[0] ?? toFill[0])!.dossierId;
      const card = page.locator(`[data-testid="home-sheet"][data-dossier="${dossierId}"]`);
      if (toDeclare[0]) {
        expect(await card.getByRole('link', { name: 'Chấm điểm' }).count()).toBe(0);
        await card.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('radio', { name: 'Không có xung đột lợi ích' }).check();
        await dialog.getByRole('button', { name: 'Khai báo', exact: true }).click();
        await page.locator(`[data-testid="home-sheet"][data-dossier="${dossierId}"][data-sheet="to_fill"]`).waitFor();
      }

      // The link opens the member's own sheet, under its breadcrumbs.
      await card.getByRole('link', { name: 'Chấm điểm' }).click();
      await page.waitForURL(/\/council-sessions\/[^/]+\/dossiers\/[^/]+\/sheet$/u);
      const crumbs = page.getByTestId('breadcrumbs');
      await crumbs.waitFor();
      await expect.poll(() => crumbs.innerText()).toContain('Phiếu chấm');
      expect(await crumbs.getByRole('link', { name: 'Hội đồng' }).getAttribute('href')).toBe('/councils');
      await screenshot(page, `home-council-sheet-${size}`);
      await context.close();
    });
  }

  it('fits the dossier list, its "updated" column included, at 1280 px, and shows cards at 390 px', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.goto(`${server.baseUrl}/dossiers`);
    await page.getByTestId('dossier-row').first().waitFor();
    const table = page.locator('main table').first();
    // No horizontal scroll: the table is no wider than the space it has, and the last header is in view.
    const overflow = await table.evaluate((el) => {
      let box = el.parentElement;
      while (box && !/auto|scroll/u.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      return box ? box.scrollWidth - box.clientWidth : 0;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const updated = await page.getByRole('columnheader', { name: 'Cập nhật', exact: true }).boundingBox();
    expect(updated!.x + updated!.width).toBeLessThanOrEqual(DESKTOP.width);
    await screenshot(page, 'dossiers-desktop');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('article').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'dossiers-phone');
    await context.close();
  });

  it('still gives the office its dashboard', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.getByTestId('count-subjects').waitFor();
    expect(await page.getByTestId('home-product').count()).toBe(0);
    await context.close();
  });
});
