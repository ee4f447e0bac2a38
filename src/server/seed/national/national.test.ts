import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateStatus } from '../../../domain/certificates/validity.js';
import { findSet } from '../../../domain/criteria/index.js';
import { loadShippedVersion } from '../../../domain/criteria/test-support.js';
import { LEGAL_FORM_CODES } from '../../../domain/subjects/legal-forms.js';
import { aggregateCouncil, scoreSheet } from '../../../domain/scoring/index.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { freshDatabase } from '../../../../test/support/database.js';
import { queryRows, type Database } from '../../db/client.js';
import { hashPassword } from '../../lib/passwords.js';
import { usersRepository } from '../../modules/users/users.repository.js';
import { DEFAULT_TODAY, seedScale, type SeedScaleOptions } from './index.js';
import { DIGEST_TABLES, nationalSeedRepository } from './national.repository.js';

/** A small national data set: 200 producers (1 % of the national scale), everything else in proportion. */
const SMALL: SeedScaleOptions = { scale: 'national', seed: 7, provinceCode: '82', today: DEFAULT_TODAY, producers: 200 };
const version = loadShippedVersion('qd26');

let t: TestApp;
/** The main tables' digests right after seeding (later tests add a product). */
let first: Record<string, string>;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

async function digests(database: Database) {
  const out: Record<string, string> = {};
  for (const table of DIGEST_TABLES) out[table] = await nationalSeedRepository.digest(database.db, table);
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ demo: false, clock: () => new Date(`${DEFAULT_TODAY}T03:00:00Z`) });
  await seedScale(t.database, SMALL);
  first = await digests(t.database);
}, 180_000);
afterAll(() => t?.close());

