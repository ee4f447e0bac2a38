import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { inChunks, insertMany } from '../db/insert-many.js';
import { certificateCounters, certificates, decisions, historicalResults, productCodeCounters, products, subjects } from '../db/schema/index.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/**
 * Bulk writes of the demo history: several hundred rows a table in a few statements, where the
 * modules' repositories write one row at a time. Only for loading the demo into a fresh database.
 */
export const demoHistoryRepository = {
  insertSubjects: (tx: DbOrTx, rows: Insert<typeof subjects>[]) => insertMany(tx, subjects, rows),
  insertProducts: (tx: DbOrTx, rows: Insert<typeof products>[]) => insertMany(tx, products, rows),
  insertDecisions: (tx: DbOrTx, rows: Insert<typeof decisions>[]) => insertMany(tx, decisions, rows),
  insertResults: (tx: DbOrTx, rows: Insert<typeof historicalResults>[]) => insertMany(tx, historicalResults, rows),
  insertCertificates: (tx: DbOrTx, rows: Insert<typeof certificates>[]) => insertMany(tx, certificates, rows),

  /** The last serial of each commune and year's product codes (seedDemo has used some). */
  productCodeCounters: (tx: DbOrTx) => tx.select().from(productCodeCounters),
  setProductCodeCounters: (tx: DbOrTx, rows: Insert<typeof productCodeCounters>[]) =>
    inChunks(rows, 500, (chunk) =>
      tx
        .insert(productCodeCounters)
        .values(chunk)
        .onConflictDoUpdate({ target: [productCodeCounters.communeCode, productCodeCounters.year], set: { lastSerial: sql`excluded.last_serial` } }),
    ),
  certificateCounters: (tx: DbOrTx) => tx.select().from(certificateCounters),
  setCertificateCounters: (tx: DbOrTx, rows: Insert<typeof certificateCounters>[]) =>
    inChunks(rows, 500, (chunk) =>
      tx
        .insert(certificateCounters)
        .values(chunk)
        .onConflictDoUpdate({ target: [certificateCounters.scope, certificateCounters.year], set: { lastSerial: sql`excluded.last_serial` } }),
    ),
};
