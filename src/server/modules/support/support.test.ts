import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../domain/imports/sheets.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { parseCsv } from '../../../../test/support/csv.js';

/**
 * Support policies and grants: the office grants, within the policy's year and budget, to producers
 * of the province for their own products and plans; officers read; a producer reads its own grants.
 */
let t: TestApp;
let admin: Client;
let officerThapMuoi: Client;
let officerSadec: Client;
let producerA: Client;
let subjectA: string;
let subjectB: string;
let productA: string;
let productB: string;
const TODAY = '2027-06-20';
const RANDOM_ID = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';

const policyBody = (over: Record<string, unknown> = {}) => ({
  name: 'Hỗ trợ xúc tiến thương mại sản phẩm OCOP',
  area: 'trade_promotion',
  legalBasis: 'Nghị quyết 15/2025/NQ-HĐND',
  year: 2027,
  ...over,
});
const grantBody = (policyId: string, over: Record<string, unknown> = {}) => ({
  policyId,
  subjectId: subjectA,
  content: 'Tham gia hội chợ OCOP',
  amountVnd: 10_000_000,
  fundingSource: 'province',
  grantedOn: '2027-04-15',
  ...over,
});

async function auditOf(entityId: string) {
  return t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => [asc(a.id)] });
}
async function newPolicy(over: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/support/policies', policyBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function grantCount() {
  return (await t.database.db.query.supportGrants.findMany()).length;
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2027-06-20T03:00:00Z') });
  admin = await t.client(DEMO.admin);
  officerSadec = await t.client(DEMO.officer);
  producerA = await t.client(DEMO.producer);
  const officer = await admin.post('/api/v1/users', {
    email: 'thapmuoi@example.vn',
    fullName: 'Cán bộ Tháp Mười',
    role: 'officer',
    communeCodes: ['30037'],
    password: 'dong-sen-nam-bay-2027',
  });
  expect(officer.status, JSON.stringify(officer.body)).toBe(201);
  officerThapMuoi = await t.client('thapmuoi@example.vn', 'dong-sen-nam-bay-2027');
  subjectA = (await producerA.get('/api/v1/auth/me')).body.user.subjectId;
  subjectB = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id;
  productA = (await producerA.get('/api/v1/products')).body.items[0].id;
  productB = (await admin.get(`/api/v1/products?subjectId=${subjectB}`)).body.items[0].id;
});
afterAll(() => t.close());

describe('support policies', () => {
  it('are recorded, changed and removed by the office, each with its audit entry', async () => {
    const created = await admin.post('/api/v1/support/policies', policyBody({ budgetVnd: 200_000_000, externalCode: 'CS-01' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      provinceCode: '82',
      year: 2027,
      budgetVnd: 200_000_000,
      committedVnd: 0,
      disbursedVnd: 0,
      grantCount: 0,
      externalCode: 'CS-01',
    });
    const id = created.body.id;
    const changed = await admin.put(`/api/v1/support/policies/${id}`, policyBody({ name: 'Hỗ trợ hội chợ', budgetVnd: 150_000_000, externalCode: 'CS-01' }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Hỗ trợ hội chợ', budgetVnd: 150_000_000 });
    expect((await admin.delete(`/api/v1/support/policies/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/support/policies/${id}`)).status).toBe(404);
    expect((await auditOf(id)).map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'support_policy'],
      ['update', 'support_policy'],
      ['delete', 'support_policy'],
    ]);
  });

  it('are the office’s to write; officers read them, producers do not', async () => {
    const id = await newPolicy({ name: 'Hỗ trợ nhãn hiệu' });
    expect((await officerThapMuoi.post('/api/v1/support/policies', policyBody())).status).toBe(403);
    expect((await officerThapMuoi.put(`/api/v1/support/policies/${id}`, policyBody())).status).toBe(403);
    expect((await officerSadec.get(`/api/v1/support/policies/${id}`)).status).toBe(200);
    expect((await officerSadec.get('/api/v1/support/policies')).body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await producerA.get('/api/v1/support/policies')).status).toBe(403);
    expect((await producerA.get(`/api/v1/support/policies/${id}`)).status).toBe(403);
  });

  it('cannot be removed once a grant was made under them, nor move to another year, nor lower the budget below what is committed', async () => {
    const id = await newPolicy({ budgetVnd: 40_000_000 });
    expect((await admin.post('/api/v1/support/grants', grantBody(id, { amountVnd: 30_000_000 }))).status).toBe(201);
    const removed = await admin.delete(`/api/v1/support/policies/${id}`);
    expect(removed.status).toBe(409);
    expect(removed.body.error).toMatchObject({ code: 'support_policy_has_grants', message: 'Chính sách đã có 1 khoản hỗ trợ; xoá các khoản hỗ trợ trước.' });
    const moved = await admin.put(`/api/v1/support/policies/${id}`, policyBody({ year: 2028, budgetVnd: 40_000_000 }));
    expect(moved.body.error.fields).toEqual({ year: 'Chính sách đã có khoản hỗ trợ trong năm 2027; không đổi được năm.' });
    const lowered = await admin.put(`/api/v1/support/policies/${id}`, policyBody({ budgetVnd: 29_999_999 }));
    expect(lowered.status).toBe(400);
    expect(lowered.body.error.fields).toEqual({ budgetVnd: 'Các khoản hỗ trợ đã cam kết 30.000.000 đồng, nhiều hơn ngân sách này.' });
    expect((await admin.put(`/api/v1/support/policies/${id}`, policyBody({ budgetVnd: 30_000_000 }))).status).toBe(200);
  });
});

