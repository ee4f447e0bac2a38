import { invalid } from '../domain/errors.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { applyMigrations } from '../server/db/migrate.js';
import { grantAppRole } from '../server/db/roles.js';
import { lineOut, type CliIo } from './context.js';

/**
 * `ocop db grant-app-role ROLE`: as the owner of the tables (DATABASE_OWNER_URL, else DATABASE_URL),
 * brings the schema up to date, then grants ROLE what the application needs and no more
 * (docs/database-roles.md). Run again after creating the role anew; harmless otherwise.
 */
export async function grantAppRoleCommand(role: string, io: CliIo) {
  const log = lineOut(io);
  const ownerUrl = io.env.DATABASE_OWNER_URL || loadConfig(io.env).databaseUrl;
  if (!ownerUrl)
    throw invalid('postgres_only', {
      vi: 'Vai trò CSDL chỉ có trên PostgreSQL: đặt DATABASE_OWNER_URL (hoặc DATABASE_URL) là URL của chủ sở hữu CSDL.',
      en: "Database roles exist only on PostgreSQL: set DATABASE_OWNER_URL (or DATABASE_URL) to the database owner's URL.",
    });
  const database = await openDatabase({ databaseUrl: ownerUrl });
  try {
    await applyMigrations(database, { ownerUrl: null });
    await grantAppRole(database.db, role);
    log(`Đã cấp quyền cho vai trò ${role}. / Role ${role} granted: read and write the records, read and append to the audit log, nothing else.`);
  } finally {
    await database.close();
  }
}
