import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../domain/imports/sheets.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { dossierInCouncil, scoredDossier, setUpCouncil } from '../../../../test/support/evaluation.js';

/**
 * Product ideas and business plans (steps 1–4 of the OCOP cycle): who records and reads them, the
 * dates that must follow one another, the product a plan may name and how far it went.
 */
let t: TestApp;
let admin: Client;
let officerThapMuoi: Client;
let officerSadec: Client;
let producerA: Client;
let subjectA: string;
let subjectB: string;
let productsA: Record<string, string>;
let productB: string;
const TODAY = '2027-06-20';

const idea = (over: Record<string, unknown> = {}) => ({
  communeCode: '30037',
  subjectId: subjectA,
  title: 'Bột sen uống liền',
  description: 'Bột hạt sen sấy lạnh',
  criteriaSetNumber: 7,
  receivedOn: '2027-03-01',
  ...over,
});
const plan = (over: Record<string, unknown> = {}) => ({ title: 'Phương án sản xuất bột sen', submittedOn: '2027-03-20', ...over });

async function auditOf(entityId: string) {
  return t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => [asc(a.id)] });
}

/** An idea received in 30037 and accepted on a day, ready for plans. */
async function acceptedIdea(over: Record<string, unknown> = {}, screenedOn = '2027-03-10') {
  const created = await officerThapMuoi.post('/api/v1/ideas', idea(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const screened = await officerThapMuoi.post(`/api/v1/ideas/${created.body.id}/screening`, { status: 'accepted', screenedOn });
  expect(screened.status, JSON.stringify(screened.body)).toBe(200);
  return created.body.id as string;
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
  productsA = Object.fromEntries(((await producerA.get('/api/v1/products')).body.items as { id: string; name: string }[]).map((p) => [p.name, p.id]));
  productB = (await admin.get(`/api/v1/products?subjectId=${subjectB}`)).body.items[0].id;
});
afterAll(() => t.close());

describe('recording an idea', () => {
  it('is done by the commune’s officer, with its audit entry, and read back with the names', async () => {
    const res = await officerThapMuoi.post('/api/v1/ideas', idea({ externalCode: 'YT-01', title: '  Bột   sen uống liền ' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      communeCode: '30037',
      provinceCode: '82',
      subjectId: subjectA,
      subjectName: 'Hợp tác xã Sen Tháp Mười',
      subjectCode: 'DT-001',
      title: 'Bột sen uống liền',
      status: 'received',
      screenedOn: null,
      externalCode: 'YT-01',
      plans: [],
    });
    const audit = await auditOf(res.body.id);
    expect(audit.map((a) => [a.action, a.entityType])).toEqual([['create', 'product_idea']]);
    expect((await admin.get(`/api/v1/ideas/${res.body.id}`)).body.title).toBe('Bột sen uống liền');
  });

  it('is changed and removed with an audit entry each', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Trà sen túi lọc' }))).body;
    const changed = await officerThapMuoi.put(
      `/api/v1/ideas/${id}`,
      idea({ title: 'Trà sen túi lọc hảo hạng', subjectId: null, proposerName: 'Nguyễn Văn Tư' }),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Trà sen túi lọc hảo hạng', subjectId: null, subjectName: null, proposerName: 'Nguyễn Văn Tư' });
    expect((await officerThapMuoi.delete(`/api/v1/ideas/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/ideas/${id}`)).status).toBe(404);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]!.before).toMatchObject({ title: 'Trà sen túi lọc' });
    expect(audit[1]!.after).toMatchObject({ title: 'Trà sen túi lọc hảo hạng' });
  });

  it('is dated on or before today', async () => {
    expect((await officerThapMuoi.post('/api/v1/ideas', idea({ receivedOn: TODAY }))).status).toBe(201);
    const future = await officerThapMuoi.post('/api/v1/ideas', idea({ receivedOn: '2027-06-21' }));
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual({ receivedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
  });

  it('refuses a commune outside the province, an unknown subject, no proposer at all, a code used twice', async () => {
    const before = (await admin.get('/api/v1/ideas')).body.total;
    const outside = await admin.post('/api/v1/ideas', idea({ communeCode: '00004' }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual({ communeCode: 'Xã/phường mã 00004 không thuộc tỉnh.' });
    const unknown = await admin.post('/api/v1/ideas', idea({ subjectId: '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c' }));
    expect(unknown.body.error.fields).toEqual({ subjectId: 'Không có chủ thể này trong tỉnh.' });
    const nobody = await admin.post('/api/v1/ideas', idea({ subjectId: null }));
    expect(nobody.status).toBe(400);
    expect(Object.keys(nobody.body.error.fields)).toEqual(['proposerName']);
    const twice = await admin.post('/api/v1/ideas', idea({ externalCode: 'YT-01' }));
    expect(twice.body.error.fields).toEqual({ externalCode: 'Mã này đã dùng cho ý tưởng khác.' });
    expect((await admin.get('/api/v1/ideas')).body.total).toBe(before);
  });
});

describe('who sees and keeps ideas', () => {
  it('keeps an idea of commune 30037 from the officer of other communes (403 to record there, 404 to read)', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Nước cốt sen' }))).body;
    expect((await officerSadec.post('/api/v1/ideas', idea())).status).toBe(403);
    expect((await officerSadec.get(`/api/v1/ideas/${id}`)).status).toBe(404);
    expect((await officerSadec.put(`/api/v1/ideas/${id}`, idea())).status).toBe(404);
    expect((await officerSadec.get('/api/v1/ideas')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await admin.get('/api/v1/ideas')).body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('shows a producer its own ideas only, to read', async () => {
    const own = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Bánh sen nướng' }))).body.id;
    const other = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Gỏi ngó sen', subjectId: null, proposerName: 'Trần Thị Ba' }))).body.id;
    const list = (await producerA.get('/api/v1/ideas?pageSize=200')).body;
    expect(list.items.length).toBe(list.total);
    expect(list.items.every((i: { subjectId: string }) => i.subjectId === subjectA)).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(own);
    expect((await producerA.get(`/api/v1/ideas/${own}`)).status).toBe(200);
    expect((await producerA.get(`/api/v1/ideas/${other}`)).status).toBe(404);
    expect((await producerA.post('/api/v1/ideas', idea())).status).toBe(403);
  });

  it('filters by year of reception, status, commune and an accent-free search, and counts plans', async () => {
    await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Dầu gội bồ kết hương sen', receivedOn: '2026-11-02' }));
    const found = (await admin.get(`/api/v1/ideas?q=${encodeURIComponent('dau goi bo ket')}`)).body;
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(['Dầu gội bồ kết hương sen']);
    expect(found.items[0].planCount).toBe(0);
    const of2026 = (await admin.get('/api/v1/ideas?year=2026')).body;
    expect(of2026.items.map((i: { title: string }) => i.title)).toEqual(['Dầu gội bồ kết hương sen']);
    expect((await admin.get('/api/v1/ideas?communeCode=29905')).body.total).toBe(0);
    expect((await admin.get('/api/v1/ideas?status=rejected&year=2026')).body.total).toBe(0);
  });
});

describe('screening', () => {
  it('is dated not before the reception (the same day is fine) and not after today', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Sen sấy giòn' }))).body;
    const before = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-02-28' });
    expect(before.status).toBe(400);
    expect(before.body.error.fields).toEqual({ screenedOn: 'Ngày sàng lọc không được trước ngày tiếp nhận ý tưởng (01/03/2027).' });
    const future = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-06-21' });
    expect(future.body.error.fields).toEqual({ screenedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
    expect((await admin.get(`/api/v1/ideas/${id}`)).body).toMatchObject({ status: 'received', screenedOn: null });
    const same = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-03-01' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ status: 'accepted', screenedOn: '2027-03-01' });
    expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-03-02' })).status).toBe(200);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('asks for the advice given when it returns or rejects an idea', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Rượu sen' }))).body;
    for (const status of ['returned', 'rejected']) {
      const res = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status, screenedOn: '2027-03-05', note: '  ' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ note: 'Ghi ý kiến hướng dẫn hoặc lý do không chấp nhận gửi người đề xuất.' });
    }
    const returned = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, {
      status: 'returned',
      screenedOn: '2027-03-05',
      note: 'Bổ sung nguồn nguyên liệu',
    });
    expect(returned.body).toMatchObject({ status: 'returned', screeningNote: 'Bổ sung nguồn nguyên liệu' });
  });

  it('is the commune’s: not the producer’s, not another commune’s officer’s', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Sen ngâm chua' }))).body;
    expect((await producerA.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-03-05' })).status).toBe(403);
    expect((await officerSadec.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-03-05' })).status).toBe(404);
  });
});

describe('business plans', () => {
  it('are built only on an accepted idea', async () => {
    const { id } = (await officerThapMuoi.post('/api/v1/ideas', idea({ title: 'Kẹo sen' }))).body;
    const res = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idea_not_accepted');
    await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'rejected', screenedOn: '2027-03-05', note: 'Trùng sản phẩm đã có' });
    expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan())).status).toBe(409);
  });

  it('are submitted not before the screening (the same day is fine), approved not before submitted, neither after today', async () => {
    const id = await acceptedIdea({ title: 'Bánh pía nhân sen' });
    const early = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ submittedOn: '2027-03-09' }));
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toEqual({ submittedOn: 'Ngày nộp phương án không được trước ngày ý tưởng được chấp nhận (10/03/2027).' });
    const future = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ submittedOn: '2027-06-21' }));
    expect(future.body.error.fields).toEqual({ submittedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
    const approvedEarly = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ approvedOn: '2027-03-19', status: 'approved' }));
    expect(approvedEarly.body.error.fields).toEqual({ approvedOn: 'Ngày phê duyệt không được trước ngày nộp phương án.' });
    const approvedFuture = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ approvedOn: '2027-06-21', status: 'approved' }));
    expect(approvedFuture.body.error.fields).toEqual({ approvedOn: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.' });
    const undated = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ status: 'implementing' }));
    expect(undated.body.error.fields).toEqual({ approvedOn: 'Nhập ngày phương án được phê duyệt.' });
    expect((await admin.get(`/api/v1/ideas/${id}`)).body.plans).toEqual([]);

    const same = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ submittedOn: '2027-03-10', approvedOn: '2027-03-10', status: 'approved' }));
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    expect(same.body).toMatchObject({
      ideaId: id,
      submittedOn: '2027-03-10',
      approvedOn: '2027-03-10',
      status: 'approved',
      productStage: 'none',
      grantsTotalVnd: 0,
    });
    expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ submittedOn: TODAY }))).status).toBe(201);
  });

  it('keep the idea accepted and its screening before them', async () => {
    const id = await acceptedIdea({ title: 'Chè sen long nhãn' });
    expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ submittedOn: '2027-03-12' }))).status).toBe(201);
    const late = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'accepted', screenedOn: '2027-03-13' });
    expect(late.body.error.fields).toEqual({ screenedOn: 'Ngày sàng lọc không được sau ngày nộp phương án đầu tiên (12/03/2027).' });
    const undone = await officerThapMuoi.post(`/api/v1/ideas/${id}/screening`, { status: 'rejected', screenedOn: '2027-03-10', note: 'Đổi ý' });
    expect(Object.keys(undone.body.error.fields)).toEqual(['status']);
    const moved = await officerThapMuoi.put(`/api/v1/ideas/${id}`, idea({ title: 'Chè sen long nhãn', subjectId: subjectB }));
    expect(moved.status).toBe(400);
    expect(Object.keys(moved.body.error.fields)).toEqual(['subjectId']);
    const removed = await officerThapMuoi.delete(`/api/v1/ideas/${id}`);
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('idea_has_plans');
  });

  it('name a product of the idea’s subject — or, without a subject, of a producer of the idea’s commune', async () => {
    const id = await acceptedIdea({ title: 'Sen sấy thăng hoa' });
    const other = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ productId: productB }));
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toEqual({ productId: 'Sản phẩm không thuộc chủ thể của ý tưởng.' });
    const unknown = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ productId: '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c' }));
    expect(unknown.body.error.fields).toEqual({ productId: 'Không có sản phẩm này trong tỉnh.' });
    const own = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ productId: productsA['Sữa hạt sen'] }));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ productName: 'Sữa hạt sen', productStage: 'registered' });

    const unnamed = await acceptedIdea({ title: 'Bánh tráng sen', subjectId: null, proposerName: 'Võ Văn Năm' });
    expect((await officerThapMuoi.post(`/api/v1/ideas/${unnamed}/plans`, plan({ productId: productsA['Sữa hạt sen'] }))).status).toBe(201);
    const elsewhere = await officerThapMuoi.post(`/api/v1/ideas/${unnamed}/plans`, plan({ productId: productB }));
    expect(elsewhere.body.error.fields).toEqual({ productId: 'Sản phẩm không thuộc một chủ thể của xã/phường nhận ý tưởng.' });
  });

  it('show how far their product went: registered, evaluated (before the council, or an earlier result), recognised (3★ or more)', async () => {
    const id = await acceptedIdea({ title: 'Trà sen đóng chai' });
    const stageOf = async () =>
      Object.fromEntries((await admin.get(`/api/v1/ideas/${id}`)).body.plans.map((p: { title: string; productStage: string }) => [p.title, p.productStage]));
    for (const [title, product] of [
      ['Phương án hạt sen', productsA['Hạt sen sấy']],
      ['Phương án trà tim sen', productsA['Trà tim sen']],
    ] as const)
      expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ title, productId: product }))).status).toBe(201);
    expect((await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ title: 'Phương án chưa có sản phẩm' }))).status).toBe(201);
    expect(await stageOf()).toEqual({ 'Phương án hạt sen': 'registered', 'Phương án trà tim sen': 'registered', 'Phương án chưa có sản phẩm': 'none' });

    // A 2★ result of an earlier year: evaluated, not recognised.
    const twoStar = { year: 2024, level: 'province', kind: 'first', score: 45, star: 2, legalBasis: 'QĐ 148/QĐ-TTg' };
    expect((await admin.post(`/api/v1/products/${productsA['Hạt sen sấy']}/results`, twoStar)).status).toBe(201);
    // A dossier before the council.
    await admin.post('/api/v1/rounds/defaults', { year: 2027 });
    await dossierInCouncil({ producer: producerA, officer: officerThapMuoi, admin }, productsA['Trà tim sen']!, 12);
    expect(await stageOf()).toMatchObject({ 'Phương án hạt sen': 'evaluated', 'Phương án trà tim sen': 'evaluated' });

    const threeStar = { year: 2025, level: 'province', kind: 'upgrade', score: 62, star: 3, legalBasis: 'QĐ 148/QĐ-TTg' };
    expect((await admin.post(`/api/v1/products/${productsA['Hạt sen sấy']}/results`, threeStar)).status).toBe(201);
    expect(await stageOf()).toMatchObject({ 'Phương án hạt sen': 'recognised', 'Phương án trà tim sen': 'evaluated' });
  });

  it('show a product recognised by a certificate, and no longer once the certificate is revoked', async () => {
    const id = await acceptedIdea({ title: 'Sữa sen hộp giấy' });
    const council = await setUpCouncil(t, admin, { key: 'yt', year: 2027, establishedOn: '2027-01-15' });
    const product = productsA['Sữa hạt sen']!;
    const dossier = await scoredDossier({ producer: producerA, officer: officerThapMuoi, admin, council, today: TODAY }, product, 17, 78);
    const decision = await admin.post('/api/v1/decisions', {
      number: '12/QĐ-UBND',
      signedOn: TODAY,
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
      items: [{ dossierId: dossier.id, star: 3 }],
    });
    expect(decision.status, JSON.stringify(decision.body)).toBe(201);
    const planId = (await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ productId: product }))).body.id;
    const stage = async () => (await admin.get(`/api/v1/ideas/${id}`)).body.plans.find((p: { id: string }) => p.id === planId).productStage;
    expect(await stage()).toBe('recognised');
    const certificate = (await admin.get(`/api/v1/certificates?productId=${product}`)).body.items[0];
    const revoked = await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, {
      ground: 'a',
      decisionNo: '13/QĐ-UBND',
      decidedOn: TODAY,
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(await stage()).toBe('evaluated');
  });

  it('sum the grants linked to them that are not cancelled, and cannot be removed while a grant names them', async () => {
    const id = await acceptedIdea({ title: 'Nến thơm hương sen' });
    const planId = (await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ productId: productsA['Sữa hạt sen'] }))).body.id;
    const policy = (await admin.post('/api/v1/support/policies', { name: 'Hỗ trợ phát triển sản phẩm mới', area: 'science_technology', year: 2027 })).body.id;
    const grant = (amountVnd: number, status: string) => ({
      policyId: policy,
      subjectId: subjectA,
      businessPlanId: planId,
      content: 'Hỗ trợ xây dựng phương án',
      amountVnd,
      fundingSource: 'province',
      grantedOn: '2027-04-01',
      status,
    });
    for (const [amount, status] of [
      [12_000_000, 'approved'],
      [8_000_000, 'disbursed'],
      [5_000_000, 'cancelled'],
    ] as const)
      expect((await admin.post('/api/v1/support/grants', grant(amount, status))).status).toBe(201);
    const shown = (await admin.get(`/api/v1/ideas/${id}`)).body.plans[0];
    expect(shown.grantsTotalVnd).toBe(20_000_000);
    const refused = await officerThapMuoi.delete(`/api/v1/business-plans/${planId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('business_plan_has_grants');
  });

  it('are changed and removed by the commune’s officer with an audit entry each, not by others', async () => {
    const id = await acceptedIdea({ title: 'Mặt nạ bột sen' });
    const planId = (await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ externalCode: 'PA-01' }))).body.id;
    const twice = await officerThapMuoi.post(`/api/v1/ideas/${id}/plans`, plan({ externalCode: 'PA-01' }));
    expect(twice.body.error.fields).toEqual({ externalCode: 'Mã này đã dùng cho phương án khác.' });
    expect((await officerThapMuoi.put(`/api/v1/business-plans/${planId}`, plan({ externalCode: 'PA-01' }))).status).toBe(200);
    expect((await producerA.put(`/api/v1/business-plans/${planId}`, plan({ title: 'Đổi' }))).status).toBe(403);
    expect((await officerSadec.put(`/api/v1/business-plans/${planId}`, plan({ title: 'Đổi' }))).status).toBe(404);
    const changed = await officerThapMuoi.put(
      `/api/v1/business-plans/${planId}`,
      plan({ title: 'Dự án mặt nạ bột sen', kind: 'project', investmentVnd: 150_000_000 }),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'project', title: 'Dự án mặt nạ bột sen', investmentVnd: 150_000_000 });
    expect((await officerThapMuoi.put(`/api/v1/business-plans/${planId}`, plan({ investmentVnd: -1 }))).status).toBe(400);
    expect((await officerThapMuoi.delete(`/api/v1/business-plans/${planId}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/ideas/${id}`)).body.plans).toEqual([]);
    expect((await auditOf(planId)).map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'business_plan'],
      ['update', 'business_plan'],
      ['update', 'business_plan'],
      ['delete', 'business_plan'],
    ]);
  });
});

describe('ideas export', () => {
  it('writes the list’s rows with the import workbook’s headers, the idea’s code first', async () => {
    const list = (await officerThapMuoi.get('/api/v1/ideas?pageSize=200&year=2027')).body;
    const res = await officerThapMuoi.get('/api/v1/ideas/export?year=2027');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="y-tuong-san-pham-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['Mã ý tưởng', 'Tên ý tưởng sản phẩm', 'Xã, phường']);
    expect(matchHeaders('productIdeas', headers).missing).toEqual([]);
    expect(sheet.rowCount - 1).toBe(list.total);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first[1]).toBe(list.items[0].title);
    const coded = (sheet.getColumn(1).values as unknown[]).slice(2);
    expect(coded).toContain('YT-01');
    expect((await officerSadec.get('/api/v1/ideas/export?format=csv')).raw.toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});

describe('business plans list and export', () => {
  type Item = { id: string; title: string; ideaTitle: string };
  const titles = (body: { items: Item[] }) => body.items.map((p) => p.title).sort();
  let own: string;
  let proposed: string;

  beforeAll(async () => {
    const ideaA = await acceptedIdea({ title: 'Trà lá sen túi lọc', externalCode: 'YT-DS-1' }, '2027-03-05');
    const a = await officerThapMuoi.post(`/api/v1/ideas/${ideaA}/plans`, {
      title: 'Phương án trà lá sen',
      externalCode: 'PA-DS-1',
      submittedOn: '2027-04-01',
      approvedOn: '2027-04-15',
      status: 'approved',
      investmentVnd: 350_000_000,
      productId: productsA['Trà tim sen'],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    own = a.body.id;
    const ideaB = await acceptedIdea({ title: 'Mắm cá linh Tháp Mười', subjectId: null, proposerName: 'Lê Văn Tư', receivedOn: '2026-11-02' }, '2026-11-20');
    const b = await officerThapMuoi.post(`/api/v1/ideas/${ideaB}/plans`, { title: 'Dự án chế biến mắm cá linh', kind: 'project', submittedOn: '2026-12-01' });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    proposed = b.body.id;
  });

  it('lists the plans with their idea, commune, subject and product, filtered by year, status, commune and words of a name', async () => {
    const all = (await admin.get('/api/v1/business-plans?pageSize=200')).body;
    expect(all.items.length).toBe(all.total);
    expect(all.items.find((p: Item) => p.id === own)).toMatchObject({
      title: 'Phương án trà lá sen',
      externalCode: 'PA-DS-1',
      ideaTitle: 'Trà lá sen túi lọc',
      ideaExternalCode: 'YT-DS-1',
      communeCode: '30037',
      subjectName: 'Hợp tác xã Sen Tháp Mười',
      subjectCode: 'DT-001',
      status: 'approved',
      investmentVnd: 350_000_000,
      productName: 'Trà tim sen',
      grantsTotalVnd: 0,
    });
    // How far the product went is the same as on the idea's page.
    const onIdea = (await admin.get(`/api/v1/ideas/${all.items.find((p: Item) => p.id === own).ideaId}`)).body.plans[0];
    expect(all.items.find((p: Item) => p.id === own).productStage).toBe(onIdea.productStage);
    expect(all.items.find((p: Item) => p.id === proposed)).toMatchObject({
      kind: 'project',
      subjectName: null,
      proposerName: 'Lê Văn Tư',
      productStage: 'none',
    });
    // The idea's name, the product's name (accents left out), the plan's code.
    expect(titles((await admin.get(`/api/v1/business-plans?q=${encodeURIComponent('tra la sen tui')}`)).body)).toEqual(['Phương án trà lá sen']);
    expect(titles((await admin.get(`/api/v1/business-plans?q=${encodeURIComponent('ca linh')}`)).body)).toEqual(['Dự án chế biến mắm cá linh']);
    expect((await admin.get(`/api/v1/business-plans?q=${encodeURIComponent('tra tim sen')}`)).body.items.map((p: Item) => p.id)).toContain(own);
    expect(titles((await admin.get('/api/v1/business-plans?q=PA-DS-1')).body)).toEqual(['Phương án trà lá sen']);
    // Year submitted, status, commune.
    const of2026 = (await admin.get('/api/v1/business-plans?year=2026')).body;
    expect(titles(of2026)).toEqual(['Dự án chế biến mắm cá linh']);
    const approved = (await admin.get('/api/v1/business-plans?status=approved&pageSize=200')).body.items.map((p: Item) => p.id);
    expect(approved).toContain(own);
    expect(approved).not.toContain(proposed);
    expect((await admin.get('/api/v1/business-plans?communeCode=29905')).body.total).toBe(0);
    expect((await admin.get('/api/v1/business-plans?communeCode=30037&pageSize=200')).body.total).toBe(all.total);
    expect((await admin.get('/api/v1/business-plans?status=finished')).status).toBe(400);
  });

  it('shows each the plans of the ideas it sees: the office all, an officer their communes’, a producer its own', async () => {
    const ids = async (c: Client) => (await c.get('/api/v1/business-plans?pageSize=200')).body.items.map((p: Item) => p.id);
    expect(await ids(officerThapMuoi)).toEqual(expect.arrayContaining([own, proposed]));
    expect(await ids(officerSadec)).toEqual([]);
    const producer = await ids(producerA);
    expect(producer).toContain(own);
    expect(producer).not.toContain(proposed);
  });

  it('exports the list with the import sheet’s headers, the plan’s code first, in the caller’s scope', async () => {
    const list = (await officerThapMuoi.get('/api/v1/business-plans?pageSize=200&year=2027')).body;
    const res = await officerThapMuoi.get('/api/v1/business-plans/export?year=2027');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="phuong-an-sxkd-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['Mã phương án', 'Mã ý tưởng', 'Loại', 'Tên phương án']);
    expect(matchHeaders('businessPlans', headers).missing).toEqual([]);
    expect(sheet.rowCount - 1).toBe(list.total);
    const row = (sheet.getColumn(1).values as unknown[]).indexOf('PA-DS-1');
    const cells = (sheet.getRow(row).values as unknown[]).slice(1);
    expect(cells.slice(0, 4)).toEqual(['PA-DS-1', 'YT-DS-1', 'Phương án', 'Phương án trà lá sen']);
    expect(cells[headers.indexOf('Trạng thái')]).toBe('Đã được duyệt');
    expect(cells[headers.indexOf('Vốn đầu tư')]).toBe(350_000_000);
    const csv = (await producerA.get('/api/v1/business-plans/export?format=csv')).raw.toString('utf8');
    expect(csv).toContain('PA-DS-1');
    expect(csv).not.toContain('mắm cá linh');
    expect((await officerSadec.get('/api/v1/business-plans/export?format=csv')).raw.toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});
