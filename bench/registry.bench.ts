/**
 * Registry benchmark at national scale. Run: npm run bench:registry [-- subjects products]
 * (defaults 20,000 producers and 50,000 products, the size of the whole country's OCOP registry).
 * On embedded PGlite by default; with DATABASE_URL it uses a fresh database on that server.
 *
 * Generates producers in all 34 provinces' communes, then times the registry API through
 * app.inject as a ministry admin: accent-insensitive search, the first page in Vietnamese order,
 * a commune filter — each against a baseline measured in the same run (fetching one product by
 * its id), so the ratios mean the same on any machine.
 */
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { loadConfig, PACKAGE_ROOT } from '../src/server/config.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import { applyMigrations } from '../src/server/db/migrate.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { users } from '../src/server/db/schema/index.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { sql } from 'drizzle-orm';
import { openBenchDatabase, seedNationalRegistry } from './support/national-registry.js';

const SUBJECTS = Number(process.argv[2] ?? 20_000);
const PRODUCTS = Number(process.argv[3] ?? 50_000);
const RUNS = 60;

async function seed(database: Database) {
  const { db } = database;
  const registry = await seedNationalRegistry(db, { subjects: SUBJECTS, products: PRODUCTS });
  await db
    .insert(users)
    .values({ email: 'bench@ocop.local', fullName: 'Bench', passwordHash: await hashPassword('bench-password-1'), role: 'admin', provinceCode: null });
  return { productId: (await queryRows<{ id: string }>(db, sql`select id from products limit 1`))[0]!.id, commune: registry.subjects[0]!.communeCode };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main() {
  console.log(`Registry benchmark: ${SUBJECTS} producers, ${PRODUCTS} products on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
  const { database, drop } = await openBenchDatabase();
  try {
    await applyMigrations(database);
    await loadReferenceData(database.db, path.join(PACKAGE_ROOT, 'data'));
    const { productId, commune } = await seed(database);
    const app = await buildApp({ config: loadConfig({ ...process.env, DATA_DIR: '/tmp/ocop-bench-files', DATABASE_URL: '' }), database });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bench@ocop.local', password: 'bench-password-1' } });
    const cookie = `ocop_session=${login.cookies.find((c) => c.name === 'ocop_session')!.value}`;

    async function time(url: string) {
      const ms: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS + 5; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        const dt = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        total = res.json().total ?? 1;
        if (i >= 5) ms.push(dt);
      }
      return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), total };
    }

    const baseline = await time(`/api/v1/products/${productId}`);
    const cases: [string, string][] = [
      ['accent-insensitive search "hat sen"', `/api/v1/products?q=${encodeURIComponent('hat sen')}`],
      ['search with a typo "mat ongg"', `/api/v1/products?q=${encodeURIComponent('mat ongg')}`],
      ['first page, Vietnamese order', '/api/v1/products?page=1&pageSize=20'],
      ['page 100', '/api/v1/products?page=100&pageSize=20'],
      ['one commune', `/api/v1/products?communeCode=${commune}`],
      ['producers search "hop tac xa tra"', `/api/v1/subjects?q=${encodeURIComponent('hop tac xa tra')}`],
    ];
    console.log(`\n${'case'.padEnd(40)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'× baseline'.padStart(11)} ${'matches'.padStart(8)}`);
    console.log(
      `${'baseline: one product by id'.padEnd(40)} ${baseline.median.toFixed(2).padStart(10)} ${baseline.p95.toFixed(2).padStart(8)} ${'1.0'.padStart(11)}`,
    );
    for (const [label, url] of cases) {
      const r = await time(url);
      console.log(
        `${label.padEnd(40)} ${r.median.toFixed(2).padStart(10)} ${r.p95.toFixed(2).padStart(8)} ${(r.median / baseline.median).toFixed(1).padStart(11)} ${String(r.total).padStart(8)}`,
      );
    }
    await app.close();
  } finally {
    await drop();
  }
}

await main();
