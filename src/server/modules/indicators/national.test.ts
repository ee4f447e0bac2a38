import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { certificateExpiry, certificateStatus, isInForce, type CertificateStatus } from '../../../domain/certificates/validity.js';
import { addDays } from '../../../domain/dates/calendar.js';
import { currentRound } from '../../../domain/evaluation/current-round.js';
import { CLOSED_STATES, DOSSIER_STATES } from '../../../domain/evaluation/dossier-workflow.js';
import { HISTORICAL_LEVELS, isRecognisingResult, LEGAL_BASES } from '../../../domain/evaluation/historical-results.js';
import { queryRows } from '../../db/client.js';
import { openReratingSince } from '../../db/rerating-sql.js';
import { auditLog, certificates, decisionItems, decisions, dossiers, historicalResults } from '../../db/schema/index.js';
import { seedDemoHistory } from '../../seed/demo-history.js';
import { evaluationResults } from './indicators.repository.js';

// The national figures are counts the database keeps current on every write (migration 0022). Each
// check below recomputes them from the base tables — the year's results through the province
// indicators' own SQL (evaluationResults), each certificate's status through the domain's
// certificateStatus, the dossiers of each province's current round through currentRound — and
// compares them, province by province, with what GET /indicators/national answers on that day.

const TODAY = '2026-12-04';
let now = new Date(`${TODAY}T03:00:00Z`);
const setDay = (day: string) => (now = new Date(`${day}T03:00:00Z`));

let t: TestApp;
let ministry: Client;
let admin: Client;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  await seedDemoHistory(t.database.db, { dataDir: t.config.dataDir, today: TODAY });
  ministry = await t.client('bo.ocop@ocop.demo');
  admin = await t.client(DEMO.admin);
}, 180_000);
afterAll(() => t.close());

type Row = Record<string, any>;

/**
 * The national view on a day, as the ministry's office reads it. The writes below go straight to
 * the tables to reach every trigger path; a service would write its audit entry with each, and the
 * view is kept until the next entry (records-cache.ts), so one is written here in their stead.
 */
