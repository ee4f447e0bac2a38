import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateExpiry, CERTIFICATE_STATUSES } from '../../domain/certificates/validity.js';
import { findSet } from '../../domain/criteria/index.js';
import { loadShippedVersion } from '../../domain/criteria/test-support.js';
import { checkHistoricalResult, legalBasisInForce } from '../../domain/evaluation/historical-results.js';
import { aggregateCouncil, scoreSheet, starForTotal } from '../../domain/scoring/index.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../test/support/app.js';
import { queryRows } from '../db/client.js';
import { DEMO_SUBJECTS } from './demo.js';
import { planDemoHistory } from './demo-history-plan.js';
import { seedDemoHistory, type DemoHistorySummary } from './demo-history.js';
import { seededRandom } from './demo-random.js';

let t: TestApp;
let admin: Client;
let summary: DemoHistorySummary;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

beforeAll(async () => {
  // The day the demo was written for: certificate statuses depend on the day they are looked at.
  t = await createTestApp({ clock: () => new Date('2026-12-03T03:00:00Z') });
  summary = await seedDemoHistory(t.database.db, { dataDir: t.config.dataDir, today: '2026-12-03' });
  admin = await t.client(DEMO.admin);
}, 120_000);
afterAll(() => t.close());

describe('the demo history', () => {
  it('has 2020 in the shape of the province’s own figures, as the annual report counts them', async () => {
    const res = await admin.get('/api/v1/reports/annual?year=2020&format=json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      evaluated: { products: 130, firstTime: 113, upgrade: 17, reRating: 0, subjects: 56 },
      subjects: { new: 43, returning: 13 },
      recognized: { products: 99, subjects: 42, byStar: { '3': 65, '4': 34, '5': 0 }, byLegalForm: { HTX: 4, DNTN: 2, CTCP: 5, TNHH: 12, CSSX: 15, HKD: 4 } },
      scoreAtLeast90: 4,
    });
  });

  it('grows over the other years, with a few 5★ from the ministry, and fills the dashboard', async () => {
    for (const year of [2019, 2021, 2022, 2023, 2024, 2025, 2026]) {
      const r = (await admin.get(`/api/v1/reports/annual?year=${year}&format=json`)).body;
      expect(r.evaluated.products, String(year)).toBeGreaterThan(30);
      expect(r.recognized.products, String(year)).toBeGreaterThan(r.evaluated.products / 2);
    }
    const fives = await rows<{ n: number }>(sql`select count(distinct product_id)::int as n from certificates where level = 'ministry' and star = 5`);
    expect(fives[0]!.n).toBeGreaterThanOrEqual(3);
    const dashboard = (await admin.get('/api/v1/dashboard?year=2025')).body;
    const value = (code: string) => dashboard.indicators.find((i: { code: string }) => i.code === code).value;
    expect(value('products_recognised')).toBeGreaterThan(100);
    expect(value('certificates_valid')).toBeGreaterThan(200);
    expect(dashboard.communes.filter((c: { certified: number }) => c.certified > 0).length).toBeGreaterThan(40);
    expect(dashboard.subjectsByLegalForm.map((f: { legalForm: string }) => f.legalForm)).toEqual(
      expect.arrayContaining(['HTX', 'THT', 'CTCP', 'TNHH', 'DNTN', 'CSSX', 'HKD']),
    );
  });

  it('issues every certificate by a decision of its day, valid 36 months', async () => {
    const certificates = await rows<{ issued_on: string; expires_on: string; signed_on: string | null; level: string; decision_level: string | null }>(
      sql`select c.issued_on::text, c.expires_on::text, d.signed_on::text, c.level, d.level as decision_level
            from certificates c left join decisions d on d.id = c.decision_id`,
    );
    expect(certificates.length).toBe(summary.certificates);
    for (const c of certificates) {
      expect(c.signed_on).toBe(c.issued_on);
      expect(c.decision_level).toBe(c.level);
      expect(c.expires_on).toBe(certificateExpiry(c.issued_on));
    }
    const codes = await rows<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct verification_code)::int as distinct from certificates`,
    );
    expect(codes[0]!.distinct).toBe(codes[0]!.n);
  });

  it('has certificates in every status, revocations with their grounds, and replacements by later certificates', async () => {
    for (const status of CERTIFICATE_STATUSES) {
      const res = await admin.get(`/api/v1/certificates?status=${status}&pageSize=1`);
      expect(res.status).toBe(200);
      expect(res.body.total, status).toBeGreaterThan(0);
    }
    const revoked = await rows<{ ground: string | null; number: string | null; note: string | null; concluded: string | null; revoked: string }>(
      sql`select revocation_ground as ground, revocation_decision_no as number, revocation_note as note, violation_concluded_on::text as concluded, revoked_on::text as revoked
            from certificates where revoked_on is not null`,
    );
    expect(revoked.length).toBeGreaterThanOrEqual(3);
    for (const r of revoked) {
      expect(r.ground && r.number && r.note && r.concluded).toBeTruthy();
      expect(r.concluded! <= r.revoked).toBe(true);
    }
    // A replaced certificate names the product's later one, issued on the day it was replaced.
    const orphans = await rows<{ n: number }>(
      sql`select count(*)::int as n from certificates c
           where c.superseded_on is not null
             and not exists (select 1 from certificates n where n.id = c.superseded_by and n.product_id = c.product_id and n.issued_on = c.superseded_on)`,
    );
    expect(orphans[0]!.n).toBe(0);
  });

  it('records results that pass the domain’s checks, stars agreeing with the bands of their scores', async () => {
    const results = await rows<{ year: number; level: 'province' | 'central'; score: number; star: number; legal_basis: string; decision_date: string }>(
      sql`select year, level, score, star, legal_basis, decision_date::text from historical_results`,
    );
    expect(results.length).toBe(summary.results);
    for (const r of results) {
      expect(checkHistoricalResult({ ...r, legalBasis: r.legal_basis })).toEqual([]);
      expect(r.legal_basis).toBe(legalBasisInForce(r.decision_date));
      // The province recognises at most 4★, even at 90 points or more; the centre gives the band's star.
      expect(r.star).toBe(r.level === 'province' ? Math.min(4, starForTotal(r.score)) : starForTotal(r.score));
    }
    const certificates = await rows<{ level: string; score: number; star: number }>(sql`select level, score, star from certificates`);
    for (const c of certificates) {
      expect(c.star).toBeLessThanOrEqual(starForTotal(c.score));
      expect(c.star).toBeLessThanOrEqual(c.level === 'province' ? 4 : 5);
    }
  });

  it('plays the current round through the workflow: dossiers at every step, scores from the members’ locked sheets', async () => {
    const states = new Set((await rows<{ state: string }>(sql`select distinct state from dossiers`)).map((r) => r.state));
    for (const state of ['draft', 'submitted', 'not_proposed', 'commune_assessed', 'received', 'returned', 'in_council', 'decided', 'forwarded_to_ministry'])
      expect(states, state).toContain(state);
    const sessions = await rows<{ status: string }>(sql`select status from council_sessions order by held_on`);
    expect(sessions.map((s) => s.status)).toEqual(['closed', 'open']);

    const version = loadShippedVersion('qd26');
    const results = await rows<{ dossier_id: string; set_number: number; session_id: string; score: number; star: number; member_totals: number[] }>(
      sql`select r.dossier_id, d.set_number, r.session_id, r.score, r.star, r.member_totals from council_results r join dossiers d on d.id = r.dossier_id`,
    );
    expect(results.length).toBeGreaterThanOrEqual(7);
    for (const r of results) {
      const set = findSet(version, r.set_number)!;
      const sheets = await rows<{ choices: Record<string, number>; case_key: 'a' | 'b' | null; total: number }>(
        sql`select choices, case_key, total from score_sheets where session_id = ${r.session_id} and dossier_id = ${r.dossier_id} and status = 'submitted'`,
      );
      const members = sheets.map((s) => ({ choices: s.choices, ...(s.case_key ? { case: s.case_key } : {}) }));
      for (const [i, s] of sheets.entries()) expect(scoreSheet(version, set, members[i]!).total).toBe(s.total);
      const council = aggregateCouncil(version, set, members);
      expect(r.score).toBeCloseTo(council.score, 9);
      expect(r.star).toBe(council.star);
      expect([...r.member_totals].sort()).toEqual(sheets.map((s) => s.total).sort());
    }
    // The decision gives each product the council's star (at most 4★ from the province), none below 3★.
    const items = await rows<{ star: number | null; council_star: number }>(
      sql`select i.star, r.star as council_star from decision_items i join decisions d on d.id = i.decision_id and d.kind = 'recognition'
            join council_results r on r.dossier_id = i.dossier_id and r.level = 'province'`,
    );
    for (const i of items) expect(i.star).toBe(i.council_star >= 3 ? Math.min(4, i.council_star) : null);
  });

  it('stores product photos with thumbnails in the data folder', async () => {
    const photos = await rows<{ storage_key: string; thumb_key: string; mime_type: string }>(sql`select storage_key, thumb_key, mime_type from product_photos`);
    expect(photos.length).toBe(summary.photos);
    expect(photos.length).toBeGreaterThan(30);
    for (const p of photos.slice(0, 5)) {
      expect(p.mime_type).toBe('image/jpeg');
      expect(fs.existsSync(path.join(t.config.dataDir, 'files', p.storage_key))).toBe(true);
      expect(fs.existsSync(path.join(t.config.dataDir, 'files', p.thumb_key))).toBe(true);
    }
  });

  it('comes out the same from the same seed', () => {
    const communes = new Map([['30037', { name: 'Tháp Mười', fullName: 'Xã Tháp Mười' }]]);
    const existing = DEMO_SUBJECTS.map((s) => ({ code: s.code, name: s.name, legalForm: s.legalForm, communeCode: s.communeCode, products: s.products }));
    const digest = () =>
      planDemoHistory(seededRandom(7), { communes, existing }).results.map(
        (r) => `${r.product.name}|${r.year}|${r.kind}|${r.score}|${r.star}|${r.decision.number}`,
      );
    expect(digest()).toEqual(digest());
  });

  it('has the market and programme records of 2021–2026, dated before the day it was made', async () => {
    expect(summary.activities.salesPoints).toBe(12);
    for (const n of Object.values(summary.activities)) expect(n).toBeGreaterThan(5);
    const points = await rows<{ placement: string; commune_code: string | null; latitude: number | null }>(
      sql`select placement, commune_code, latitude from sales_points`,
    );
    expect(points.filter((p) => p.placement === 'in_province').every((p) => p.commune_code && p.latitude !== null)).toBe(true);
    const late = await rows<{ n: number }>(
      sql`select (select count(*) from trade_events where starts_on > '2026-12-03') + (select count(*) from support_grants where granted_on > '2026-12-03')
               + (select count(*) from training_courses where starts_on > '2026-12-03') + (select count(*) from product_ideas where received_on > '2026-12-03') as n`,
    );
    expect(Number(late[0]!.n)).toBe(0);
    // Ideas that became products recognised later: the funnel of the demo is not empty at its end.
    const linked = await rows<{ n: number }>(sql`select count(*)::int as n from business_plans where product_id is not null`);
    expect(Number(linked[0]!.n)).toBeGreaterThan(5);
  });
});
