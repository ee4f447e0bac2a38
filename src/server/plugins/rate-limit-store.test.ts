import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildApp } from '../app.js';
import { queryRows } from '../db/client.js';
import { deleteExpiredRateLimits, hitRateLimit, readRateLimit } from '../db/rate-limits.js';

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false, config: { verifyRateLimit: 5 } });
});
afterAll(() => t.close());

describe('rate-limit counters in the database', () => {
  it('counts every hit once, however many arrive at the same moment', async () => {
    const hits = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(t.database.db, 'GET /x|10.0.0.1', 60_000)));
    expect(hits.map((h) => h.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const h of hits) expect(h.ttl).toBeGreaterThan(55_000);
    expect(await readRateLimit(t.database.db, 'GET /x|10.0.0.1')).toMatchObject({ current: 25 });
    // Another client, or another route, counts apart.
    expect((await hitRateLimit(t.database.db, 'GET /x|10.0.0.2', 60_000)).current).toBe(1);
    expect((await hitRateLimit(t.database.db, 'GET /y|10.0.0.1', 60_000)).current).toBe(1);
  });

  it('starts a new window once the last has ended, and deletes ended windows', async () => {
    expect((await hitRateLimit(t.database.db, 'GET /z|10.0.0.3', 300)).current).toBe(1);
    expect((await hitRateLimit(t.database.db, 'GET /z|10.0.0.3', 300)).current).toBe(2);
    await new Promise((r) => setTimeout(r, 400));
    expect(await readRateLimit(t.database.db, 'GET /z|10.0.0.3')).toEqual({ current: 0, ttl: 0 });
    const deleted = await deleteExpiredRateLimits(t.database.db);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ key: string }>(t.database.db, sql`select key from rate_limit_counters where key = 'GET /z|10.0.0.3'`);
    expect(left).toEqual([]);
    expect((await hitRateLimit(t.database.db, 'GET /z|10.0.0.3', 300)).current).toBe(1);
  });
});

// PGlite is one process and keeps the counters in memory; on PostgreSQL every process counts in the table.
describe.skipIf(!ON_POSTGRES)('a rate limit on two application processes of one PostgreSQL', () => {
  it('counts the requests to both together: the limit is the limit, not twice it', async () => {
    const second = await buildApp({ config: t.config, database: t.database });
    await second.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const app = i % 2 ? second : t.app;
        const res = await app.inject({ method: 'GET', url: '/api/v1/public/verify/KHONGCO', remoteAddress: '10.9.8.7' });
        statuses.push(res.statusCode);
      }
      expect(statuses.filter((s) => s === 429)).toHaveLength(3);
      expect(statuses.slice(0, 5)).not.toContain(429);
    } finally {
      await second.close();
    }
  });
});
