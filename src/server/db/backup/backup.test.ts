import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/database.js';
import { AppError } from '../../../domain/errors.js';
import { PACKAGE_ROOT } from '../../config.js';
import { openDatabase, PGLITE_EXTENSIONS, queryRows, type Database } from '../client.js';
import { applyMigrations } from '../migrate.js';
import { seedDemo } from '../../seed/demo.js';
import { loadReferenceData } from '../../seed/reference.js';
import { createBackup, listStorageFiles, storageRoot } from './backup.js';
import { codeMigrations, listSequences, listTables, qualified, raw, readSequence } from './catalog.js';
import { readTar, tarEnd, tarHeader, tarPadding, type Manifest } from './format.js';
import { readBackup, restoreBackup } from './restore.js';

/**
 * The backup must be lossless: every table (read back as `to_jsonb` text), every sequence and every
 * stored file's bytes come back identical, on PGlite and on PostgreSQL, and across the two.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const newDir = (name: string) => fs.mkdtempSync(path.join(tmp, `${name}-`));

/** A table outside the application's schema, created in source and target alike: every awkward type, a self-reference, identity and generated columns. */
async function createProbeTable(database: Database) {
  await database.db.execute(sql`
    create table backup_probe (
      id bigint generated always as identity primary key,
      parent_id bigint references backup_probe(id),
      label text not null,
      big bigint,
      ratio double precision,
      exact numeric,
      at timestamptz,
      local_at timestamp,
      day date,
      span interval,
      tags text[],
      doc jsonb,
      bin bytea,
      flag boolean,
      label_length int generated always as (char_length(label)) stored
    )`);
}

const NFC = 'Hợp tác xã Sen Hồng Tháp Mười – “Đặc sản” ★'.normalize('NFC');
const NFD = 'Hạt sen sấy Đồng Tháp'.normalize('NFD');

async function addAwkwardRows(database: Database) {
  const { db } = database;
  // Row 1 references row 2, which comes after it in key order: only deferred checking can restore it.
  await db.execute(sql`
    insert into backup_probe (id, parent_id, label, big, ratio, exact, at, local_at, day, span, tags, doc, bin, flag) overriding system value values
      (1, 2, ${NFC}, 9223372036854775807, 72.55, 12345678901234567890.123456789, '2026-03-04 05:06:07.123456+07', '2026-03-04 05:06:07.654321',
       '2026-02-28', '1 year 2 mons 3 days 04:05:06.789', array['Đồng Tháp', 'a,b', 'q"uote', null],
       '{"n": 12345678901234567890, "vi": "Sen Đồng Tháp", "nested": {"x": [1, 2.5, null, true]}, "empty": {}}', '\\x00ff10', true),
      (2, null, ${NFD}, -9007199254740993, 0.30000000000000004, -0.000001, '1970-01-01 00:00:00.000001+00', null,
       '0044-03-15', '-00:00:00.000001', '{}', '"chỉ một chuỗi"', '\\x', false),
      (3, 1, ${'dòng\nmới\tvà "ngoặc" \\ gạch'}, null, 'NaN', 'NaN', 'infinity', '-infinity', 'infinity', null, null, 'null', null, null),
      (4, null, '', 0, '-Infinity', 0, null, null, null, null, null, null, null, null)`);
  await db.execute(sql`select setval(pg_get_serial_sequence('backup_probe', 'id'), 41)`);

  // Application tables: Vietnamese text, nulls, microseconds, jsonb with big numbers, a double.
  await db.execute(sql`
    update subjects set name = ${NFC}, phone = null, founded_on = null, updated_at = '2026-05-06 07:08:09.987654+07'
     where id = (select id from subjects order by id limit 1)`);
  await db.execute(sql`
    insert into audit_log (at, actor_label, action, entity_type, entity_id, before, after, ip)
    values ('2026-01-02 03:04:05.000006+07', ${NFD}, 'update', 'subject', 'x', null,
            '{"amount": 9007199254740993, "score": 72.55, "tên": "Sen Đồng Tháp"}', null)`);
  await db.execute(sql`
    insert into historical_results (product_id, year, round, level, kind, score, star, legal_basis, created_at)
    select id, 2021, null, 'province', 'first', 72.55, 3, '1048/QĐ-TTg', '2021-12-31 23:59:59.999999+07' from products order by id limit 1`);
}

