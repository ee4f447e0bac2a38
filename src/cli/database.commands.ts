import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../server/db/seed/demo.js';
import { log, withDatabase } from './context.js';

export const migrateCommand = () => withDatabase(async () => log('Cơ sở dữ liệu đã cập nhật. / Database is up to date.'));

export const seedCommand = () =>
  withDatabase(async (database) => {
    const created = await seedDemo(database.db, log);
    if (!created) log('Dữ liệu mẫu đã có sẵn, không tạo lại. / Demo data already present; nothing done.');
    else printDemoAccounts();
  });

export function printDemoAccounts() {
  log(`Tài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(9)} ${a.email}`);
}
