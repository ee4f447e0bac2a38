import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, queryRows } from '../server/db/client.js';
import { run } from './main.js';

let dataDir: string;

/** Runs `ocop` in this process on the embedded database of a temporary folder: its exit code and what it printed. */
async function ocop(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NO_COLOR: '1', PROVINCE_CODE: '82', NODE_ENV: 'test', ...env },
    out: (chunk) => void (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    err: (chunk) => void (stderr += chunk),
    isTTY: false,
    stdin: (async function* () {})(),
  });
  return { code, stdout, stderr };
}

async function count(table: string): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    return row!.n;
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  // The migrated template with its reference data (test/global-setup.ts), where DATA_DIR keeps its database.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-seed-'));
  const template = inject('pgliteTemplate');
  if (template) {
    const client = await PGlite.create(path.join(dataDir, 'db'), { extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([fs.readFileSync(template)]) });
    await client.close();
  }
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('ocop seed --scale', () => {
  it('asks for --demo or --scale, and names the scales', async () => {
    const none = await ocop(['seed']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--scale national|province');
    const help = await ocop(['seed', '--help']);
    expect(help.stdout).toMatch(/--scale <scale>[\s\S]*national[\s\S]*province/);
    const bad = await ocop(['seed', '--scale', 'world']);
    expect(bad.code).toBe(1);
    const badSeed = await ocop(['seed', '--scale', 'province', '--seed', 'abc']);
    expect(badSeed.code).toBe(1);
    expect(badSeed.stderr).toContain('--seed');
  });

  it('fills the configured province, printing a line per table with its rows and the time', async () => {
    const r = await ocop(['seed', '--scale', 'province', '--producers', '40', '--seed', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/subjects\s+40 \/ 40\s+[\d.]+ s/);
    expect(r.stdout).toMatch(/score_sheets\s+\d+ \/ \d+/);
    expect(r.stdout).toMatch(/written: \d+ dòng \/ rows/);
    const database = await openDatabase({ dataDir });
    try {
      const provinces = await queryRows<{ p: string }>(database.db, sql`select distinct province_code as p from subjects`);
      expect(provinces.map((x) => x.p)).toEqual(['82']);
    } finally {
      await database.close();
    }
  });

  it('refuses a database holding programme records unless --replace, and production unless --force', async () => {
    const again = await ocop(['seed', '--scale', 'province', '--producers', '40']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');
    const production = await ocop(['seed', '--scale', 'province', '--producers', '40', '--replace'], {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://ocop.example.vn',
    });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('NODE_ENV=production');
    expect(await count('subjects')).toBe(40);

    const replaced = await ocop(['seed', '--scale', 'province', '--producers', '60', '--replace']);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(await count('subjects')).toBe(60);
  });
});
