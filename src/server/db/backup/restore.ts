import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../domain/errors.js';
import { queryRows, type Database, type DbOrTx } from '../client.js';
import { createFileStorage, isStorageKey, type FileStorage } from '../../lib/file-storage.js';
import { listStorageFiles, type Log } from './backup.js';
import {
  codeMigrations,
  dependencyOrder,
  ident,
  listEnabledTriggers,
  listForeignKeys,
  listSequences,
  listTables,
  qualified,
  raw,
  type TableInfo,
} from './catalog.js';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  ManifestSchema,
  TarFormatError,
  archiveError,
  corrupt,
  fileEntry,
  formatBytes,
  groupDigits,
  isSafeRelativePath,
  readTar,
  type Manifest,
} from './format.js';

/** Rows per INSERT, and a cap on the batch's size for tables with large rows. */
const INSERT_ROWS = 1000;
const INSERT_BYTES = 8 * 1024 * 1024;

/**
 * Tables every start fills from the shipped data (administrative units, built-in criteria): their
 * rows alone do not make a database "in use". The value, when set, is the SQL condition matching
 * the shipped rows; other rows of that table are the operator's data.
 */
const REFERENCE_TABLES: Record<string, string | null> = {
  provinces: null,
  communes: null,
  criteria_sets: null,
  criteria_versions: `source = 'builtin'`,
};

/** An archive unpacked into a work folder, every entry checked against its manifest. */
export type VerifiedBackup = {
  file: string;
  manifest: Manifest;
  /** The unpacked JSON-lines file of a table. */
  tableFile(name: string): string;
  /** The unpacked storage folder (absent when the backup has no files). */
  filesDir: string;
  /** Removes the work folder (after a restore, or when giving up). */
  discard(): void;
};

/**
 * Unpacks and verifies an archive before anything is written to the database: every entry's
 * SHA-256 and size, every table's row count, nothing missing, nothing unexpected, no path escaping
 * the work folder. `workParent` should be on the same disk as the data folder so that the restored
 * files can be moved into place by renaming.
 */
