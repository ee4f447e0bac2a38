import { and, asc, desc, eq, getTableColumns, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inChunks } from '../../db/insert-many.js';
import { preparedOnce } from '../../db/prepared.js';
import { auditLog, users } from '../../db/schema/index.js';

export type AuditValues = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

/** The append-only audit log (a trigger rejects UPDATE and DELETE): entries are only written and read. */
/** The log's last entry number: the key of every kept answer (records-cache.ts), read on most requests. */
const lastIdStatement = preparedOnce((db: DbOrTx) =>
  db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .prepare('audit_last_id'),
);

export const auditRepository = {
  insert: (db: DbOrTx, values: AuditValues) => db.insert(auditLog).values(values),
  /** Many entries in a few statements (bulk loads: the demo history). */
  insertMany: (db: DbOrTx, values: AuditValues[]) => inChunks(values, 500, (chunk) => db.insert(auditLog).values(chunk)),
  /**
   * The last entry's number: it changes whenever any programme record does (each change writes its
   * entry in the same transaction), so figures computed at one number stay true until the next.
   */
  lastId: async (db: DbOrTx) => (await lastIdStatement(db).execute())[0]?.id ?? 0,
  /** One record's history, oldest or newest first, at most `limit` entries, with the actor's name when their account exists. */
  forEntity: (db: DbOrTx, entityType: string, entityId: string, order: 'asc' | 'desc', limit: number) =>
    db
      .select({ ...getTableColumns(auditLog), actorName: users.fullName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
      .orderBy(order === 'asc' ? asc(auditLog.id) : desc(auditLog.id))
      .limit(limit),
};
