import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginAttempts, passwordResetTokens } from '../../db/schema/index.js';

export type ResetTokenRow = typeof passwordResetTokens.$inferSelect;

export const passwordResetRepository = {
  insert: (db: DbOrTx, values: typeof passwordResetTokens.$inferInsert) => db.insert(passwordResetTokens).values(values),

  find: async (db: DbOrTx, id: string): Promise<ResetTokenRow | undefined> =>
    (await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.id, id)).limit(1))[0],

  /** Links sent to the account since `since` (spent or not). */
  sentSince: async (db: DbOrTx, userId: string, since: Date) =>
    (
      await db
        .select({ n: count() })
        .from(passwordResetTokens)
        .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, since)))
    )[0]?.n ?? 0,

  /**
   * Spends the link if it is still unspent and unexpired, in one statement, so two requests racing
   * with the same link cannot both set a password; the account's id when it was this call that spent it.
   */
  claim: async (db: DbOrTx, id: string, now: Date): Promise<string | undefined> =>
    (
      await db
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
        .returning({ userId: passwordResetTokens.userId })
    )[0]?.userId,

  /** Forgets the account's failed sign-ins from every address: its owner has just proven who they are. */
  clearLoginFailures: (db: DbOrTx, email: string) => db.delete(loginAttempts).where(eq(loginAttempts.email, email)),
};
