import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { emailOutbox, notifications, users } from '../../db/schema/index.js';

export type NewNotification = { userIds: string[]; dossierId?: string | null; title: string; body: string };

/**
 * Notifies users in the caller's transaction: an in-app notification each, and an e-mail queued in
 * the outbox (sent by a worker when SMTP is configured), so a step and its notices commit together.
 */
export async function notify(tx: DbOrTx, n: NewNotification) {
  const ids = [...new Set(n.userIds)];
  if (!ids.length) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (!recipients.length) return;
  await tx.insert(notifications).values(recipients.map((r) => ({ userId: r.id, dossierId: n.dossierId ?? null, title: n.title, body: n.body })));
  await tx.insert(emailOutbox).values(recipients.map((r) => ({ to: r.email, subject: `[OCOP] ${n.title}`, body: n.body })));
}

export function createNotificationsService(db: Db) {
  return {
    async list(userId: string) {
      const [items, unread] = await Promise.all([
        db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(100),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
      ]);
      return {
        items: items.map((i) => ({
          id: i.id,
          dossierId: i.dossierId,
          title: i.title,
          body: i.body,
          readAt: i.readAt?.toISOString() ?? null,
          createdAt: i.createdAt.toISOString(),
        })),
        unread: unread[0]?.n ?? 0,
      };
    },
    async markAllRead(userId: string) {
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    },
    async markRead(userId: string, id: string) {
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
