import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.js';

export const DEMO_PASSWORD = 'ocop-demo-2026';
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'reports/screenshots');

/** Debian's Chromium, headless, with no background traffic (the machine has no outside network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh profile (own cookies and localStorage) at a given screen size, Vietnamese by default. */
export function newContext(browser: Browser, viewport: { width: number; height: number } = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1 });
}

/** Signs in through the login page and waits for the signed-in layout. */
export async function login(page: Page, baseUrl: string, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(Email|E-mail)/u).fill(email);
  await page.getByLabel(/^(Mật khẩu|Password)/u).fill(password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/u }).click();
  await page.getByRole('button', { name: /^(Tài khoản của tôi|My account)/u }).waitFor();
}

/**
 * Saves what the user sees to reports/screenshots/<name>.png (the whole page with `fullPage`),
 * scrolled to the top so the fixed header sits where it belongs, unless `keepScroll` asks for the
 * part of the page the test scrolled to.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; keepScroll?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (!options.keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}
