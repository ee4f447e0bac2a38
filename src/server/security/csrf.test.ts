import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { liveRoutes, routeKey } from './route-table.js';

// Records every route the application registers (see route-table.ts).
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fastify')>();
  const { recordingFactory } = await import('./route-table.js');
  return { ...actual, default: recordingFactory(actual.default) };
});

/**
 * CSRF on every state-changing route (ASVS 3.5.3, 4.2.2): a request carried by the session cookie
 * alone — what a forged cross-site form sends — is refused before validation and before any handler,
 * whatever the route. Each route is tried by every role; a role the route refuses anyway answers
 * 403 'forbidden', and at least one role must reach the CSRF check.
 */
let t: TestApp;
let clients: [string, Client][];
const ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  clients = [];
  for (const [name, email] of [
    ['admin', DEMO.admin],
    ['officer', DEMO.officer],
    ['council', DEMO.council],
    ['producer', DEMO.producer],
    ['ministry', 'bo.ocop@ocop.demo'],
  ] as const)
    clients.push([name, await t.client(email)]);
});
afterAll(() => t.close());

describe('CSRF protection', () => {
  it('refuses every state-changing request made with a session but without its token', async () => {
    const changing = liveRoutes().filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.access !== 'public');
    expect(changing.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const route of changing) {
      const url = route.url.replace(/:[A-Za-z]+/g, ID);
      let checked = false;
      for (const [name, client] of clients) {
        const res = await client.request(route.method, url, {}, { headers: { 'x-csrf-token': 'forged' } });
        const code = res.body?.error?.code;
        if (res.status === 403 && code === 'csrf') checked = true;
        else if (!(res.status === 403 && code === 'forbidden')) leaks.push(`${routeKey(route)} as ${name}: ${res.status} ${code ?? ''}`);
      }
      if (!checked) leaks.push(`${routeKey(route)}: no role reached the CSRF check`);
    }
    expect(leaks).toEqual([]);
  });
});