/** Every table's rows (as sorted `to_jsonb` text) and every sequence's state, read under fixed output settings. */
async function snapshot(database: Database) {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    const tables: Record<string, string[]> = {};
    for (const t of await listTables(tx)) {
      const rows = await queryRows<{ r: string }>(tx, raw(`select to_jsonb(t)::text as r from ${qualified(t.name)} t`));
      tables[t.name] = rows.map((r) => r.r).sort();
    }
    const sequences: Record<string, unknown> = {};
    for (const s of await listSequences(tx)) sequences[s.name] = await readSequence(tx, s.name);
    return { tables, sequences };
  });
}

function storedFiles(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listStorageFiles(storageRoot(dataDir))) out[f.key] = createHash('sha256').update(fs.readFileSync(f.absolute)).digest('hex');
  return out;
}

/** Reads an archive's entries into memory (test archives are small), to rewrite it. */
async function entries(file: string): Promise<{ name: string; data: Buffer }[]> {
  const out: { name: string; data: Buffer }[] = [];
  await readTar([gunzipSync(fs.readFileSync(file))], (header) => {
    const parts: Buffer[] = [];
    return { data: (c) => void parts.push(Buffer.from(c)), end: () => void out.push({ name: header.name, data: Buffer.concat(parts) }) };
  });
  return out;
}

function writeArchive(file: string, list: { name: string; data: Buffer }[]) {
  const parts = list.flatMap((e) => [tarHeader(e.name, e.data.length, new Date()), e.data, tarPadding(e.data.length)]);
  fs.writeFileSync(file, gzipSync(Buffer.concat([...parts, tarEnd()])));
}

/** Rewrites an archive, changing its manifest (and optionally one table's lines, with matching checksums). */
async function rewrite(source: string, target: string, change: { manifest?: (m: Manifest) => void; table?: [string, (lines: string[]) => string[]] }) {
  const list = await entries(source);
  const manifestEntry = list.find((e) => e.name === 'manifest.json')!;
  const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as Manifest;
  if (change.table) {
    const [name, edit] = change.table;
    const t = manifest.tables.find((x) => x.name === name)!;
    const entry = list.find((e) => e.name === t.entry)!;
    const lines = edit(entry.data.toString('utf8').split('\n').filter(Boolean));
    entry.data = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    Object.assign(t, { rows: lines.length, bytes: entry.data.length, sha256: createHash('sha256').update(entry.data).digest('hex') });
  }
  change.manifest?.(manifest);
  manifestEntry.data = Buffer.from(JSON.stringify(manifest), 'utf8');
  writeArchive(target, list);
}

async function restore(database: Database, dataDir: string, file: string, force = false) {
  const backup = await readBackup(file, dataDir);
  try {
    return await restoreBackup({ database, dataDir, backup, force });
  } finally {
    backup.discard();
  }
}

async function expectRefusal(promise: Promise<unknown>, code: string, message: RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).messages.en).toMatch(message);
  expect((err as AppError).messages.vi.length).toBeGreaterThan(10);
}

