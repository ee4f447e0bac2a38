import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { PACKAGE_ROOT } from '../../config.js';
import { createFileStorage, type FileStorage, type StoredObject } from '../../lib/file-storage.js';
import { queryRows, type Database, type DbOrTx } from '../client.js';
import {
  databaseMigrationLevel,
  dependencyOrder,
  ident,
  listForeignKeys,
  listSequences,
  listTables,
  qualified,
  raw,
  readSequence,
  type TableInfo,
} from './catalog.js';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  archiveError,
  fileEntry,
  formatBytes,
  groupDigits,
  tableEntry,
  tarEnd,
  tarHeader,
  tarPadding,
  type Manifest,
} from './format.js';

export type Log = (message: string) => void;

/** Uploaded files live here when they are kept in the data folder (see createFileStorage). */
export const storageRoot = (dataDir: string) => path.join(dataDir, 'files');

export const appVersion = (): string => (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Rows fetched per round trip; lowered for a table whose rows are large (imports keep whole workbooks). */
const FETCH_ROWS = 1000;
const FETCH_BYTES = 16 * 1024 * 1024;

export type BackupResult = { file: string; bytes: number; tables: number; rows: number; files: number; fileBytes: number };

/**
 * Writes the whole platform into one archive: every table of schema public, the sequences, and every
 * stored file (the data folder's, or the bucket's with STORAGE_URL). Written to `<out>.partial` and
 * renamed at the end, so an interrupted backup never leaves a file that looks complete.
 *
 * On PostgreSQL the tables are read in one read-only REPEATABLE READ transaction: a consistent
 * snapshot even while the server runs, without blocking it. PGlite has one connection, and the data
 * folder lock already keeps every other process out, so each table is read in its own short
 * transaction instead. Files are streamed into the archive one at a time, never held whole.
 */
export async function createBackup(opts: { database: Database; dataDir: string; out: string; storage?: FileStorage; log?: Log }): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const out = path.resolve(opts.out);
  const storage = opts.storage ?? createFileStorage(path.resolve(opts.dataDir));
  if (storage.kind === 'folder') {
    const root = path.resolve(storage.location);
    if (out === root || out.startsWith(root + path.sep))
      throw archiveError(
        'backup_inside_storage',
        `Không ghi tệp sao lưu vào thư mục tệp tải lên (${root}); chọn nơi khác.`,
        `Do not write the backup inside the uploaded-files folder (${root}); choose another place.`,
      );
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(out), '.ocop-backup-'));
  const partial = `${out}.partial`;
  const createdAt = new Date();
  try {
    log(`Sao lưu vào / backing up to ${out}`);
    const dump = await dumpDatabase(opts.database, work, log);
    const files: StoredObject[] = [];
    for await (const f of storage.list((name) => log(`  Bỏ qua (không phải tệp của ứng dụng) / skipped, not a stored file of the application: ${name}`)))
      files.push(f);

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: createdAt.toISOString(),
      database: { kind: opts.database.kind, serverVersion: dump.serverVersion },
      migration: dump.migration,
      tables: dump.tables.map((t) => t.manifest),
      sequences: dump.sequences,
      files: [],
    };
    let fileBytes = 0;

    async function* chunks(): AsyncGenerator<Buffer> {
      for (const t of dump.tables) {
        yield tarHeader(t.manifest.entry, t.manifest.bytes, createdAt);
        for await (const chunk of fs.createReadStream(t.file)) yield chunk as Buffer;
        yield tarPadding(t.manifest.bytes);
        fs.rmSync(t.file, { force: true });
      }
      for (const f of files) {
        const opened = await storage.open(f.key);
        if (!opened) {
          log(`  Bỏ qua tệp vừa bị xoá / skipped a file deleted meanwhile: ${f.key}`);
          continue;
        }
        // The size is the opened file's (or object's): the header is written before its bytes.
        const entry = fileEntry(f.key);
        const hash = createHash('sha256');
        let bytes = 0;
        yield tarHeader(entry, opened.size, opened.modified);
        for await (const part of opened.body) {
          const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part as Uint8Array);
          bytes += chunk.length;
          if (bytes > opened.size) break;
          hash.update(chunk);
          yield chunk;
        }
        if (bytes !== opened.size) {
          opened.body.destroy();
          throw new Error(`${f.key}: ${bytes} bytes read, ${opened.size} expected (the file changed during the backup)`);
        }
        manifest.files.push({ path: f.key, entry, bytes, sha256: hash.digest('hex') });
        fileBytes += bytes;
        yield tarPadding(bytes);
      }
      log(`  ${'Tệp / files'.padEnd(30)} ${groupDigits(manifest.files.length).padStart(9)} (${formatBytes(fileBytes)})`);
      const body = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8');
      yield tarHeader(MANIFEST_ENTRY, body.length, createdAt);
      yield body;
      yield tarPadding(body.length);
      yield tarEnd();
    }

    await pipeline(chunks, createGzip(), fs.createWriteStream(partial));
    fs.renameSync(partial, out);
    const rows = dump.tables.reduce((n, t) => n + t.manifest.rows, 0);
    const result = { file: out, bytes: fs.statSync(out).size, tables: dump.tables.length, rows, files: manifest.files.length, fileBytes };
    log(
      `Đã sao lưu / backup written: ${out} (${formatBytes(result.bytes)}) — ${result.tables} bảng / tables, ` +
        `${groupDigits(rows)} dòng / rows, ${groupDigits(result.files)} tệp / files.`,
    );
    return result;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    if (!opts.storage) await storage.close();
  }
}

