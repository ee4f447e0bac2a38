import { loadConfig, publicOrigin } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { firstStart, openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.js';
import { createCertificatesService, type CertificatesService } from '../server/modules/certificates/certificates.service.js';
import type { Database } from '../server/db/client.js';
import { createMailer, type Mailer } from '../server/lib/mailer.js';
import { drainOutbox } from '../server/modules/notifications/outbox.js';
import { lineOut, type CliIo } from './context.js';
import { printDemoAccounts } from './database.commands.js';

const REMINDER_INTERVAL_MS = 6 * 3_600_000;

/** Reminds producers whose certificates entered the re-rating window: at start, then every 6 hours. */
function scheduleReratingReminders(certificates: CertificatesService, logger: { info(o: object, m: string): void; error(o: object, m: string): void }) {
  const run = () =>
    certificates
      .sendReratingReminders()
      .then((sent) => sent && logger.info({ sent }, 'rerating reminders queued'))
      .catch((err: unknown) => logger.error({ err }, 'rerating reminders failed'));
  void run();
  setInterval(run, REMINDER_INTERVAL_MS).unref();
}

const OUTBOX_INTERVAL_MS = 30_000;

/** Sends queued e-mails every 30 seconds; the timer does not keep the process alive. */
function scheduleOutbox(database: Database, mailer: Mailer, logger: { error(o: object, m: string): void }) {
  setInterval(() => void drainOutbox(database.db, mailer).catch((err: unknown) => logger.error({ err }, 'outbox failed')), OUTBOX_INTERVAL_MS).unref();
}

/** Starts the server; on SIGINT/SIGTERM stops taking requests, then closes the database (and its lock). */
export async function serveCommand(opts: { port?: string; demo: boolean }, io: CliIo) {
  const log = lineOut(io);
  const config = loadConfig(opts.port ? { ...io.env, PORT: opts.port } : io.env);
  const demo = opts.demo && io.env.DEMO_DATA !== 'false';
  // The demo's past years and current round come with it unless DEMO_HISTORY=false (end-to-end tests count from a bare demo).
  const history = io.env.DEMO_HISTORY !== 'false';
  const database = await openConfiguredDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const shutdown = async (signal: string) => {
    log(`Nhận ${signal}, đang dừng… / stopping…`);
    await app?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await prepareDatabase(database, config, log);
    const { seeded, oneTime } = await firstStart(database, config, { demo, history }, log);
    app = await buildApp({ config, database, logger: true });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = publicOrigin({ ...config, port: Number(new URL(address).port) });
    log('');
    log(`OCOP đang chạy tại / running at ${url}   (API: ${url}/api/docs)`);
    if (seeded || (demo && !oneTime)) printDemoAccounts(log);
    if (oneTime) log(`Tài khoản quản trị / administrator: ${oneTime.email}  mật khẩu dùng một lần / one-time password: ${oneTime.password}`);
    scheduleReratingReminders(createCertificatesService(database.db), app.log);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
    if (mailer) scheduleOutbox(database, mailer, app.log);
    else log('SMTP_URL chưa cấu hình: e-mail được giữ trong hàng đợi. / No SMTP_URL: e-mails stay in the outbox.');
  } catch (err) {
    await app?.close();
    await database.close();
    throw err;
  }
}
