import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { CouncilScope } from '../../../domain/policies/index.js';
import type { DbOrTx } from '../../db/client.js';
import {
  conflictDeclarations,
  councilMembers,
  councilSessions,
  councils,
  scoreSheets,
  sessionDossiers,
  sessionRescorings,
  users,
} from '../../db/schema/index.js';

export type CouncilRow = typeof councils.$inferSelect;
export type MemberRow = typeof councilMembers.$inferSelect;
export type SessionRow = typeof councilSessions.$inferSelect;
export type SheetRow = typeof scoreSheets.$inferSelect;
export type LinkRow = typeof sessionDossiers.$inferSelect;
export type DeclarationRow = typeof conflictDeclarations.$inferSelect;
export type RescoringRow = typeof sessionRescorings.$inferSelect & { requestedName?: string | null };

/** The SQL form of a council scope (src/domain/policies/evaluation.ts). */
function scopeWhere(db: DbOrTx, scope: CouncilScope) {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'province':
      return eq(councils.provinceCode, scope.provinceCode);
    case 'member':
      return inArray(councils.id, db.select({ id: councilMembers.councilId }).from(councilMembers).where(eq(councilMembers.userId, scope.userId)));
    case 'none':
      return sql`false`;
  }
}
const sheetKey = (k: { sessionId: string; dossierId: string; memberId: string; scoringRound: number }) =>
  and(
    eq(scoreSheets.sessionId, k.sessionId),
    eq(scoreSheets.dossierId, k.dossierId),
    eq(scoreSheets.memberId, k.memberId),
    eq(scoreSheets.scoringRound, k.scoringRound),
  );

