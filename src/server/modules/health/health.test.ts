import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('system routes', () => {
  it('GET /api/v1/health answers ok once migrations are applied', async () => {
    const c = await t.client();
    const res = await c.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('unknown API routes get a bilingual JSON 404, not HTML', async () => {
    const c = await t.client();
    expect((await c.get('/api/v1/nope')).body.error).toMatchObject({ code: 'route_not_found', message: 'Không tìm thấy địa chỉ này.' });
    c.lang = 'en';
    expect((await c.get('/api/v1/nope')).body.error.message).toBe('No such route.');
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/subjects', '/api/v1/products/{id}', '/api/v1/auth/login']));
  });

  it('every API route declares who may call it', () => {
    // buildApp throws at registration when one does not; the authorization matrix
    // (src/server/security) checks what each declaration lets through.
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('api/v1/subjects');
  });

  it('loads all 34 provinces and 3,321 communes and the 26 criteria sets', async () => {
    const c = await t.client();
    expect((await c.get('/api/v1/provinces')).body).toHaveLength(34);
    const communes = (await c.get('/api/v1/provinces/82/communes')).body;
    expect(communes).toHaveLength(102);
    expect((await c.get('/api/v1/provinces/82/communes?q=sa%20dec')).body.map((x: { name: string }) => x.name)).toEqual(['Sa Đéc']);
    expect((await c.get('/api/v1/criteria-sets')).body).toHaveLength(26);
    expect((await c.get('/api/v1/provinces/99/communes')).status).toBe(404);
  });
});
