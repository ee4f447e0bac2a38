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
      const toFill = open.flatMap((s) => s.dossiers).filter((d) => d.sheet === 'to_fill').length;
      expect(toFill).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="home-sheet"][data-sheet="to_fill"]').count()).toBe(toFill);
      await expect.poll(() => page.getByTestId('session-progress').first().innerText()).toContain('phiếu cần chấm');
      await screenshot(page, `home-council-${size}`, { fullPage: true });

      // The link opens the member's own sheet, under its breadcrumbs.
      await page.locator('[data-testid="home-sheet"][data-sheet="to_fill"]').first().getByRole('link', { name: 'Chấm điểm' }).click();
      await page.waitForURL(/\/council-sessions\/[^/]+\/dossiers\/[^/]+\/sheet$/u);
      const crumbs = page.getByTestId('breadcrumbs');
      await crumbs.waitFor();
      await expect.poll(() => crumbs.innerText()).toContain('Phiếu chấm');
      expect(await crumbs.getByRole('link', { name: 'Hội đồng' }).getAttribute('href')).toBe('/councils');
      await screenshot(page, `home-council-sheet-${size}`);
      await context.close();
    });
  }

  it('still gives the office its dashboard', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, server.baseUrl, 'admin@ocop.demo');
    await page.getByTestId('count-subjects').waitFor();
    expect(await page.getByTestId('home-product').count()).toBe(0);
    await context.close();
  });
});