export async function readBackup(file: string, workParent: string, log: Log = () => {}): Promise<VerifiedBackup> {
  const archive = path.resolve(file);
  if (!fs.existsSync(archive) || !fs.statSync(archive).isFile())
    throw archiveError('backup_not_found', `Không tìm thấy tệp sao lưu ${archive}.`, `Backup file ${archive} not found.`);
  fs.mkdirSync(workParent, { recursive: true });
  const work = fs.mkdtempSync(path.join(workParent, '.ocop-restore-'));
  const discard = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    log(`Đọc và kiểm tra tệp sao lưu / reading and checking ${archive}…`);
    const seen = new Map<string, { bytes: number; sha256: string; lines: number }>();
    let manifestText: Buffer | undefined;
    let openFd: number | undefined;

    const open = (header: { name: string; size: number; mtime: Date }) => {
      const name = header.name;
      if (!isSafeRelativePath(name)) throw new TarFormatError(`unsafe entry name ${JSON.stringify(name)}`);
      if (seen.has(name) || (name === MANIFEST_ENTRY && manifestText)) throw new TarFormatError(`duplicate entry ${name}`);
      if (name === MANIFEST_ENTRY) {
        if (header.size > 256 * 1024 * 1024) throw new TarFormatError('oversized manifest');
        const parts: Buffer[] = [];
        return { data: (chunk: Buffer) => void parts.push(Buffer.from(chunk)), end: () => void (manifestText = Buffer.concat(parts)) };
      }
      if (!name.startsWith('tables/') && !name.startsWith('files/')) throw new TarFormatError(`unexpected entry ${name}`);
      const target = path.join(work, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const fd = fs.openSync(target, 'wx');
      openFd = fd;
      const hash = createHash('sha256');
      let bytes = 0;
      let lines = 0;
      const countLines = name.startsWith('tables/');
      return {
        data(chunk: Buffer) {
          fs.writeSync(fd, chunk);
          hash.update(chunk);
          bytes += chunk.length;
          if (countLines) for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        },
        end() {
          fs.closeSync(fd);
          openFd = undefined;
          fs.utimesSync(target, header.mtime, header.mtime);
          seen.set(name, { bytes, sha256: hash.digest('hex'), lines });
        },
      };
    };

    let readFailure: unknown;
    try {
      await pipeline(fs.createReadStream(archive), createGunzip(), async (source: AsyncIterable<Buffer>) => {
        try {
          await readTar(source, open);
        } catch (err) {
          readFailure = err; // the pipeline would otherwise report only that it was aborted
          throw err;
        }
      });
    } catch (caught) {
      const err = readFailure ?? caught;
      if (err instanceof TarFormatError) throw corrupt(archive, err.message);
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code.startsWith('Z_')) throw corrupt(archive, `gzip: ${(err as Error).message}`);
      throw err;
    } finally {
      if (openFd !== undefined) fs.closeSync(openFd);
    }

    if (!manifestText) throw corrupt(archive, `no ${MANIFEST_ENTRY}`);
    let json: unknown;
    try {
      json = JSON.parse(manifestText.toString('utf8'));
    } catch {
      throw corrupt(archive, `${MANIFEST_ENTRY} is not JSON`);
    }
    if ((json as { format?: unknown })?.format !== FORMAT) throw corrupt(archive, `${MANIFEST_ENTRY} is not an OCOP backup manifest`);
    const version = (json as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION)
      throw archiveError(
        'backup_format_newer',
        `Tệp sao lưu dùng định dạng ${version}, mới hơn phiên bản ứng dụng này (định dạng ${FORMAT_VERSION}). Hãy cập nhật ứng dụng rồi khôi phục.`,
        `The backup uses format ${version}, newer than this version of the application reads (${FORMAT_VERSION}). Update the application, then restore.`,
      );
    const parsed = ManifestSchema.safeParse(json);
    if (!parsed.success)
      throw corrupt(
        archive,
        `${MANIFEST_ENTRY}: ${parsed.error.issues
          .map((i) => `${i.path.join('.')} ${i.message}`)
          .slice(0, 3)
          .join('; ')}`,
      );
    const manifest = parsed.data;

    const expected = new Set<string>();
    const check = (entry: string, bytes: number, sha256: string, rows?: number) => {
      if (expected.has(entry)) throw corrupt(archive, `${entry} listed twice`);
      expected.add(entry);
      const got = seen.get(entry);
      if (!got) throw corrupt(archive, `${entry} is missing`);
      if (got.bytes !== bytes || got.sha256 !== sha256) throw corrupt(archive, `${entry}: checksum mismatch`);
      if (rows !== undefined && got.lines !== rows) throw corrupt(archive, `${entry}: ${got.lines} rows, the manifest says ${rows}`);
    };
    const tableFiles = new Map<string, string>();
    for (const t of manifest.tables) {
      if (tableFiles.has(t.name)) throw corrupt(archive, `table ${t.name} listed twice`);
      if (!t.entry.startsWith('tables/')) throw corrupt(archive, `bad entry name ${t.entry}`);
      check(t.entry, t.bytes, t.sha256, t.rows);
      tableFiles.set(t.name, path.join(work, ...t.entry.split('/')));
    }
    for (const f of manifest.files) {
      if (!isSafeRelativePath(f.path) || f.entry !== fileEntry(f.path)) throw corrupt(archive, `bad file name ${f.path}`);
      check(f.entry, f.bytes, f.sha256);
    }
    const extra = [...seen.keys()].filter((e) => !expected.has(e));
    if (extra.length) throw corrupt(archive, `entries not in the manifest: ${extra.slice(0, 3).join(', ')}`);

    return { file: archive, manifest, tableFile: (name) => tableFiles.get(name)!, filesDir: path.join(work, 'files'), discard };
  } catch (err) {
    discard();
    throw err;
  }
}

export type RestoreResult = { tables: number; rows: number; files: number };

/**
 * Replaces the whole platform with a verified backup. The database must already be migrated (the
 * CLI opens it through withDatabase, which applies the migrations of this version first).
 *
 * - A backup from a newer migration level than this code is refused; one from an older level is
 *   restored column by column into the current tables (columns added since take their defaults).
 * - A database holding anything beyond the shipped reference data, or a non-empty storage folder,
 *   is refused unless `force`; with `force` everything is replaced.
 * - The database part is one transaction: on any error nothing is changed. User triggers (the
 *   audit log's append-only and no-truncate guards among them) are disabled inside it and enabled
 *   again before it commits; so a restore needs the role that owns the tables (DATABASE_OWNER_URL
 *   where the application runs as a role of its own), and no other session ever sees them off.
 * - The files are put in place after the commit: the data folder's swapped for the archive's in
 *   one rename; a bucket's (STORAGE_URL) uploaded one by one, then the objects the backup does not
 *   hold removed. A backup of either kind restores into either kind.
 */
