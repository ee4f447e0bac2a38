import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certificates,
  conflictDeclarations,
  councilMembers,
  councilSessions,
  councils,
  dossiers,
  evidenceQuestions,
  products,
  scoreSheets,
  selfAssessments,
  sessionDossiers,
  subjects,
} from '../../db/schema/index.js';

/** The queries of people's own first pages: always by the caller's own subject or own seats, never wider. */
export const homeRepository = {
  subject: async (db: DbOrTx, id: string) => (await db.select({ id: subjects.id, name: subjects.name }).from(subjects).where(eq(subjects.id, id)).limit(1))[0],

  /** The subject's products in the Vietnamese name order. */
  productsOf: (db: DbOrTx, subjectId: string) =>
    db
      .select({ id: products.id, name: products.name, ocopCode: products.ocopCode })
      .from(products)
      .where(eq(products.subjectId, subjectId))
      .orderBy(asc(products.sortKey), asc(products.id)),

  /** Every certificate of the products, latest issued first. */
  certificatesOf: async (db: DbOrTx, productIds: readonly string[]) =>
    productIds.length
      ? db
          .select({
            id: certificates.id,
            productId: certificates.productId,
            number: certificates.number,
            star: certificates.star,
            issuedOn: certificates.issuedOn,
            expiresOn: certificates.expiresOn,
            revokedOn: certificates.revokedOn,
            supersededOn: certificates.supersededOn,
          })
          .from(certificates)
          .where(inArray(certificates.productId, [...productIds]))
          .orderBy(desc(certificates.issuedOn), desc(certificates.createdAt))
      : [],

  /** Every dossier of the products, latest first, with whether its self-assessment is complete. */
  dossiersOf: async (db: DbOrTx, productIds: readonly string[]) =>
    productIds.length
      ? db
          .select({ id: dossiers.id, productId: dossiers.productId, state: dossiers.state, selfAssessmentCompletedAt: selfAssessments.completedAt })
          .from(dossiers)
          .leftJoin(selfAssessments, eq(selfAssessments.id, dossiers.selfAssessmentId))
          .where(inArray(dossiers.productId, [...productIds]))
          .orderBy(desc(dossiers.createdAt), desc(dossiers.id))
      : [],

  /** Questions on evidence still waiting for an answer, per dossier. */
  async openQuestions(db: DbOrTx, dossierIds: readonly string[]): Promise<Map<string, number>> {
    if (!dossierIds.length) return new Map();
    const rows = await db
      .select({ dossierId: evidenceQuestions.dossierId, n: count() })
      .from(evidenceQuestions)
      .where(and(inArray(evidenceQuestions.dossierId, [...dossierIds]), eq(evidenceQuestions.status, 'open')))
      .groupBy(evidenceQuestions.dossierId);
    return new Map(rows.map((r) => [r.dossierId, r.n]));
  },

  /** The account's seats, with their councils. */
  seatsOf: (db: DbOrTx, userId: string) =>
    db
      .select({ member: councilMembers, councilName: councils.name })
      .from(councilMembers)
      .innerJoin(councils, eq(councils.id, councilMembers.councilId))
      .where(eq(councilMembers.userId, userId)),

  /** The sittings of those councils: open ones first, then the latest. */
  sessionsOf: async (db: DbOrTx, councilIds: readonly string[]) =>
    councilIds.length
      ? db
          .select()
          .from(councilSessions)
          .where(inArray(councilSessions.councilId, [...councilIds]))
          .orderBy(desc(councilSessions.status), desc(councilSessions.heldOn), asc(councilSessions.id))
      : [],

  links: async (db: DbOrTx, sessionIds: readonly string[]) =>
    sessionIds.length
      ? db
          .select()
          .from(sessionDossiers)
          .where(inArray(sessionDossiers.sessionId, [...sessionIds]))
      : [],

  /** The members' own sheets only (never another member's). */
  ownSheets: async (db: DbOrTx, memberIds: readonly string[]) =>
    memberIds.length
      ? db
          .select({
            sessionId: scoreSheets.sessionId,
            dossierId: scoreSheets.dossierId,
            memberId: scoreSheets.memberId,
            scoringRound: scoreSheets.scoringRound,
            status: scoreSheets.status,
          })
          .from(scoreSheets)
          .where(inArray(scoreSheets.memberId, [...memberIds]))
      : [],

  ownDeclarations: async (db: DbOrTx, memberIds: readonly string[]) =>
    memberIds.length
      ? db
          .select()
          .from(conflictDeclarations)
          .where(inArray(conflictDeclarations.memberId, [...memberIds]))
      : [],
};
