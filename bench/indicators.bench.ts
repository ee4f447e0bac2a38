/**
 * Indicators, dashboard and annual report at national scale. Run: npm run bench:indicators [-- producers products]
 * (defaults 20,000 producers and 50,000 products in all 34 provinces, as bench/registry.bench.ts).
 * On embedded PGlite by default; with DATABASE_URL it uses a fresh database on that server.
 *
 * Generates the registry — the deployment province (PROVINCE_CODE, default 82) holding about 6 % of
 * it, some 3,000 products — and 2–3 evaluation results per product over 2019–2026 in
 * historical_results, each consistent with the rules of its year (legal basis, levels, star bands).
 * Then times, as a ministry admin (whose figures are those of the deployment province), the dashboard,
 * every indicator, the annual report's figures and its Word document for 2024, against a baseline
 * measured in the same run (fetching one product by its id), so the ratios mean the same on any machine.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { checkHistoricalResult, legalBasisInForce, type HistoricalLevel, type LegalBasis } from '../src/domain/evaluation/historical-results.js';
import { formatProductCode } from '../src/domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../src/domain/text/vietnamese.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig, PACKAGE_ROOT } from '../src/server/config.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import { applyMigrations } from '../src/server/db/migrate.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { historicalResults, products, subjects, users } from '../src/server/db/schema/index.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { sql } from 'drizzle-orm';
import { between, chance, FORM_NAMES, FORMS, KINDS, openBenchDatabase, pick, PLACES, QUALIFIERS, random } from './support/national-registry.js';

const SUBJECTS = Number(process.argv[2] ?? 20_000);
const PRODUCTS = Number(process.argv[3] ?? 50_000);
/** Share of the country's producers in the deployment province: a large province, some 3,000 products. */
const PROVINCE_SHARE = 0.06;
const YEAR = 2024;
const RUNS = 10;
const DOCX_RUNS = 5;
const BASELINE_RUNS = 60;

const CONFIG = loadConfig({ ...process.env, DATA_DIR: path.join(os.tmpdir(), 'ocop-bench-files'), DATABASE_URL: '' });
const PROVINCE = CONFIG.provinceCode;

// ---------------------------------------------------------------------------------------------
// Evaluation history: the rules each year was evaluated under.

/** The basis of a year's results: 1048 until 2022, 148 in 2023–2024, 1489 in 2025, 26/2026 from 2026. */
const basisOf = (year: number): LegalBasis => (year <= 2022 ? '1048/QĐ-TTg' : year <= 2024 ? '148/QĐ-TTg' : year === 2025 ? '1489/QĐ-TTg' : '26/2026/QĐ-TTg');
/** First day of the year on which that basis was in force (148 from 24/02/2023, 1489 from 06/07/2025, 26/2026 from 22/05/2026). */
const FIRST_DAY: Record<number, string> = { 2023: '2023-02-24', 2025: '2025-07-06', 2026: '2026-05-22' };
/** A date under the year's basis: round 1 in the first half of that window, round 2 in the second. */
function decisionDate(year: number, round: string | null): string {
  const from = Date.parse(FIRST_DAY[year] ?? `${year}-01-01`);
  const days = (Date.parse(`${year}-12-31`) - from) / 86_400_000 + 1;
  const half = Math.floor(days / 2);
  const offset = round === '2' ? half + Math.floor(random() * (days - half)) : Math.floor(random() * half);
  const date = new Date(from + offset * 86_400_000).toISOString().slice(0, 10);
  if (legalBasisInForce(date) !== basisOf(year)) throw new Error(`${date} is not under ${basisOf(year)}`);
  return date;
}
/** A total, one decimal, in [lo, hi]. */
const score = (lo: number, hi: number) => Math.round((lo + random() * (hi - lo)) * 10) / 10;
/** A first evaluation's total: some fail, most 3★ or 4★, a few 90+. */
const firstScore = () => {
  const r = random();
  return r < 0.1 ? score(35, 49.9) : r < 0.55 ? score(50, 69.9) : r < 0.95 ? score(70, 89.9) : score(90, 96);
};
/** The star a province (or a district under 148) recognised for a total: never above its band, never 5★. */
const provinceStar = (total: number) => (total >= 70 ? 4 : total >= 50 ? 3 : null);

type ResultRow = typeof historicalResults.$inferInsert;
/**
 * The decision a result was announced in: one per round and year for the province (and, nationally,
 * for the central level), one per round and former district for district results (six a province here).
 */
