import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DecisionScope } from '../../../domain/policies/index.js';
import type { DbOrTx } from '../../db/client.js';
import { certificates, decisionItems, decisions, products, subjects } from '../../db/schema/index.js';
import { filedProductCode } from '../../db/product-codes.js';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionItemRow = Awaited<ReturnType<typeof decisionsRepository.itemsOf>>[number];

/** The SQL form of a decision scope (src/domain/policies/evaluation.ts): a province's own decisions and the Minister's. */
function scopeWhere(scope: DecisionScope) {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'province':
      return or(eq(decisions.provinceCode, scope.provinceCode), isNull(decisions.provinceCode));
    case 'none':
      return sql`false`;
  }
}

/** Decisions (recognitions and approvals) and their items: every query on them. */
export const decisionsRepository = {
  get: async (db: DbOrTx, id: string) => (await db.select().from(decisions).where(eq(decisions.id, id)).limit(1))[0],
  /** The decisions of a scope, latest signed first (the id breaks ties, so pages are stable). */
  list: (db: DbOrTx, scope: DecisionScope, page: { limit: number; offset: number }) =>
    db.select().from(decisions).where(scopeWhere(scope)).orderBy(desc(decisions.signedOn), decisions.id).limit(page.limit).offset(page.offset),

  /** The items of decisions: products as decided (and as they are now), stars, certificates issued; by product name. */
  itemsOf: (db: DbOrTx, decisionIds: readonly string[]) =>
    db
      .select({
        decisionId: decisionItems.decisionId,
        dossierId: decisionItems.dossierId,
        productId: decisionItems.productId,
        productName: products.name,
        ocopCode: filedProductCode,
        subjectName: subjects.name,
        decidedProductName: decisionItems.productName,
        decidedOcopCode: decisionItems.ocopCode,
        decidedSubjectName: decisionItems.subjectName,
        star: decisionItems.star,
        score: decisionItems.score,
        certificateId: certificates.id,
        certificateNumber: certificates.number,
      })
      .from(decisionItems)
      .innerJoin(products, eq(products.id, decisionItems.productId))
      .innerJoin(subjects, eq(subjects.id, products.subjectId))
      .leftJoin(certificates, and(eq(certificates.decisionId, decisionItems.decisionId), eq(certificates.dossierId, decisionItems.dossierId)))
      .where(inArray(decisionItems.decisionId, [...decisionIds]))
      .orderBy(products.sortKey),

  /** The day of the latest decision on a dossier, of a kind (the province's approval) or of a level (the Minister's). */
  async lastSignedOn(db: DbOrTx, dossierId: string, which: { kind: DecisionRow['kind'] } | { level: DecisionRow['level'] }) {
    const row = (
      await db
        .select({ signedOn: decisions.signedOn })
        .from(decisionItems)
        .innerJoin(decisions, eq(decisions.id, decisionItems.decisionId))
        .where(and(eq(decisionItems.dossierId, dossierId), 'kind' in which ? eq(decisions.kind, which.kind) : eq(decisions.level, which.level)))
        .orderBy(desc(decisions.signedOn))
        .limit(1)
    )[0];
    return row?.signedOn ?? null;
  },

  /** The latest decision of a kind on a dossier (the province's approval for the ministry's package), whatever the number of decisions. */
  latestOfDossier: async (db: DbOrTx, dossierId: string, kind: DecisionRow['kind']): Promise<DecisionRow | undefined> =>
    (
      await db
        .select({ decision: decisions })
        .from(decisionItems)
        .innerJoin(decisions, eq(decisions.id, decisionItems.decisionId))
        .where(and(eq(decisionItems.dossierId, dossierId), eq(decisions.kind, kind)))
        .orderBy(desc(decisions.signedOn), desc(decisions.createdAt))
        .limit(1)
    )[0]?.decision,

  /** The decisions taken on the platform for a product (its level, day and number), for the results of earlier years. */
  ofProduct: (db: DbOrTx, productId: string) =>
    db
      .selectDistinct({ level: decisions.level, signedOn: decisions.signedOn, number: decisions.number })
      .from(decisionItems)
      .innerJoin(decisions, eq(decisions.id, decisionItems.decisionId))
      .where(eq(decisionItems.productId, productId)),

  /** Whether the authority (the province, or the ministry when null) already has a decision with this number at this level. */
  numberTaken: async (db: DbOrTx, level: DecisionRow['level'], provinceCode: string | null, number: string) =>
    (
      await db
        .select({ id: decisions.id })
        .from(decisions)
        .where(
          and(
            eq(decisions.level, level),
            provinceCode ? eq(decisions.provinceCode, provinceCode) : isNull(decisions.provinceCode),
            eq(decisions.number, number),
          ),
        )
        .limit(1)
    ).length > 0,
  insert: async (db: DbOrTx, values: typeof decisions.$inferInsert) => (await db.insert(decisions).values(values).returning())[0]!,
  insertItem: (db: DbOrTx, values: typeof decisionItems.$inferInsert) => db.insert(decisionItems).values(values),
};
