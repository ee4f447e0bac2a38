import { loadConfig } from '../server/config.js';
import { openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.js';
import { startBackgroundWork, type BackgroundLogger } from '../server/background.js';
import { lineOut, type CliIo } from './context.js';

/** Intervals as people say them: 30 s, 5 min, 6 h. */
const every = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/**
 * `ocop worker`: the background work (imports, e-mail outbox, re-rating reminders, expired
 * rate-limit counters) without an HTTP server, for deployments of several processes on PostgreSQL whose web
 * processes run with BACKGROUND_WORK=off. Several workers may run at once (each job claims its rows).
 * Prints what it does as it starts and each run that did something; on SIGINT/SIGTERM it lets the
 * runs in progress finish, closes the database and exits 0.
 */
export async function workerCommand(io: CliIo) {
  const log = lineOut(io);
  const config = loadConfig(io.env);
  if (!config.databaseUrl)
    throw new Error(
      '`ocop worker` cần DATABASE_URL (PostgreSQL): với CSDL nhúng, `ocop serve` tự chạy các việc nền. / ' +
        '`ocop worker` needs DATABASE_URL (PostgreSQL): with the embedded database, `ocop serve` runs the background work itself.',
    );
  const database = await openConfiguredDatabase(config);
  const stamp = () => new Date().toISOString();
  const fields = (o: object) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${v instanceof Error ? JSON.stringify(v.message) : JSON.stringify(v)}`)
      .join(' ');
  const logger: BackgroundLogger = {
    info: (o, message) => log(`${stamp()} ${message} ${fields(o)}`),
    error: (o, message) => io.err(`${stamp()} ${message} ${fields(o)}\n`),
  };
  let background: ReturnType<typeof startBackgroundWork> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`Nhận ${signal}, đang dừng việc nền… / stopping the background work…`);
    await background?.stop();
    await database.close();
    log('Đã dừng. / Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await prepareDatabase(database, config, log);
    background = startBackgroundWork(database, config, logger);
    for (const s of background.schedules) log(`  ${s.name}: mỗi / every ${every(s.everyMs)}`);
    if (!config.smtpUrl) log('SMTP_URL chưa cấu hình: e-mail được giữ trong hàng đợi. / No SMTP_URL: e-mails stay in the outbox.');
    log(`Tiến trình nền đang chạy (pid ${process.pid}). / Worker running (pid ${process.pid}).`);
  } catch (err) {
    await background?.stop();
    await database.close();
    throw err;
  }
  // The timers do not keep the process alive: it runs until a signal stops it.
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
}
