import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The criteria pages show each language its own display fields: Vietnamese sector, lead ministry and
 * reading notes with no English in them, and the English ones after switching language.
 */

const ENGLISH_IN_VIETNAMESE = [/\(food\)/i, /\bMAE\b/, /\bMOIT\b/, /\(no sub-group\)/, /The decision gives only/, /\bsame\b/, /Ministry of/];

describe('criteria pages in each language', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    const size = viewport === DESKTOP ? 'desktop' : 'phone';

    it(`shows Vietnamese display fields only, then English ones (${viewport.width} px)`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await login(page, server.baseUrl, 'canbo.sadec@ocop.demo');

      await page.goto(`${server.baseUrl}/criteria`);
      await page.getByTestId('criteria-version').first().waitFor();
      const list = await page.locator('main').innerText();
      expect(list).toContain('I. THỰC PHẨM');
      for (const english of ENGLISH_IN_VIETNAMESE) expect(list).not.toMatch(english);
      await screenshot(page, `criteria-list-vi-${size}`);

      // Set 6: two lead ministries and the bilingual-label reading note.
      await page.goto(`${server.baseUrl}/criteria/26-2026-qd-ttg/6`);
      await page.locator('[data-testid^="criterion-"]').first().waitFor();
      const sheet = await page.locator('main').innerText();
      expect(sheet).toContain('Bộ Nông nghiệp và Môi trường; Bộ Công Thương');
      expect(sheet).toContain('I. Thực phẩm · Thực phẩm chế biến');
      expect(sheet).toContain('Quyết định chỉ quy định điểm tối đa (1 điểm) cho việc ghi nhãn song ngữ');
      for (const english of ENGLISH_IN_VIETNAMESE) expect(sheet).not.toMatch(english);
      await screenshot(page, `criteria-set-vi-${size}`);

      await page.evaluate(() => window.localStorage.setItem('ocop.language', 'en'));
      await page.reload();
      await page.locator('[data-testid^="criterion-"]').first().waitFor();
      const english = await page.locator('main').innerText();
      expect(english).toContain('Ministry of Agriculture and Environment; Ministry of Industry and Trade');
      expect(english).toContain('I. Food · Thực phẩm chế biến');
      expect(english).toContain('The decision gives only the maximum (1 point) for bilingual labelling');
      expect(english).not.toContain('Quyết định chỉ quy định điểm tối đa');
      await screenshot(page, `criteria-set-en-${size}`);
      await context.close();
    });
  }
});
