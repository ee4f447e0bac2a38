import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, newContext } from './browser.js';

export type Api = <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>;

/** Calls the API as the user signed in on `page` (its cookie, and the CSRF token the server hands out). */
export async function apiFor(page: Page, baseUrl: string): Promise<Api> {
  const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
    const response = await page.request.fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': me.csrfToken },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** A browser profile signed in through the API (for users whose part is not the point of a test), with its API client. */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; api: Api }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  const response = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password } });
  if (!response.ok()) throw new Error(`Sign-in of ${email} failed: ${response.status()}`);
  return { context, page, api: await apiFor(page, baseUrl) };
}

/** Uploads a file as the user signed in on `page` (multipart: text fields, then the file as `fileField`). */
export async function uploadAs(
  page: Page,
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  file: { name: string; mimeType: string; buffer: Buffer },
  fileField = 'file',
): Promise<unknown> {
  const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${baseUrl}/api/v1${path}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    multipart: { ...fields, [fileField]: file },
  });
  if (!response.ok()) throw new Error(`POST ${path} → ${response.status()} ${await response.text()}`);
  return response.json();
}
