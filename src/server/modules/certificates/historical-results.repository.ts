import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { historicalResults } from '../../db/schema/index.js';

export type HistoricalResultRow = typeof historicalResults.$inferSelect;

/** A product's results from earlier years. */
export const historicalResultsRepository = {
  ofProduct: (db: DbOrTx, productId: string) =>
    db.select().from(historicalResults).where(eq(historicalResults.productId, productId)).orderBy(asc(historicalResults.year)),
  /** Records one result, or corrects the one of the same product, year, round, level and kind. */
  upsert: async (db: DbOrTx, values: typeof historicalResults.$inferInsert) =>
    (
      await db
        .insert(historicalResults)
        .values(values)
        .onConflictDoUpdate({
          target: [historicalResults.productId, historicalResults.year, historicalResults.round, historicalResults.level, historicalResults.kind],
          set: { score: values.score, star: values.star, decisionNo: values.decisionNo, decisionDate: values.decisionDate, legalBasis: values.legalBasis },
        })
        .returning()
    )[0]!,
};