export async function restoreBackup(opts: {
  database: Database;
  dataDir: string;
  backup: VerifiedBackup;
  /** The configured storage; the data folder's when absent. */
  storage?: FileStorage;
  force?: boolean;
  log?: Log;
}): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const { db } = opts.database;
  const { manifest } = opts.backup;
  const storage = opts.storage ?? createFileStorage(path.resolve(opts.dataDir));

  checkMigrationLevel(manifest, log);

  const tables = await listTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  checkSchema(manifest, byName);

  const inUse = await checkTarget(opts.database, opts.dataDir, opts.force === true, storage);
  if (inUse.length) log('--force: dữ liệu hiện có sẽ bị thay thế / existing data will be replaced.');

  const keys = await listForeignKeys(db);
  const triggers = await listEnabledTriggers(db);
  const sequences = await listSequences(db);
  // Insert in the dependency order of the target's own constraints.
  const { order, cyclic } = dependencyOrder(
    tables.map((t) => t.name),
    keys,
  );
  const fromBackup = new Map(manifest.tables.map((t) => [t.name, t]));

  let rows = 0;
  try {
    await db.transaction(async (tx) => {
      for (const t of triggers) await tx.execute(raw(`alter table ${qualified(t.table)} disable trigger ${ident(t.name)}`));
      // Keys that ordering cannot satisfy (cycles, self-references) are checked at the end instead.
      for (const k of cyclic) {
        if (!k.deferrable) await tx.execute(raw(`alter table ${qualified(k.table)} alter constraint ${ident(k.name)} deferrable`));
        await tx.execute(raw(`set constraints ${qualified(k.name)} deferred`));
      }
      if (tables.length) await tx.execute(raw(`truncate table ${tables.map((t) => qualified(t.name)).join(', ')}`));

      for (const name of order) {
        const saved = fromBackup.get(name);
        if (!saved) {
          log(`  ${name.padEnd(30)} (không có trong bản sao lưu / not in the backup)`);
          continue;
        }
        const count = await insertTable(tx, byName.get(name)!, saved, opts.backup.tableFile(name));
        rows += count;
        log(`  ${name.padEnd(30)} ${groupDigits(count).padStart(9)} dòng / rows`);
      }

      // Rows of a backup older than migration 0015 have no product province (a trigger fills it, and
      // triggers are off here): fill it, and settle codes such a backup holds twice, as 0015 did.
      await tx.execute(sql`select products_settle_external_codes()`);
      // The public catalogue's entries are derived (migration 0016) and kept by triggers, which were off: write them again.
      await tx.execute(sql`select catalogue_rebuild()`);
      // So are the national figures (migration 0022).
      await tx.execute(sql`select national_rebuild()`);

      const savedSequences = new Map(manifest.sequences.map((s) => [s.name, s]));
      for (const s of sequences) {
        const saved = savedSequences.get(s.name);
        const seq = `public.${ident(s.name)}`;
        if (saved) await tx.execute(sql`select setval(${seq}::regclass, ${saved.lastValue}::bigint, ${saved.isCalled})`);
        else if (s.ownedBy)
          // A sequence the backup does not know (added by a later migration): continue after the highest value.
          await tx.execute(
            sql`select setval(${seq}::regclass, coalesce((select max(${raw(ident(s.ownedBy.column))}) from ${raw(qualified(s.ownedBy.table))}) + 1,
                  (select seqstart from pg_sequence where seqrelid = ${seq}::regclass)), false)`,
          );
      }

      for (const k of cyclic) {
        await tx.execute(raw(`set constraints ${qualified(k.name)} immediate`));
        if (!k.deferrable) await tx.execute(raw(`alter table ${qualified(k.table)} alter constraint ${ident(k.name)} not deferrable`));
      }
      for (const t of triggers) {
        const mode = t.enabled === 'A' ? 'enable always' : t.enabled === 'R' ? 'enable replica' : 'enable';
        await tx.execute(raw(`alter table ${qualified(t.table)} ${mode} trigger ${ident(t.name)}`));
      }
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    const detail = (cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err)).slice(0, 500);
    throw archiveError(
      'restore_failed',
      `Khôi phục thất bại, cơ sở dữ liệu được giữ nguyên như trước: ${detail}`,
      `The restore failed; the database was left as it was: ${detail}`,
    );
  }

  const files = storage.kind === 'folder' ? replaceStorage(storage.location, opts.backup.filesDir) : await replaceObjects(storage, opts.backup, log);
  log(`  ${'Tệp / files'.padEnd(30)} ${groupDigits(files).padStart(9)} (${formatBytes(manifest.files.reduce((n, f) => n + f.bytes, 0))})`);
  log(
    `Đã khôi phục / restored: ${manifest.tables.length} bảng / tables, ${groupDigits(rows)} dòng / rows, ${groupDigits(files)} tệp / files ` +
      `(sao lưu lúc / backed up at ${manifest.createdAt}, phiên bản / version ${manifest.appVersion}).`,
  );
  return { tables: manifest.tables.length, rows, files };
}

