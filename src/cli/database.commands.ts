import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../server/seed/demo.js';
import { seedDemoHistory } from '../server/seed/demo-history.js';
import { openFileStorage } from '../server/lib/storage.js';
import { lineOut, withDatabase, type CliIo, type Log } from './context.js';

export const migrateCommand = (io: CliIo) => withDatabase(io, async () => lineOut(io)('Cơ sở dữ liệu đã cập nhật. / Database is up to date.'));

export const seedCommand = (io: CliIo) =>
  withDatabase(io, async (database, config) => {
    const log = lineOut(io);
    const created = await seedDemo(database.db, log);
    if (!created) log('Dữ liệu mẫu đã có sẵn, không tạo lại. / Demo data already present; nothing done.');
    else {
      if (io.env.DEMO_HISTORY !== 'false') {
        const storage = openFileStorage(config);
        try {
          await seedDemoHistory(database.db, { dataDir: config.dataDir, storage, log });
        } finally {
          await storage.close();
        }
      }
      printDemoAccounts(log);
    }
  });

export function printDemoAccounts(log: Log) {
  log(`Tài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(9)} ${a.email}`);
}