const decisions = new Map<string, { no: string; date: string }>();
const lastNumber = new Map<string, number>();
function decision(provinceCode: string, year: number, level: HistoricalLevel, round: string | null) {
  const key =
    level === 'central'
      ? `TW/${year}/${round}`
      : level === 'district'
        ? `${provinceCode}/${year}/${round}/${between(1, 6)}`
        : `${provinceCode}/${year}/${round}`;
  let d = decisions.get(key);
  if (!d) {
    const scope = `${level === 'central' ? 'TW' : provinceCode}/${year}`;
    const n = (lastNumber.get(scope) ?? 0) + between(20, 400);
    lastNumber.set(scope, n);
    d = { no: level === 'central' ? `${n}/QĐ-BNN-VPĐP` : `${n}/QĐ-UBND`, date: decisionDate(year, round) };
    decisions.set(key, d);
  }
  return d;
}

/** 2–3 results of one product: pre-assessment or screening, first recognition, then upgrade or re-rating. */
function history(productId: string, provinceCode: string): ResultRow[] {
  const rows: ResultRow[] = [];
  const add = (
    year: number,
    level: HistoricalLevel,
    kind: ResultRow['kind'],
    total: number,
    star: number | null,
    round: string | null = random() < 0.5 ? '1' : '2',
  ) => {
    const d = level === 'commune' ? null : decision(provinceCode, year, level, round);
    rows.push({
      productId,
      year,
      round,
      level,
      kind,
      score: total,
      star,
      decisionNo: d?.no ?? null,
      decisionDate: d?.date ?? null,
      legalBasis: basisOf(year),
    });
  };
  const first = between(2019, 2026);
  const total = firstScore();
  // Commune pre-assessment (no star), and before 2023 the district screening (no star either).
  if (chance(0.5)) add(first, 'commune', 'first', Math.min(100, score(total - 5, total + 5)), null);
  if (first <= 2022 && chance(0.4)) add(first, 'district', 'first', Math.min(100, score(total - 3, total + 3)), null);
  // The recognising evaluation: the province, or under 148 sometimes the district (3★ only).
  if (basisOf(first) === '148/QĐ-TTg' && total >= 50 && chance(0.35)) add(first, 'district', 'first', total, 3);
  else add(first, 'province', 'first', total, provinceStar(total));
  // What followed: the central level's 5★, an upgrade, or the re-rating 36 months on.
  if (total >= 90 && first < 2026 && chance(0.7)) add(first + 1, 'central', 'upgrade', score(90, 97), 5);
  else if (first + 3 <= 2026 && total >= 50 && chance(0.75)) {
    const again = Math.min(100, score(total - 6, total + 6));
    add(first + 3, 'province', 'rerating', again, provinceStar(again));
  } else if (first < 2026 && total < 88 && chance(0.6)) {
    const better = Math.min(89.9, score(total + 2, total + 15));
    add(between(first + 1, Math.min(2026, first + 2)), 'province', 'upgrade', better, provinceStar(better));
  }
  for (const r of rows) {
    const problems = checkHistoricalResult({ year: r.year, level: r.level, legalBasis: r.legalBasis, score: r.score ?? null, star: r.star ?? null });
    if (problems.length) throw new Error(`generated an invalid result ${JSON.stringify(r)}: ${problems[0]!.en}`);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function insertAll<T>(label: string, rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
    process.stdout.write(`\r  ${label} ${Math.min(i + size, rows.length)}/${rows.length}   `);
  }
  process.stdout.write('\n');
}

async function seed(database: Database) {
  const { db } = database;
  const communes = await queryRows<{ code: string; province_code: string }>(db, sql`select code, province_code from communes`);
  const home = communes.filter((c) => c.province_code === PROVINCE);
  const elsewhere = communes.filter((c) => c.province_code !== PROVINCE);
  if (!home.length) throw new Error(`no communes in province ${PROVINCE}`);
  const subjectRows: (typeof subjects.$inferInsert & { communeCode: string })[] = [];
  for (let i = 0; i < SUBJECTS; i++) {
    const commune = chance(PROVINCE_SHARE) ? pick(home) : pick(elsewhere);
    const form = pick(FORMS);
    const name = `${FORM_NAMES[form]} ${pick(KINDS)} ${pick(PLACES)} ${i + 1}`;
    subjectRows.push({
      id: randomUUID(),
      provinceCode: commune.province_code,
      communeCode: commune.code,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      legalForm: form,
    });
  }
  const productRows: (typeof products.$inferInsert)[] = [];
  const resultRows: ResultRow[] = [];
  const serials = new Map<string, number>();
  for (let i = 0; i < PRODUCTS; i++) {
    const subject = subjectRows[i < SUBJECTS ? i : Math.floor(random() * SUBJECTS)]!;
    const serial = (serials.get(subject.communeCode) ?? 0) + 1;
    serials.set(subject.communeCode, serial);
    const name = `${pick(KINDS)} ${pick(QUALIFIERS)} ${pick(PLACES)}`;
    const id = randomUUID();
    productRows.push({
      id,
      subjectId: subject.id!,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      criteriaLegalBasis: '26/2026/QĐ-TTg',
      criteriaSetNumber: 1 + Math.floor(random() * 26),
      ocopCode: formatProductCode({ provinceCode: subject.provinceCode, communeCode: subject.communeCode, serial, year: 2026 }),
    });
    resultRows.push(...history(id, subject.provinceCode));
  }
  const started = Date.now();
  await insertAll('chủ thể / producers', subjectRows, (chunk) => db.insert(subjects).values(chunk));
  await insertAll('sản phẩm / products', productRows, (chunk) => db.insert(products).values(chunk));
  await insertAll('kết quả / results', resultRows, (chunk) => db.insert(historicalResults).values(chunk));
  await db.execute(sql`analyze`);
  console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db
    .insert(users)
    .values({ email: 'bench@ocop.local', fullName: 'Bench', passwordHash: await hashPassword('bench-password-1'), role: 'admin', provinceCode: null });

  const [sizes] = await queryRows<{
    producers: number;
    products: number;
    results: number;
    results_year: number;
    recognised_year: number;
    decisions_year: number;
  }>(
    db,
    sql`select (select count(*) from subjects where province_code = ${PROVINCE})::int as producers,
               (select count(*) from products p join subjects s on s.id = p.subject_id where s.province_code = ${PROVINCE})::int as products,
               count(*)::int as results,
               (count(*) filter (where h.year = ${YEAR}))::int as results_year,
               (count(*) filter (where h.year = ${YEAR} and h.star >= 3))::int as recognised_year,
               (count(distinct h.decision_no) filter (where h.year = ${YEAR}))::int as decisions_year
          from historical_results h join products p on p.id = h.product_id join subjects s on s.id = p.subject_id
         where s.province_code = ${PROVINCE}`,
  );
  const productId = (await queryRows<{ id: string }>(db, sql`select id from products limit 1`))[0]!.id;
  const commune = (
    await queryRows<{ commune_code: string }>(
      db,
      sql`select commune_code from subjects where province_code = ${PROVINCE} group by 1 order by count(*) desc limit 1`,
    )
  )[0]!.commune_code;
  return { productId, commune, sizes: sizes!, resultsNational: resultRows.length };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main() {
  console.log(
    `Indicators benchmark: ${SUBJECTS} producers, ${PRODUCTS} products, province ${PROVINCE}, year ${YEAR}, on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
  );
  const { database, drop } = await openBenchDatabase();
  try {
    await applyMigrations(database);
    await loadReferenceData(database.db, path.join(PACKAGE_ROOT, 'data'));
    const { productId, commune, sizes, resultsNational } = await seed(database);
    console.log(
      `  national: ${resultsNational} results (${(resultsNational / PRODUCTS).toFixed(2)} per product); province ${PROVINCE}: ${sizes.producers} producers, ${sizes.products} products, ` +
        `${sizes.results} results, ${sizes.results_year} in ${YEAR} (${sizes.recognised_year} of them 3★+, in ${sizes.decisions_year} decisions)`,
    );
    const app = await buildApp({ config: CONFIG, database });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bench@ocop.local', password: 'bench-password-1' } });
    const cookie = `ocop_session=${login.cookies.find((c) => c.name === 'ocop_session')!.value}`;

    async function time(url: string, runs: number, warmup: number) {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs + warmup; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        const dt = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
        bytes = res.rawPayload.length;
        if (i >= warmup) ms.push(dt);
      }
      return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), bytes };
    }

    const baseline = await time(`/api/v1/products/${productId}`, BASELINE_RUNS, 5);
    const cases: [string, string, number][] = [
      [`dashboard ${YEAR}`, `/api/v1/dashboard?year=${YEAR}`, RUNS],
      [`indicator values ${YEAR}`, `/api/v1/indicators/values?year=${YEAR}`, RUNS],
      [`indicator values, one commune`, `/api/v1/indicators/values?year=${YEAR}&communeCode=${commune}`, RUNS],
      [`annual report ${YEAR}, JSON`, `/api/v1/reports/annual?year=${YEAR}&format=json`, RUNS],
      [`annual report ${YEAR}, Word`, `/api/v1/reports/annual?year=${YEAR}&format=docx`, DOCX_RUNS],
    ];
    const row = (label: string, median: string, p95: string, ratio: string, size: string) =>
      console.log(`${label.padEnd(34)} ${median.padStart(10)} ${p95.padStart(10)} ${ratio.padStart(11)} ${size.padStart(10)}`);
    console.log();
    row('case', 'median ms', 'p95 ms', '× baseline', 'bytes');
    row('baseline: one product by id', baseline.median.toFixed(2), baseline.p95.toFixed(2), '1.0', String(baseline.bytes));
    for (const [label, url, runs] of cases) {
      const r = await time(url, runs, 1);
      row(label, r.median.toFixed(1), r.p95.toFixed(1), (r.median / baseline.median).toFixed(1), String(r.bytes));
    }
    await app.close();
  } finally {
    await drop();
  }
}

await main();
