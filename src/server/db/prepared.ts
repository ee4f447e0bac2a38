import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DbOrTx } from './client.js';

type Preparable<R> = { toSQL(): { sql: string }; prepare(name: string): { execute(): Promise<R> } };

/**
 * Runs a query that joins many tables (a list page, a dossier with what it shows) as a named
 * prepared statement with a generic plan, one name per SQL text; values are parameters.
 *
 * Planning such a query cost more than running it: the dossier list joins eight tables and
 * PostgreSQL took 8–30 ms to plan it and 2 ms to run it. A prepared statement alone did not help,
 * because PostgreSQL kept choosing a fresh plan for every execution (a LIMIT given as a parameter
 * makes the one generic plan look dear), so the statement asks for the generic plan, made once per
 * connection, inside its own short transaction (`set local` ends with it). These queries select by
 * keys and indexed scope columns, where one plan suits every value; a text search, whose best plan
 * depends on the words, asks for `per-values` (planned afresh each time). Within a caller's transaction
 * the statement runs as it is: a nested transaction would be a savepoint, and callers run several
 * of these at once on one transaction's connection.
 *
 * PGlite ignores the name and plans every statement afresh, so there the query simply runs.
 */
export function runPrepared<R>(db: DbOrTx, build: (db: DbOrTx) => Preparable<R>, plan: 'generic' | 'per-values' = 'generic'): Promise<R> {
  if (plan === 'per-values' || db instanceof PgTransaction || db instanceof PgliteDatabase) return execute(build(db));
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    return execute(build(tx));
  });
}

function execute<R>(query: Preparable<R>): Promise<R> {
  return query.prepare(`q_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 20)}`).execute();
}