describe('backup and restore', () => {
  let source: Database;
  let target: Database;
  let sourceDir: string;
  let targetDir: string;
  let archive: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;
  let expectedFiles: Record<string, string>;
  const backupLog: string[] = [];

  beforeAll(async () => {
    source = await freshDatabase();
    await seedDemo(source.db);
    await createProbeTable(source);
    await addAwkwardRows(source);
    sourceDir = newDir('source');
    const root = storageRoot(sourceDir);
    fs.mkdirSync(path.join(root, 'documents'), { recursive: true });
    fs.mkdirSync(path.join(root, 'photos'), { recursive: true });
    fs.writeFileSync(path.join(root, 'documents', `${randomUUID()}.pdf`), randomBytes(300_000));
    fs.writeFileSync(path.join(root, 'photos', `${randomUUID()}.jpg`), randomBytes(1_234));
    fs.writeFileSync(path.join(root, 'photos', `${randomUUID()}.png`), Buffer.alloc(0));
    expected = await snapshot(source);
    expectedFiles = storedFiles(sourceDir);

    archive = path.join(newDir('out'), 'nested', 'ocop.tar.gz');
    await createBackup({ database: source, dataDir: sourceDir, out: archive, log: (m) => backupLog.push(m) });

    target = await freshDatabase();
    await createProbeTable(target);
    targetDir = newDir('target');
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('writes a portable archive with a manifest, one entry per table and the files', async () => {
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);
    expect(fs.readdirSync(path.dirname(archive))).toEqual(['ocop.tar.gz']); // no work files left behind
    const list = await entries(archive);
    expect(list[list.length - 1]!.name).toBe('manifest.json');
    const manifest = JSON.parse(list[list.length - 1]!.data.toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'ocop-backup', formatVersion: 1, database: { kind: source.kind } });
    expect(manifest.migration.tag).toBe(codeMigrations().at(-1)!.tag);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(expected.tables).sort());
    for (const t of manifest.tables) expect(t.rows).toBe(expected.tables[t.name]!.length);
    expect(manifest.tables.find((t) => t.name === 'drizzle.__drizzle_migrations' || t.name === '__drizzle_migrations')).toBeUndefined();
    // Referenced tables come first.
    const position = (name: string) => manifest.tables.findIndex((t) => t.name === name);
    expect(position('provinces')).toBeLessThan(position('subjects'));
    expect(position('subjects')).toBeLessThan(position('products'));
    expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(expectedFiles).sort());
    expect(manifest.sequences.find((s) => s.name === 'backup_probe_id_seq')).toEqual({ name: 'backup_probe_id_seq', lastValue: '41', isCalled: true });
    expect(backupLog.some((l) => /^\s+subjects\s+\d+ dòng \/ rows$/.test(l))).toBe(true);
    expect(backupLog.some((l) => /files\s+3 \(/.test(l))).toBe(true);
  });

  it('restores every table, sequence and file exactly into an empty database', async () => {
    const log: string[] = [];
    const backup = await readBackup(archive, targetDir);
    try {
      await restoreBackup({ database: target, dataDir: targetDir, backup, log: (m) => log.push(m) });
    } finally {
      backup.discard();
    }
    const got = await snapshot(target);
    for (const name of Object.keys(expected.tables)) expect(got.tables[name], name).toEqual(expected.tables[name]);
    expect(got).toEqual(expected);
    expect(storedFiles(targetDir)).toEqual(expectedFiles);
    expect(fs.readdirSync(targetDir)).toEqual(['files']); // the work folder is gone
    expect(log.some((l) => /^\s+products\s+\d+ dòng \/ rows$/.test(l))).toBe(true);

    // The audit log is append-only again (the restore truncated it with its guards off), and the probe's key is deferrable no longer.
    await expect(target.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toThrow();
    await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(target.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [fk] = await queryRows<{ d: boolean }>(
      target.db,
      sql`select condeferrable as d from pg_constraint where conrelid = 'backup_probe'::regclass and contype = 'f'`,
    );
    expect(fk!.d).toBe(false);
    // The identity continues where the source stopped.
    const [next] = await queryRows<{ id: string | number }>(target.db, sql`insert into backup_probe (label) values ('next') returning id`);
    expect(Number(next!.id)).toBe(42);
    await target.db.execute(sql`delete from backup_probe where label = 'next'`);
    await target.db.execute(sql`select setval(pg_get_serial_sequence('backup_probe', 'id'), 41)`);
  });

  it('refuses a database that already holds data without --force, changing nothing', async () => {
    const before = await snapshot(target);
    await expectRefusal(restore(target, targetDir, archive), 'restore_target_not_empty', /already holds data.*--force/);
    expect(await snapshot(target)).toEqual(before);
    expect(storedFiles(targetDir)).toEqual(expectedFiles);
    expect(fs.readdirSync(targetDir)).toEqual(['files']);
  });

  it('refuses a non-empty storage folder without --force', async () => {
    const database = await freshDatabase();
    try {
      await createProbeTable(database);
      const dir = newDir('files-only');
      fs.mkdirSync(path.join(storageRoot(dir), 'documents'), { recursive: true });
      fs.writeFileSync(path.join(storageRoot(dir), 'documents', 'left-over.pdf'), 'x');
      await expectRefusal(restore(database, dir, archive), 'restore_target_not_empty', /1 tệp \/ files/);
    } finally {
      await database.close();
    }
  });

  it('--force replaces everything: rows and files added since are gone', async () => {
    await target.db.execute(sql`update subjects set name = 'Đã sửa' where id = (select id from subjects order by id limit 1)`);
    await target.db.execute(sql`insert into backup_probe (label) values ('thêm')`);
    fs.writeFileSync(path.join(storageRoot(targetDir), 'photos', 'extra.jpg'), 'extra');
    await restore(target, targetDir, archive, true);
    expect(await snapshot(target)).toEqual(expected);
    expect(storedFiles(targetDir)).toEqual(expectedFiles);
  });

  it('leaves the database as it was when the restore fails half-way', async () => {
    const broken = path.join(newDir('broken'), 'broken.tar.gz');
    // A duplicate key in the last table: every earlier table has been replaced by the time it fails.
    const manifest = JSON.parse((await entries(archive)).at(-1)!.data.toString('utf8')) as Manifest;
    const last = [...manifest.tables].reverse().find((t) => t.rows > 0 && t.primaryKey.length > 0)!;
    await rewrite(archive, broken, { table: [last.name, (lines) => [...lines, lines[0]!]] });
    await target.db.execute(sql`update subjects set name = 'Trước khi khôi phục' where id = (select id from subjects order by id limit 1)`);
    const before = await snapshot(target);
    await expectRefusal(restore(target, targetDir, broken, true), 'restore_failed', /left as it was.*duplicate key/);
    expect(await snapshot(target)).toEqual(before);
    expect(storedFiles(targetDir)).toEqual(expectedFiles);
    await expect(target.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toThrow();
  });

  it('refuses damaged and foreign files with a clear message, changing nothing', async () => {
    const dir = newDir('corrupt');
    const before = await snapshot(target);
    const bytes = fs.readFileSync(archive);

    const flipped = path.join(dir, 'flipped.tar.gz');
    const copy = Buffer.from(bytes);
    const middle = Math.floor(copy.length / 2);
    copy[middle] = copy[middle]! ^ 0xff;
    fs.writeFileSync(flipped, copy);
    await expectRefusal(restore(target, targetDir, flipped, true), 'backup_corrupt', /damaged or is not an OCOP backup/);

    const truncated = path.join(dir, 'truncated.tar.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expectRefusal(restore(target, targetDir, truncated, true), 'backup_corrupt', /damaged/);

    const text = path.join(dir, 'notes.tar.gz');
    fs.writeFileSync(text, 'không phải bản sao lưu');
    await expectRefusal(restore(target, targetDir, text, true), 'backup_corrupt', /gzip/);

    const foreign = path.join(dir, 'foreign.tar.gz');
    writeArchive(foreign, [{ name: 'readme.txt', data: Buffer.from('hello') }]);
    await expectRefusal(restore(target, targetDir, foreign, true), 'backup_corrupt', /unexpected entry readme\.txt/);

    const noManifest = path.join(dir, 'no-manifest.tar.gz');
    writeArchive(
      noManifest,
      (await entries(archive)).filter((e) => e.name !== 'manifest.json'),
    );
    await expectRefusal(restore(target, targetDir, noManifest, true), 'backup_corrupt', /no manifest\.json/);

    // Content changed after the manifest was written: the checksum tells.
    const tampered = path.join(dir, 'tampered.tar.gz');
    const list = await entries(archive);
    const subjects = list.find((e) => e.name === 'tables/subjects.jsonl')!;
    subjects.data = Buffer.from(subjects.data.toString('utf8').replace('Sen', 'Sến'), 'utf8');
    writeArchive(tampered, list);
    await expectRefusal(restore(target, targetDir, tampered, true), 'backup_corrupt', /subjects\.jsonl: checksum mismatch/);

    const escaping = path.join(dir, 'escaping.tar.gz');
    writeArchive(escaping, [{ name: 'files/../../evil', data: Buffer.from('x') }]);
    await expectRefusal(restore(target, targetDir, escaping, true), 'backup_corrupt', /unsafe entry name/);

    await expectRefusal(restore(target, targetDir, path.join(dir, 'missing.tar.gz'), true), 'backup_not_found', /not found/);

    expect(await snapshot(target)).toEqual(before);
    expect(storedFiles(targetDir)).toEqual(expectedFiles);
    expect(fs.readdirSync(targetDir)).toEqual(['files']);
  });

  it('refuses a backup made at a newer migration level, or with tables this version lacks', async () => {
    const dir = newDir('newer');
    const before = await snapshot(target);
    const newer = path.join(dir, 'newer.tar.gz');
    await rewrite(archive, newer, {
      manifest: (m) => {
        m.migration = { tag: '9999_future', when: codeMigrations().at(-1)!.when + 1, hash: 'f'.repeat(64) };
      },
    });
    await expectRefusal(restore(target, targetDir, newer, true), 'backup_newer', /newer version \(migration 9999_future/);

    const unknown = path.join(dir, 'unknown-column.tar.gz');
    await rewrite(archive, unknown, {
      manifest: (m) => m.tables.find((t) => t.name === 'subjects')!.columns.push({ name: 'future_column', type: 'text', generated: false }),
    });
    await expectRefusal(restore(target, targetDir, unknown, true), 'backup_schema_mismatch', /subjects\.future_column/);

    const format = path.join(dir, 'format.tar.gz');
    await rewrite(archive, format, { manifest: (m) => void (m.formatVersion = 2) });
    await expectRefusal(restore(target, targetDir, format, true), 'backup_format_newer', /format 2/);

    expect(await snapshot(target)).toEqual(before);
  });

  it('restores a backup from an older migration level: newer columns take their defaults, newer sequences follow the data', async () => {
    const dir = newDir('older');
    const older = path.join(dir, 'older.tar.gz');
    const previous = codeMigrations().at(-2)!;
    await rewrite(archive, older, {
      manifest: (m) => {
        m.migration = { tag: previous.tag, when: previous.when, hash: '0'.repeat(64) };
        // As if backup_probe.flag had not existed yet.
        const probe = m.tables.find((t) => t.name === 'backup_probe')!;
        probe.columns = probe.columns.filter((c) => c.name !== 'flag');
        m.sequences = m.sequences.filter((q) => q.name !== 'backup_probe_id_seq');
        // As before migration 0015: products without their province, which the restore fills in.
        const products = m.tables.find((t) => t.name === 'products')!;
        products.columns = products.columns.filter((c) => c.name !== 'province_code');
      },
    });
    await restore(target, targetDir, older, true);
    const got = await snapshot(target);
    expect(got.tables.subjects).toEqual(expected.tables.subjects);
    expect(got.tables.products).toEqual(expected.tables.products);
    expect(got.tables.backup_probe!.every((r) => JSON.parse(r).flag === null)).toBe(true);
    expect(got.sequences.backup_probe_id_seq).toEqual({ lastValue: '5', isCalled: false });
    await restore(target, targetDir, archive, true);
    expect(await snapshot(target)).toEqual(expected);
  });

  // On the PostgreSQL run: a backup from the server restores into PGlite, and back.
  it.runIf(!!process.env.DATABASE_URL)(
    'crosses between PostgreSQL and PGlite in both directions',
    async () => {
      const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
      const embedded = await openDatabase({ pglite: client });
      try {
        await applyMigrations(embedded);
        await loadReferenceData(embedded.db, path.join(PACKAGE_ROOT, 'data'));
        await createProbeTable(embedded);
        const embeddedDir = newDir('pglite');
        await restore(embedded, embeddedDir, archive);
        expect(await snapshot(embedded)).toEqual(expected);
        expect(storedFiles(embeddedDir)).toEqual(expectedFiles);

        const back = path.join(newDir('from-pglite'), 'back.tar.gz');
        await createBackup({ database: embedded, dataDir: embeddedDir, out: back });
        const server = await freshDatabase();
        try {
          await createProbeTable(server);
          const serverDir = newDir('server');
          await restore(server, serverDir, back);
          expect(await snapshot(server)).toEqual(expected);
          expect(storedFiles(serverDir)).toEqual(expectedFiles);
        } finally {
          await server.close();
        }
      } finally {
        await embedded.close();
      }
    },
    180_000,
  );
});
