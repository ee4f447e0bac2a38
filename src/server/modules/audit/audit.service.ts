import type { DbOrTx } from '../../db/client.js';
import { auditRepository as repo } from './audit.repository.js';

/** Who is acting, as written into the audit log. */
export type AuditActor = { userId: string | null; label: string; ip: string | null };
export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system', ip: null };

type Row = Record<string, unknown>;

/** Fields that change on every write and say nothing to a reader of the history. */
const NOISE = new Set(['updatedAt', 'nameSearch', 'sortKey', 'passwordHash']);

function clean(row: Row | null | undefined): Row | null {
  if (!row) return null;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !NOISE.has(k))
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/**
 * Writes one audit entry inside the caller's transaction, so a change and its history commit
 * together or not at all.
 */
export async function recordAudit(
  tx: DbOrTx,
  actor: AuditActor,
  entry: { action: 'create' | 'update' | 'delete'; entityType: string; entityId: string; before?: Row | null; after?: Row | null },
) {
  await repo.insert(tx, {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: clean(entry.before),
    after: clean(entry.after),
    ip: actor.ip,
  });
}

export type AuditEntry = { action: 'create' | 'update' | 'delete'; entityType: string; entityId: string; before?: Row | null; after?: Row | null };

/** Many entries by one actor in the caller's transaction, written in bulk (loads of hundreds of records). */
export async function recordAudits(tx: DbOrTx, actor: AuditActor, entries: readonly AuditEntry[]) {
  await repo.insertMany(
    tx,
    entries.map((entry) => ({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: clean(entry.before),
      after: clean(entry.after),
      ip: actor.ip,
    })),
  );
}

/** Field-level differences between two audit snapshots, for display. */
export function diffSnapshots(before: Row | null, after: Row | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** A record's history for display, each entry with its field-level changes; the caller has checked canViewAudit. */
export async function listAudit(db: DbOrTx, entityType: string, entityId: string, order: 'asc' | 'desc' = 'desc') {
  const rows = await repo.forEntity(db, entityType, entityId, order, 500);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorLabel: r.actorLabel,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: diffSnapshots(r.before as Row | null, r.after as Row | null),
  }));
}
