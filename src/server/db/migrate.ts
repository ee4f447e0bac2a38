import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PACKAGE_ROOT } from '../config.js';
import { openDatabase, queryRows, type Database } from './client.js';

/** From the package root, not this module's folder: the compiled server (dist/server) runs the same files. */
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'src/server/db/migrations');

export type MigrateOptions = {
  /**
   * PostgreSQL: the URL of the role that owns the schema (DATABASE_OWNER_URL). When the application
   * connects as a role that owns nothing, the migrations run over this connection instead (from the
   * configuration's DATABASE_OWNER_URL); null or absent when `database` is the owner's connection already.
   * PGlite has no roles and ignores it.
   */
  ownerUrl?: string | null | undefined;
};

/** The advisory lock key of start-up preparation ("OCOP" + "MIGR" in ASCII). */
const PREPARE_LOCK = [0x4f434f50, 0x4d494752] as const;

/**
 * Runs `fn` (migrations, reference data) while holding a PostgreSQL advisory lock, so processes
 * started together on one database (web processes and workers behind a load balancer) prepare it one
 * after the other: the first migrates, the next find nothing left to do. The lock is held by a
 * transaction of its own and ends with it; `fn` uses its own connections. PGlite is one process.
 */
export async function withPrepareLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return fn();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PREPARE_LOCK[0]}, ${PREPARE_LOCK[1]})`);
    return fn();
  });
}

/**
 * Applies the reviewed SQL migrations. Done from code rather than drizzle-kit because drizzle-kit
 * cannot run `CREATE EXTENSION` on PGlite; the same files run on a PostgreSQL server.
 */
export async function applyMigrations(database: Database, opts: MigrateOptions = {}): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, config);
    return;
  }
  const ownerUrl = opts.ownerUrl ?? undefined;
  if (!ownerUrl) {
    await migratePg(database.db as never, config);
    return;
  }
  if (!/^postgres(ql)?:\/\//.test(ownerUrl))
    throw new Error('DATABASE_OWNER_URL phải bắt đầu bằng postgres:// hoặc postgresql://. / DATABASE_OWNER_URL must start with postgres:// or postgresql://.');
  const owner = await openDatabase({ databaseUrl: ownerUrl });
  try {
    // Migrating another database than the one the application opens would leave the application's behind.
    const name = async (db: Database['db']) => (await queryRows<{ name: string }>(db, sql`select current_database() as name`))[0]!.name;
    const [app, own] = [await name(database.db), await name(owner.db)];
    if (app !== own)
      throw new Error(
        `DATABASE_OWNER_URL trỏ tới CSDL "${own}", DATABASE_URL tới "${app}": phải là cùng một CSDL. / ` +
          `DATABASE_OWNER_URL names database "${own}" and DATABASE_URL "${app}": they must be the same database.`,
      );
    await migratePg(owner.db as never, config);
  } finally {
    await owner.close();
  }
}
