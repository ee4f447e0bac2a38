import type { Db } from '../../db/client.js';
import type { Mailer } from '../../lib/mailer.js';
import { notificationsRepository as repo } from './notifications.repository.js';

export const MAX_ATTEMPTS = 5;
/**
 * How long a claim keeps other processes off a mail being sent: longer than any send takes (the
 * SMTP client gives up on a silent server well before), short enough that a mail whose sender died
 * goes out again the same hour.
 */
export const CLAIM_SECONDS = 15 * 60;

/**
 * Sends queued e-mails. Each row is claimed before it is sent — its attempt counter bumped from the
 * value read and a claim set, in one statement — so several processes draining at once (web processes
 * and workers) never send the same mail twice: a mail claimed by one is skipped by the others until
 * it is sent, fails, or the claim runs out (its process died: then it is tried again, so a mail whose
 * sender died after the SMTP server took it may arrive twice, never a live sender's). A failure keeps
 * the error and the mail is retried on a later run, up to MAX_ATTEMPTS. The time sent is the
 * application's clock.
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
    if (!(await repo.claimEmail(db, mail, CLAIM_SECONDS))) continue;
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
