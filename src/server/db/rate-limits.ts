import { lt, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client.js';
import { rateLimitCounters } from './schema/index.js';

export type RateLimitHit = { current: number; ttl: number };

/**
 * Counts one request under `key` in one statement, atomic however many processes count at once:
 * the row is created with 1, or its count goes up by one, or — when its window has ended — it starts
 * a new window at 1. The window begins at the first request, as the in-memory store's does, and the
 * time is the database's, so processes on different machines agree on it. Returns the count and the
 * milliseconds left in the window.
 */
export async function hitRateLimit(db: DbOrTx, key: string, windowMs: number): Promise<RateLimitHit> {
  const window = sql`make_interval(secs => ${windowMs / 1000})`;
  const [row] = await queryRows<{ hits: number; ttl: number | string }>(
    db,
    sql`insert into rate_limit_counters as c (key, window_start, expires_at, hits)
        values (${key}, now(), now() + ${window}, 1)
        on conflict (key) do update set
          hits = case when c.expires_at <= now() then 1 else c.hits + 1 end,
          window_start = case when c.expires_at <= now() then now() else c.window_start end,
          expires_at = case when c.expires_at <= now() then now() + ${window} else c.expires_at end
        returning c.hits, ceil(extract(epoch from (c.expires_at - now())) * 1000)::bigint as ttl`,
  );
  return { current: Number(row!.hits), ttl: Number(row!.ttl) };
}

/** The count of `key`'s current window without counting a request; 0 when it has none. */
export async function readRateLimit(db: DbOrTx, key: string): Promise<RateLimitHit> {
  const [row] = await queryRows<{ hits: number; ttl: number | string }>(
    db,
    sql`select hits, ceil(extract(epoch from (expires_at - now())) * 1000)::bigint as ttl
        from rate_limit_counters where key = ${key} and expires_at > now()`,
  );
  return row ? { current: Number(row.hits), ttl: Number(row.ttl) } : { current: 0, ttl: 0 };
}

/** Deletes the counters whose window has ended (an index on `expires_at` keeps it cheap); returns how many. */
export async function deleteExpiredRateLimits(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`with gone as (delete from ${rateLimitCounters} where ${lt(rateLimitCounters.expiresAt, sql`now()`)} returning 1) select count(*) as n from gone`,
  );
  return Number(row!.n);
}
