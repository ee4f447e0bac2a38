import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS } from '../server/db/client.js';
import { run } from './main.js';

const exec = promisify(execFile);
const BIN = path.resolve('bin/ocop.js');
let dataDir: string;

/** The environment of a command: the embedded database in a temporary folder. */
// Without the demo's history (seeded and tested in src/server/seed/demo-history.test.ts), so seeding stays quick.
const environment = (env: Record<string, string>) => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NO_COLOR: '1', DEMO_HISTORY: 'false', ...env });

/** Runs `ocop` in this process, as an operator would from a shell: its exit code and what it printed. */
async function ocop(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    env: environment(env),
    out: (chunk) => void (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    err: (chunk) => void (stderr += chunk),
    isTTY: false,
    stdin: (async function* () {})(),
  });
  return { code, stdout, stderr };
}

/** Runs bin/ocop.js in its own process. */
async function ocopProcess(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await exec('node', [BIN, ...args], { env: environment(env), timeout: 90_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * A fresh database in the data folder: the migrated template of test/global-setup.ts with its
 * reference data, unpacked where PGlite keeps DATA_DIR's database (DATA_DIR/db). Against PostgreSQL
 * there is no PGlite template and the first command migrates the empty folder itself.
 */
async function freshDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-cli-'));
  const template = inject('pgliteTemplate');
  if (template) {
    const client = await PGlite.create(path.join(dir, 'db'), { extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([fs.readFileSync(template)]) });
    await client.close();
  }
  return dir;
}

beforeAll(async () => {
  dataDir = await freshDataDir();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the ocop command', () => {
  it('runs as bin/ocop.js: --help, and refuses a data folder another process has open', async () => {
    const top = await ocopProcess(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'user', 'backup', 'restore', 'import', 'report']) expect(top.stdout).toContain(command);

    const database = await openDatabase({ dataDir });
    try {
      const res = await ocopProcess(['migrate']);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/in use by process \d+/);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('documents every command with --help', async () => {
    const top = await ocop(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'user', 'backup', 'restore', 'import', 'report']) expect(top.stdout).toContain(command);
    const create = await ocop(['user', 'create', '--help']);
    expect(create.stdout).toMatch(/--email <email>/);
    expect(create.stdout).toMatch(/--role <role>/);
  }, 90_000);

  it('migrates, then creates users; a bad one exits non-zero with a readable message', async () => {
    const migrate = await ocop(['migrate']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/Database is up to date/);

    const created = await ocop(['user', 'create', '--email', 'vanphong@example.vn', '--role', 'admin']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/one-time password: [A-Za-z0-9]{14}/);

    const duplicate = await ocop(['user', 'create', '--email', 'vanphong@example.vn', '--role', 'admin', '--password', 'long-enough-pw']);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/Email này đã có tài khoản/);
    expect(duplicate.stderr).toMatch(/already has an account/);

    const officer = await ocop(['user', 'create', '--email', 'cb@example.vn', '--role', 'officer']);
    expect(officer.code).not.toBe(0);
    expect(officer.stderr).toMatch(/communeCodes: Cán bộ xã phải được giao/);

    const badRole = await ocop(['user', 'create', '--email', 'x@example.vn', '--role', 'king']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/Allowed choices are admin, officer, council, producer/);
  }, 120_000);

  it('seeds the demo province once', async () => {
    const first = await ocop(['seed', '--demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/admin@ocop\.demo/);
    const again = await ocop(['seed', '--demo']);
    expect(again.stdout).toMatch(/already present/);
  }, 120_000);

  it('backs up and restores the platform; refuses a used database and a damaged file without a stack trace', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-cli-backup-'));
    try {
      const archive = path.join(elsewhere, 'ocop.tar.gz');
      const backup = await ocop(['backup', '--out', archive]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/subjects\s+\d+ dòng \/ rows/);
      expect(backup.stdout).toMatch(/backup written/);

      const target = path.join(elsewhere, 'restored');
      const restored = await ocop(['restore', archive], { DATA_DIR: target });
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/products\s+\d+ dòng \/ rows/);
      expect(restored.stdout).toMatch(/restored: \d+ bảng \/ tables/);

      const again = await ocop(['restore', archive], { DATA_DIR: target });
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/Cơ sở dữ liệu đích đã có dữ liệu/);
      expect(again.stderr).toMatch(/use --force to replace everything/);
      expect(again.stderr).not.toMatch(/\n\s+at /);
      expect((await ocop(['restore', archive, '--force'], { DATA_DIR: target })).code).toBe(0);

      const damaged = path.join(elsewhere, 'damaged.tar.gz');
      fs.writeFileSync(damaged, 'not a backup');
      const bad = await ocop(['restore', damaged, '--force'], { DATA_DIR: target });
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/is damaged or is not an OCOP backup/);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 240_000);

  it('imports a workbook (a faulty one lists its problems and writes nothing) and writes the annual report', async () => {
    const { HISTORY, workbook } = await import('../../test/support/workbooks.js');
    const good = path.join(dataDir, 'lich-su.xlsx');
    fs.writeFileSync(good, await workbook(HISTORY));
    const bad = path.join(dataDir, 'loi.xlsx');
    const faulty = structuredClone(HISTORY);
    faulty['Chủ thể']![2]![2] = 'Tập đoàn';
    fs.writeFileSync(bad, await workbook(faulty));
    const refused = await ocop(['import', bad, good]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Chủ thể, dòng 3, cột "Loại hình", giá trị "Tập đoàn"');
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
    const done = await ocop(['import', good]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Chủ thể / producers: tạo mới 5, cập nhật 0, không đổi 0');
    const out = path.join(dataDir, 'bao-cao-2024.json');
    const report = await ocop(['report', 'annual', '--year', '2024', '--format', 'json', '--out', out]);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ year: 2024, evaluated: { products: 7 }, recognized: { products: 6 } });
  }, 180_000);

  it('scores a sheet offline and prints JSON; a bad sheet exits non-zero naming the fields', async () => {
    const { bestChoices, loadShippedVersion } = await import('../domain/criteria/test-support.js');
    const set7 = loadShippedVersion('qd26').sets.find((s) => s.number === 7)!;
    const file = path.join(dataDir, 'sheet.json');
    fs.writeFileSync(file, JSON.stringify({ version: '26/2026/QĐ-TTg', set: 7, choices: bestChoices(set7) }));
    const ok = await ocop(['score', file]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ total: 100, star: 5, recognisingLevel: 'ministry' });

    fs.writeFileSync(file, JSON.stringify({ version: '26/2026/QĐ-TTg', set: 7, choices: { '1.1': 0 } }));
    const bad = await ocop(['score', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/choices\.1\.2: .*No option chosen for criterion 1\.2/);
  }, 90_000);

  it('runs the background work apart only on PostgreSQL: `ocop worker` and BACKGROUND_WORK=off refuse the embedded database', async () => {
    const worker = await ocop(['worker']);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/`ocop worker` needs DATABASE_URL/);
    const off = await ocop(['serve'], { BACKGROUND_WORK: 'off' });
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/BACKGROUND_WORK: .*"off" needs DATABASE_URL/);
    const bad = await ocop(['migrate'], { BACKGROUND_WORK: 'sometimes' });
    expect(bad.stderr).toMatch(/BACKGROUND_WORK/);
  });

  it('fails fast on a bad environment, listing the problem', async () => {
    const res = await ocop(['migrate'], { PORT: 'eighty', PROVINCE_CODE: '8' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stderr).toMatch(/PROVINCE_CODE: must be a 2-digit province code/);
  }, 60_000);
});
