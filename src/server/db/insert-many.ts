import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/** Rows per statement: PostgreSQL takes at most 65,535 parameters in one, and a record has up to ~30 columns. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes rows in statements of at most `size`, one after another, and returns what each statement
 * returned. `write` is also told how many rows are written once its chunk is (for progress).
 */
export async function inChunks<T, R>(rows: readonly T[], size: number, write: (chunk: T[], written: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < rows.length; i += size) results.push(await write(rows.slice(i, i + size), Math.min(i + size, rows.length)));
  return results;
}

/**
 * Inserts many rows of one table in a few multi-row statements and returns them as stored (loads of
 * hundreds of records: one round trip per 500 rows instead of one per row). Callers that need to
 * know which stored row is which match them on a key, not on their position.
 */
export async function insertMany<T extends PgTable>(db: DbOrTx, table: T, rows: readonly T['$inferInsert'][]): Promise<T['$inferSelect'][]> {
  const chunks = await inChunks(rows, ROWS_PER_STATEMENT, (chunk) => db.insert(table).values(chunk).returning() as Promise<T['$inferSelect'][]>);
  return chunks.flat();
}
