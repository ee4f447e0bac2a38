import type { Db } from '../db/client.js';
import { hitRateLimit, readRateLimit } from '../db/rate-limits.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;
/** What @fastify/rate-limit passes to a store's `child` for a route: the merged options and the route. */
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A store for @fastify/rate-limit that keeps its counters in PostgreSQL (`rate_limit_counters`), so
 * every application process behind the load balancer counts against the same limit: a client cannot
 * double its allowance by reaching two processes. The plugin constructs it (`new Store(options)`) and
 * asks `child(route)` for one per limited route; each route counts apart, as with the in-memory store.
 * `continueExceeding` and `exponentialBackoff` are not supported (no route uses them).
 */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore {
    constructor(
      _options?: unknown,
      readonly prefix = '',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      hitRateLimit(db, this.prefix + key, timeWindow).then(
        (hit) => cb(null, hit),
        (err: unknown) => cb(err as Error),
      );
    }

    read(key: string, cb: Callback) {
      readRateLimit(db, this.prefix + key).then(
        (hit) => cb(null, hit),
        (err: unknown) => cb(err as Error),
      );
    }

    // Typed `object`: the plugin's types name the route's options, but it passes them merged with `routeInfo`.
    child(options: object) {
      const route = (options as RouteOptions).routeInfo;
      const method = route?.method;
      const url = route?.url ?? '';
      return new PostgresRateLimitStore(options, `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${url}|`);
    }
  };
}
