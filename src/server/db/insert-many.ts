import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/** Rows per statement: PostgreSQL takes at most 65,535 parameters in one, and a record has up to ~30 columns. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts many rows of one table in a few multi-row statements and returns them as stored (loads of
 * hundreds of records: one round trip per 500 rows instead of one per row). Callers that need to
 * know which stored row is which match them on a key, not on their position.
 */
export async function insertMany<T extends PgTable>(db: DbOrTx, table: T, rows: readonly T['$inferInsert'][]): Promise<T['$inferSelect'][]> {
  const stored: T['$inferSelect'][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    stored.push(
      ...((await db
        .insert(table)
        .values(chunk as T['$inferInsert'][])
        .returning()) as T['$inferSelect'][]),
    );
  }
  return stored;
}
