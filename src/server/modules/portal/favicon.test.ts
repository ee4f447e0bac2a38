import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';

// One icon everywhere: the web app's (src/web/public/favicon.svg), which the portal's pages link and
// which browsers fetch as /favicon.ico on their own.

let t: TestApp;
const icon = readFileSync(new URL('../../../web/public/favicon.svg', import.meta.url), 'utf8');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('favicon', () => {
  it('answers /favicon.ico with the icon itself, an image', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    expect(res.body).toBe(icon);
  });

  it('serves the same icon as /favicon.svg, the one the portal pages link', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toBe(icon);
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it('is an SVG star, drawn without scripts or outside references', () => {
    expect(icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(icon).not.toMatch(/<script|href=|url\(/i);
  });
});
