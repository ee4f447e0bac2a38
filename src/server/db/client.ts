import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath (PGlite or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  /**
   * Where public read traffic goes (the portal's catalogue, label checks and open data, the
   * national dashboard): a streaming replica when DATABASE_READ_URL names one, otherwise `db`.
   * Never written to, and a few hundred milliseconds behind the primary at most.
   */
  read: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

export class DatabaseInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu đang được tiến trình ${pid} sử dụng (${lockFile}). Dừng tiến trình đó hoặc dùng DATA_DIR khác.\n` +
        `The data folder is in use by process ${pid} (${lockFile}). Stop it, or use another DATA_DIR. ` +
        `PGlite allows one process per folder; a second writer would corrupt data.`,
    );
  }
}

/**
 * PGlite does not lock its folder, and a second process writing to it loses data silently,
 * so we take an exclusive lock file and refuse to open a folder another live process holds.
 */
function acquireLock(lockFile: string): () => void {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(lockFile, pid);
      fs.rmSync(lockFile, { force: true }); // stale lock left by a crashed process
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type OpenOptions =
  /** `readUrl`: a read replica for public read traffic (DATABASE_READ_URL). */
  | { databaseUrl: string; readUrl?: string }
  | { dataDir: string }
  /** An existing PGlite instance (tests clone a migrated template into memory). */
  | { pglite: PGlite };

/**
 * Costs the planner works with on every connection: reading a page out of order costs little more
 * than in order on the solid-state storage a deployment runs on (the server's default of 4 is for
 * spinning disks). With the default, small tables are read whole rather than through a trigram
 * index, which made a search of the public catalogue test every certified product (bench/portal).
 */
const PLANNER_SETTINGS = '-c random_page_cost=1.1';
/** The same for PGlite's one connection. */
const PGLITE_PLANNER_SETTINGS = 'set random_page_cost = 1.1';

/** Sessions that plan a prepared statement once for every value (see `genericPlanDb`). */
const GENERIC_PLAN_SETTINGS = `${PLANNER_SETTINGS} -c plan_cache_mode=force_generic_plan`;

// While the server is away a request waits at most 10 s for a connection, then fails (a 503)
// instead of hanging; keep-alive notices a peer that vanished without closing the connection.
function newPool(connectionString: string, { max, options }: { max: number; options: string }): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000, keepAlive: true, options });
  // An idle client dropped by the server (restart, failover) emits 'error' on the pool; without a
  // listener that would crash the process. The pool replaces the client on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL idle client error: ${err.message}`));
  // A client in use (inside a transaction) whose connection breaks emits 'error' on itself, where
  // the pool listens only while it is idle: unheard, that too would crash the process. Nothing more
  // to do here: the query running on it fails (and is logged as a 503), the pool listener above
  // reports idle clients, and the pool discards a broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * A pool of connections to a PostgreSQL server, checked with one query so a bad URL fails at start,
 * with the setting it came from and the server's address (never the password) in both languages.
 */
async function openPool(connectionString: string, setting: 'DATABASE_URL' | 'DATABASE_READ_URL'): Promise<pg.Pool> {
  const pool = newPool(connectionString, { max: 10, options: PLANNER_SETTINGS });
  // Fail now with a readable message rather than on the first request.
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end();
    const server = URL.canParse(connectionString) ? new URL(connectionString).host : '?';
    throw new Error(`Không kết nối được PostgreSQL ở ${setting} (${server}) / Cannot reach PostgreSQL at ${setting} (${server}): ${(err as Error).message}`, {
      cause: err,
    });
  }
  return pool;
}

/** Each PostgreSQL database's twin whose sessions plan generically; PGlite has none. */
const genericPlanTwins = new WeakMap<Db, Db>();

/**
 * The same PostgreSQL database through a few connections whose sessions take the generic plan of
 * every prepared statement (`plan_cache_mode = force_generic_plan`), for the list pages and records
 * that `runPrepared` reads (db/prepared.ts). Asking for that plan inside each query's own transaction
 * (`set local`) cost three more round trips per page (begin, set, commit), each waking the server;
 * a session that plans this way from the start needs none. Undefined for PGlite, and for a
 * transaction (its statements run on its own connection).
 */
export function genericPlanDb(db: DbOrTx): Db | undefined {
  return genericPlanTwins.get(db as Db);
}

/** The driver's database over a pool, with its generic-plan twin (four connections at most). */
function postgresDb(connectionString: string, pool: pg.Pool): { db: Db; twin: pg.Pool } {
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const twin = newPool(connectionString, { max: 4, options: GENERIC_PLAN_SETTINGS });
  genericPlanTwins.set(db, drizzlePg(twin, { schema }) as unknown as Db);
  return { db, twin };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = await openPool(options.databaseUrl, 'DATABASE_URL');
    let replica: pg.Pool | null = null;
    try {
      if (options.readUrl) replica = await openPool(options.readUrl, 'DATABASE_READ_URL');
    } catch (err) {
      await pool.end();
      throw err;
    }
    const primary = postgresDb(options.databaseUrl, pool);
    const read = replica && options.readUrl ? postgresDb(options.readUrl, replica) : null;
    return {
      db: primary.db,
      read: read?.db ?? primary.db,
      kind: 'postgres',
      close: async () => {
        await Promise.all([pool.end(), primary.twin.end(), replica?.end(), read?.twin.end()]);
      },
    };
  }
  if ('pglite' in options) {
    const client = options.pglite;
    await client.exec(PGLITE_PLANNER_SETTINGS);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return { db, read: db, kind: 'pglite', close: () => client.close() };
  }
  const dbDir = path.join(options.dataDir, 'db');
  const release = acquireLock(path.join(options.dataDir, 'db.lock'));
  try {
    const client = await PGlite.create(dbDir, { extensions: PGLITE_EXTENSIONS });
    await client.exec(PGLITE_PLANNER_SETTINGS);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      read: db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Raw SQL returning rows, the same on both drivers (each returns an object with `rows`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A round trip to the database: the health check's proof that it answers. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}
