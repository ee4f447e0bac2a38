import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion, readCriteriaJson, worstChoices } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type TestApp } from '../../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const v26 = loadShippedVersion('qd26');
const set1 = v26.sets.find((s) => s.number === 1)!;

describe('criteria browsing', () => {
  it('lists the shipped versions, 26/2026 in force and the 1048 legacy set', async () => {
    const res = await (await t.client()).get('/api/v1/criteria');
    expect(res.status).toBe(200);
    const byBasis = Object.fromEntries(res.body.map((v: { legalBasis: string }) => [v.legalBasis, v]));
    expect(byBasis['26/2026/QĐ-TTg']).toMatchObject({ slug: '26-2026-qd-ttg', inForce: true, partMaxima: { A: 40, B: 25, C: 35 } });
    expect(byBasis['26/2026/QĐ-TTg'].sets).toHaveLength(26);
    expect(byBasis['1048/QĐ-TTg']).toMatchObject({ inForce: false, partMaxima: { A: 35, B: 25, C: 40 } });
  });

  it('returns one set in full, by slug or encoded legal basis, by number or code', async () => {
    const c = await t.client();
    const bySlug = await c.get('/api/v1/criteria/26-2026-qd-ttg/7');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.set).toMatchObject({ number: 7, code: 'che-bien-tu-rau-cu-qua-hat' });
    expect(bySlug.body.version.starBands).toHaveLength(5);
    const byBasis = await c.get(`/api/v1/criteria/${encodeURIComponent('26/2026/QĐ-TTg')}/rau-cu-qua-hat-tuoi`);
    expect(byBasis.body.set.number).toBe(1);
    expect((await c.get('/api/v1/criteria/26-2026-qd-ttg/99')).status).toBe(404);
    expect((await c.get('/api/v1/criteria/nope/1')).status).toBe(404);
  });
});

describe('POST /api/v1/scoring/evaluate', () => {
  it('scores a full sheet: 100 points → 5★, recognised by the ministry', async () => {
    const res = await (await t.client()).post('/api/v1/scoring/evaluate', { version: '26/2026/QĐ-TTg', set: 1, choices: bestChoices(set1) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 100,
      parts: { A: 40, B: 25, C: 35 },
      bandStar: 5,
      star: 5,
      certifiable: true,
      recognisingLevel: 'ministry',
      failedGates: [],
      disqualified: false,
    });
  });

  it('reports failed minimums and the plan for the next star', async () => {
    const res = await (
      await t.client()
    ).post('/api/v1/scoring/evaluate', { version: '26-2026-qd-ttg', set: 'rau-cu-qua-hat-tuoi', choices: worstChoices(set1) });
    expect(res.status).toBe(200);
    expect(res.body.star).toBeLessThan(3);
    expect(res.body.certifiable).toBe(false);
    expect(res.body.failedGates.length).toBeGreaterThan(0);
    expect(res.body.failedGates[0]).toMatchObject({ star: 3, required: { label: expect.any(String), points: expect.any(Number) } });
    expect(res.body.next.targetStar).toBe(res.body.star + 1);
  });

  it('aggregates a council: mean of totals, spread and re-score flag', async () => {
    const best = bestChoices(set1);
    const worst = worstChoices(set1);
    const res = await (
      await t.client()
    ).post('/api/v1/scoring/evaluate', {
      version: '26/2026/QĐ-TTg',
      set: 1,
      members: [{ choices: best }, { choices: best }, { choices: worst }],
      attendance: { councilSize: 3, chairPresent: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.memberTotals).toHaveLength(3);
    expect(res.body.total).toBeCloseTo((200 + res.body.memberTotals[2]) / 3, 6);
    expect(res.body.spread).toBe(100 - res.body.memberTotals[2]);
    expect(res.body.rescoreRequired).toBe(true);
    expect(res.body.quorum.status).toBe('met');
  });

  it('rejects a sheet that misses criteria or names unknown ones, with precise fields', async () => {
    const all = bestChoices(set1);
    const [first] = Object.keys(all);
    const { [first!]: _missing, ...choices } = all;
    const res = await (await t.client()).post('/api/v1/scoring/evaluate', { version: '26/2026/QĐ-TTg', set: 1, choices: { ...choices, '99.9': 0 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_score_sheet');
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining([`choices.${first}`, 'choices.99.9']));
  });

  it('rejects an unknown version or set, and a malformed body', async () => {
    const c = await t.client();
    expect((await c.post('/api/v1/scoring/evaluate', { version: '999/QĐ-TTg', set: 1, choices: {} })).body.error.code).toBe('unknown_criteria_version');
    expect((await c.post('/api/v1/scoring/evaluate', { version: '26/2026/QĐ-TTg', set: 40, choices: {} })).body.error.code).toBe('unknown_criteria_set');
    expect((await c.post('/api/v1/scoring/evaluate', { version: '26/2026/QĐ-TTg' })).status).toBe(400);
  });

  it('applies the province’s gate policy', async () => {
    const admin = await t.client(DEMO.admin);
    const defaults = await admin.get('/api/v1/settings/scoring');
    expect(defaults.body).toEqual({ gatePolicy: 'cap', spreadThreshold: 10, quorumRatio: 0.75, requireChair: true, minCouncilMembers: 5 });
    const producer = await t.client(DEMO.producer);
    expect((await producer.put('/api/v1/settings/scoring', { ...defaults.body, gatePolicy: 'not-achieved' })).status).toBe(403);
    const changed = await admin.put('/api/v1/settings/scoring', { ...defaults.body, gatePolicy: 'not-achieved' });
    expect(changed.status).toBe(200);
    const res = await (await t.client()).post('/api/v1/scoring/evaluate', { version: '26/2026/QĐ-TTg', set: 1, choices: bestChoices(set1) });
    expect(res.body.gatePolicy).toBe('not-achieved');
    await admin.put('/api/v1/settings/scoring', defaults.body);
  });
});

describe('importing a criteria version', () => {
  const legacy = readCriteriaJson('qd1048-2019-rau-cu-qua-hat-tuoi.json') as Record<string, unknown>;

  it('refuses an invalid file with every problem listed', async () => {
    const admin = await t.client(DEMO.admin);
    const broken = structuredClone(legacy) as { legalBasis: string; partMaxima: Record<string, number> };
    broken.legalBasis = 'TEST/2027';
    broken.partMaxima = { A: 50, B: 25, C: 40 };
    const res = await admin.post('/api/v1/criteria', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_criteria_file');
    expect(res.body.error.details.length).toBeGreaterThan(1);
  });

  it('imports a valid version (admins only) and can score with it', async () => {
    const copy = { ...legacy, legalBasis: '999/2027/QĐ-TTg', title: 'Bộ thử nghiệm', effectiveFrom: '2020-01-01' };
    expect((await (await t.client(DEMO.officer)).post('/api/v1/criteria', copy)).status).toBe(403);
    const admin = await t.client(DEMO.admin);
    const res = await admin.post('/api/v1/criteria', copy);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ legalBasis: '999/2027/QĐ-TTg', slug: '999-2027-qd-ttg', source: 'import' });
    const set = (await (await t.client()).get('/api/v1/criteria/999-2027-qd-ttg/1')).body.set;
    expect(set.parts.map((p: { maxPoints: number }) => p.maxPoints)).toEqual([35, 25, 40]);
  });
});
