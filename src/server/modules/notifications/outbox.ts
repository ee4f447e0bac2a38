import type { Db } from '../../db/client.js';
import type { Mailer } from '../../lib/mailer.js';
import { notificationsRepository as repo } from './notifications.repository.js';

export const MAX_ATTEMPTS = 5;

/**
 * Sends queued e-mails. Each row is claimed by bumping its attempt counter from the value read, so
 * several processes draining at once never send the same mail twice; a failure keeps the error and
 * the mail is retried on a later run, up to MAX_ATTEMPTS. The time sent is the application's clock.
 */
export async function drainOutbox(
  db: Db,
  mailer: Mailer,
  { batch = 50, clock = () => new Date() }: { batch?: number; clock?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const pending = await repo.pendingEmails(db, MAX_ATTEMPTS, batch);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    if (!(await repo.claimEmail(db, mail))) continue;
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await repo.markEmailSent(db, mail.id, clock());
      sent++;
    } catch (err) {
      await repo.markEmailFailed(db, mail.id, err instanceof Error ? err.message.slice(0, 1000) : String(err));
      failed++;
    }
  }
  return { sent, failed };
}