async function national(day: string, year = Number(day.slice(0, 4))) {
  setDay(day);
  await t.database.db.insert(auditLog).values({ actorLabel: 'national.test', action: 'update', entityType: 'test', entityId: 'national-figures' });
  const res = await ministry.get(`/api/v1/indicators/national?year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.asOf).toBe(day);
  return res.body as { year: number; asOf: string; provinces: Row[]; totals: Row };
}

/** The year's results of a province, counted by the province indicators' SQL (each product once, its last counting result). */
async function resultsOf(provinceCode: string, year: number) {
  const found = await rows<{ kind: string; star: number | null; set: number | null; n: number }>(
    sql`${evaluationResults({ provinceCode, communeCodes: null }, year)}
        select kind, star, criteria_set_number as set, count(*)::int as n from last_result group by 1, 2, 3`,
  );
  const sum = (f: (r: (typeof found)[number]) => boolean) => found.filter(f).reduce((a, r) => a + Number(r.n), 0);
  const bySet: Record<string, number> = {};
  for (const r of found.filter((x) => (x.star ?? 0) >= 3)) bySet[String(r.set ?? 0)] = (bySet[String(r.set ?? 0)] ?? 0) + Number(r.n);
  return {
    evaluated: sum(() => true),
    evaluatedByKind: { first: sum((r) => r.kind === 'first'), upgrade: sum((r) => r.kind === 'upgrade'), rerating: sum((r) => r.kind === 'rerating') },
    recognised: sum((r) => (r.star ?? 0) >= 3),
    recognisedByStar: { '3': sum((r) => r.star === 3), '4': sum((r) => r.star === 4), '5': sum((r) => r.star === 5) },
    recognisedBySet: bySet,
  };
}

/** Every certificate's status on the day by the domain's certificateStatus, and the producers holding one in force, per province. */
async function certificatesOn(day: string) {
  const all = await rows<{
    province: string;
    subject: string;
    star: number;
    issuedOn: string;
    expiresOn: string;
    revokedOn: string | null;
    supersededOn: string | null;
    reratingPendingSince: string | null;
  }>(sql`select s.province_code as province, s.id::text as subject, c.star, c.issued_on::text as "issuedOn", c.expires_on::text as "expiresOn",
                c.revoked_on::text as "revokedOn", c.superseded_on::text as "supersededOn",
                ${openReratingSince(sql`c.product_id`)}::text as "reratingPendingSince"
           from certificates c join products p on p.id = c.product_id join subjects s on s.id = p.subject_id`);
  const out = new Map<string, { byStatus: Record<CertificateStatus, number>; inForceByStar: Record<string, number>; holders: Set<string> }>();
  for (const c of all) {
    const entry = out.get(c.province) ?? {
      byStatus: { valid: 0, due_for_rerating: 0, expiring: 0, extended: 0, expired: 0, revoked: 0, superseded: 0 },
      inForceByStar: { '3': 0, '4': 0, '5': 0 },
      holders: new Set<string>(),
    };
    const status = certificateStatus(c, day);
    entry.byStatus[status] += 1;
    if (isInForce(status)) {
      entry.inForceByStar[String(c.star)] = (entry.inForceByStar[String(c.star)] ?? 0) + 1;
      entry.holders.add(c.subject);
    }
    out.set(c.province, entry);
  }
  return out;
}

/** Dossiers of each province's current round, by state, from the dossiers themselves. */
async function dossiersOn(day: string) {
  const rounds = await rows<{ id: string; province: string; proposalDeadline: string; resultDeadline: string }>(
    sql`select id::text, province_code as province, proposal_deadline::text as "proposalDeadline", result_deadline::text as "resultDeadline"
          from evaluation_rounds where level = 'province' and province_code is not null`,
  );
  const counts = await rows<{ round: string; state: string; n: number }>(
    sql`select round_id::text as round, state, count(*)::int as n from dossiers where round_id is not null group by 1, 2`,
  );
  const out = new Map<string, Record<string, number>>();
  for (const province of new Set(rounds.map((r) => r.province))) {
    const round = currentRound(
      rounds.filter((r) => r.province === province),
      day,
    );
    out.set(province, Object.fromEntries(counts.filter((c) => c.round === round?.id).map((c) => [c.state, Number(c.n)])));
  }
  return out;
}

/** The national view on the day agrees with the recomputation for every province, and the totals are their sums. */
async function expectAgreement(day: string, year = Number(day.slice(0, 4))) {
  const view = await national(day, year);
  const certs = await certificatesOn(day);
  const dossierStates = await dossiersOn(day);
  const withResults = await rows<{ province: string }>(
    sql`select distinct s.province_code as province from products p join subjects s on s.id = p.subject_id
         where exists (select 1 from historical_results h where h.product_id = p.id) or exists (select 1 from decision_items di where di.product_id = p.id)`,
  );
  expect(view.provinces).toHaveLength(34);
  for (const p of view.provinces) {
    const c = certs.get(p.provinceCode);
    const expected = {
      ...(withResults.some((w) => w.province === p.provinceCode)
        ? await resultsOf(p.provinceCode, year)
        : {
            evaluated: 0,
            evaluatedByKind: { first: 0, upgrade: 0, rerating: 0 },
            recognised: 0,
            recognisedByStar: { '3': 0, '4': 0, '5': 0 },
            recognisedBySet: {},
          }),
      certificates: {
        inForce: c ? c.inForceByStar['3']! + c.inForceByStar['4']! + c.inForceByStar['5']! : 0,
        inForceByStar: c?.inForceByStar ?? { '3': 0, '4': 0, '5': 0 },
        valid: c?.byStatus.valid ?? 0,
        dueForRerating: c?.byStatus.due_for_rerating ?? 0,
        expiring: c?.byStatus.expiring ?? 0,
        extended: c?.byStatus.extended ?? 0,
        expired: c?.byStatus.expired ?? 0,
        revoked: c?.byStatus.revoked ?? 0,
        superseded: c?.byStatus.superseded ?? 0,
      },
      producersCertified: c?.holders.size ?? 0,
    };
    const { provinceCode, name: _n, nameEn: _e, round: _r, dossiers: d, ...figures } = p;
    expect(figures, `${provinceCode} on ${day}`).toEqual(expected);
    expect(d.byState, `dossiers of ${provinceCode} on ${day}`).toEqual(dossierStates.get(provinceCode) ?? {});
  }
  const sum = (f: (p: Row) => number) => view.provinces.reduce((a, p) => a + f(p), 0);
  expect(view.totals.evaluated).toBe(sum((p) => p.evaluated));
  expect(view.totals.recognisedByStar['4']).toBe(sum((p) => p.recognisedByStar['4']));
  expect(view.totals.certificates.inForce).toBe(sum((p) => p.certificates.inForce));
  expect(view.totals.producersCertified).toBe(sum((p) => p.producersCertified));
  expect(view.totals.dossiers.total).toBe(sum((p) => p.dossiers.total));
  return view;
}

/** Every national table, sorted: what the incremental path wrote, to compare with a rebuild. */
async function snapshot() {
  const tables = [
    'national_product_years',
    'national_result_counts',
    'national_certificates',
    'national_certificate_counts',
    'national_holders',
    'national_holder_counts',
    'national_dossier_counts',
  ];
  const out: Record<string, string[]> = {};
  for (const table of tables) out[table] = (await rows<{ r: string }>(sql`select to_jsonb(x)::text as r from ${sql.raw(table)} x`)).map((r) => r.r).sort();
  return out;
}

const productOf = async (q: string) => (await admin.get(`/api/v1/products?q=${encodeURIComponent(q)}`)).body.items[0].id as string;

describe('the SQL rules of migration 0022 are the domain’s', () => {
  it('counts the results isRecognisingResult counts', async () => {
    for (const basis of LEGAL_BASES)
      for (const level of HISTORICAL_LEVELS)
        for (const star of [null, 1, 2, 3, 4, 5]) {
          const [row] = await rows<{ ok: boolean }>(sql`select national_counting(${basis}, ${level}, ${star}::int) as ok`);
          expect(row!.ok, `${basis} ${level} ${star}`).toBe(isRecognisingResult({ legalBasis: basis, level, star }));
        }
  });

  it('takes the dossiers CLOSED_STATES does not as running', async () => {
    for (const state of DOSSIER_STATES) {
      const [row] = await rows<{ open: boolean }>(sql`select national_dossier_open(${state}) as open`);
      expect(row!.open, state).toBe(!CLOSED_STATES.includes(state));
    }
  });
});

describe('GET /api/v1/indicators/national', () => {
  it('is the ministry’s: 200 for its office, 403 for a province’s office, an officer, a council member, a producer; 401 signed out', async () => {
    setDay(TODAY);
    expect((await ministry.get('/api/v1/indicators/national')).status).toBe(200);
    expect((await admin.get('/api/v1/indicators/national')).status).toBe(403);
    for (const email of [DEMO.officer, DEMO.council, DEMO.producer])
      expect((await (await t.client(email)).get('/api/v1/indicators/national')).status, email).toBe(403);
    expect((await (await t.client()).get('/api/v1/indicators/national')).status).toBe(401);
    const bad = await ministry.get('/api/v1/indicators/national?year=abc');
    expect(bad.status).toBe(400);
  });

  it('is described in the OpenAPI document with its query and response', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/v1/indicators/national'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['year']);
    expect(JSON.stringify(op.responses['200'])).toContain('NationalFigures');
  });

  it('defaults to this year in Vietnam and names each province’s current round', async () => {
    setDay(TODAY);
    const res = await ministry.get('/api/v1/indicators/national');
    expect(res.body.year).toBe(2026);
    const dongThap = (res.body.provinces as Row[]).find((p) => p.provinceCode === '82')!;
    expect(dongThap.round).toMatchObject({ year: 2026, number: 2 });
    expect(dongThap.certificates.inForce).toBeGreaterThan(0);
    expect(dongThap.evaluated).toBeGreaterThan(0);
    expect(dongThap.dossiers.total).toBeGreaterThan(0);
  });

  it('agrees with the base tables on the demo history, for this year and earlier ones', async () => {
    const view = await expectAgreement(TODAY);
    expect(view.totals.certificates.revoked + view.totals.certificates.superseded + view.totals.certificates.expired).toBeGreaterThan(0);
    await expectAgreement(TODAY, 2020);
    await expectAgreement(TODAY, 2024);
  });

  it('follows a result recorded, in its province and year only', async () => {
    const product = await productOf('xoai cat hoa loc');
    const before = (await national(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    const res = await admin.post(`/api/v1/products/${product}/results`, {
      year: 2026,
      level: 'province',
      kind: 'upgrade',
      score: 86,
      star: 4,
      decisionNo: '999/QĐ-UBND',
      decisionDate: '2026-12-01',
      legalBasis: '26/2026/QĐ-TTg',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = (await expectAgreement(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    // The product's last result of 2026 is now this 4★ upgrade: counted once whatever it had before.
    expect(after.evaluatedByKind.upgrade).toBeGreaterThanOrEqual(1);
    expect(after.evaluated - before.evaluated).toBeLessThanOrEqual(1);
    // A commune's pre-assessment counts nowhere.
    const commune = await admin.post(`/api/v1/products/${await productOf('hat sen say')}/results`, {
      year: 2026,
      level: 'commune',
      kind: 'first',
      score: 60,
      legalBasis: '26/2026/QĐ-TTg',
    });
    expect(commune.status, JSON.stringify(commune.body)).toBe(201);
    await expectAgreement(TODAY);
  });

  it('follows a recognition decision: its items, certificates and dossiers written in one transaction', async () => {
    // The demo round's decisions went through the decisions service when it was seeded (checked above);
    // here a decision on dossiers before the council is written as that service's transaction writes it.
    const open = await rows<{ id: string; product: string }>(
      sql`select id::text, product_id::text as product from dossiers where province_code = '82' and state = 'in_council' order by id limit 2`,
    );
    expect(open.length).toBeGreaterThan(0);
    const before = (await national(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    await t.database.db.transaction(async (tx) => {
      const [decision] = await tx
        .insert(decisions)
        .values({
          kind: 'recognition',
          number: '1234/QĐ-UBND',
          signedOn: TODAY,
          signer: 'Trần Trí Quang',
          signerTitle: 'Phó Chủ tịch',
          level: 'province',
          provinceCode: '82',
        })
        .returning();
      await tx.insert(decisionItems).values(open.map((d) => ({ decisionId: decision!.id, dossierId: d.id, productId: d.product, star: 4, score: 80 })));
      for (const [i, d] of open.entries())
        await tx.insert(certificates).values({
          number: `OCOP-NATIONAL-${i}`,
          productId: d.product,
          dossierId: d.id,
          decisionId: decision!.id,
          level: 'province',
          provinceCode: '82',
          star: 4,
          score: 80,
          issuedOn: TODAY,
          expiresOn: certificateExpiry(TODAY),
          verificationCode: `national-test-${i}-0000000`,
        });
      await tx
        .update(dossiers)
        .set({ state: 'decided', decidedStar: 4 })
        .where(
          inArray(
            dossiers.id,
            open.map((d) => d.id),
          ),
        );
    });
    const after = (await expectAgreement(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    expect(after.certificates.valid).toBe(before.certificates.valid + open.length);
    expect(after.recognisedByStar['4']).toBeGreaterThan(before.recognisedByStar['4']);
    expect(after.dossiers.byState.in_council ?? 0).toBe((before.dossiers.byState.in_council ?? 0) - open.length);
    expect(after.dossiers.byState.decided ?? 0).toBe((before.dossiers.byState.decided ?? 0) + open.length);
  });

  it('follows a certificate issued, a revocation and a replacement by a re-rating', async () => {
    const product = await productOf('nem lai vung');
    const start = (await national(TODAY)).provinces.find((p) => p.provinceCode === '82')!;

    // A recognition issued today: one more certificate in force, valid for 36 months.
    const issued = await issuedCertificate(t.database.db, { productId: product, star: 4, issuedOn: TODAY });
    const afterIssue = (await expectAgreement(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    expect(afterIssue.certificates.inForceByStar['4']).toBe(start.certificates.inForceByStar['4'] + 1);
    expect(afterIssue.certificates.valid).toBe(start.certificates.valid + 1);

    // Revoked through the API: out of force, counted as revoked.
    const revoked = await admin.post(`/api/v1/certificates/${issued.id}/revoke`, {
      ground: 'd',
      decisionNo: '12/QĐ-UBND',
      decidedOn: TODAY,
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const afterRevoke = (await expectAgreement(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    expect(afterRevoke.certificates.revoked).toBe(start.certificates.revoked + 1);
    expect(afterRevoke.certificates.inForce).toBe(start.certificates.inForce);

    // A re-rating's certificate replaces the one it re-rated (as the decision's transaction does).
    const old = await issuedCertificate(t.database.db, { productId: product, star: 3, issuedOn: '2023-12-10' });
    await expectAgreement(TODAY);
    const renewed = await issuedCertificate(t.database.db, { productId: product, star: 4, issuedOn: TODAY });
    await t.database.db
      .update(certificates)
      .set({ supersededOn: TODAY, supersededBy: renewed.id })
      .where(sql`id = ${old.id}`);
    const afterRerating = (await expectAgreement(TODAY)).provinces.find((p) => p.provinceCode === '82')!;
    expect(afterRerating.certificates.superseded).toBe(start.certificates.superseded + 1);
    expect(afterRerating.certificates.inForceByStar['4']).toBe(start.certificates.inForceByStar['4'] + 1);
    // Seen the day before the replacement, the old certificate was still in force (inside its window).
    await expectAgreement(addDays(TODAY, -1));
  });

  it('reads the standing of certificates on the day: around the re-rating window and the expiry, and an extension by a late re-rating', async () => {
    const product = await productOf('banh phong tom');
    const cert = await issuedCertificate(t.database.db, { productId: product, star: 3, issuedOn: '2024-03-15' });
    const expiry = cert.expiresOn;
    for (const day of [
      addDays(expiry, -181),
      addDays(expiry, -180),
      addDays(expiry, -120),
      addDays(expiry, -119),
      addDays(expiry, -1),
      expiry,
      addDays(expiry, 1),
    ])
      await expectAgreement(day);
    const onExpiry = await national(expiry);
    const dayAfter = await national(addDays(expiry, 1));
    const of82 = (v: { provinces: Row[] }) => v.provinces.find((p) => p.provinceCode === '82')!;
    // The expiry date itself is still in force; the day after, expired.
    expect(of82(dayAfter).certificates.expired).toBeGreaterThanOrEqual(of82(onExpiry).certificates.expired + 1);

    // A re-rating filed after its window closed, by the expiry date, holds the certificate until its result (at most 180 days).
    const [subject] = await rows<{ subject_id: string; commune_code: string; set: number }>(
      sql`select p.subject_id::text as subject_id, s.commune_code, coalesce(p.criteria_set_number, 7) as set from products p join subjects s on s.id = p.subject_id where p.id = ${product}`,
    );
    const [late] = await t.database.db
      .insert(dossiers)
      .values({
        productId: product,
        subjectId: subject!.subject_id,
        provinceCode: '82',
        communeCode: subject!.commune_code,
        kind: 'rerating',
        state: 'received',
        legalBasis: '26/2026/QĐ-TTg',
        setNumber: subject!.set,
        registration: { representativeName: 'Nguyễn Văn A' },
        samples: 5,
        submittedOn: addDays(expiry, -30),
      })
      .returning();
    for (const day of [addDays(expiry, 1), addDays(expiry, 180), addDays(expiry, 181)]) await expectAgreement(day);
    expect(of82(await national(addDays(expiry, 1))).certificates.extended).toBeGreaterThanOrEqual(1);
    // Decided: nothing extends it any more.
    await t.database.db
      .update(dossiers)
      .set({ state: 'decided' })
      .where(sql`id = ${late!.id}`);
    await expectAgreement(addDays(expiry, 1));
    setDay(TODAY);
  });

  it('follows a producer moved to another province, a product moved to another producer, a result deleted', async () => {
    const product = await productOf('hu tieu sa dec');
    await t.database.db.insert(historicalResults).values({
      productId: product,
      year: 2026,
      level: 'province',
      kind: 'first',
      star: 3,
      score: 60,
      legalBasis: '26/2026/QĐ-TTg',
      decisionDate: '2026-06-20',
    });
    await issuedCertificate(t.database.db, { productId: product, star: 3, issuedOn: '2026-06-20' });
    const [other] = await rows<{ id: string }>(sql`select id::text from subjects where province_code = '82' order by sort_key limit 1`);
    // The producer's province changes (a data correction): its figures move with it.
    await t.database.db.execute(sql`update subjects set province_code = '79' where id = (select subject_id from products where id = ${product})`);
    const view = await expectAgreement(TODAY);
    expect(view.provinces.find((p) => p.provinceCode === '79')!.certificates.inForce).toBeGreaterThanOrEqual(1);
    await t.database.db.execute(sql`update products set subject_id = ${other!.id}::uuid where id = ${product}`);
    await expectAgreement(TODAY);
    await t.database.db.execute(sql`delete from historical_results where product_id = ${product} and year = 2026`);
    await expectAgreement(TODAY);
  });

  it('gives after a rebuild exactly what the writes kept', async () => {
    const kept = await snapshot();
    expect(kept.national_result_counts!.length).toBeGreaterThan(0);
    expect(kept.national_certificate_counts!.length).toBeGreaterThan(0);
    await t.database.db.execute(sql`select national_rebuild()`);
    expect(await snapshot()).toEqual(kept);
    // And a rebuild repairs counts that drifted (a load with triggers off).
    await t.database.db.execute(sql`update national_result_counts set products = products + 7`);
    await t.database.db.execute(sql`delete from national_holder_counts`);
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    await t.database.db.execute(sql`select national_rebuild()`);
    expect(await snapshot()).toEqual(kept);
    await expectAgreement(TODAY);
  });
});
