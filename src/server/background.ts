import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import { deleteExpiredRateLimits } from './db/rate-limits.js';
import { createMailer } from './lib/mailer.js';
import { openFileStorage } from './lib/storage.js';
import { createCertificatesService } from './modules/certificates/certificates.service.js';
import { drainOutbox } from './modules/notifications/outbox.js';
import { createImportsService } from './modules/imports/imports.service.js';

/** Where the background work reports: the server's logger, or the worker's lines. */
export type BackgroundLogger = { info(fields: object, message: string): void; error(fields: object, message: string): void };

export type BackgroundWork = {
  /** The schedules started, with their intervals, for the start-up message. */
  readonly schedules: { name: string; everyMs: number }[];
  /** Stops the timers and waits for the runs in progress (a mail being sent is finished, not cut). */
  stop(): Promise<void>;
};

const REMINDER_INTERVAL_MS = 6 * 3_600_000;
const RATE_LIMIT_CLEANUP_MS = 5 * 60_000;
/** How often a worker looks for imports waiting for it: an office watching its upload waits at most this long. */
const IMPORT_QUEUE_MS = 1_000;

/**
 * The work no request waits for, in one place for `ocop serve` (BACKGROUND_WORK=inline, the default)
 * and `ocop worker`: the e-mail outbox every OUTBOX_INTERVAL_SECONDS (30 s), re-rating reminders
 * every 6 hours, and on PostgreSQL the expired rate-limit counters every 5 minutes and the imports
 * that web processes with BACKGROUND_WORK=off left to a worker every second. Each runs once at
 * start, then on its interval; a run still going when its next is due is not doubled. Any number of
 * processes may run it at once on one PostgreSQL: every job claims its rows one by one in the
 * database (a mail by its claim, a reminder by the certificate's reminded date), so nothing is done
 * twice (docs/decisions/0013-background-work-claim-per-row.md). Timers do not keep the process alive.
 */
export function startBackgroundWork(database: Database, config: AppConfig, logger: BackgroundLogger): BackgroundWork {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const schedules: BackgroundWork['schedules'] = [];
  let stopped = false;

  function every(name: string, everyMs: number, job: () => Promise<unknown>) {
    let running: Promise<unknown> | undefined;
    const run = () => {
      if (stopped || running) return;
      running = job()
        .catch((err: unknown) => logger.error({ err }, `${name} failed`))
        .finally(() => {
          inFlight.delete(running!);
          running = undefined;
        });
      inFlight.add(running);
    };
    schedules.push({ name, everyMs });
    run();
    const timer = setInterval(run, everyMs);
    timer.unref();
    timers.push(timer);
  }

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  if (mailer)
    every('outbox', config.outboxIntervalMs, async () => {
      const { sent, failed } = await drainOutbox(database.db, mailer);
      if (sent || failed) logger.info({ sent, failed }, 'outbox sent');
    });

  const certificates = createCertificatesService(database.db);
  every('rerating reminders', REMINDER_INTERVAL_MS, async () => {
    const sent = await certificates.sendReratingReminders();
    if (sent) logger.info({ sent }, 'rerating reminders queued');
  });

  // PGlite keeps the counters in memory (one process): the table is not used there.
  if (database.kind === 'postgres')
    every('rate-limit counters', RATE_LIMIT_CLEANUP_MS, async () => {
      const deleted = await deleteExpiredRateLimits(database.db);
      if (deleted) logger.info({ deleted }, 'expired rate-limit counters deleted');
    });

  // Only web processes on PostgreSQL with BACKGROUND_WORK=off leave imports to others; a process of
  // the embedded database checks and commits its own.
  const storage = database.kind === 'postgres' ? openFileStorage(config) : undefined;
  if (storage) {
    const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
    const imports = createImportsService(database.db, config.provinceCode, limits, undefined, { storage });
    every('imports', IMPORT_QUEUE_MS, async () => {
      const taken = await imports.runQueued();
      if (taken) logger.info({ taken }, 'imports worked');
    });
  }

  return {
    schedules,
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...inFlight]);
      await storage?.close();
    },
  };
}