describe('support grants', () => {
  it('are recorded, changed and removed by the office with an audit entry each, and tally on their policy', async () => {
    const policy = await newPolicy({ budgetVnd: 100_000_000 });
    const created = await admin.post('/api/v1/support/grants', grantBody(policy, { productId: productA, externalCode: 'HT-01', status: 'approved' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      policyId: policy,
      subjectName: 'Hợp tác xã Sen Tháp Mười',
      subjectCode: 'DT-001',
      communeCode: '30037',
      productId: productA,
      amountVnd: 10_000_000,
      status: 'approved',
      externalCode: 'HT-01',
    });
    const id = created.body.id;
    expect((await admin.put(`/api/v1/support/grants/${id}`, grantBody(policy, { amountVnd: 12_000_000, status: 'disbursed' }))).body).toMatchObject({
      amountVnd: 12_000_000,
      status: 'disbursed',
      productId: null,
    });
    await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 5_000_000 }));
    await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 7_000_000, status: 'cancelled' }));
    expect((await admin.get(`/api/v1/support/policies/${policy}`)).body).toMatchObject({ committedVnd: 17_000_000, disbursedVnd: 12_000_000, grantCount: 3 });
    const listed = (await admin.get(`/api/v1/support/grants?policyId=${policy}&pageSize=1`)).body;
    expect(listed).toMatchObject({ total: 3, totalVnd: 17_000_000 });
    expect(listed.items).toHaveLength(1);
    expect((await admin.delete(`/api/v1/support/grants/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/support/grants/${id}`)).status).toBe(404);
    expect((await auditOf(id)).map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'support_grant'],
      ['update', 'support_grant'],
      ['delete', 'support_grant'],
    ]);
  });

  it('are dated in the policy’s year, not after today', async () => {
    const policy = await newPolicy();
    const before = await grantCount();
    const lastYear = await admin.post('/api/v1/support/grants', grantBody(policy, { grantedOn: '2026-12-31' }));
    expect(lastYear.status).toBe(400);
    expect(lastYear.body.error.fields).toEqual({ grantedOn: 'Khoản hỗ trợ phải được cấp trong năm 2027, năm của chính sách.' });
    const future = await admin.post('/api/v1/support/grants', grantBody(policy, { grantedOn: '2027-06-21' }));
    expect(future.body.error.fields).toEqual({ grantedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
    const nextYearPolicy = await newPolicy({ year: 2028 });
    const ahead = await admin.post('/api/v1/support/grants', grantBody(nextYearPolicy, { grantedOn: '2027-06-01' }));
    expect(ahead.body.error.fields).toEqual({ grantedOn: 'Khoản hỗ trợ phải được cấp trong năm 2028, năm của chính sách.' });
    expect(await grantCount()).toBe(before);
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { grantedOn: '2027-01-01' }))).status).toBe(201);
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { grantedOn: TODAY }))).status).toBe(201);
  });

  it('are whole, non-negative amounts of đồng', async () => {
    const policy = await newPolicy();
    const before = await grantCount();
    for (const amountVnd of [-1, 1_500.5]) {
      const res = await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd }));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['amountVnd']);
    }
    expect(await grantCount()).toBe(before);
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 0, content: 'Tư vấn miễn phí' }))).status).toBe(201);
  });

  it('stay within the policy’s budget: the grants not cancelled, this one included', async () => {
    const policy = await newPolicy({ budgetVnd: 50_000_000 });
    const first = (await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 30_000_000 }))).body.id;
    const over = await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 20_000_001 }));
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({
      code: 'over_budget',
      fields: { amountVnd: 'Vượt ngân sách của chính sách (50.000.000 đồng): phần còn lại là 20.000.000 đồng.' },
    });
    admin.lang = 'en';
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 25_000_000 }))).body.error.fields.amountVnd).toBe(
      "Over the policy's budget (50,000,000 VND): 20,000,000 VND remain.",
    );
    admin.lang = 'vi';
    // A cancelled grant commits nothing.
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 90_000_000, status: 'cancelled' }))).status).toBe(201);
    expect((await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 20_000_000 }))).status).toBe(201);
    // Raising the first grant by one đồng would pass the budget; its own amount is not counted twice.
    const raised = await admin.put(`/api/v1/support/grants/${first}`, grantBody(policy, { amountVnd: 30_000_001 }));
    expect(raised.body.error.fields).toEqual({ amountVnd: 'Vượt ngân sách của chính sách (50.000.000 đồng): phần còn lại là 30.000.000 đồng.' });
    const full = await admin.post('/api/v1/support/grants', grantBody(policy, { amountVnd: 1 }));
    expect(full.body.error.fields).toEqual({ amountVnd: 'Vượt ngân sách của chính sách (50.000.000 đồng): phần còn lại là 0 đồng.' });
    expect((await admin.put(`/api/v1/support/grants/${first}`, grantBody(policy, { amountVnd: 30_000_000, note: 'Đã đối chiếu' }))).status).toBe(200);
    expect((await admin.get(`/api/v1/support/policies/${policy}`)).body).toMatchObject({ committedVnd: 50_000_000, grantCount: 3 });
    // Without a budget there is no ceiling.
    const open = await newPolicy();
    expect((await admin.post('/api/v1/support/grants', grantBody(open, { amountVnd: 900_000_000_000 }))).status).toBe(201);
  });

  it('go to a producer of the province, for its own product and a plan of its own idea', async () => {
    const policy = await newPolicy();
    const before = await grantCount();
    const fieldsOf = async (over: Record<string, unknown>) => (await admin.post('/api/v1/support/grants', grantBody(policy, over))).body.error?.fields;
    expect(await fieldsOf({ subjectId: RANDOM_ID })).toEqual({ subjectId: 'Không có chủ thể này trong tỉnh.' });
    expect(await fieldsOf({ productId: RANDOM_ID })).toEqual({ productId: 'Không có sản phẩm này trong tỉnh.' });
    expect(await fieldsOf({ productId: productB })).toEqual({ productId: 'Sản phẩm không thuộc chủ thể được hỗ trợ.' });
    expect(await fieldsOf({ businessPlanId: RANDOM_ID })).toEqual({ businessPlanId: 'Không có phương án sản xuất kinh doanh này.' });
    expect(await fieldsOf({ policyId: RANDOM_ID })).toEqual({ policyId: 'Không có chính sách hỗ trợ này.' });

    // A plan of producer B's idea, and one of an idea of A's commune without a registered producer.
    const planOf = async (ideaOver: Record<string, unknown>) => {
      const idea = (await admin.post('/api/v1/ideas', { communeCode: '30037', title: 'Ý tưởng', receivedOn: '2027-02-01', ...ideaOver })).body.id;
      await admin.post(`/api/v1/ideas/${idea}/screening`, { status: 'accepted', screenedOn: '2027-02-05' });
      return (await admin.post(`/api/v1/ideas/${idea}/plans`, { title: 'Phương án', submittedOn: '2027-02-10' })).body.id as string;
    };
    const planB = await planOf({ communeCode: '29905', subjectId: subjectB });
    const planUnnamed = await planOf({ proposerName: 'Nguyễn Văn Út' });
    const planUnnamedElsewhere = await planOf({ communeCode: '29905', proposerName: 'Lê Thị Sáu' });
    expect(await fieldsOf({ businessPlanId: planB })).toEqual({ businessPlanId: 'Phương án không thuộc ý tưởng của chủ thể được hỗ trợ.' });
    expect(await fieldsOf({ businessPlanId: planUnnamedElsewhere })).toEqual({
      businessPlanId: 'Phương án không thuộc ý tưởng của chủ thể được hỗ trợ.',
    });
    expect(await grantCount()).toBe(before);
    const ok = await admin.post('/api/v1/support/grants', grantBody(policy, { productId: productA, businessPlanId: planUnnamed }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.businessPlanId).toBe(planUnnamed);
  });

  it('are the office’s to make: an officer cannot grant', async () => {
    const policy = await newPolicy();
    const before = await grantCount();
    expect((await officerThapMuoi.post('/api/v1/support/grants', grantBody(policy))).status).toBe(403);
    const id = (await admin.post('/api/v1/support/grants', grantBody(policy))).body.id;
    expect((await officerThapMuoi.put(`/api/v1/support/grants/${id}`, grantBody(policy, { amountVnd: 1 }))).status).toBe(403);
    expect((await officerThapMuoi.delete(`/api/v1/support/grants/${id}`)).status).toBe(403);
    expect(await grantCount()).toBe(before + 1);
  });

  it('are shown to a producer only when its own, and to an officer only for the producers of their communes', async () => {
    const policy = await newPolicy({ name: 'Hỗ trợ máy móc' });
    const toA = (await admin.post('/api/v1/support/grants', grantBody(policy))).body.id;
    const toB = (await admin.post('/api/v1/support/grants', grantBody(policy, { subjectId: subjectB, productId: productB }))).body.id;

    const own = (await producerA.get('/api/v1/support/grants?pageSize=200')).body;
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((g: { subjectId: string }) => g.subjectId))).toEqual(new Set([subjectA]));
    expect((await producerA.get(`/api/v1/support/grants/${toA}`)).status).toBe(200);
    expect((await producerA.get(`/api/v1/support/grants/${toB}`)).status).toBe(404);
    expect((await producerA.get(`/api/v1/support/grants?subjectId=${subjectB}`)).body).toMatchObject({ total: 0, totalVnd: 0 });

    expect((await officerSadec.get(`/api/v1/support/grants/${toB}`)).status).toBe(200);
    expect((await officerSadec.get(`/api/v1/support/grants/${toA}`)).status).toBe(404);
    const sadec = (await officerSadec.get(`/api/v1/support/grants?policyId=${policy}`)).body;
    expect(sadec.items.map((g: { id: string }) => g.id)).toEqual([toB]);
    expect(sadec.totalVnd).toBe(10_000_000);
    expect((await officerThapMuoi.get(`/api/v1/support/grants/${toA}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/support/grants?policyId=${policy}`)).body).toMatchObject({ total: 2, totalVnd: 20_000_000 });
  });

  it('are filtered by year, subject, status and a search of producer or content', async () => {
    const policy = await newPolicy({ name: 'Hỗ trợ bao bì' });
    await admin.post('/api/v1/support/grants', grantBody(policy, { content: 'Thiết kế bao bì hút chân không', status: 'disbursed' }));
    const found = (await admin.get(`/api/v1/support/grants?q=${encodeURIComponent('hut chan khong')}`)).body;
    expect(found.items.map((g: { content: string }) => g.content)).toEqual(['Thiết kế bao bì hút chân không']);
    const byName = (await admin.get(`/api/v1/support/grants?policyId=${policy}&q=${encodeURIComponent('sen thap muoi')}`)).body;
    expect(byName.total).toBe(1);
    expect((await admin.get(`/api/v1/support/grants?policyId=${policy}&status=approved`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/support/grants?policyId=${policy}&year=2026`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/support/grants?policyId=${policy}&subjectId=${subjectB}`)).body.total).toBe(0);
  });
});

