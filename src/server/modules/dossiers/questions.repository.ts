import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossierFilings, evidenceMessages, evidenceQuestions, selfAssessmentEvidence, selfAssessments, siteVisits } from '../../db/schema/index.js';

export type QuestionRow = typeof evidenceQuestions.$inferSelect;
export type MessageRow = typeof evidenceMessages.$inferSelect;
export type SiteVisitRow = typeof siteVisits.$inferSelect;
type QuestionStatus = QuestionRow['status'];

/** The review of a dossier before scoring: questions on evidence, their threads, the advisory team's site visits. */
export const questionsRepository = {
  /** Questions still waiting for the producer's answer: they hold a dossier from being scored. */
  openCount: async (db: DbOrTx, dossierId: string) =>
    (
      await db
        .select({ n: count() })
        .from(evidenceQuestions)
        .where(and(eq(evidenceQuestions.dossierId, dossierId), eq(evidenceQuestions.status, 'open')))
    )[0]?.n ?? 0,
  questions: (db: DbOrTx, dossierId: string) =>
    db.select().from(evidenceQuestions).where(eq(evidenceQuestions.dossierId, dossierId)).orderBy(asc(evidenceQuestions.createdAt)),
  messagesOf: (db: DbOrTx, questionIds: readonly string[]) =>
    questionIds.length
      ? db
          .select()
          .from(evidenceMessages)
          .where(inArray(evidenceMessages.questionId, [...questionIds]))
          .orderBy(asc(evidenceMessages.createdAt))
      : Promise.resolve([] as MessageRow[]),
  question: async (db: DbOrTx, dossierId: string, questionId: string) =>
    (
      await db
        .select()
        .from(evidenceQuestions)
        .where(and(eq(evidenceQuestions.id, questionId), eq(evidenceQuestions.dossierId, dossierId)))
        .limit(1)
    )[0],
  insertQuestion: async (db: DbOrTx, values: typeof evidenceQuestions.$inferInsert) => (await db.insert(evidenceQuestions).values(values).returning())[0]!,
  insertMessage: (db: DbOrTx, values: typeof evidenceMessages.$inferInsert) => db.insert(evidenceMessages).values(values),
  /** Sets a question's status at `at` (the clock's time); undefined when the dossier has no such question. */
  setStatus: async (db: DbOrTx, dossierId: string, questionId: string, status: QuestionStatus, at: Date) =>
    (
      await db
        .update(evidenceQuestions)
        .set({ status, updatedAt: at })
        .where(and(eq(evidenceQuestions.id, questionId), eq(evidenceQuestions.dossierId, dossierId)))
        .returning()
    )[0],

  /** Whether a piece of evidence is the dossier's: filed with one of its filings, or attached to a self-assessment of its product. */
  async isDossierEvidence(db: DbOrTx, dossier: { id: string; productId: string }, evidenceId: string) {
    const filed = await db
      .select({ id: dossierFilings.id })
      .from(dossierFilings)
      .where(and(eq(dossierFilings.dossierId, dossier.id), sql`${dossierFilings.evidence} @> ${JSON.stringify([{ id: evidenceId }])}::jsonb`))
      .limit(1);
    if (filed.length) return true;
    const attached = await db
      .select({ id: selfAssessmentEvidence.id })
      .from(selfAssessmentEvidence)
      .innerJoin(selfAssessments, eq(selfAssessments.id, selfAssessmentEvidence.assessmentId))
      .where(and(eq(selfAssessmentEvidence.id, evidenceId), eq(selfAssessments.productId, dossier.productId)))
      .limit(1);
    return attached.length > 0;
  },

  siteVisits: (db: DbOrTx, dossierId: string) => db.select().from(siteVisits).where(eq(siteVisits.dossierId, dossierId)).orderBy(asc(siteVisits.visitedOn)),
  insertSiteVisit: async (db: DbOrTx, values: typeof siteVisits.$inferInsert) => (await db.insert(siteVisits).values(values).returning())[0]!,
};
