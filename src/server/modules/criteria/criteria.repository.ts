import { eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { criteriaSets, criteriaVersions, dossiers, selfAssessments } from '../../db/schema/index.js';

export type CriteriaVersionRow = typeof criteriaVersions.$inferSelect;

export const criteriaRepository = {
  all: (db: DbOrTx) => db.select().from(criteriaVersions).orderBy(criteriaVersions.effectiveFrom),
  find: async (db: DbOrTx, basisOrSlug: string) =>
    (
      await db
        .select()
        .from(criteriaVersions)
        .where(or(eq(criteriaVersions.legalBasis, basisOrSlug), eq(criteriaVersions.slug, basisOrSlug)))
        .limit(1)
    )[0],
  /** Latest change of any version: lets every process notice an import made by another. */
  stamp: async (db: DbOrTx) =>
    (await db.select({ at: sql<string>`coalesce(max(${criteriaVersions.updatedAt})::text, '')`, n: sql<number>`count(*)::int` }).from(criteriaVersions))[0],
  upsert: (db: DbOrTx, row: typeof criteriaVersions.$inferInsert) =>
    db
      .insert(criteriaVersions)
      .values(row)
      .onConflictDoUpdate({
        target: criteriaVersions.legalBasis,
        set: { slug: row.slug, title: row.title, effectiveFrom: row.effectiveFrom, data: row.data, source: row.source, updatedAt: new Date() },
      }),
  /** Used = an evaluation was recorded under it: a self-assessment or a dossier (and its council sheets). */
  isUsed: async (db: DbOrTx, legalBasis: string) =>
    (await db.select({ id: selfAssessments.id }).from(selfAssessments).where(eq(selfAssessments.legalBasis, legalBasis)).limit(1)).length > 0 ||
    (await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.legalBasis, legalBasis)).limit(1)).length > 0,
  async replaceCatalogue(db: DbOrTx, legalBasis: string, sets: (typeof criteriaSets.$inferInsert)[]) {
    await db.delete(criteriaSets).where(eq(criteriaSets.legalBasis, legalBasis));
    if (sets.length) await db.insert(criteriaSets).values(sets);
  },
};
