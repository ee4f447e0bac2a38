import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossiers, selfAssessmentEvidence, selfAssessments } from '../../db/schema/index.js';

export type SelfAssessmentRow = typeof selfAssessments.$inferSelect;
export type EvidenceRow = typeof selfAssessmentEvidence.$inferSelect;

export const selfAssessmentsRepository = {
  listForProduct: (db: DbOrTx, productId: string) =>
    db.select().from(selfAssessments).where(eq(selfAssessments.productId, productId)).orderBy(desc(selfAssessments.updatedAt)),
  get: async (db: DbOrTx, id: string) => (await db.select().from(selfAssessments).where(eq(selfAssessments.id, id)).limit(1))[0],
  insert: async (db: DbOrTx, values: typeof selfAssessments.$inferInsert) => (await db.insert(selfAssessments).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<typeof selfAssessments.$inferInsert>) =>
    (
      await db
        .update(selfAssessments)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(selfAssessments.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(selfAssessments).where(eq(selfAssessments.id, id)),

  evidenceOf: (db: DbOrTx, assessmentId: string) =>
    db.select().from(selfAssessmentEvidence).where(eq(selfAssessmentEvidence.assessmentId, assessmentId)).orderBy(selfAssessmentEvidence.createdAt),
  getEvidence: async (db: DbOrTx, assessmentId: string, id: string) =>
    (
      await db
        .select()
        .from(selfAssessmentEvidence)
        .where(and(eq(selfAssessmentEvidence.id, id), eq(selfAssessmentEvidence.assessmentId, assessmentId)))
        .limit(1)
    )[0],
  insertEvidence: async (db: DbOrTx, values: typeof selfAssessmentEvidence.$inferInsert) =>
    (await db.insert(selfAssessmentEvidence).values(values).returning())[0]!,
  deleteEvidence: (db: DbOrTx, id: string) => db.delete(selfAssessmentEvidence).where(eq(selfAssessmentEvidence.id, id)),
  /** Dossiers filed with the sheet (past their draft). */
  filedIn: (db: DbOrTx, assessmentId: string) =>
    db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.selfAssessmentId, assessmentId), sql`${dossiers.currentFilingId} is not null`))
      .limit(1),
};