type DumpedTable = { file: string; manifest: Manifest['tables'][number] };

/** Settings under which `to_jsonb` prints every value exactly (shortest round-trip floats, hex bytea). */
async function exactOutput(tx: DbOrTx) {
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

async function dumpDatabase(database: Database, work: string, log: Log) {
  const { db } = database;
  // PostgreSQL: everything inside one snapshot. PGlite: one short transaction per table.
  const snapshot = async <T>(body: (scoped: <R>(fn: (tx: DbOrTx) => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> => {
    if (database.kind === 'postgres')
      return db.transaction(
        async (tx) => {
          await exactOutput(tx);
          return body((fn) => fn(tx));
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    return body((fn) =>
      db.transaction(async (tx) => {
        await exactOutput(tx);
        return fn(tx);
      }),
    );
  };

  return snapshot(async (scoped) => {
    const meta = await scoped(async (tx) => {
      const migration = await databaseMigrationLevel(tx);
      if (!migration) throw new Error('The database has no migration applied; run `ocop migrate` first.');
      const [version] = await queryRows<{ v: string }>(tx, sql`select current_setting('server_version') as v`);
      const tables = await listTables(tx);
      const { order } = dependencyOrder(
        tables.map((t) => t.name),
        await listForeignKeys(tx),
      );
      return { migration, serverVersion: version!.v, tables: order.map((name) => tables.find((t) => t.name === name)!) };
    });

    const dumped: DumpedTable[] = [];
    for (const [i, table] of meta.tables.entries()) {
      const file = path.join(work, `${i}.jsonl`);
      const stats = await scoped((tx) => dumpTable(tx, table, file));
      dumped.push({
        file,
        manifest: { name: table.name, entry: tableEntry(table.name), ...stats, primaryKey: table.primaryKey, columns: table.columns },
      });
      log(`  ${table.name.padEnd(30)} ${groupDigits(stats.rows).padStart(9)} dòng / rows`);
    }

    const sequences = await scoped(async (tx) => {
      const out: Manifest['sequences'] = [];
      for (const s of await listSequences(tx)) out.push({ name: s.name, ...(await readSequence(tx, s.name)) });
      return out;
    });
    return { ...meta, tables: dumped, sequences };
  });
}

/**
 * One table to a JSON-lines file through a cursor, a batch at a time: a 50,000-product table is
 * never one string in memory. Ordered by the primary key (by the whole row's text without one), so
 * two backups of the same data are identical.
 */
async function dumpTable(tx: DbOrTx, table: TableInfo, file: string): Promise<{ rows: number; bytes: number; sha256: string }> {
  const order = table.primaryKey.length ? table.primaryKey.map((c) => `t.${ident(c)}`).join(', ') : `to_jsonb(t)::text collate "C"`;
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  let rows = 0;
  let bytes = 0;
  try {
    await tx.execute(raw(`declare ocop_backup no scroll cursor for select to_jsonb(t)::text as r from ${qualified(table.name)} t order by ${order}`));
    for (let batch = FETCH_ROWS; ;) {
      const fetched = await queryRows<{ r: string }>(tx, raw(`fetch forward ${batch} from ocop_backup`));
      if (!fetched.length) break;
      const text = fetched.map((row) => row.r).join('\n') + '\n';
      const data = Buffer.from(text, 'utf8');
      fs.writeSync(fd, data);
      hash.update(data);
      rows += fetched.length;
      bytes += data.length;
      if (fetched.length < batch) break;
      batch = Math.max(1, Math.min(FETCH_ROWS, Math.floor((batch * FETCH_BYTES) / Math.max(data.length, 1))));
    }
    await tx.execute(sql`close ocop_backup`);
  } finally {
    fs.closeSync(fd);
  }
  return { rows, bytes, sha256: hash.digest('hex') };
}

type StorageFile = { key: string; absolute: string; mtime: Date };

/** Every regular file under the storage folder, keyed by its path relative to it ('/' separators), sorted. */
export function listStorageFiles(root: string, log: Log = () => {}): StorageFile[] {
  const out: StorageFile[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const absolute = path.join(dir, e.name);
      const key = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(absolute, key);
      else if (e.isFile()) out.push({ key, absolute, mtime: fs.statSync(absolute).mtime });
      else log(`  Bỏ qua (không phải tệp thường) / skipped, not a regular file: ${key}`);
    }
  };
  walk(root, '');
  return out;
}
