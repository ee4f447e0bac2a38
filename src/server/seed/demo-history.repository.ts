import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { certificateCounters, certificates, decisions, historicalResults, productCodeCounters, products, subjects } from '../db/schema/index.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Rows in statements of at most `size` (PostgreSQL takes at most 65,535 parameters a statement). */
async function inChunks<T, R>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await write(rows.slice(i, i + size))));
  return out;
}

/**
 * Bulk writes of the demo history: several hundred rows a table in a few statements, where the
 * modules' repositories write one row at a time. Only for loading the demo into a fresh database.
 */
export const demoHistoryRepository = {
  insertSubjects: (tx: DbOrTx, rows: Insert<typeof subjects>[]) => inChunks(rows, 200, (chunk) => tx.insert(subjects).values(chunk).returning()),
  insertProducts: (tx: DbOrTx, rows: Insert<typeof products>[]) => inChunks(rows, 200, (chunk) => tx.insert(products).values(chunk).returning()),
  insertDecisions: (tx: DbOrTx, rows: Insert<typeof decisions>[]) => inChunks(rows, 200, (chunk) => tx.insert(decisions).values(chunk).returning()),
  insertResults: (tx: DbOrTx, rows: Insert<typeof historicalResults>[]) =>
    inChunks(rows, 300, (chunk) => tx.insert(historicalResults).values(chunk).returning()),
  insertCertificates: (tx: DbOrTx, rows: Insert<typeof certificates>[]) => inChunks(rows, 200, (chunk) => tx.insert(certificates).values(chunk).returning()),

  /** The last serial of each commune and year's product codes (seedDemo has used some). */
  productCodeCounters: (tx: DbOrTx) => tx.select().from(productCodeCounters),
  setProductCodeCounters: (tx: DbOrTx, rows: Insert<typeof productCodeCounters>[]) =>
    inChunks(rows, 500, (chunk) =>
      tx
        .insert(productCodeCounters)
        .values(chunk)
        .onConflictDoUpdate({ target: [productCodeCounters.communeCode, productCodeCounters.year], set: { lastSerial: sql`excluded.last_serial` } })
        .returning(),
    ),
  certificateCounters: (tx: DbOrTx) => tx.select().from(certificateCounters),
  setCertificateCounters: (tx: DbOrTx, rows: Insert<typeof certificateCounters>[]) =>
    inChunks(rows, 500, (chunk) =>
      tx
        .insert(certificateCounters)
        .values(chunk)
        .onConflictDoUpdate({ target: [certificateCounters.scope, certificateCounters.year], set: { lastSerial: sql`excluded.last_serial` } })
        .returning(),
    ),
};
