import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import { genericPlanDb, queryRows, type DbOrTx } from './client.js';

type Preparable<R> = { toSQL(): { sql: string }; prepare(name: string): { execute(): Promise<R> } };

export type PreparedOptions = {
  /**
   * `generic` (the default): one plan per connection for every value, for queries that select by
   * keys and indexed scope columns. `per-values`: planned afresh each time, for a text search,
   * whose best plan depends on the words.
   */
  plan?: 'generic' | 'per-values';
  /**
   * The joins are lookups by key hanging off the first table (a dossier and what its row shows):
   * PGlite, which plans every statement, may skip searching for a join order (`join_collapse_limit = 1`).
   */
  joinsAsWritten?: boolean;
};

/**
 * Runs a query that joins many tables (a list page, a dossier with what it shows) as a named
 * prepared statement, one name per SQL text; values are parameters.
 *
 * Planning such a query cost more than running it: the dossier list joins eight tables and
 * PostgreSQL took 8–30 ms to plan it and 2 ms to run it. A prepared statement alone did not help,
 * because PostgreSQL kept choosing a fresh plan for every execution (a LIMIT given as a parameter
 * makes the one generic plan look dear), so the statement runs on connections whose sessions take
 * the generic plan, made once per connection (`genericPlanDb`, db/client.ts). Within a caller's
 * transaction the statement runs as it is, on the transaction's connection.
 *
 * PGlite ignores the name and plans every statement afresh; there the dossier list spent 28 ms of
 * CPU per page at a province's scale, 15 ms with its joins taken as written.
 */
export function runPrepared<R>(
  db: DbOrTx,
  build: (db: DbOrTx) => Preparable<R>,
  { plan = 'generic', joinsAsWritten = false }: PreparedOptions = {},
): Promise<R> {
  if (db instanceof PgTransaction) return execute(build(db));
  if (isPglite(db)) {
    if (!joinsAsWritten) return execute(build(db));
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local join_collapse_limit = 1`);
      return execute(build(tx));
    });
  }
  if (plan === 'per-values') return execute(build(db));
  return execute(build(genericPlanDb(db) ?? db));
}

/** Not a type guard: the query is built on the same `DbOrTx` whichever database it is. */
const isPglite = (db: DbOrTx): boolean => db instanceof PgliteDatabase;

/** One name per SQL text: a connection that has parsed a text once finds it again by its name. */
const statementName = (text: string) => `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

function execute<R>(query: Preparable<R>): Promise<R> {
  return query.prepare(statementName(query.toSQL().sql)).execute();
}

const dialect = new PgDialect();

/**
 * `queryRows` for a raw SQL query asked on many requests with other values (the public portal's
 * product and producer pages, the catalogue's pages): a named prepared statement, one name per SQL
 * text, on `db`'s own connections. Their sessions plan as the server does by default: the first
 * executions with their values, then one generic plan once it costs no more.
 *
 * A product page's details (its photos, certificates and where to buy it, one statement) cost
 * PostgreSQL 1.3 ms of CPU per page unnamed, nearly all of it parsing and planning, and 0.1 ms
 * prepared (bench/portal.bench.ts asks for every product page once, so the portal's cache does not
 * help). The statement runs through the driver's own session, so values come back as from
 * `queryRows` (dates as text). In a transaction, and on PGlite, it is `queryRows`.
 */
export async function preparedRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (db instanceof PgTransaction || isPglite(db)) return queryRows<T>(db, query);
  const built = dialect.sqlToQuery(query);
  const result = (await db._.session.prepareQuery(built, undefined, statementName(built.sql), false).execute()) as { rows: T[] };
  return result.rows;
}

/**
 * A statement prepared once per database handle, for a query asked on nearly every request with the
 * same shape (values as `sql.placeholder`s). Its name makes PostgreSQL parse and plan it once per
 * connection instead of per request; PGlite runs it as any query.
 */
export function preparedOnce<S>(prepare: (db: DbOrTx) => S): (db: DbOrTx) => S {
  const statements = new WeakMap<DbOrTx, S>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = prepare(db)));
    return statement;
  };
}
