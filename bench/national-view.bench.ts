/**
 * The ministry's national view at national scale. Run: npm run bench:national-view (PGlite in memory),
 * or with DATABASE_URL on a new database of that PostgreSQL server.
 *
 * Generates, with the counts' triggers on (migration 0022), 34 provinces' 20,000 producers, 50,000
 * products, 120,000 earlier results (2019–2026) and 18,000 certificates issued over 1,150 days (1 %
 * revoked, 2 % replaced), then times the national view (the service, 200 calls for 2026 on
 * 04/12/2026), one revocation with its triggers, and a full rebuild; prints the plan of the figures
 * statement on PostgreSQL. Timings, not ratios: the target is absolute (p99 ≤ 200 ms).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client.js';
import { applyMigrations } from '../src/server/db/migrate.js';
import { PACKAGE_ROOT } from '../src/server/config.js';
import { createNationalService } from '../src/server/modules/indicators/national.service.js';
import { nationalFiguresQuery } from '../src/server/modules/indicators/national.repository.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { openBenchDatabase } from './support/national-registry.js';
import path from 'node:path';

const RUNS = 200;
const DAY = '2026-12-04';

const { database, drop } = await openBenchDatabase();
const { db } = database;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
try {
  await applyMigrations(database);
  await loadReferenceData(db, path.join(PACKAGE_ROOT, 'data'));

  let started = performance.now();
  await db.execute(sql`
    insert into subjects (province_code, commune_code, name, name_search, sort_key, legal_form)
    select p.province_code, p.codes[1 + (g % cardinality(p.codes))], 'Chủ thể ' || g, 'chu the ' || g, 'chu the ' || lpad(g::text, 6, '0'),
           (array['HTX', 'CTCP', 'TNHH', 'HKD', 'CSSX'])[1 + g % 5]
      from generate_series(0, 19999) g
      join (select row_number() over (order by province_code) - 1 as i, province_code, codes
              from (select province_code, array_agg(code order by code) as codes from communes group by province_code) c) p on p.i = g % 34`);
  await db.execute(sql`
    insert into products (subject_id, name, name_search, sort_key, criteria_set_number, ocop_code)
    select s.id, 'Sản phẩm ' || g, 'san pham ' || g, 'san pham ' || lpad(g::text, 6, '0'), 1 + g % 26, 'BENCH-' || g
      from generate_series(0, 49999) g
      join (select row_number() over (order by id) - 1 as i, id from subjects) s on s.i = g % 20000`);
  console.log(`registry: ${seconds(started)}`);

  started = performance.now();
  await db.execute(sql`
    insert into historical_results (product_id, year, round, level, kind, score, star, decision_no, decision_date, legal_basis)
    select p.id, y, '1', case when (p.i + y) % 10 = 0 then 'commune' else 'province' end,
           case when y = 2019 + p.i % 4 then 'first' when (p.i + y) % 3 = 0 then 'upgrade' else 'rerating' end,
           50 + (p.i * 7 + y) % 40, 3 + (p.i + y) % 2, y || '/QĐ-UBND', make_date(y, (1 + p.i % 12)::int, (1 + p.i % 28)::int),
           case when y <= 2022 then '1048/QĐ-TTg' when y <= 2024 then '148/QĐ-TTg' when y = 2025 then '1489/QĐ-TTg' else '26/2026/QĐ-TTg' end
      from (select row_number() over (order by id) - 1 as i, id from products) p, generate_series(2019, 2026) y
     where (p.i + y) % 10 < 3`);
  console.log(`120,000 results through the triggers: ${seconds(started)}`);

  started = performance.now();
  await db.execute(sql`
    insert into certificates (number, product_id, level, province_code, star, issued_on, expires_on, verification_code, revoked_on, superseded_on)
    select 'BENCH-' || p.i, p.id, 'province', s.province_code, 3 + p.i % 2, x.d, (x.d + interval '36 months')::date, 'bench-' || md5(p.i::text),
           case when p.i % 97 = 0 then x.d + 200 end, case when p.i % 41 = 0 then x.d + 900 end
      from (select row_number() over (order by id) - 1 as i, id, subject_id from products) p
      join subjects s on s.id = p.subject_id,
      lateral (select date '2023-06-01' + ((p.i * 37) % 1150)::int as d) x
     where p.i < 18000`);
  console.log(`18,000 certificates through the triggers: ${seconds(started)}`);
  await db.execute(sql`analyze`);

  const [sizes] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from national_result_counts)::int as results, (select count(*) from national_certificate_counts)::int as certificates,
               (select count(*) from national_holder_counts)::int as holders`,
  );
  console.log(`count rows: ${JSON.stringify(sizes)}`);

  const national = createNationalService(db, () => new Date(`${DAY}T03:00:00Z`));
  const ministry = { kind: 'user', userId: 'bench', role: 'admin', provinceCode: null, communeCodes: [], subjectId: null } as const;
  for (let i = 0; i < 10; i++) await national.figures(ministry, 2025);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await national.figures(ministry, 2026);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(`national view, ${RUNS} calls: median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (target p99 ≤ 200 ms)`);

  started = performance.now();
  await db.execute(sql`update certificates set revoked_on = ${DAY}::date where number = 'BENCH-5'`);
  console.log(`one revocation with its triggers: ${(performance.now() - started).toFixed(1)} ms`);
  started = performance.now();
  await db.execute(sql`select national_rebuild()`);
  console.log(`national_rebuild(): ${seconds(started)}`);

  if (database.kind === 'postgres') {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${nationalFiguresQuery(2026, DAY)}`);
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
  }
} finally {
  await drop();
}
