import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { formatProductCode } from '../../domain/identifiers/product-code.js';
import type { DbOrTx } from './client.js';
import { productCodeCounters, products } from './schema/index.js';

/**
 * OCOP product codes (T)-(X)-(STT)-20YY are numbered per commune and year (Decision 26/2026/QĐ-TTg,
 * Phụ lục II). The registry gives them in two places: when a product is registered, and when the
 * office places a producer imported without a commune, whose products waited for theirs.
 */

/** The next serial (STT) of the commune's codes for the year, counted in the caller's transaction. */
export const nextProductSerial = (tx: DbOrTx, communeCode: string, year: number): Promise<number> => reserveProductSerials(tx, communeCode, year, 1);

/**
 * Takes the next `count` serials of the commune's codes for the year in one statement, and returns
 * the first of them (the others follow it). The counter's row lock serialises concurrent registrations.
 */
export async function reserveProductSerials(tx: DbOrTx, communeCode: string, year: number, count: number): Promise<number> {
  const rows = await tx
    .insert(productCodeCounters)
    .values({ communeCode, year, lastSerial: count })
    .onConflictDoUpdate({
      target: [productCodeCounters.communeCode, productCodeCounters.year],
      set: { lastSerial: sql`${productCodeCounters.lastSerial} + ${count}` },
    })
    .returning({ last: productCodeCounters.lastSerial });
  return rows[0]!.last - count + 1;
}

/**
 * Gives each of the subject's products without a code the next code of the subject's commune, for
 * the year of its first recorded result (the year it was first evaluated) or else the year it was
 * registered, in the order of their names. Returns the products as they were and as they are.
 */
export async function issueMissingProductCodes(tx: DbOrTx, subject: { id: string; provinceCode: string; communeCode: string }) {
  const firstYear = sql<number>`coalesce(
    (select min(h.year) from historical_results h where h.product_id = products.id),
    extract(year from products.created_at at time zone 'Asia/Ho_Chi_Minh')::int)`.mapWith(Number);
  const codeless = await tx
    .select({ before: products, year: firstYear })
    .from(products)
    .where(and(eq(products.subjectId, subject.id), isNull(products.ocopCode)))
    .orderBy(asc(products.sortKey), asc(products.id));
  const issued: { id: string; before: typeof products.$inferSelect; after: typeof products.$inferSelect }[] = [];
  for (const { before, year } of codeless) {
    const serial = await nextProductSerial(tx, subject.communeCode, year);
    const ocopCode = formatProductCode({ provinceCode: subject.provinceCode, communeCode: subject.communeCode, serial, year });
    const [after] = await tx.update(products).set({ ocopCode, updatedAt: new Date() }).where(eq(products.id, before.id)).returning();
    issued.push({ id: before.id, before, after: after! });
  }
  return issued;
}

/**
 * A product's code where the product has been filed, decided or certified: a dossier opens only for
 * a producer placed in a commune, whose products have their codes by then (domain/subjects/commune-unknown.ts).
 */
export const filedProductCode = sql<string>`${products.ocopCode}`;
