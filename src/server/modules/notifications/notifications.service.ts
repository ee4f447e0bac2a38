import { notFound, unauthenticated } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { presentNotification } from './notifications.presenter.js';
import { notificationsRepository as repo } from './notifications.repository.js';

export type NewNotification = { userIds: string[]; dossierId?: string | null; title: string; body: string };

/**
 * Notifies users in the caller's transaction: an in-app notification each, and an e-mail queued in
 * the outbox (sent by a worker when SMTP is configured), so a step and its notices commit together.
 */
export async function notify(tx: DbOrTx, n: NewNotification) {
  const ids = [...new Set(n.userIds)];
  if (!ids.length) return;
  const recipients = await repo.activeRecipients(tx, ids);
  if (!recipients.length) return;
  await repo.insertNotifications(
    tx,
    recipients.map((r) => ({ userId: r.id, dossierId: n.dossierId ?? null, title: n.title, body: n.body })),
  );
  await repo.queueEmails(
    tx,
    recipients.map((r) => ({ to: r.email, subject: `[OCOP] ${n.title}`, body: n.body })),
  );
}

/** Notifications are personal: each account reads and marks only its own. */
function ownerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor.userId;
}

export function createNotificationsService(db: Db, clock: () => Date = () => new Date()) {
  return {
    async list(actor: Actor) {
      const userId = ownerOf(actor);
      const [items, unread] = await Promise.all([repo.latestFor(db, userId, 100), repo.unreadCount(db, userId)]);
      return { items: items.map(presentNotification), unread };
    },
    async markAllRead(actor: Actor) {
      await repo.markAllRead(db, ownerOf(actor), clock());
    },
    /** Someone else's notification is "not found", as a missing one: its id names nothing to the caller. */
    async markRead(actor: Actor, id: string) {
      if (!(await repo.markRead(db, ownerOf(actor), id, clock()))) throw notFound({ vi: 'thông báo', en: 'notification' });
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
