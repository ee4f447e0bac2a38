import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { Mailer } from '../../lib/mailer.js';

export const MAX_ATTEMPTS = 5;

/**
 * Sends queued e-mails. Each row is claimed by bumping its attempt counter from the value read, so
 * several processes draining at once never send the same mail twice; a failure keeps the error and
 * the mail is retried on a later run, up to MAX_ATTEMPTS.
 */
export async function drainOutbox(db: Db, mailer: Mailer, batch = 50): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select()
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(batch);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    const claimed = await db
      .update(emailOutbox)
      .set({ attempts: mail.attempts + 1 })
      .where(and(eq(emailOutbox.id, mail.id), eq(emailOutbox.attempts, mail.attempts), isNull(emailOutbox.sentAt)))
      .returning({ id: emailOutbox.id });
    if (!claimed.length) continue;
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, mail.id));
      sent++;
    } catch (err) {
      await db
        .update(emailOutbox)
        .set({ lastError: err instanceof Error ? err.message.slice(0, 1000) : String(err) })
        .where(eq(emailOutbox.id, mail.id));
      failed++;
    }
  }
  return { sent, failed };
}