/**
 * What the target already holds beyond the shipped reference data ("subjects (12)", "3 tệp / files");
 * refused unless `force`. The CLI calls it before unpacking a large archive, restoreBackup again.
 */
export async function checkTarget(database: Database, dataDir: string, force: boolean, storage?: FileStorage): Promise<string[]> {
  const target = storage ?? createFileStorage(path.resolve(dataDir));
  const inUse = await dataInUse(database.db, await listTables(database.db));
  let storedFiles = 0;
  for await (const _ of target.list()) storedFiles++;
  if (storedFiles) inUse.push(`${groupDigits(storedFiles)} tệp / files (${target.location})`);
  if (inUse.length && !force) {
    const list = `${inUse.slice(0, 6).join(', ')}${inUse.length > 6 ? ', …' : ''}`;
    throw archiveError(
      'restore_target_not_empty',
      `Cơ sở dữ liệu đích đã có dữ liệu (${list}). Không khôi phục đè; dùng --force để thay thế toàn bộ.`,
      `The target already holds data (${list}). Nothing was changed; use --force to replace everything.`,
    );
  }
  return inUse;
}

function checkMigrationLevel(manifest: Manifest, log: Log) {
  const code = codeMigrations();
  const latest = code[code.length - 1];
  const level = manifest.migration;
  const label = level.tag ?? `@${level.when}`;
  if (!latest || level.when > latest.when)
    throw archiveError(
      'backup_newer',
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${label}; ứng dụng này đến ${latest?.tag ?? '—'}). Hãy cập nhật ứng dụng (phiên bản ${manifest.appVersion} trở lên) rồi khôi phục. Cơ sở dữ liệu không bị thay đổi.`,
      `The backup was made by a newer version (migration ${label}; this application goes up to ${latest?.tag ?? '—'}). Update the application (to ${manifest.appVersion} or later), then restore. The database was not changed.`,
    );
  if (level.when < latest.when)
    log(
      `Bản sao lưu ở migration ${label}, cũ hơn ${latest.tag}: cột mới nhận giá trị mặc định. / Backup from an older migration level; columns added since take their defaults.`,
    );
}

/**
 * Columns later migrations dropped because their value is derived (nothing is lost by skipping
 * them when an older backup is restored).
 */
const DERIVED_COLUMNS_DROPPED = new Set([
  // 0013: a round's status follows from its dates (roundStatus).
  'evaluation_rounds.status',
]);

/** Every table and column of the backup must have a place in the current schema, or data would be lost. */
function checkSchema(manifest: Manifest, tables: Map<string, TableInfo>) {
  const problems: string[] = [];
  for (const t of manifest.tables) {
    const target = tables.get(t.name);
    if (!target) {
      problems.push(t.name);
      continue;
    }
    for (const c of t.columns)
      if (!target.columns.some((tc) => tc.name === c.name) && !DERIVED_COLUMNS_DROPPED.has(`${t.name}.${c.name}`)) problems.push(`${t.name}.${c.name}`);
  }
  if (problems.length)
    throw archiveError(
      'backup_schema_mismatch',
      `Cơ sở dữ liệu không có chỗ cho một phần dữ liệu của bản sao lưu: ${problems.slice(0, 8).join(', ')}. Không khôi phục để tránh mất dữ liệu.`,
      `The database has no place for part of the backup: ${problems.slice(0, 8).join(', ')}. Nothing was restored, to lose nothing.`,
    );
}

/** Tables holding the operator's data (beyond the reference data every start loads), as "name (n)". */
async function dataInUse(db: DbOrTx, tables: TableInfo[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tables) {
    const reference = REFERENCE_TABLES[t.name];
    if (reference === null) continue;
    const where = reference && t.columns.some((c) => c.name === 'source') ? ` where not (${reference})` : '';
    const [row] = await queryRows<{ n: string | number }>(db, raw(`select count(*)::text as n from ${qualified(t.name)}${where}`));
    const n = Number(row!.n);
    if (n > 0) out.push(`${t.name} (${groupDigits(n)})`);
  }
  return out;
}

/** A table's rows, batch by batch, as they were written (`jsonb_populate_recordset` parses each value back to its column type). */
async function insertTable(tx: DbOrTx, target: TableInfo, saved: Manifest['tables'][number], file: string): Promise<number> {
  const insertable = new Set(target.columns.filter((c) => !c.generated).map((c) => c.name));
  const columns = saved.columns.map((c) => c.name).filter((c) => insertable.has(c));
  if (!saved.rows || !columns.length) return 0;
  const list = columns.map(ident).join(', ');
  const head = `insert into ${qualified(target.name)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${qualified(target.name)}, `;

  let count = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute(sql`${raw(head)}${`[${batch.join(',')}]`}::jsonb)`);
    count += batch.length;
    batch = [];
    batchBytes = 0;
  };
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    batchBytes += line.length;
    if (batch.length >= INSERT_ROWS || batchBytes >= INSERT_BYTES) await flush();
  }
  await flush();
  if (count !== saved.rows) throw new Error(`${target.name}: ${count} rows read, ${saved.rows} expected`);
  return count;
}

/** Moves the unpacked files into the storage folder, replacing what was there. */
function replaceStorage(root: string, staged: string): number {
  const count = listStorageFiles(staged).length;
  const old = fs.existsSync(root) ? `${root}.replaced-${randomBytes(4).toString('hex')}` : null;
  if (old) fs.renameSync(root, old);
  if (fs.existsSync(staged)) fs.renameSync(staged, root);
  else fs.mkdirSync(root, { recursive: true });
  if (old) fs.rmSync(old, { recursive: true, force: true });
  return count;
}

/** Uploads at once to a bucket: enough to hide the round trips, few enough for any S3-compatible server. */
const UPLOADS_AT_ONCE = 4;

/**
 * Puts the archive's files into object storage, then removes the objects it does not hold. An
 * object is written whole or not at all; if the upload stops half-way (the storage unreachable),
 * the database is already restored and the error says to run the restore again with --force.
 */
async function replaceObjects(storage: FileStorage, backup: VerifiedBackup, log: Log): Promise<number> {
  const wanted = new Set<string>();
  const queue = backup.manifest.files.filter((f) => {
    if (isStorageKey(f.path)) return wanted.add(f.path);
    log(`  Bỏ qua (không phải tệp của ứng dụng) / skipped, not a stored file of the application: ${f.path}`);
    return false;
  });
  try {
    let next = 0;
    const worker = async () => {
      for (let f = queue[next++]; f; f = queue[next++]) {
        const file = path.join(backup.filesDir, ...f.path.split('/'));
        await storage.putStream(f.path, fs.createReadStream(file), f.bytes);
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, queue.length) }, worker));
    const extra: string[] = [];
    for await (const o of storage.list()) if (!wanted.has(o.key)) extra.push(o.key);
    for (const key of extra) await storage.remove(key);
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    throw archiveError(
      'restore_files_failed',
      `Cơ sở dữ liệu đã được khôi phục nhưng chưa đưa được hết tệp vào ${storage.location}: ${detail}. Hãy chạy lại lệnh khôi phục với --force.`,
      `The database was restored, but not every file could be put into ${storage.location}: ${detail}. Run the restore again with --force.`,
    );
  }
  return queue.length;
}
