import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { applyMigrations, withPrepareLock } from './db/migrate.js';
import { generatePassword, hashPassword } from './lib/passwords.js';
import { assertAcceptablePassword } from './lib/password-policy.js';
import { openFileStorage } from './lib/storage.js';
import { recordAudit, SYSTEM_ACTOR } from './modules/audit/audit.service.js';
import { usersRepository } from './modules/users/users.repository.js';
import { seedDemo } from './seed/demo.js';
import { seedDemoHistory } from './seed/demo-history.js';
import { loadReferenceData } from './seed/reference.js';

export type Log = (message: string) => void;

export function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  return openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, readUrl: config.databaseReadUrl } : { dataDir: config.dataDir });
}

/** Migrations, then reference data: what every command that touches the database needs first. */
export async function prepareDatabase(database: Database, config: AppConfig, log: Log): Promise<void> {
  log(`Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite tại ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}; áp dụng migration…`);
  // Several processes starting at once on one PostgreSQL take turns (the first migrates).
  await withPrepareLock(database, async () => {
    await applyMigrations(database, { ownerUrl: config.databaseOwnerUrl ?? null });
    await loadReferenceData(database.db, config.referenceDataDir, log);
  });
}

/**
 * On a database with no accounts: the demo province (when enabled) with, unless `history` is false,
 * its programme history (demo-history.ts); then the first administrator from
 * ADMIN_EMAIL/ADMIN_PASSWORD, or one with a one-time password printed once.
 */
export async function firstStart(database: Database, config: AppConfig, opts: { demo: boolean; history?: boolean }, log: Log) {
  const { db } = database;
  const fresh = !(await usersRepository.anyUser(db));
  const seeded = fresh && opts.demo ? await seedDemo(db, log) : false;
  // Only right after the demo province was created: never on a database already in use.
  if (seeded && opts.history !== false) {
    const storage = openFileStorage(config);
    try {
      await seedDemoHistory(db, { dataDir: config.dataDir, storage, log });
    } finally {
      await storage.close();
    }
  }

  let oneTime: { email: string; password: string } | undefined;
  if (config.adminEmail && !(await usersRepository.findByEmail(db, config.adminEmail))) {
    const password = config.adminPassword ?? generatePassword();
    await createAdmin(database, config, config.adminEmail, password);
    if (!config.adminPassword) oneTime = { email: config.adminEmail, password };
    log(`Đã tạo tài khoản quản trị ${config.adminEmail}.`);
  } else if (fresh && !seeded) {
    const email = 'admin@localhost';
    const password = generatePassword();
    await createAdmin(database, config, email, password);
    oneTime = { email, password };
  }
  return { seeded, oneTime };
}

async function createAdmin(database: Database, config: AppConfig, email: string, password: string) {
  // ADMIN_PASSWORD is kept for good, so it meets the same policy as any chosen password.
  if (config.adminPassword) assertAcceptablePassword(password, { email }, 'ADMIN_PASSWORD');
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    const row = await usersRepository.insert(tx, {
      email,
      fullName: 'Quản trị hệ thống',
      passwordHash,
      role: 'admin',
      provinceCode: config.provinceCode,
      mustChangePassword: !config.adminPassword,
    });
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'user', entityId: row.id, after: row });
  });
}
