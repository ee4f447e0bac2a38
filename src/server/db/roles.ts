import { sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.js';
import { queryRows, type DbOrTx } from './client.js';

/**
 * The application's own database role on PostgreSQL: it owns nothing, so it can neither change the
 * schema nor disable a trigger, and on the audit log it may only read and append. Migrations (and a
 * restore, which disables triggers inside its transaction) run as the owner: DATABASE_OWNER_URL.
 */

/** A role name as PostgreSQL folds an unquoted one: the name is quoted in the statements, so keep it plain. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The statements that give `role` what the application needs and no more, run by the owner of the
 * tables (in the application's database, after its migrations). Re-running them is harmless; the
 * default privileges cover the tables and sequences later migrations of the same owner create.
 */
export function appRoleStatements(role: string): string[] {
  if (!ROLE_NAME.test(role))
    throw new AppError('invalid', 'invalid_role_name', {
      vi: `Tên vai trò "${role}" không hợp lệ: chữ thường, số và dấu gạch dưới, bắt đầu bằng chữ.`,
      en: `Role name "${role}" is not valid: lower-case letters, digits and underscores, starting with a letter.`,
    });
  const r = `"${role}"`;
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    // Appended to and read, never rewritten, emptied or truncated.
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${r}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
    // USAGE for new ids; SELECT so that a backup can read where each sequence stands.
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // A backup records the migration level it was taken at.
    `GRANT USAGE ON SCHEMA drizzle TO ${r}`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/**
 * Grants the application role, after checking it is one that privileges can bound: it exists, is not
 * a superuser (who bypasses every check), and is not the owner running this (who owns the tables).
 */
export async function grantAppRole(db: DbOrTx, role: string): Promise<void> {
  const statements = appRoleStatements(role);
  const [found] = await queryRows<{ super: boolean; current: boolean }>(
    db,
    sql`select rolsuper as super, rolname = current_user as current from pg_roles where rolname = ${role}`,
  );
  if (!found)
    throw new AppError('invalid', 'role_not_found', {
      vi: `Chưa có vai trò "${role}" trên máy chủ PostgreSQL: tạo trước bằng CREATE ROLE ${role} LOGIN PASSWORD '…'.`,
      en: `There is no role "${role}" on the PostgreSQL server: create it first with CREATE ROLE ${role} LOGIN PASSWORD '…'.`,
    });
  if (found.super || found.current)
    throw new AppError('invalid', 'role_too_powerful', {
      vi: `Vai trò "${role}" là superuser hoặc chính là chủ sở hữu CSDL: quyền hạn chế không có tác dụng với nó.`,
      en: `Role "${role}" is a superuser or the database owner itself: privileges cannot bound it.`,
    });
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}
