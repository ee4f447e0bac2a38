import { and, count, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { passwordResetTokens, sessions, subjects, userCommunes, users } from '../../db/schema/index.js';
import { likeEscape } from '../../db/sql-scope.js';

export type UserRow = typeof users.$inferSelect & { subjectName: string | null; communeCodes: string[] };

async function withCommunes(db: DbOrTx, rows: (typeof users.$inferSelect & { subjectName: string | null })[]): Promise<UserRow[]> {
  if (!rows.length) return [];
  const links = await db
    .select()
    .from(userCommunes)
    .where(
      inArray(
        userCommunes.userId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    communeCodes: links
      .filter((l) => l.userId === r.id)
      .map((l) => l.communeCode)
      .sort(),
  }));
}

const select = (db: DbOrTx) =>
  db
    .select({ ...getTableColumns(users), subjectName: subjects.name })
    .from(users)
    .leftJoin(subjects, eq(subjects.id, users.subjectId));

export const usersRepository = {
  async list(
    db: DbOrTx,
    filters: { provinceCode: string | null; q?: string | undefined; role?: string | undefined; active?: boolean | undefined },
    page: { limit: number; offset: number },
  ) {
    const where = and(
      filters.provinceCode ? eq(users.provinceCode, filters.provinceCode) : undefined,
      filters.q
        ? or(
            sql`${users.email} ilike ${`%${likeEscape(filters.q)}%`}`,
            sql`ocop_unaccent(lower(${users.fullName})) like ocop_unaccent(lower(${`%${likeEscape(filters.q)}%`}))`,
          )
        : undefined,
      filters.role ? eq(users.role, filters.role as UserRow['role']) : undefined,
      filters.active === undefined ? undefined : eq(users.active, filters.active),
    );
    const [rows, totals] = await Promise.all([
      select(db).where(where).orderBy(users.email).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return { items: await withCommunes(db, rows), total: totals[0]?.n ?? 0 };
  },
  get: async (db: DbOrTx, id: string) => (await withCommunes(db, await select(db).where(eq(users.id, id)).limit(1)))[0],
  findByEmail: async (db: DbOrTx, email: string) => (await db.select().from(users).where(eq(users.email, email)).limit(1))[0],
  insert: async (db: DbOrTx, values: typeof users.$inferInsert) => (await db.insert(users).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>) =>
    (
      await db
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning()
    )[0]!,
  async setCommunes(db: DbOrTx, userId: string, codes: string[]) {
    await db.delete(userCommunes).where(eq(userCommunes.userId, userId));
    if (codes.length) await db.insert(userCommunes).values(codes.map((communeCode) => ({ userId, communeCode })));
  },
  countAdmins: async (db: DbOrTx, provinceCode: string | null) =>
    (
      await db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), provinceCode ? eq(users.provinceCode, provinceCode) : isNull(users.provinceCode)))
    )[0]?.n ?? 0,
  /** The province of a subject, to check a producer's account lies in it; undefined for an unknown subject. */
  subjectProvince: async (db: DbOrTx, subjectId: string) =>
    (await db.select({ provinceCode: subjects.provinceCode }).from(subjects).where(eq(subjects.id, subjectId)).limit(1))[0]?.provinceCode,
  /** Signs the account out everywhere: its access changed, or its password was reset. */
  endSessions: (db: DbOrTx, userId: string) => db.delete(sessions).where(eq(sessions.userId, userId)),
  /** Spends every reset link of the account still open: a password just set must not be undone by an older link. */
  spendResetLinks: (db: DbOrTx, userId: string, now: Date) =>
    db
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt))),
  anyUser: async (db: DbOrTx): Promise<boolean> => (await db.select({ id: users.id }).from(users).limit(1)).length > 0,
};
