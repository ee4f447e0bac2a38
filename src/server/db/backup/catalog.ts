import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client.js';
import { MIGRATIONS_DIR } from '../migrate.js';

/**
 * What the backup needs to know about the database, read from the PostgreSQL catalog rather than
 * from the Drizzle schema, so a table added by a later migration is backed up without code changes.
 * Only schema `public` is covered: Drizzle's migration bookkeeping lives in schema `drizzle` and is
 * re-created on restore by running the migrations.
 */

export type TableInfo = {
  name: string;
  /** Every column in table order, with its SQL type (generated columns included). */
  columns: { name: string; type: string; generated: boolean }[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
};

export type ForeignKey = { name: string; table: string; references: string; deferrable: boolean };
export type TriggerInfo = { name: string; table: string; enabled: 'O' | 'A' | 'R' };
export type SequenceInfo = { name: string; ownedBy: { table: string; column: string } | null };

/** A quoted identifier. Names come from the catalog, never from user input, but are quoted anyway. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (name: string) => `"public".${ident(name)}`;
export const raw = (text: string): SQL => sql.raw(text);

/** Ordinary and partitioned tables of schema public (partitions are reached through their parent; extension-owned tables are skipped). */
export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           and c.relname <> '__drizzle_migrations'
           and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
         order by c.relname`,
  );
  const columns = await queryRows<{ table: string; name: string; type: string; generated: boolean }>(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attgenerated <> '' as generated
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", a.attname as name
          from pg_index i
          join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
          join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where n.nspname = 'public' and i.indisprimary
         order by c.relname, k.position`,
  );
  return tables.map(({ name }) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => ({ name: c.name, type: c.type, generated: c.generated })),
    primaryKey: keys.filter((k) => k.table === name).map((k) => k.name),
  }));
}

export function listForeignKeys(db: DbOrTx): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    db,
    sql`select con.conname as name, cl.relname as "table", ref.relname as "references", con.condeferrable as deferrable
          from pg_constraint con
          join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace
          join pg_class ref on ref.oid = con.confrelid join pg_namespace rn on rn.oid = ref.relnamespace
         where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
         order by cl.relname, con.conname`,
  );
}

/** User triggers (not the internal ones that enforce foreign keys) that are currently enabled. */
export function listEnabledTriggers(db: DbOrTx): Promise<TriggerInfo[]> {
  return queryRows<TriggerInfo>(
    db,
    sql`select t.tgname as name, c.relname as "table", t.tgenabled as enabled
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and not t.tgisinternal and t.tgenabled <> 'D'
         order by c.relname, t.tgname`,
  );
}

/** Sequences of schema public (serial and identity columns included) and the column owning each, if any. */
export async function listSequences(db: DbOrTx): Promise<SequenceInfo[]> {
  const rows = await queryRows<{ name: string; table: string | null; column: string | null }>(
    db,
    sql`select s.relname as name, t.relname as "table", a.attname as "column"
          from pg_class s join pg_namespace n on n.oid = s.relnamespace
          left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid and d.refclassid = 'pg_class'::regclass
                                and d.refobjsubid > 0 and d.deptype in ('a', 'i')
          left join pg_class t on t.oid = d.refobjid
          left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
         where n.nspname = 'public' and s.relkind = 'S'
           and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = s.oid and e.deptype = 'e')
         order by s.relname`,
  );
  return rows.map((r) => ({ name: r.name, ownedBy: r.table && r.column ? { table: r.table, column: r.column } : null }));
}

export async function readSequence(db: DbOrTx, name: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const [row] = await queryRows<{ last_value: string; is_called: boolean }>(
    db,
    raw(`select last_value::text as last_value, is_called from ${qualified(name)}`),
  );
  return { lastValue: row!.last_value, isCalled: row!.is_called };
}

/**
 * Tables in an order where every table comes after the tables it references. Foreign keys that
 * make a cycle (a self-reference included) cannot be satisfied by ordering alone; they are returned
 * as `cyclic`, and the restore checks them at the end of its transaction instead.
 */
export function dependencyOrder(tables: string[], keys: ForeignKey[]): { order: string[]; cyclic: ForeignKey[] } {
  const present = new Set(tables);
  const cyclic: ForeignKey[] = [];
  let edges = keys.filter((k) => present.has(k.table) && present.has(k.references));
  for (const k of edges) if (k.table === k.references) cyclic.push(k);
  edges = edges.filter((k) => k.table !== k.references);

  const order: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    const ready = [...remaining].filter((t) => !edges.some((k) => k.table === t && remaining.has(k.references)));
    if (ready.length) {
      for (const t of ready) {
        order.push(t);
        remaining.delete(t);
      }
      continue;
    }
    // A cycle: take the first remaining table and defer its keys to other remaining tables.
    const pick = [...remaining][0]!;
    for (const k of edges.filter((e) => e.table === pick && remaining.has(e.references))) cyclic.push(k);
    edges = edges.filter((e) => !(e.table === pick && remaining.has(e.references)));
  }
  return { order, cyclic };
}

export type MigrationLevel = { tag: string | null; when: number; hash: string };

type Journal = { entries: { idx: number; tag: string; when: number }[] };

/** The migrations this version of the application ships, oldest first. */
export function codeMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when })).sort((a, b) => a.when - b.when);
}

/** The last migration applied to the database (Drizzle compares migrations by their journal time). */
export async function databaseMigrationLevel(db: DbOrTx): Promise<MigrationLevel | null> {
  const [row] = await queryRows<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!row) return null;
  const when = Number(row.created_at);
  return { tag: codeMigrations().find((m) => m.when === when)?.tag ?? null, when, hash: row.hash };
}