describe('ocop seed --scale (generated data)', () => {
  it('fills every province, every legal form and every criteria set, in the proportions of the national scale', async () => {
    const [counts] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from subjects) as subjects,
      (select count(*)::int from products) as products,
      (select count(*)::int from dossiers) as dossiers,
      (select count(distinct province_code)::int from subjects) as provinces,
      (select count(distinct criteria_set_number)::int from products) as sets,
      (select count(*)::int from score_sheets) as sheets,
      (select count(*)::int from sales_points) as "salesPoints",
      (select count(*)::int from trade_events) as events,
      (select count(*)::int from ecommerce_listings) as listings,
      (select count(*)::int from support_grants) as grants`);
    expect(counts).toMatchObject({ subjects: 200, products: 500, dossiers: 1200 });
    expect(counts!.provinces).toBeGreaterThanOrEqual(30);
    expect(counts!.sets).toBeGreaterThanOrEqual(20);
    expect(counts!.sheets).toBeGreaterThan(4500);
    for (const key of ['salesPoints', 'events', 'listings', 'grants']) expect(counts![key], key).toBeGreaterThan(0);
    const forms = (await rows<{ f: string }>(sql`select distinct legal_form as f from subjects`)).map((r) => r.f);
    expect(forms.length).toBeGreaterThanOrEqual(LEGAL_FORM_CODES.length - 2);
    // Dossiers of the current round (2 of 2026) stand at every stage, the others are concluded.
    const current = (
      await rows<{ state: string }>(
        sql`select distinct d.state from dossiers d join evaluation_rounds r on r.id = d.round_id where r.year = 2026 and r.number = 2`,
      )
    ).map((r) => r.state);
    expect(current).toEqual(expect.arrayContaining(['submitted', 'in_council', 'decided']));
    const past = await rows<{ state: string }>(sql`select distinct d.state from dossiers d join evaluation_rounds r on r.id = d.round_id where r.year < 2026`);
    expect(past.map((r) => r.state).sort()).toEqual(expect.arrayContaining(['decided', 'not_proposed']));
    expect(past.map((r) => r.state)).not.toContain('in_council');
  });

  it('stores on every sheet the total the scoring engine gives its answers, and on every result the council’s star', async () => {
    const sheets = await rows<{ id: string; choices: Record<string, number>; case_key: string | null; total: number; set_number: number }>(
      sql`select s.id, s.choices, s.case_key, s.total, d.set_number from score_sheets s join dossiers d on d.id = s.dossier_id`,
    );
    expect(sheets.length).toBeGreaterThan(0);
    for (const s of sheets) {
      const set = findSet(version, s.set_number)!;
      const scored = scoreSheet(version, set, { choices: s.choices, ...(s.case_key ? { case: s.case_key as 'a' } : {}) }, { includeNext: false });
      expect(s.total, s.id).toBe(scored.total);
    }
    const results = await rows<{ dossier_id: string; score: number; star: number; member_totals: number[]; council_star: number; set_number: number }>(
      sql`select r.dossier_id, r.score, r.star, r.member_totals, d.council_star, d.set_number from council_results r join dossiers d on d.id = r.dossier_id`,
    );
    expect(results.length).toBeGreaterThan(500);
    const sheetsOf = new Map<string, typeof sheets>();
    for (const s of await rows<{ dossier_id: string; choices: Record<string, number>; case_key: string | null; status: string }>(
      sql`select dossier_id, choices, case_key, status from score_sheets order by member_id`,
    ))
      sheetsOf.set(s.dossier_id, [...(sheetsOf.get(s.dossier_id) ?? []), s as never]);
    for (const r of results) {
      const set = findSet(version, r.set_number)!;
      const own = sheetsOf.get(r.dossier_id)!;
      const agg = aggregateCouncil(
        version,
        set,
        own.map((s) => ({ choices: s.choices, ...(s.case_key ? { case: s.case_key as 'a' } : {}) })),
      );
      expect(r.score).toBeCloseTo(agg.score, 9);
      expect(r.star).toBe(agg.star);
      expect(r.council_star).toBe(agg.star);
      expect([...r.member_totals].sort()).toEqual([...agg.memberTotals].sort());
    }
    // A recognised star never above the council's, 5★ only from the ministry.
    const above = await rows<{ n: number }>(
      sql`select count(*)::int as n from certificates c join dossiers d on d.id = c.dossier_id where c.star > d.council_star or (c.star = 5 and c.level <> 'ministry')`,
    );
    expect(above[0]!.n).toBe(0);
  });

  it('issues certificates in every standing, each by a decision of its day, with consistent counters', async () => {
    const certs = await rows<{ issued_on: string; expires_on: string; revoked_on: string | null; superseded_on: string | null; signed_on: string }>(
      sql`select c.issued_on::text, c.expires_on::text, c.revoked_on::text, c.superseded_on::text, d.signed_on::text from certificates c join decisions d on d.id = c.decision_id`,
    );
    expect(certs.length).toBeGreaterThan(300);
    const statuses = new Set(
      certs.map((c) =>
        certificateStatus({ issuedOn: c.issued_on, expiresOn: c.expires_on, revokedOn: c.revoked_on, supersededOn: c.superseded_on }, DEFAULT_TODAY),
      ),
    );
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['expired', 'revoked', 'superseded', 'valid']));
    for (const c of certs) expect(c.issued_on).toBe(c.signed_on);
    const counters = await rows<{ n: number }>(sql`select count(*)::int as n from certificate_counters k
      where k.last_serial <> (select max(split_part(number, '-', 4)::int) from certificates c where split_part(c.number, '-', 2) = k.scope and split_part(c.number, '-', 3)::int = k.year)`);
    expect(counters[0]!.n).toBe(0);
    const audit = await rows<{ entity_type: string }>(sql`select entity_type from audit_log where actor_label = 'ocop seed'`);
    expect(audit.map((a) => a.entity_type)).toEqual(expect.arrayContaining(['subjects', 'products', 'dossiers', 'score_sheets', 'certificates']));
  });

  it('lets the application issue the next product code of a commune the data has used, without a collision', async () => {
    const [busiest] = await rows<{ subject_id: string; province_code: string; commune_code: string; last: number }>(
      sql`select s.id as subject_id, s.province_code, s.commune_code, k.last_serial as last from product_code_counters k
          join subjects s on s.commune_code = k.commune_code where k.year = 2026 order by k.last_serial desc, s.id limit 1`,
    );
    expect(busiest).toBeDefined();
    await t.database.db.transaction(async (tx) => {
      const passwordHash = await hashPassword('mat-khau-du-dai-2026');
      for (const [email, provinceCode] of [
        ['vanphong@ocop.test', busiest!.province_code],
        ['vanphong82@ocop.test', '82'],
      ] as const) {
        const user = await usersRepository.insert(tx, { email, fullName: 'Văn phòng OCOP tỉnh', passwordHash, role: 'admin', provinceCode, subjectId: null });
        expect(user.id).toBeDefined();
      }
    });
    const admin = await t.client('vanphong@ocop.test', 'mat-khau-du-dai-2026');
    const res = await admin.post('/api/v1/products', { subjectId: busiest!.subject_id, name: 'Mật ong hoa nhãn mới', criteriaSetNumber: 4 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ocopCode).toMatch(new RegExp(`^${busiest!.province_code}-${busiest!.commune_code}-0*${busiest!.last + 1}-2026$`));

    // The office reads the generated records through the API like its own: a decided dossier, its certificate, the lists.
    const [decided] = await rows<{ id: string; certificate_id: string }>(
      sql`select d.id, c.id as certificate_id from dossiers d join certificates c on c.dossier_id = d.id where d.province_code = ${busiest!.province_code} order by d.id limit 1`,
    );
    if (decided) {
      const dossier = await admin.get(`/api/v1/dossiers/${decided.id}`);
      expect(dossier.status, JSON.stringify(dossier.body)).toBe(200);
      const certificate = await admin.get(`/api/v1/certificates/${decided.certificate_id}`);
      expect(certificate.status, JSON.stringify(certificate.body)).toBe(200);
    }
    for (const list of ['/api/v1/dossiers', '/api/v1/certificates', '/api/v1/subjects', '/api/v1/decisions']) {
      const page = await admin.get(list);
      expect(page.status, `${list}: ${JSON.stringify(page.body).slice(0, 300)}`).toBe(200);
    }
    // The deployment province's dashboard and annual report over the generated years.
    const office = await t.client('vanphong82@ocop.test', 'mat-khau-du-dai-2026');
    for (const page of ['/api/v1/dashboard?year=2025', '/api/v1/reports/annual?year=2024&format=json']) {
      const got = await office.get(page);
      expect(got.status, `${page}: ${JSON.stringify(got.body).slice(0, 300)}`).toBe(200);
    }
  });

  it('is found by the public catalogue search', async () => {
    const [entry] = await rows<{ product_name: string; product_id: string }>(
      sql`select p.name as product_name, p.id as product_id from catalogue_entries e join products p on p.id = e.product_id
          where e.revoked_on is null and e.superseded_on is null and e.expires_on >= ${DEFAULT_TODAY}::date order by p.id limit 1`,
    );
    expect(entry).toBeDefined();
    const res = await (await t.client()).get(`/api/v1/public/products?q=${encodeURIComponent(entry!.product_name)}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(entry!.product_id);
  });

  it('gives the same data for the same seed and other data for another seed; refuses a database in use unless --replace', async () => {
    const again = await freshDatabase();
    const other = await freshDatabase();
    try {
      await seedScale(again, SMALL);
      expect(await digests(again)).toEqual(first);
      await seedScale(other, { ...SMALL, seed: 8 });
      const different = await digests(other);
      for (const table of DIGEST_TABLES) expect(different[table], table).not.toBe(first[table]);

      await expect(seedScale(again, SMALL)).rejects.toThrow(/already holds programme records/);
      await expect(seedScale(again, { ...SMALL, replace: true, production: true })).rejects.toThrow(/NODE_ENV=production/);
      // --replace empties the programme tables and writes the same data again (seed 8 over seed 7 here).
      await seedScale(other, { ...SMALL, replace: true });
      expect(await digests(other)).toEqual(first);
    } finally {
      await again.close();
      await other.close();
    }
  }, 240_000);
});
