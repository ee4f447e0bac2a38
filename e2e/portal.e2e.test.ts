import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from './support/api.js';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, screenshot } from './support/browser.js';
import { REPO_ROOT, startServer, type RunningServer } from './support/server.js';

/**
 * The public portal as a visitor meets it, on the demo province with its history of certificates:
 * search without accents, a product page with its valid certificate, the QR code of a printed
 * certificate opening VALID, a revoked one REVOKED, a random code the Vietnamese not-found page, a
 * code typed on the home page, the Leaflet map of /ban-do (the only page with a script) and its SVG
 * without script; each page checked by axe-core (no serious or critical violation) and
 * photographed at 390 px and 1280 px.
 */

/** What the scripts of a public page may weigh, gzipped: a cheap phone on a slow connection waits for them. */
const SCRIPT_BUDGET = 100 * 1024;

type PublicProduct = { id: string; name: string; url: string; certificate: { standing: string; verificationUrl: string; number: string } };

const AXE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's protocol, so the pages' strict CSP (no inline script) does not stop it.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
}

describe('public portal', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let products: PublicProduct[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ history: true }), launchBrowser()]);
    phone = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    desktop = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    // Every certified product of the demo history, in force or not, through the open-data API.
    products = [];
    for (let page = 1; ; page++) {
      const res = await fetch(`${server.baseUrl}/api/v1/public/products?valid=0&pageSize=100&page=${page}`);
      const body = (await res.json()) as { items: PublicProduct[]; total: number };
      products.push(...body.items);
      if (products.length >= body.total || !body.items.length) break;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(url: string, name: string, expectText: string | RegExp) {
    for (const [context, size] of [
      [phone, '390'],
      [desktop, '1280'],
    ] as const) {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      const response = await page.goto(`${server.baseUrl}${url}`);
      await page.getByText(expectText).first().waitFor();
      expect(scripts, `${url}: a public page loads no script`).toEqual([]);
      expect(await axeViolations(page), `${url} at ${size} px`).toEqual([]);
      await screenshot(page, `portal-${name}-${size}`, { fullPage: true });
      await page.close();
      if (size === '390') expect(response?.status()).toBeLessThan(500);
    }
  }

  it('has a home page with numbers, search, label check and map, light enough for a cheap phone', async () => {
    await visit('/', 'home', 'Kiểm tra nhãn OCOP');
    const html = await fetch(`${server.baseUrl}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.headers.get('content-encoding')).toMatch(/br|gzip/);
    const bytes = (await html.arrayBuffer()).byteLength; // fetch decodes; the size on the wire is smaller still
    expect(bytes).toBeLessThan(200_000);
  });

  it('finds a product without accents and shows its valid certificate', async () => {
    const valid = products.find((p) => p.certificate.standing === 'valid')!;
    const words = valid.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const page = await desktop.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('searchbox', { name: /Tìm sản phẩm/ }).fill(words);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page
      .getByRole('link', { name: new RegExp(valid.name) })
      .first()
      .click();
    await page.getByRole('heading', { name: valid.name, level: 1 }).waitFor();
    expect(await page.getByText('CÒN HIỆU LỰC').count()).toBeGreaterThan(0);
    await page.close();
    await visit(valid.url, 'product', valid.name);
    await visit(`/san-pham?q=${encodeURIComponent(words)}`, 'catalogue', valid.name);
    await visit('/kiem-tra', 'check-label', 'Mã in dưới mã QR trên nhãn');
    const producer = await (await fetch(`${server.baseUrl}/api/v1/public/products?q=${encodeURIComponent(words)}`)).json();
    await visit((producer as { items: { producer: { url: string; name: string } }[] }).items[0]!.producer.url, 'producer', valid.name);
  });

  it('draws the map with Leaflet, within the script budget, usable with the keyboard and without script', async () => {
    const scripts = new Set<string>();
    for (const [context, size] of [
      [phone, '390'],
      [desktop, '1280'],
    ] as const) {
      const page = await context.newPage();
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.add(r.url());
      });
      await page.goto(`${server.baseUrl}/ban-do`);
      await page.locator('.leaflet-container path.leaflet-interactive').first().waitFor();
      expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBeGreaterThan(50);
      expect(await page.locator('.map > svg').count(), 'the SVG gives way to the map').toBe(0);
      expect(await page.locator('.leaflet-tile').count(), 'no tile server by default').toBe(0);
      expect(await axeViolations(page), `/ban-do at ${size} px`).toEqual([]);
      await screenshot(page, `portal-map-${size}`, { fullPage: true });
      await page.close();
    }

    // Every script is ours, and all of them together stay within the budget of a public page.
    let gzipped = 0;
    for (const url of scripts) {
      expect(new URL(url).origin, url).toBe(server.baseUrl);
      expect(new URL(url).pathname, url).toMatch(/^\/assets\/(portal-map|leaflet)-[\w-]+\.js$/);
      gzipped += zlib.gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).byteLength;
    }
    expect(scripts.size).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(SCRIPT_BUDGET);

    // Tab reaches a commune, Enter opens its popup with the focus on the link to its products.
    const page = await desktop.newPage();
    await page.goto(`${server.baseUrl}/ban-do?lang=en`);
    const commune = page.locator('.leaflet-container path[role="button"]').first();
    await commune.waitFor();
    await page.locator('.leaflet-container').focus();
    for (let i = 0; i < 5 && !(await commune.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await commune.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'See the products' });
    await link.waitFor();
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes it and gives the focus back to the commune; Enter opens it again.
    await page.keyboard.press('Escape');
    await link.waitFor({ state: 'detached' });
    expect(await commune.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/san-pham\?commune=\d{5}&lang=en$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/san-pham\?commune=\d{5}&lang=en$/);
    await page.close();

    // Without script, the SVG map links every commune, and the table lists those with products.
    const noScript = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.baseUrl}/ban-do`);
    await plain.getByText('Các xã có sản phẩm OCOP').waitFor();
    expect(await plain.locator('.map > svg a[href^="/san-pham?commune="]').count()).toBeGreaterThan(50);
    expect(await plain.locator('.leaflet-container').count()).toBe(0);
    await screenshot(plain, 'portal-map-no-script-390', { fullPage: true });
    await noScript.close();
  });

  it('opens VALID from the QR code of a printed certificate', async () => {
    const admin = await signedIn(browser, server.baseUrl, 'admin@ocop.demo', DEMO_PASSWORD);
    const list = await admin.api<{ items: { id: string; number: string; status: string }[] }>('GET', '/certificates?status=valid&pageSize=5');
    const certificate = list.items[0]!;
    const pdf = await admin.page.request.get(`${server.baseUrl}/api/v1/certificates/${certificate.id}/pdf`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-portal-'));
    fs.writeFileSync(path.join(dir, 'c.pdf'), await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '150', path.join(dir, 'c.pdf'), path.join(dir, 'page')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const url = execFileSync('zbarimg', ['--quiet', '--raw', path.join(dir, png)], { encoding: 'utf8' }).trim();
    fs.rmSync(dir, { recursive: true, force: true });
    await admin.context.close();
    expect(url.startsWith(server.baseUrl)).toBe(true);
    await visit(new URL(url).pathname, 'verify-valid', 'CÒN HIỆU LỰC');
  });

  it('shows a revoked certificate as REVOKED and a random code as a possibly fake label (404)', async () => {
    const revoked = products.find((p) => p.certificate.standing === 'revoked')!;
    expect(revoked).toBeDefined();
    await visit(revoked.certificate.verificationUrl, 'verify-revoked', 'ĐÃ BỊ THU HỒI');
    const page = await phone.newPage();
    const response = await page.goto(`${server.baseUrl}/v/KhongCoMaNay12345`);
    expect(response?.status()).toBe(404);
    await page.getByText('Nhãn có thể là giả').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-verify-unknown-390', { fullPage: true });
    await page.close();
  });

  it('finds the certificate from the code typed on the home page', async () => {
    const valid = products.find((p) => p.certificate.standing === 'valid')!;
    const code = valid.certificate.verificationUrl.replace('/v/', '');
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('textbox', { name: /Mã in dưới mã QR/ }).fill(code);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText('CÒN HIỆU LỰC').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/v/${code}`);
    await page.close();
  });

  it('sends the back-office app compressed, with long-lived hashed assets and no source maps', async () => {
    const index = await (await fetch(`${server.baseUrl}/login`)).text();
    const scripts = [...index.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await fetch(`${server.baseUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers.get('content-encoding'), script).toMatch(/br|gzip/);
      expect(res.headers.get('cache-control'), script).toContain('immutable');
      expect((await fetch(`${server.baseUrl}${script}.map`)).status, `${script}.map`).toBe(404);
    }
    // The build's manifest is the server's to read (it names source files), not a visitor's.
    expect((await fetch(`${server.baseUrl}/.vite/manifest.json`)).status).toBe(404);
  });

  it('links the staff sign-in page and back', async () => {
    const page = await desktop.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
    await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/u }).waitFor();
    await page.getByRole('link', { name: /Trang công khai/ }).click();
    await page.getByText('Kiểm tra nhãn OCOP').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });
});
