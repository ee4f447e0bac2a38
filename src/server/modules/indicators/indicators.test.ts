import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { INDICATORS } from '../../../domain/indicators/index.js';
import {
  businessPlans,
  communicationItems,
  distributionListings,
  dossierEvents,
  dossiers,
  ecommerceListings,
  historicalResults,
  productIdeas,
  salesPoints,
  supportGrants,
  supportPolicies,
  trainingAttendees,
  trainingCourses,
  tradeEventParticipants,
  tradeEvents,
} from '../../db/schema/index.js';
import { INDICATOR_QUERIES } from './indicators.repository.js';

// Market and activity figures on records written straight to the database (their modules' APIs are
// built beside this one): each record sits on one side of a year boundary — 31/12/2025 counts for
// 2025, 01/01/2026 does not. The officer's area is communes 29905 and 30226.

let t: TestApp;
let admin: Client;
let officer: Client;
const subject: Record<string, string> = {};
const product: Record<string, string> = {};

type Values = { code: string; value: number | null; breakdown: Record<string, number> | null }[];
const valuesOf = async (client: Client, year: number, commune = '') => {
  const res = await client.get(`/api/v1/indicators/values?year=${year}${commune ? `&communeCode=${commune}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const values = res.body.values as Values;
  return (code: string) => values.find((v) => v.code === code)!;
};
const value = async (client: Client, year: number, code: string) => (await valuesOf(client, year))(code).value;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-03-01T03:00:00Z') });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer);
  for (const [key, q] of Object.entries({ saGiang: 'sa giang', nem: 'nem lai vung ba hai', sen: 'sen thap muoi', xoai: 'xoai my xuong' }))
    subject[key] = (await admin.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`)).body.items[0].id;
  for (const [key, q] of Object.entries({
    banh: 'banh phong tom',
    huTieu: 'hu tieu sa dec',
    nem: 'nem lai vung',
    sen: 'hat sen say',
    xoai: 'xoai cat hoa loc',
  }))
    product[key] = (await admin.get(`/api/v1/products?q=${encodeURIComponent(q)}`)).body.items[0].id;

  const db = t.database.db;
  // Recognitions standing at the end of 2025: Sa Giang (29905) 4★ of 2025, Nem (30226) 3★ of 2024,
  // Sen (30037) 3★ of 01/01/2023 (36 months end on 01/01/2026). Mỹ Xương holds none.
  const result = (productId: string, year: number, star: number, decisionDate: string) =>
    ({ productId, year, level: 'province', kind: 'first', star, legalBasis: '1489/QĐ-TTg', decisionDate, decisionNo: `${year}/QĐ-UBND` }) as const;
  await db
    .insert(historicalResults)
    .values([result(product.banh!, 2025, 4, '2025-09-01'), result(product.nem!, 2024, 3, '2024-06-01'), result(product.sen!, 2023, 3, '2023-01-01')]);

  const point = (name: string, values: Partial<typeof salesPoints.$inferInsert>) =>
    ({ provinceCode: '82', kind: 'ocop_point', name, nameSearch: name.toLowerCase(), ...values }) as typeof salesPoints.$inferInsert;
  await db
    .insert(salesPoints)
    .values([
      point('SP1 opened 31/12/2025', { communeCode: '29905', openedOn: '2025-12-31' }),
      point('SP2 opened 01/01/2026', { communeCode: '30226', openedOn: '2026-01-01', kind: 'shop' }),
      point('SP3 closed 31/12/2025', { communeCode: '30037', openedOn: '2024-05-01', closedOn: '2025-12-31', status: 'closed' }),
      point('SP4 closed 01/01/2026', { communeCode: '30037', openedOn: '2024-05-01', closedOn: '2026-01-01', status: 'closed' }),
      point('SP5 in another province', { placement: 'other_province', otherProvinceCode: '79', openedOn: '2025-06-01', kind: 'ocop_centre' }),
      point('SP6 closed, day unknown', { communeCode: '29905', openedOn: '2020-01-01', status: 'closed' }),
      point('SP7 opening unknown, recorded 2025', { communeCode: '29869', createdAt: new Date('2025-03-01T00:00:00Z') }),
    ]);

  await db.insert(distributionListings).values([
    { productId: product.banh!, chain: 'Co.opmart', chainKey: 'co.opmart', since: '2025-12-31' },
    { productId: product.nem!, chain: 'Bách hóa Xanh', chainKey: 'bach hoa xanh', channel: 'convenience', since: '2026-01-01' },
    { productId: product.sen!, chain: 'WinMart', chainKey: 'winmart', since: '2024-01-01', active: false },
    { productId: product.xoai!, chain: 'Co.opmart', chainKey: 'co.opmart', createdAt: new Date('2025-05-01T00:00:00Z') },
  ]);
  await db.insert(ecommerceListings).values([
    // 23:00 in Vietnam on 31/12/2025, and 00:30 on 01/01/2026 (both 31/12 in UTC).
    { productId: product.sen!, platform: 'shopee', url: 'https://shopee.vn/hat-sen', reviewedAt: new Date('2025-12-31T16:00:00Z') },
    { productId: product.nem!, platform: 'lazada', url: 'https://lazada.vn/nem', reviewedAt: new Date('2025-12-31T17:30:00Z') },
    { productId: product.banh!, platform: 'shopee', url: 'https://shopee.vn/banh-phong', status: 'proposed', reviewedAt: null },
    { productId: product.banh!, platform: 'tiki', url: 'https://tiki.vn/banh-phong', active: false, reviewedAt: new Date('2025-02-01T00:00:00Z') },
  ]);

  const event = (name: string, values: Partial<typeof tradeEvents.$inferInsert>) =>
    ({ provinceCode: '82', name, nameSearch: name.toLowerCase(), kind: 'fair', placement: 'in_province', ...values }) as typeof tradeEvents.$inferInsert;
  const [e1, e2, e3, e4] = await db
    .insert(tradeEvents)
    .values([
      event('E1 from 31/12/2025', { communeCode: '29905', startsOn: '2025-12-31', endsOn: '2026-01-02', visitors: 1000, revenueVnd: 50_000_000, contracts: 3 }),
      event('E2 from 01/01/2026', { kind: 'exhibition', placement: 'other_province', otherProvinceCode: '79', startsOn: '2026-01-01', endsOn: '2026-01-03' }),
      event('E3 abroad', { kind: 'supply_demand', placement: 'abroad', country: 'Nhật Bản', startsOn: '2025-01-01', endsOn: '2025-01-02', contracts: 2 }),
      event('E4 from 31/12/2024', { communeCode: '30037', startsOn: '2024-12-31', endsOn: '2025-01-01', visitors: 500 }),
    ])
    .returning();
  await db.insert(tradeEventParticipants).values([
    { eventId: e1!.id, subjectId: subject.saGiang!, revenueVnd: 30_000_000 },
    { eventId: e1!.id, subjectId: subject.sen!, revenueVnd: 20_000_000 },
    { eventId: e2!.id, subjectId: subject.nem! },
    { eventId: e3!.id, subjectId: subject.sen!, revenueVnd: 15_000_000 },
    { eventId: e4!.id, subjectId: subject.nem! },
  ]);

  await db.insert(communicationItems).values([
    { provinceCode: '82', kind: 'tv', title: 'Phóng sự OCOP', publishedOn: '2025-12-31', quantity: 24 },
    { provinceCode: '82', kind: 'handbook', title: 'Sổ tay OCOP', publishedOn: '2025-01-01', quantity: 2000 },
    { provinceCode: '82', kind: 'article', title: 'Tin OCOP', publishedOn: '2024-12-31', quantity: 5 },
    { provinceCode: '82', kind: 'guide', title: 'Tài liệu hướng dẫn', publishedOn: '2026-01-01', quantity: 100 },
  ]);

  const course = (topic: string, values: Partial<typeof trainingCourses.$inferInsert>) =>
    ({ provinceCode: '82', topic, startsOn: '2025-01-01', endsOn: '2025-01-01', ...values }) as typeof trainingCourses.$inferInsert;
  const [t1, , t3, t4] = await db
    .insert(trainingCourses)
    .values([
      course('T1 from 31/12/2025', { communeCode: '29905', startsOn: '2025-12-31', endsOn: '2026-01-01', participants: 40 }),
      course('T2 from 01/01/2026', { startsOn: '2026-01-01', endsOn: '2026-01-01', participants: 30 }),
      course('T3 province-wide', { startsOn: '2025-03-10', endsOn: '2025-03-11', participants: 60 }),
      course('T4 in 30037', { communeCode: '30037', startsOn: '2025-05-05', endsOn: '2025-05-05', participants: 25 }),
    ])
    .returning();
  await db.insert(trainingAttendees).values([
    { courseId: t1!.id, subjectId: subject.saGiang!, people: 3 },
    { courseId: t1!.id, subjectId: subject.sen!, people: 2 },
    { courseId: t3!.id, subjectId: subject.xoai! },
    { courseId: t4!.id, subjectId: subject.nem! },
  ]);

  const [packaging, promotion] = await db
    .insert(supportPolicies)
    .values([
      { provinceCode: '82', name: 'Hỗ trợ bao bì, nhãn mác', area: 'packaging', year: 2025, budgetVnd: 500_000_000 },
      { provinceCode: '82', name: 'Hỗ trợ xúc tiến thương mại', area: 'trade_promotion', year: 2025, budgetVnd: 300_000_000 },
      { provinceCode: '82', name: 'Hỗ trợ năm 2024', area: 'packaging', year: 2024, budgetVnd: 1_000_000_000 },
    ])
    .returning();
  const grant = (policyId: string, subjectId: string, amountVnd: number, grantedOn: string, status: string) =>
    ({ policyId, subjectId, amountVnd, grantedOn, status, content: 'Hỗ trợ', fundingSource: 'province' }) as const;
  await db
    .insert(supportGrants)
    .values([
      grant(packaging!.id, subject.saGiang!, 100_000_000, '2025-12-31', 'disbursed'),
      grant(packaging!.id, subject.sen!, 50_000_000, '2025-06-01', 'approved'),
      grant(promotion!.id, subject.nem!, 70_000_000, '2026-01-01', 'disbursed'),
      grant(promotion!.id, subject.sen!, 80_000_000, '2025-01-01', 'disbursed'),
      grant(packaging!.id, subject.saGiang!, 20_000_000, '2025-03-01', 'cancelled'),
    ]);

  // Ideas: I1 reaches recognition (its product holds a 4★ result), I2 a dossier sent to the council,
  // I3 a plan without a product, I4 nothing yet; I5 and I6 fall in the years around.
  const idea = (title: string, communeCode: string, receivedOn: string, status = 'accepted') =>
    ({ provinceCode: '82', communeCode, title, titleSearch: title.toLowerCase(), receivedOn, status }) as const;
  const [i1, i2, i3] = await db
    .insert(productIdeas)
    .values([
      idea('I1', '29905', '2025-12-31'),
      idea('I2', '29905', '2025-02-01'),
      idea('I3', '30226', '2025-05-01'),
      idea('I4', '30037', '2025-07-01', 'received'),
      idea('I5', '30037', '2024-12-31'),
      idea('I6', '29905', '2026-01-01'),
    ])
    .returning();
  await db.insert(businessPlans).values([
    { ideaId: i1!.id, title: 'BP1', submittedOn: '2026-01-05', productId: product.banh! },
    { ideaId: i2!.id, title: 'BP2', submittedOn: '2025-03-01', productId: product.huTieu! },
    { ideaId: i3!.id, title: 'BP3', submittedOn: '2025-05-01' },
  ]);
  const [dossier] = await db
    .insert(dossiers)
    .values({
      productId: product.huTieu!,
      subjectId: subject.saGiang!,
      provinceCode: '82',
      communeCode: '29905',
      kind: 'first',
      state: 'in_council',
      legalBasis: '26/2026/QĐ-TTg',
      setNumber: 6,
      registration: { representativeName: 'Nguyễn Văn B' },
      samples: 3,
    })
    .returning();
  await db
    .insert(dossierEvents)
    .values({ dossierId: dossier!.id, action: 'send_to_council', fromState: 'received', toState: 'in_council', actorLabel: 'Văn phòng' });
});
afterAll(() => t.close());

describe('indicator catalogue', () => {
  it('has exactly one query per indicator, none left without records', () => {
    expect(Object.keys(INDICATOR_QUERIES).sort()).toEqual(INDICATORS.map((i) => i.code).sort());
  });
});

describe('market figures', () => {
  it('count sales points open on 31/12: opened that day counts, closed that day does not, outside the province for the province only', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('sales_points')).toMatchObject({ value: 4, breakdown: { ocop_point: 3, ocop_centre: 1 } });
    expect(v('sales_points_outside').value).toBe(1);
    // End of 2024: SP3 (closed on 31/12/2025) and SP4 were open; SP7 was recorded only in 2025.
    expect(await value(admin, 2024, 'sales_points')).toBe(2);
    // 2026: SP2 opened on 01/01; SP4 closed on 01/01/2026 and SP3 earlier.
    expect(await value(admin, 2026, 'sales_points')).toBe(4);
    const theirs = await valuesOf(officer, 2025);
    expect(theirs('sales_points').value).toBe(1);
    expect(theirs('sales_points_outside').value).toBe(0);
  });

  it('count chain and e-commerce listings active at year end, by the Vietnamese day of approval', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('chain_listings')).toMatchObject({ value: 2, breakdown: { supermarket: 2 } });
    expect(v('ecommerce_listings')).toMatchObject({ value: 1, breakdown: { shopee: 1 } });
    const next = await valuesOf(admin, 2026);
    expect(next('ecommerce_listings')).toMatchObject({ value: 2, breakdown: { shopee: 1, lazada: 1 } });
    expect(next('chain_listings')).toMatchObject({ value: 3, breakdown: { supermarket: 2, convenience: 1 } });
  });

  it('give the shares of recognised producers on modern channels and e-commerce', async () => {
    // Three producers hold a recognition at the end of 2025; Sa Giang is on a chain, Sen online.
    const v = await valuesOf(admin, 2025);
    expect(v('subjects_modern_channels_share').value).toBe(33.3);
    expect(v('subjects_ecommerce_share').value).toBe(33.3);
    // 2026: Sen's recognition ran out on 01/01/2026; Sa Giang and Nem are on chains, Nem online.
    const next = await valuesOf(admin, 2026);
    expect(next('subjects_modern_channels_share').value).toBe(100);
    expect(next('subjects_ecommerce_share').value).toBe(50);
    // The officer's communes: Sa Giang and Nem hold one; only Sa Giang is on a chain by 31/12/2025.
    const theirs = await valuesOf(officer, 2025);
    expect(theirs('subjects_modern_channels_share').value).toBe(50);
    expect(theirs('subjects_ecommerce_share').value).toBe(0);
    // A year nobody held a recognition: a share of nothing is no figure, not 0.
    expect(await value(admin, 2019, 'subjects_ecommerce_share')).toBeNull();
  });

  it('count trade events that started in the year, and for communes those their producers took part in', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('fairs')).toMatchObject({ value: 2, breakdown: { fair: 1, supply_demand: 1 } });
    expect(v('fair_visitors').value).toBe(1000);
    // E1's recorded 50 million, and E3's producers' 15 million (E3 records no total).
    expect(v('fair_revenue').value).toBe(65_000_000);
    expect(v('trade_event_contracts').value).toBe(5);
    expect(v('fair_producers').value).toBe(2);
    expect(await value(admin, 2024, 'fairs')).toBe(1);
    expect(await value(admin, 2026, 'fairs')).toBe(1);
    const theirs = await valuesOf(officer, 2025);
    expect(theirs('fairs').value).toBe(1);
    expect(theirs('fair_revenue').value).toBe(30_000_000);
    expect(theirs('fair_producers').value).toBe(1);
    expect(theirs('trade_event_contracts').value).toBe(3);
  });
});

describe('support, communication, training and ideas', () => {
  it('count the support paid in the year and the policies’ budgets', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('support_granted')).toMatchObject({ value: 180_000_000, breakdown: { packaging: 100_000_000, trade_promotion: 80_000_000 } });
    expect(v('grants_count').value).toBe(2);
    expect(v('subjects_supported').value).toBe(2);
    expect(v('support_budget')).toMatchObject({ value: 800_000_000, breakdown: { packaging: 500_000_000, trade_promotion: 300_000_000 } });
    expect(await value(admin, 2026, 'support_granted')).toBe(70_000_000);
    const theirs = await valuesOf(officer, 2025);
    expect(theirs('support_granted').value).toBe(100_000_000);
    expect(theirs('support_budget').value).toBe(0);
  });

  it('sum the quantities of communication items published in the year, for the province only', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('communication_items')).toMatchObject({ value: 2024, breakdown: { tv: 24, handbook: 2000 } });
    expect(await value(admin, 2024, 'communication_items')).toBe(5);
    expect(await value(admin, 2026, 'communication_items')).toBe(100);
    expect((await valuesOf(officer, 2025))('communication_items').value).toBe(0);
  });

  it('count courses that started in the year, their participants and the producers who attended', async () => {
    const v = await valuesOf(admin, 2025);
    expect(v('training_courses').value).toBe(3);
    expect(v('people_trained').value).toBe(125);
    expect(v('producers_trained').value).toBe(4);
    expect(await value(admin, 2026, 'training_courses')).toBe(1);
    // The officer's: T1 held in 29905, T4 attended by Nem (30226).
    const theirs = await valuesOf(officer, 2025);
    expect([theirs('training_courses').value, theirs('people_trained').value, theirs('producers_trained').value]).toEqual([2, 65, 2]);
  });

  it('count ideas received and accepted and the business plans submitted in the year', async () => {
    const v = await valuesOf(admin, 2025);
    expect([v('ideas_received').value, v('ideas_accepted').value, v('business_plans').value]).toEqual([4, 3, 2]);
    expect([await value(admin, 2024, 'ideas_received'), await value(admin, 2026, 'ideas_received'), await value(admin, 2026, 'business_plans')]).toEqual([
      1, 1, 1,
    ]);
    expect((await valuesOf(officer, 2025, '30226'))('ideas_received').value).toBe(1);
  });
});

describe('the funnel', () => {
  it('follows the year’s ideas to a plan, an evaluation and a recognition, by commune', async () => {
    const res = await admin.get('/api/v1/indicators/funnel?year=2025');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toEqual({ ideas: 4, accepted: 3, plans: 3, evaluated: 2, recognised: 1 });
    expect(res.body.communes).toEqual(
      expect.arrayContaining([
        { communeCode: '29905', communeName: expect.any(String), ideas: 2, accepted: 2, plans: 2, evaluated: 2, recognised: 1 },
        { communeCode: '30037', communeName: expect.any(String), ideas: 1, accepted: 0, plans: 0, evaluated: 0, recognised: 0 },
      ]),
    );
    const theirs = await officer.get('/api/v1/indicators/funnel?year=2025');
    expect(theirs.body.total).toEqual({ ideas: 3, accepted: 3, plans: 3, evaluated: 2, recognised: 1 });
    expect(theirs.body.communes.map((c: { communeCode: string }) => c.communeCode).sort()).toEqual(['29905', '30226']);
    expect((await officer.get('/api/v1/indicators/funnel?year=2025&communeCode=30226')).body.total).toEqual({
      ideas: 1,
      accepted: 1,
      plans: 1,
      evaluated: 0,
      recognised: 0,
    });
    expect((await officer.get('/api/v1/indicators/funnel?year=2025&communeCode=30037')).status).toBe(403);
    expect((await (await t.client(DEMO.producer)).get('/api/v1/indicators/funnel?year=2025')).status).toBe(403);
    expect((await admin.get('/api/v1/indicators/funnel?year=2024')).body.total).toEqual({ ideas: 1, accepted: 1, plans: 0, evaluated: 0, recognised: 0 });
  });
});

describe('the dashboard', () => {
  it('shows listings per platform and the funnel, and province-wide records without a commune', async () => {
    const dash = (await admin.get('/api/v1/dashboard?year=2026')).body;
    expect(dash.listingsByPlatform).toEqual([
      { channel: 'ecommerce', platform: 'lazada', listings: 1 },
      { channel: 'ecommerce', platform: 'shopee', listings: 1 },
      { channel: 'chain', platform: 'supermarket', listings: 2 },
      { channel: 'chain', platform: 'convenience', listings: 1 },
    ]);
    expect(dash.funnel.total).toEqual({ ideas: 1, accepted: 1, plans: 0, evaluated: 0, recognised: 0 });
    expect(dash.indicators.find((i: { code: string }) => i.code === 'fairs')).toMatchObject({ value: 1, breakdown: { exhibition: 1 } });
    const before = (await officer.get('/api/v1/dashboard?year=2025')).body;
    expect(before.funnel.total.ideas).toBe(3);
    expect(before.listingsByPlatform).toEqual([{ channel: 'chain', platform: 'supermarket', listings: 1 }]);
  });

  it('is computed once per change of the records: the same answer until a result is recorded, then the new figures', async () => {
    const recognised = (dash: { indicators: { code: string; value: number }[] }) => dash.indicators.find((i) => i.code === 'products_recognised')!.value;
    const first = (await admin.get('/api/v1/dashboard?year=2025')).body;
    // A record written without its audit entry (as no service writes) is not seen by the kept answer.
    await t.database.db
      .insert(historicalResults)
      .values({ productId: product.xoai!, year: 2025, level: 'province', kind: 'first', star: 3, legalBasis: '1489/QĐ-TTg', decisionNo: 'ngoài/QĐ' });
    expect(recognised((await admin.get('/api/v1/dashboard?year=2025')).body)).toBe(recognised(first));
    // Recorded through the platform (with its audit entry), the next dashboard counts it, and that one too.
    const recorded = await admin.post(`/api/v1/products/${product.huTieu}/results`, {
      year: 2025,
      level: 'province',
      kind: 'first',
      star: 4,
      score: 75,
      legalBasis: '1489/QĐ-TTg',
      decisionNo: '77/QĐ-UBND',
      decisionDate: '2025-10-01',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recognised((await admin.get('/api/v1/dashboard?year=2025')).body)).toBe(recognised(first) + 2);
  });
});
