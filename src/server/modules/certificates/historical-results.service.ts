import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { HistoricalResultBody } from '../../../contracts/certificates.js';
import { checkHistoricalResult } from '../../../domain/evaluation/historical-results.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canReadProduct, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { historicalResults } from '../../db/schema/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { productsRepository } from '../products/products.repository.js';

type Row = typeof historicalResults.$inferSelect;
const present = (r: Row) => ({
  id: r.id,
  productId: r.productId,
  year: r.year,
  round: r.round,
  level: r.level,
  kind: r.kind,
  score: r.score,
  star: r.star,
  decisionNo: r.decisionNo,
  decisionDate: r.decisionDate,
  legalBasis: r.legalBasis,
});

/** A product's results from earlier years, recorded by the office (and by the Excel import). */
export function createHistoricalResultsService(db: Db) {
  async function product(actor: Actor, productId: string) {
    const p = await productsRepository.get(db, productId);
    if (!p || !canReadProduct(actor, { id: p.subjectId, provinceCode: p.provinceCode, communeCode: p.communeCode }))
      throw notFound({ vi: 'sản phẩm', en: 'product' });
    return p;
  }
  return {
    async list(actor: Actor, productId: string) {
      await product(actor, productId);
      return (await db.select().from(historicalResults).where(eq(historicalResults.productId, productId)).orderBy(asc(historicalResults.year))).map(present);
    },

    /** Records (or corrects, by product, year, round, level and kind) one earlier result. */
    async record(actor: Actor, audit: AuditActor, productId: string, body: z.infer<typeof HistoricalResultBody>) {
      await product(actor, productId);
      if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
      const values = {
        productId,
        year: body.year,
        round: body.round ?? null,
        level: body.level,
        kind: body.kind,
        score: body.score ?? null,
        star: body.star ?? null,
        decisionNo: body.decisionNo ?? null,
        decisionDate: body.decisionDate ?? null,
        legalBasis: body.legalBasis,
      };
      const problems = checkHistoricalResult(values);
      if (problems.length)
        throw invalid(
          'invalid_historical_result',
          problems[0]!,
          { star: problems[0]! },
          problems.map((p) => p.vi),
        );
      const row = await db.transaction(async (tx) => {
        const [saved] = await tx
          .insert(historicalResults)
          .values(values)
          .onConflictDoUpdate({
            target: [historicalResults.productId, historicalResults.year, historicalResults.round, historicalResults.level, historicalResults.kind],
            set: { score: values.score, star: values.star, decisionNo: values.decisionNo, decisionDate: values.decisionDate, legalBasis: values.legalBasis },
          })
          .returning();
        await recordAudit(tx, audit, { action: 'create', entityType: 'historical_result', entityId: saved!.id, after: saved });
        return saved!;
      });
      return present(row);
    },
  };
}
export type HistoricalResultsService = ReturnType<typeof createHistoricalResultsService>;