describe('support exports', () => {
  it('write the policies and grants with the import workbook’s headers and codes, the list’s filters applied', async () => {
    const policy = await newPolicy({ name: 'Hỗ trợ khoa học công nghệ', externalCode: 'CS-KHCN', budgetVnd: 80_000_000 });
    await admin.post('/api/v1/support/grants', grantBody(policy, { externalCode: 'HT-KHCN-1', productId: productA, fundingSource: 'central' }));

    const res = await admin.get('/api/v1/support/policies/export?year=2027');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers[0]).toBe('Mã chính sách');
    expect(matchHeaders('supportPolicies', headers).missing).toEqual([]);
    expect(sheet.rowCount - 1).toBe((await admin.get('/api/v1/support/policies?year=2027')).body.total);

    const grants = await admin.get(`/api/v1/support/grants/export?format=csv&policyId=${policy}`);
    const [head, ...rows] = parseCsv(grants.raw.toString('utf8').slice(1));
    expect(matchHeaders('supportGrants', head!).missing).toEqual([]);
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![head!.indexOf(name)];
    expect([cell('Mã chính sách'), cell('Mã khoản hỗ trợ'), cell('Mã chủ thể'), cell('Nguồn vốn'), cell('Số tiền'), cell('Ngày hỗ trợ')]).toEqual([
      'CS-KHCN',
      'HT-KHCN-1',
      'DT-001',
      'Ngân sách Trung ương',
      '10000000',
      '15/04/2027',
    ]);
    expect(cell('Mã sản phẩm')).toMatch(/^82-30037-/);
    // A producer's file has its own grants only.
    const mine = parseCsv((await producerA.get('/api/v1/support/grants/export?format=csv')).raw.toString('utf8').slice(1));
    expect(new Set(mine.slice(1).map((r) => r[mine[0]!.indexOf('Chủ thể')]))).toEqual(new Set(['Hợp tác xã Sen Tháp Mười']));
  });
});
