import { loadConfig, publicOrigin } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { firstStart, openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.js';
import { startBackgroundWork, type BackgroundWork } from '../server/background.js';
import { withPrepareLock } from '../server/db/migrate.js';
import { lineOut, type CliIo } from './context.js';
import { printDemoAccounts } from './database.commands.js';

/**
 * Starts the server and, unless BACKGROUND_WORK=off (a worker runs it: `ocop worker`), the background
 * work; on SIGINT/SIGTERM stops taking requests and the background work, then closes the database (and its lock).
 */
export async function serveCommand(opts: { port?: string; demo: boolean }, io: CliIo) {
  const log = lineOut(io);
  const config = loadConfig(opts.port ? { ...io.env, PORT: opts.port } : io.env);
  const demo = opts.demo && io.env.DEMO_DATA !== 'false';
  // The demo's past years and current round come with it unless DEMO_HISTORY=false (end-to-end tests count from a bare demo).
  const history = io.env.DEMO_HISTORY !== 'false';
  const database = await openConfiguredDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let background: BackgroundWork | undefined;
  const shutdown = async (signal: string) => {
    log(`Nhận ${signal}, đang dừng… / stopping…`);
    await app?.close();
    await background?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await prepareDatabase(database, config, log);
    // Two processes starting on an empty database would both seed it: they take turns, the second finds accounts.
    const { seeded, oneTime } = await withPrepareLock(database, () => firstStart(database, config, { demo, history }, log));
    app = await buildApp({ config, database, logger: true, warmLabels: true });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = publicOrigin({ ...config, port: Number(new URL(address).port) });
    log('');
    log(`OCOP đang chạy tại / running at ${url}   (API: ${url}/api/docs)`);
    if (seeded || (demo && !oneTime)) printDemoAccounts(log);
    if (oneTime) log(`Tài khoản quản trị / administrator: ${oneTime.email}  mật khẩu dùng một lần / one-time password: ${oneTime.password}`);
    if (config.backgroundWork === 'inline') {
      background = startBackgroundWork(database, config, app.log);
      if (!config.smtpUrl) log('SMTP_URL chưa cấu hình: e-mail được giữ trong hàng đợi. / No SMTP_URL: e-mails stay in the outbox.');
    } else
      log(
        'BACKGROUND_WORK=off: nhập dữ liệu, e-mail, nhắc đánh giá lại… do `ocop worker` chạy. / imports, e-mail, re-rating reminders… are left to `ocop worker`.',
      );
  } catch (err) {
    await background?.stop();
    await app?.close();
    await database.close();
    throw err;
  }
}
