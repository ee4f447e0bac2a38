import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { emailOutbox, notifications, users } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

/** No process holds the mail: never claimed, or its claim ran out (by the database's clock, the same for every process). */
const unclaimed = or(isNull(emailOutbox.claimedUntil), lt(emailOutbox.claimedUntil, sql`now()`));

/** In-app notifications and the e-mail outbox. */
export const notificationsRepository = {
  /** The active accounts among these, with their e-mail: deactivated accounts are not notified. */
  activeRecipients: (db: DbOrTx, userIds: string[]) =>
    db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.active, true))),
  insertNotifications: (db: DbOrTx, rows: (typeof notifications.$inferInsert)[]) => db.insert(notifications).values(rows),

  /** A user's latest notifications, newest first. */
  latestFor: (db: DbOrTx, userId: string, limit: number) =>
    db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit),
  unreadCount: async (db: DbOrTx, userId: string) =>
    (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    )[0]?.n ?? 0,
  markAllRead: (db: DbOrTx, userId: string, at: Date) =>
    db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  /** Marks one notification read (keeping the first time it was), only if it is the user's own; false when it is not. */
  markRead: async (db: DbOrTx, userId: string, id: string, at: Date) =>
    (
      await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id })
    ).length > 0,

  queueEmails: (db: DbOrTx, rows: (typeof emailOutbox.$inferInsert)[]) => db.insert(emailOutbox).values(rows),
  /** Unsent mail still under the attempt limit that no process is sending now, oldest first. */
  pendingEmails: (db: DbOrTx, maxAttempts: number, limit: number) =>
    db
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, maxAttempts), unclaimed))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(limit),
  /**
   * Claims a mail for `leaseSeconds` by bumping its attempt counter from the value read, in one
   * statement: false when another process claimed or sent it first, or is sending it now. A process
   * that dies while sending leaves the claim to run out; the mail is then tried again.
   */
  claimEmail: async (db: DbOrTx, mail: Pick<OutboxRow, 'id' | 'attempts'>, leaseSeconds: number) =>
    (
      await db
        .update(emailOutbox)
        .set({ attempts: mail.attempts + 1, claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
        .where(and(eq(emailOutbox.id, mail.id), eq(emailOutbox.attempts, mail.attempts), isNull(emailOutbox.sentAt), unclaimed))
        .returning({ id: emailOutbox.id })
    ).length > 0,
  markEmailSent: (db: DbOrTx, id: string, at: Date) =>
    db.update(emailOutbox).set({ sentAt: at, lastError: null, claimedUntil: null }).where(eq(emailOutbox.id, id)),
  markEmailFailed: (db: DbOrTx, id: string, error: string) =>
    db.update(emailOutbox).set({ lastError: error, claimedUntil: null }).where(eq(emailOutbox.id, id)),
};