/** Councils, their members and sittings, score sheets: every query of the councils module. */
export const councilsRepository = {
  council: async (db: DbOrTx, id: string) => (await db.select().from(councils).where(eq(councils.id, id)).limit(1))[0],
  members: (db: DbOrTx, councilId: string) => db.select().from(councilMembers).where(eq(councilMembers.councilId, councilId)),
  membersOf: (db: DbOrTx, councilIds: readonly string[]) =>
    councilIds.length
      ? db
          .select()
          .from(councilMembers)
          .where(inArray(councilMembers.councilId, [...councilIds]))
      : Promise.resolve([] as MemberRow[]),
  insertCouncil: async (db: DbOrTx, values: typeof councils.$inferInsert) => (await db.insert(councils).values(values).returning())[0]!,
  insertMembers: (db: DbOrTx, values: (typeof councilMembers.$inferInsert)[]) => db.insert(councilMembers).values(values),
  updateCouncil: async (db: DbOrTx, id: string, values: Partial<typeof councils.$inferInsert>) =>
    (await db.update(councils).set(values).where(eq(councils.id, id)).returning())[0]!,
  /** The roles of the accounts named as members. */
  userRoles: async (db: DbOrTx, ids: readonly string[]) =>
    new Map(
      (ids.length
        ? await db
            .select({ id: users.id, role: users.role })
            .from(users)
            .where(inArray(users.id, [...ids]))
        : []
      ).map((u) => [u.id, u.role as string]),
    ),

  /** The councils of a scope, newest year first (the id breaks ties, so pages are stable); all unless a page is given. */
  councilsIn: (db: DbOrTx, scope: CouncilScope, page?: { limit: number; offset: number }) => {
    const query = db.select().from(councils).where(scopeWhere(db, scope)).orderBy(desc(councils.year), councils.id);
    return page ? query.limit(page.limit).offset(page.offset) : query;
  },
  sessionCounts: async (db: DbOrTx, councilIds: readonly string[]) =>
    new Map(
      (councilIds.length
        ? await db
            .select({ councilId: councilSessions.councilId, n: count() })
            .from(councilSessions)
            .where(inArray(councilSessions.councilId, [...councilIds]))
            .groupBy(councilSessions.councilId)
        : []
      ).map((r) => [r.councilId, r.n]),
    ),

  session: async (db: DbOrTx, id: string) => (await db.select().from(councilSessions).where(eq(councilSessions.id, id)).limit(1))[0],
  /** The sessions of the councils of a scope, optionally of one council or over one dossier, latest first. */
  sessionsIn: (db: DbOrTx, filter: { scope: CouncilScope; councilId?: string | undefined; dossierId?: string | undefined }) =>
    db
      .select({ session: councilSessions, council: councils })
      .from(councilSessions)
      .innerJoin(councils, eq(councils.id, councilSessions.councilId))
      .where(
        and(
          filter.councilId ? eq(councils.id, filter.councilId) : undefined,
          filter.dossierId
            ? inArray(
                councilSessions.id,
                db.select({ id: sessionDossiers.sessionId }).from(sessionDossiers).where(eq(sessionDossiers.dossierId, filter.dossierId)),
              )
            : undefined,
          scopeWhere(db, filter.scope),
        ),
      )
      .orderBy(desc(councilSessions.heldOn)),
  insertSession: async (db: DbOrTx, values: typeof councilSessions.$inferInsert) => (await db.insert(councilSessions).values(values).returning())[0]!,
  /** Closes an open session; undefined when it was already closed (a concurrent close). */
  closeSession: async (db: DbOrTx, id: string, closedOn: string) =>
    (
      await db
        .update(councilSessions)
        .set({ status: 'closed', closedOn })
        .where(and(eq(councilSessions.id, id), eq(councilSessions.status, 'open')))
        .returning()
    )[0],
  setAttendance: (db: DbOrTx, id: string, memberIds: string[]) => db.update(councilSessions).set({ attendance: memberIds }).where(eq(councilSessions.id, id)),

  links: (db: DbOrTx, sessionId: string) => db.select().from(sessionDossiers).where(eq(sessionDossiers.sessionId, sessionId)),
  linksOf: (db: DbOrTx, sessionIds: readonly string[]) =>
    sessionIds.length
      ? db
          .select()
          .from(sessionDossiers)
          .where(inArray(sessionDossiers.sessionId, [...sessionIds]))
      : Promise.resolve([] as LinkRow[]),
  link: async (db: DbOrTx, sessionId: string, dossierId: string) =>
    (
      await db
        .select()
        .from(sessionDossiers)
        .where(and(eq(sessionDossiers.sessionId, sessionId), eq(sessionDossiers.dossierId, dossierId)))
        .limit(1)
    )[0],
  insertLinks: (db: DbOrTx, values: (typeof sessionDossiers.$inferInsert)[]) => db.insert(sessionDossiers).values(values),
  /** Opens the next scoring round if the link is still at `from`; undefined when someone else already did. */
  advanceRound: async (db: DbOrTx, sessionId: string, dossierId: string, from: number) =>
    (
      await db
        .update(sessionDossiers)
        .set({ scoringRound: from + 1 })
        .where(and(eq(sessionDossiers.sessionId, sessionId), eq(sessionDossiers.dossierId, dossierId), eq(sessionDossiers.scoringRound, from)))
        .returning()
    )[0],
  /** With the requester's name for display (the label keeps the e-mail the request was made under). */
  rescorings: (db: DbOrTx, sessionId: string) =>
    db
      .select({ ...getTableColumns(sessionRescorings), requestedName: users.fullName })
      .from(sessionRescorings)
      .leftJoin(users, eq(users.id, sessionRescorings.requestedBy))
      .where(eq(sessionRescorings.sessionId, sessionId))
      .orderBy(asc(sessionRescorings.requestedAt)),
  insertRescoring: (db: DbOrTx, values: typeof sessionRescorings.$inferInsert) => db.insert(sessionRescorings).values(values),

  declarations: (db: DbOrTx, sessionId: string) => db.select().from(conflictDeclarations).where(eq(conflictDeclarations.sessionId, sessionId)),
  declaration: async (db: DbOrTx, sessionId: string, dossierId: string, memberId: string) =>
    (
      await db
        .select()
        .from(conflictDeclarations)
        .where(and(eq(conflictDeclarations.sessionId, sessionId), eq(conflictDeclarations.dossierId, dossierId), eq(conflictDeclarations.memberId, memberId)))
        .limit(1)
    )[0],
  insertDeclaration: (db: DbOrTx, values: typeof conflictDeclarations.$inferInsert) => db.insert(conflictDeclarations).values(values),

  sheets: (db: DbOrTx, sessionId: string) => db.select().from(scoreSheets).where(eq(scoreSheets.sessionId, sessionId)),
  sheet: async (db: DbOrTx, sessionId: string, sheetId: string) =>
    (
      await db
        .select()
        .from(scoreSheets)
        .where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.sessionId, sessionId)))
        .limit(1)
    )[0],
  /** The locked sheets of one round of one dossier in a session: what the council's result rests on. */
  submittedSheets: (db: DbOrTx, sessionId: string, dossierId: string, scoringRound: number) =>
    db
      .select()
      .from(scoreSheets)
      .where(
        and(
          eq(scoreSheets.sessionId, sessionId),
          eq(scoreSheets.dossierId, dossierId),
          eq(scoreSheets.scoringRound, scoringRound),
          eq(scoreSheets.status, 'submitted'),
        ),
      ),
  memberSheet: async (db: DbOrTx, k: { sessionId: string; dossierId: string; memberId: string; scoringRound: number }) =>
    (await db.select().from(scoreSheets).where(sheetKey(k)).limit(1))[0],
  /** The member's sheet of the round, created empty on first use (concurrent first uses make one). */
  async memberSheetOrNew(db: DbOrTx, k: { sessionId: string; dossierId: string; memberId: string; scoringRound: number }) {
    const existing = await this.memberSheet(db, k);
    if (existing) return existing;
    const [created] = await db.insert(scoreSheets).values(k).onConflictDoNothing().returning();
    return created ?? (await this.memberSheet(db, k))!;
  },
  /** Saves a draft under its version at `at` (the clock's time); undefined when the sheet changed or was locked meanwhile. */
  saveDraft: async (db: DbOrTx, id: string, expectedVersion: number, values: Partial<typeof scoreSheets.$inferInsert>, at: Date) =>
    (
      await db
        .update(scoreSheets)
        .set({ ...values, version: expectedVersion + 1, updatedAt: at })
        .where(and(eq(scoreSheets.id, id), eq(scoreSheets.version, expectedVersion), eq(scoreSheets.status, 'draft')))
        .returning()
    )[0],
  /** Locks a draft, submitted at `at`: two submissions at once leave one submitted sheet (the status guard). */
  lock: async (db: DbOrTx, id: string, values: { total: number; version: number }, at: Date) =>
    (
      await db
        .update(scoreSheets)
        .set({ status: 'submitted', submittedAt: at, ...values })
        .where(and(eq(scoreSheets.id, id), eq(scoreSheets.status, 'draft')))
        .returning()
    )[0],
  unlock: async (db: DbOrTx, id: string, version: number) =>
    (
      await db
        .update(scoreSheets)
        .set({ status: 'draft', submittedAt: null, total: null, version })
        .where(and(eq(scoreSheets.id, id), eq(scoreSheets.status, 'submitted')))
        .returning()
    )[0],
};
