import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './client.js';
import { queryRows } from './client.js';

/**
 * Loading many rows at once, for generated data (`ocop seed --scale`): `COPY … FROM STDIN` on
 * PostgreSQL (node-postgres with pg-copy-streams), `COPY … FROM '/dev/blob'` on PGlite, all inside one
 * transaction on one connection. Rows are the Drizzle schema's insert objects; each column is
 * converted as Drizzle would send it, then written in COPY's text format. Triggers run as for any
 * insert (COPY fires statement triggers with their transition tables), so derived tables such as the
 * public catalogue stay current.
 */
export type BulkSession = {
  /** Writes rows into a table; `onProgress` gets the rows written so far. */
  copy<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], onProgress?: (written: number) => void): Promise<number>;
  /** A statement without parameters (DDL, maintenance) on the session's connection. */
  exec(text: string): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

/** Rows per COPY statement on PGlite (one blob each), and per progress report on PostgreSQL. */
const CHUNK_ROWS = 10_000;

/** Opens a transaction on its own connection for bulk writes. */
export async function openBulkSession(database: Database): Promise<BulkSession> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') return postgresSession(await (client as pg.Pool).connect());
  return pgliteSession(client as PGlite);
}

async function postgresSession(client: pg.PoolClient): Promise<BulkSession> {
  await client.query('begin');
  let released = false;
  const release = () => {
    if (!released) client.release();
    released = true;
  };
  return {
    async copy(table, rows, onProgress) {
      if (!rows.length) return 0;
      const { name, columns, line } = encoder(table, rows);
      const stream = client.query(copyFrom(`copy ${quote(name)} (${columns.map(quote).join(', ')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
      });
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        let text = '';
        for (const row of rows.slice(i, i + CHUNK_ROWS)) text += line(row);
        if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
        onProgress?.(Math.min(i + CHUNK_ROWS, rows.length));
      }
      stream.end();
      await done;
      return rows.length;
    },
    async exec(text) {
      await client.query(text);
    },
    async commit() {
      try {
        await client.query('commit');
      } finally {
        release();
      }
    },
    async rollback() {
      try {
        await client.query('rollback');
      } finally {
        release();
      }
    },
  };
}

async function pgliteSession(client: PGlite): Promise<BulkSession> {
  await client.exec('begin');
  return {
    async copy(table, rows, onProgress) {
      if (!rows.length) return 0;
      const { name, columns, line } = encoder(table, rows);
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        const parts: string[] = [];
        for (const row of rows.slice(i, i + CHUNK_ROWS)) parts.push(line(row));
        await client.query(`copy ${quote(name)} (${columns.map(quote).join(', ')}) from '/dev/blob'`, [], { blob: new Blob(parts) });
        onProgress?.(Math.min(i + CHUNK_ROWS, rows.length));
      }
      return rows.length;
    },
    async exec(text) {
      await client.exec(text);
    },
    async commit() {
      await client.exec('commit');
    },
    async rollback() {
      await client.exec('rollback');
    },
  };
}

/**
 * A value already in the column's text form (JSON written by hand, where building an object per row
 * would cost the memory of hundreds of thousands of objects): copied as it is, only escaped.
 */
export class PreparedText {
  /** The text, or a function writing it when the row is copied (so it is never held for every row at once). */
  constructor(private readonly source: string | (() => string)) {}
  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The table's name, the columns any row sets (the others take their defaults), and a row → COPY text line function. */
function encoder<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]) {
  const all = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(value: unknown): unknown }>;
  const present = new Set<string>();
  for (const row of rows) for (const k in row as object) present.add(k);
  const keys = Object.keys(all).filter((k) => present.has(k));
  const columns = keys.map((k) => all[k]!.name);
  const mappers = keys.map((k) => all[k]!);
  const line = (row: T['$inferInsert']) => {
    const record = row as Record<string, unknown>;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      if (i) out += '\t';
      const value = record[keys[i]!];
      out +=
        value === null || value === undefined ? '\\N' : value instanceof PreparedText ? copyText(value.text) : copyText(mappers[i]!.mapToDriverValue(value));
    }
    return `${out}\n`;
  };
  return { name: getTableName(table), columns, line };
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/**
 * Tables filled by every start from the shipped data (administrative units, built-in criteria), kept
 * when a generated data set replaces the rest; the same list `ocop restore` treats as reference data.
 */
const REFERENCE_TABLES = new Set(['provinces', 'communes', 'criteria_sets', 'criteria_versions']);

/**
 * Empties every table but the reference data, in the session's transaction, restarting identities:
 * what `ocop seed --scale … --replace` does before writing. The audit log's guard against TRUNCATE
 * (migration 0015) is lifted only inside this transaction, as `ocop restore --force` does.
 */
export async function clearProgrammeTables(database: Database, session: BulkSession): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables = rows.map((r) => r.name).filter((n) => !REFERENCE_TABLES.has(n));
  if (!tables.length) return [];
  await session.exec('alter table "audit_log" disable trigger "audit_log_no_truncate"');
  await session.exec(`truncate table ${tables.map(quote).join(', ')} restart identity cascade`);
  await session.exec('alter table "audit_log" enable trigger "audit_log_no_truncate"');
  return tables;
}
