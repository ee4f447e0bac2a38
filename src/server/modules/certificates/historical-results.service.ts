import type { z } from 'zod';
import type { HistoricalResultBody } from '../../../contracts/certificates.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { checkHistoricalDates, checkHistoricalResult, duplicatedDecision } from '../../../domain/evaluation/historical-results.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canReadProduct, canRecordHistoricalResult, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { productsRepository } from '../products/products.repository.js';
import { presentHistoricalResult as present } from './certificates.presenter.js';
import { decisionsRepository } from './decisions.repository.js';
import { historicalResultsRepository as repo } from './historical-results.repository.js';

/**
 * A product's results from earlier years, recorded by the office (and by the Excel import). `clock`:
 * what "today" is, in Vietnam, for the rule that an earlier result is not dated in the future.
 */
export function createHistoricalResultsService(db: Db, clock: () => Date) {
  async function product(actor: Actor, productId: string) {
    const p = await productsRepository.get(db, productId);
    const subject = p && { id: p.subjectId, provinceCode: p.provinceCode, communeCode: p.communeCode };
    if (!subject || !canReadProduct(actor, subject)) throw notFound({ vi: 'sản phẩm', en: 'product' });
    return subject;
  }
  return {
    async list(actor: Actor, productId: string) {
      await product(actor, productId);
      return (await repo.ofProduct(db, productId)).map(present);
    },

    /** Records (or corrects, by product, year, round, level and kind) one earlier result. */
    async record(actor: Actor, audit: AuditActor, productId: string, body: z.infer<typeof HistoricalResultBody>) {
      if (!canRecordHistoricalResult(actor, await product(actor, productId))) throw forbidden();
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
      const dates = checkHistoricalDates(values, vietnamDate(clock()));
      if (dates.length) throw invalid('date_out_of_order', dates[0]!.message, Object.fromEntries(dates.map((p) => [p.field, p.message])));
      const duplicate = duplicatedDecision(values, await decisionsRepository.ofProduct(db, productId));
      if (duplicate) throw invalid('decided_on_platform', duplicate, { year: duplicate });
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsert(tx, values);
        await recordAudit(tx, audit, { action: 'create', entityType: 'historical_result', entityId: saved.id, after: saved });
        return saved;
      });
      return present(row);
    },
  };
}
export type HistoricalResultsService = ReturnType<typeof createHistoricalResultsService>;
