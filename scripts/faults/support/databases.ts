/**
 * Direct access to the data a stopped (or, on PostgreSQL, a running) server left behind, for checks
 * the API cannot make: counts across tables, audit entries, index agreement.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../../../src/server/db/client.js';

export type Query = <T = Record<string, unknown>>(text: SQL) => Promise<T[]>;

/** Opens a PGlite data folder (the server must be stopped: the folder lock says so otherwise). */
export async function withDataFolder<T>(dataDir: string, fn: (q: Query, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await fn((text) => queryRows(database.db, text), database);
  } finally {
    await database.close();
  }
}

export async function withPostgres<T>(url: string, fn: (q: Query, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    return await fn((text) => queryRows(database.db, text), database);
  } finally {
    await database.close();
  }
}

export const count = async (q: Query, text: SQL) => Number((await q<{ n: number | string }>(text))[0]!.n);

/**
 * Checks a database as a whole after a crash: every table readable to its end, indexes agreeing with
 * the tables, the audit log's append-only guard still in place. Returns the problems found.
 */
export async function integrityProblems(database: Database): Promise<{ problems: string[]; tables: number; rows: number }> {
  const q: Query = (text) => queryRows(database.db, text);
  const problems: string[] = [];
  const tables = await q<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  let rows = 0;
  for (const { name } of tables) {
    try {
      rows += await count(q, sql.raw(`select count(*)::int as n from "${name}"`));
    } catch (err) {
      problems.push(`table ${name} unreadable: ${(err as Error).message}`);
    }
  }
  // The same rows through the table and through an index: a torn index (or table) disagrees.
  const probes = [
    ...['subjects', 'products', 'audit_log', 'dossiers', 'documents', 'score_sheets', 'certificates', 'decisions', 'import_jobs'].map((t) => ({
      table: t,
      where: 'id is not null',
    })),
    { table: 'subjects', where: 'external_code is not null' },
    { table: 'products', where: 'external_code is not null' },
  ];
  for (const { table, where } of probes) {
    const countBy = (off: string[]) =>
      database.db.transaction(async (tx) => {
        for (const setting of off) await tx.execute(sql.raw(`set local ${setting} = off`));
        return count((text) => queryRows(tx, text), sql.raw(`select count(*)::int as n from "${table}" where ${where}`));
      });
    const heap = await countBy(['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan']);
    const index = await countBy(['enable_seqscan', 'enable_bitmapscan']);
    if (heap !== index) problems.push(`${table} (${where}): ${heap} rows read from the table, ${index} through its index`);
  }
  const guard = await count(q, sql`select count(*)::int as n from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal`);
  if (guard < 1) problems.push('the audit log has lost its append-only trigger');
  return { problems, tables: tables.length, rows };
}

/** The PostgreSQL server the faults use: an administrative connection to create and drop their databases. */
export class PostgresServer {
  constructor(readonly adminUrl: string) {}

  urlOf(database: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${database}`;
    return u.toString();
  }

  async run(text: string, params: unknown[] = []): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await client.query(text, params);
    } finally {
      await client.end();
    }
  }

  async reachable(): Promise<boolean> {
    try {
      await this.run('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async create(name: string, template?: string): Promise<string> {
    await this.run(`create database "${name}"${template ? ` template "${template}"` : ''}`);
    return this.urlOf(name);
  }

  async drop(name: string): Promise<void> {
    await this.run(`drop database if exists "${name}" with (force)`);
  }

  /** Databases left by an earlier run of the faults that was itself killed. */
  async leftovers(prefix: string): Promise<string[]> {
    return (await this.run(`select datname from pg_database where datname like $1`, [`${prefix}%`])).rows.map((r: { datname: string }) => r.datname);
  }

  /** Stops the cluster (fast shutdown: sessions are terminated with 57P01), as an operator or a failover does. */
  async stopCluster(): Promise<void> {
    await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', clusterVersion(), 'main', 'stop', '-m', 'fast']);
  }

  async startCluster(): Promise<void> {
    await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', clusterVersion(), 'main', 'start']);
  }
}

function clusterVersion(): string {
  const versions = fs.readdirSync('/etc/postgresql');
  if (!versions.length) throw new Error('No PostgreSQL cluster under /etc/postgresql');
  return versions.sort()[0]!;
}

export const canRestartCluster = () => fs.existsSync('/etc/postgresql') && typeof process.getuid === 'function' && process.getuid() === 0;
