import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipart } from '../../../../test/support/multipart.js';
import { notify } from '../notifications/notifications.service.js';
import { dossiersRepository } from './dossiers.repository.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
let productId: string;
let selfAssessmentId: string;
// A fixed day in March: round 1 of the year (proposals by 30/04) is open.
const year = 2027;
let now = new Date('2027-03-02T03:00:00Z');
const clock = () => now;
const set6 = loadShippedVersion('qd26').sets.find((s) => s.number === 6)!;

const assessment = {
  rawMaterialOrigin: 'Bột gạo từ vùng nguyên liệu của xã (80%)',
  localLabour: '28/35 lao động là người địa phương',
  ideaOrigin: 'Sản phẩm truyền thống của làng nghề',
  localIdentity: 'Gắn với làng nghề hủ tiếu Sa Đéc',
  conclusion: 'propose',
  reportNumber: '21/BC-UBND',
  letterNumber: '22/UBND',
  signer: 'Nguyễn Văn Phường',
  signerTitle: 'Phó Chủ tịch',
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer); // Sa Đéc and Lai Vung
  // A producer account for "Hủ tiếu Sa Đéc" (set 6), in the officer's commune.
  const subject = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0];
  await admin.post('/api/v1/users', {
    email: 'sagiang@example.vn',
    fullName: 'Phạm Thị Hoa',
    role: 'producer',
    subjectId: subject.id,
    password: 'banh-phong-tom-gion-2026',
  });
  producer = await t.client('sagiang@example.vn', 'banh-phong-tom-gion-2026');
  productId = (await producer.get('/api/v1/products?q=hu%20tieu')).body.items[0].id;
  const sa = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
  await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set6), notes: {} });
  await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
  selfAssessmentId = sa.id;
  await admin.post('/api/v1/rounds/defaults', { year });
});
afterAll(() => t.close());

async function step(c: Client, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = (await c.get(`/api/v1/dossiers/${id}`)).body;
  return c.post(`/api/v1/dossiers/${id}/transitions`, { action, expectedVersion: current.version, ...extra });
}

describe('evaluation rounds', () => {
  it('opens the two rounds of Art. 5 once, however often asked', async () => {
    const again = await admin.post('/api/v1/rounds/defaults', { year });
    expect(again.body.map((r: { proposalDeadline: string }) => r.proposalDeadline)).toEqual([`${year}-04-30`, `${year}-10-30`]);
    expect((await producer.post('/api/v1/rounds/defaults', { year })).status).toBe(403);
    expect((await admin.post('/api/v1/rounds', { year, number: 1, proposalDeadline: `${year}-04-30`, resultDeadline: `${year}-06-30` })).status).toBe(409);
  });
});

describe('a dossier from the producer to the decision', () => {
  let id: string;

  it('is opened as a draft with the self-assessment, five samples and the Mẫu 01 fields', async () => {
    const res = await producer.post('/api/v1/dossiers', {
      productId,
      kind: 'first',
      selfAssessmentId,
      registration: { representativeName: 'Phạm Thị Hoa', representativePosition: 'Giám đốc' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'draft',
      setNumber: 6,
      samples: 5,
      legalBasis: '26/2026/QĐ-TTg',
      availableActions: ['submit', 'withdraw_draft'],
      submitBlockers: [],
    });
    id = res.body.id;
    expect((await producer.post('/api/v1/dossiers', { productId, kind: 'first', selfAssessmentId, registration: { representativeName: 'X' } })).status).toBe(
      409,
    );
  });

  it('shows which documents are on file, reusing the subject’s papers, and keeps what was filed', async () => {
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    const before = (await producer.get(`/api/v1/dossiers/${id}/checklist`)).body;
    expect(before.complete).toBe(false);
    expect(before.lines.filter((l: { required: boolean }) => l.required).map((l: { type: string }) => l.type)).toEqual([
      'business_registration',
      'food_safety_certificate',
      'quality_declaration',
      'test_report',
    ]);
    const upload = async (type: string, title: string, extra: Record<string, string> = {}) => {
      const body = multipart({ type, title, ...extra }, { name: `${type}.pdf`, data: Buffer.from('%PDF-1.4\n') });
      return producer.request('POST', `/api/v1/subjects/${subjectId}/documents`, body.payload, { headers: body.headers });
    };
    expect((await upload('business_registration', 'Giấy CNĐKKD')).status).toBe(201);
    expect((await upload('food_safety_certificate', 'Giấy ATTP', { validUntil: '2027-01-01' })).status).toBe(201); // already expired
    expect((await upload('quality_declaration', 'Tự công bố', { productId })).status).toBe(201);
    expect((await upload('test_report', 'Phiếu kiểm nghiệm', { productId })).status).toBe(201);
    expect((await upload('nonsense', 'x')).status).toBe(400);
    const partial = (await producer.get(`/api/v1/dossiers/${id}/checklist`)).body;
    expect(partial.complete).toBe(false);
    expect(partial.lines.find((l: { type: string }) => l.type === 'food_safety_certificate').status).toBe('expired');
    expect((await upload('food_safety_certificate', 'Giấy ATTP (cấp lại)', { validUntil: '2029-12-31' })).status).toBe(201);
    expect((await producer.get(`/api/v1/dossiers/${id}/checklist`)).body.complete).toBe(true);
  });

  it('goes to the commune, which has 15 working days', async () => {
    const res = await step(producer, id, 'submit');
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('submitted');
    // Tuesday 02/03/2027 + 15 working days = Tuesday 23/03/2027.
    expect(res.body).toMatchObject({ submittedOn: '2027-03-02', communeDueOn: '2027-03-23', communeOverdue: false });
    now = new Date('2027-03-24T03:00:00Z');
    expect((await officer.get(`/api/v1/dossiers/${id}`)).body.communeOverdue).toBe(true);
    now = new Date('2027-03-02T03:00:00Z');
  });

  it('keeps the papers it was filed with', async () => {
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    const filed = (await officer.get(`/api/v1/dossiers/${id}/checklist`)).body;
    const registration = filed.lines.find((l: { type: string }) => l.type === 'business_registration').documents[0];
    expect(filed.complete).toBe(true);
    expect((await officer.get(registration.url)).status).toBe(200);
    expect((await producer.delete(`/api/v1/subjects/${subjectId}/documents/${registration.id}`)).body.error.code).toBe('document_in_dossier');
  });

  it('lets only the commune’s officer assess, with the Mẫu 03 report', async () => {
    expect((await step(producer, id, 'assess', { assessment })).status).toBe(403);
    expect((await step(admin, id, 'receive')).status).toBe(409);
    const missing = await step(officer, id, 'assess');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('assessment_required');
    const res = await step(officer, id, 'assess', { assessment });
    expect(res.body.state).toBe('commune_assessed');
    expect(res.body.communeAssessment).toMatchObject({ conclusion: 'propose' });
  });

  it('is received into the open round, returned once for a document, and resubmitted', async () => {
    const received = await step(admin, id, 'receive');
    expect(received.body).toMatchObject({ state: 'received', roundName: `Đợt 1 năm ${year} (cấp tỉnh)` });
    expect((await step(admin, id, 'return')).body.error.code).toBe('comment_required');
    const returned = await step(admin, id, 'return', { comment: 'Thiếu phiếu kết quả kiểm nghiệm' });
    expect(returned.body.state).toBe('returned');
    const inbox = (await producer.get('/api/v1/notifications')).body;
    expect(inbox.items[0].body).toContain('Thiếu phiếu kết quả kiểm nghiệm');
    expect((await step(producer, id, 'resubmit')).body.state).toBe('resubmitted');
    expect((await step(admin, id, 'receive')).body.state).toBe('received');
  });

  it('refuses a step taken on a stale version (optimistic locking)', async () => {
    const current = (await admin.get(`/api/v1/dossiers/${id}`)).body;
    const [a, b] = await Promise.all([
      admin.post(`/api/v1/dossiers/${id}/transitions`, { action: 'send_to_council', expectedVersion: current.version }),
      admin.post(`/api/v1/dossiers/${id}/transitions`, { action: 'return', expectedVersion: current.version, comment: 'x' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = (await admin.get(`/api/v1/dossiers/${id}`)).body;
    expect(after.version).toBe(current.version + 1);
    if (after.state === 'returned') {
      await step(producer, id, 'resubmit');
      await step(admin, id, 'receive');
      await step(admin, id, 'send_to_council');
    }
    expect((await admin.get(`/api/v1/dossiers/${id}`)).body.state).toBe('in_council');
  });

  it('holds scoring while a question on evidence waits for the producer’s answer', async () => {
    const asked = await admin.post(`/api/v1/dossiers/${id}/questions`, {
      criterionCode: '1.5',
      question: 'Hợp đồng liên kết ở tiêu chí 1.5 chỉ bao tiêu 40% sản lượng — còn hợp đồng nào khác?',
    });
    expect(asked.status).toBe(201);
    expect((await admin.post(`/api/v1/dossiers/${id}/questions`, { criterionCode: '99', question: 'x' })).body.error.code).toBe('unknown_criterion');
    expect((await producer.post(`/api/v1/dossiers/${id}/questions`, { criterionCode: '1.5', question: 'x' })).status).toBe(403);
    expect((await producer.get('/api/v1/notifications')).body.items[0].title).toContain('tiêu chí 1.5');
    const questionId = asked.body[0].id;
    const answered = await producer.post(`/api/v1/dossiers/${id}/questions/${questionId}/messages`, {
      body: 'Có thêm hợp đồng với siêu thị Co.opmart, bao tiêu 35%.',
    });
    expect(answered.body[0]).toMatchObject({ status: 'answered' });
    expect(answered.body[0].messages).toHaveLength(2);
    expect((await admin.post(`/api/v1/dossiers/${id}/questions/${questionId}/close`)).body[0].status).toBe('closed');
  });

  it('never takes a council score, a star or a round from the caller', async () => {
    // Item 1 of the integrity review: a typed-in score is refused, whatever the route.
    const typed = await step(admin, id, 'record_score', { councilScore: 99 });
    expect(typed.status).toBe(400);
    expect(typed.body.error.fields).toHaveProperty('councilScore');
    const bare = await step(admin, id, 'record_score');
    expect(bare.body.error).toMatchObject({ code: 'score_from_sheets_only' });
    expect(bare.body.error.message).toContain('phiếu chấm đã khoá');
    expect((await step(admin, id, 'decide', { star: 4 })).status).toBe(400);
    expect((await step(admin, id, 'decide')).body.error.code).toBe('decision_required');
    expect((await step(admin, id, 'receive', { roundId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await admin.get(`/api/v1/dossiers/${id}`)).body).toMatchObject({ state: 'in_council', councilScore: null });
  });

  it('keeps the whole history of steps', async () => {
    const events = (await officer.get(`/api/v1/dossiers/${id}/events`)).body;
    expect(events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'submit', 'assess', 'receive', 'return', 'resubmit', 'send_to_council']),
    );
    expect(events.find((e: { action: string }) => e.action === 'return').comment).toBe('Thiếu phiếu kết quả kiểm nghiệm');
  });

  it('shows dossiers only within scope', async () => {
    const other = await t.client(DEMO.producer);
    expect((await other.get(`/api/v1/dossiers/${id}`)).status).toBe(404);
    expect((await other.get('/api/v1/dossiers')).body.total).toBe(0);
    expect((await officer.get('/api/v1/dossiers')).body.total).toBe(1);
    expect((await (await t.client(DEMO.council)).get('/api/v1/dossiers')).status).toBe(403);
  });
});

/** The dossier the first part took before the council. */
const inCouncilId = async () => (await admin.get('/api/v1/dossiers?state=in_council')).body.items[0].id as string;

async function productWithCompletedSheet(name: string) {
  const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
  const id = (await producer.post('/api/v1/products', { subjectId, name, criteriaSetNumber: 6 })).body.id as string;
  const sheetId = (await producer.post(`/api/v1/products/${id}/self-assessments`, {})).body.id as string;
  await producer.put(`/api/v1/self-assessments/${sheetId}`, { choices: bestChoices(set6), notes: {} });
  await producer.post(`/api/v1/self-assessments/${sheetId}/complete`);
  return { productId: id, sheetId };
}

describe('a dossier needs its self-assessment; a draft can be taken back', () => {
  let otherProductId: string;
  let draftSheetId: string;
  let draftId: string;
  const audits = (entityId: string) =>
    t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.entityId, entityId), orderBy: (a, { asc }) => asc(a.id) });
  const registration = { representativeName: 'Phạm Thị Hoa' };

  beforeAll(async () => {
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    otherProductId = (await producer.post('/api/v1/products', { subjectId, name: 'Bánh phồng tôm Sa Giang loại đặc biệt', criteriaSetNumber: 6 })).body.id;
    draftSheetId = (await producer.post(`/api/v1/products/${otherProductId}/self-assessments`, {})).body.id;
  });

  it('refuses a dossier without a self-assessment, saying so in both languages', async () => {
    const refused = await producer.post('/api/v1/dossiers', { productId: otherProductId, kind: 'first', registration });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('self_assessment_required');
    expect(refused.body.error.fields.selfAssessmentId).toContain('Cần chọn phiếu tự đánh giá (Mẫu 02)');
    producer.lang = 'en';
    const english = await producer.post('/api/v1/dossiers', { productId: otherProductId, kind: 'first', registration });
    producer.lang = 'vi';
    expect(english.body.error.fields.selfAssessmentId).toContain('Choose a self-assessment (Form 02)');
    // Another product's sheet does not do either.
    const foreign = await producer.post('/api/v1/dossiers', { productId: otherProductId, kind: 'first', selfAssessmentId, registration });
    expect(foreign.body.error.code).toBe('unknown_self_assessment');
    expect((await producer.get(`/api/v1/dossiers?productId=${otherProductId}`)).body.total).toBe(0);
  });

  it('opens one with a sheet still in progress, but offers no filing until the sheet is completed', async () => {
    const res = await producer.post('/api/v1/dossiers', { productId: otherProductId, kind: 'first', selfAssessmentId: draftSheetId, registration });
    expect(res.status).toBe(201);
    draftId = res.body.id;
    expect(res.body).toMatchObject({ state: 'draft', selfAssessmentId: draftSheetId, availableActions: ['withdraw_draft'], deadline: null });
    expect(res.body.submitBlockers).toEqual([{ vi: 'phiếu tự đánh giá (Mẫu 02) chưa hoàn thành', en: 'the self-assessment (Form 02) is not completed yet' }]);
    const refused = await step(producer, draftId, 'submit');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'not_ready', message: 'Hồ sơ chưa nộp được: phiếu tự đánh giá (Mẫu 02) chưa hoàn thành' });
    await producer.put(`/api/v1/self-assessments/${draftSheetId}`, { choices: bestChoices(set6), notes: {} });
    await producer.post(`/api/v1/self-assessments/${draftSheetId}/complete`);
    expect((await producer.get(`/api/v1/dossiers/${draftId}`)).body).toMatchObject({ submitBlockers: [], availableActions: ['submit', 'withdraw_draft'] });
  });

  it('lets neither another producer nor the commune take back the draft', async () => {
    const other = await t.client(DEMO.producer);
    expect((await other.post(`/api/v1/dossiers/${draftId}/transitions`, { action: 'withdraw_draft', expectedVersion: 1 })).status).toBe(404);
    expect((await step(officer, draftId, 'withdraw_draft')).status).toBe(403);
    expect((await producer.get(`/api/v1/dossiers/${draftId}`)).body.state).toBe('draft');
  });

  it('lets its producer take back the draft: audited, out of the lists, the product free for a new one', async () => {
    const res = await step(producer, draftId, 'withdraw_draft');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'withdrawn', availableActions: [] });
    const log = await audits(draftId);
    expect(log.map((a) => a.action)).toEqual(['create', 'update']);
    expect(log[1]!.before).toMatchObject({ state: 'draft' });
    expect(log[1]!.after).toMatchObject({ state: 'withdrawn' });
    expect((await producer.get(`/api/v1/dossiers/${draftId}/events`)).body.at(-1)).toMatchObject({ action: 'withdraw_draft', toState: 'withdrawn' });
    expect((await producer.get(`/api/v1/dossiers?productId=${otherProductId}`)).body.total).toBe(0);
    const withdrawn = (await producer.get('/api/v1/dossiers?state=withdrawn')).body.items.map((d: { id: string }) => d.id);
    expect(withdrawn).toContain(draftId);
    expect((await step(producer, draftId, 'withdraw_draft')).status).toBe(409);
  });

  it('never takes back a filed dossier, by its producer or the office', async () => {
    const res = await producer.post('/api/v1/dossiers', { productId: otherProductId, kind: 'first', selfAssessmentId: draftSheetId, registration });
    expect(res.status).toBe(201);
    const filed = await step(producer, res.body.id, 'submit');
    expect(filed.body).toMatchObject({ state: 'submitted' });
    expect(filed.body.availableActions).not.toContain('withdraw_draft');
    const filing = (await producer.get(`/api/v1/dossiers/${res.body.id}/filing`)).body;
    const refused = await step(producer, res.body.id, 'withdraw_draft');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_state');
    expect((await step(admin, res.body.id, 'withdraw_draft')).status).toBe(409);
    expect((await step(admin, await inCouncilId(), 'withdraw_draft')).status).toBe(409);
    expect((await producer.get(`/api/v1/dossiers/${res.body.id}/filing`)).body).toEqual(filing);
    expect((await producer.get(`/api/v1/dossiers/${res.body.id}`)).body.state).toBe('submitted');
  });

  it('lets the province’s office take back a draft too', async () => {
    const { productId: p, sheetId } = await productWithCompletedSheet('Bánh tráng Sa Giang');
    const res = await producer.post('/api/v1/dossiers', { productId: p, kind: 'first', selfAssessmentId: sheetId, registration });
    expect((await step(admin, res.body.id, 'withdraw_draft')).body.state).toBe('withdrawn');
  });
});

describe('the list: search by product or producer, and the stage’s deadline', () => {
  const names = async (c: Client, query: string) => (await c.get(`/api/v1/dossiers?${query}`)).body.items.map((d: { productName: string }) => d.productName);
  const products = async (c: Client, query: string) => (await c.get(`/api/v1/dossiers?${query}`)).body.items.map((d: { productId: string }) => d.productId);

  it('finds dossiers by the product’s or the producer’s name, accents and case aside', async () => {
    expect(await products(officer, 'q=HU%20TIEU')).toEqual([productId]);
    expect(await names(officer, `q=${encodeURIComponent('LOAI đặc BIET')}`)).toEqual(['Bánh phồng tôm Sa Giang loại đặc biệt']);
    // The producer's name: none of its products is called so.
    const subject = (await producer.get(`/api/v1/subjects/${(await producer.get('/api/v1/auth/me')).body.user.subjectId}`)).body;
    const folded = subject.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toUpperCase();
    const byProducer = await officer.get(`/api/v1/dossiers?q=${encodeURIComponent(folded)}`);
    expect(byProducer.body.total).toBe(2);
    expect(byProducer.body.items.map((d: { subjectName: string }) => d.subjectName)).toEqual([subject.name, subject.name]);
    expect(await names(officer, 'q=khong%20co%20ten%20nay')).toEqual([]);
    expect(await names(officer, 'q=100%25')).toEqual([]);
  });

  it('counts a new dossier at once: a total is kept only until the records change', async () => {
    const total = async (query = '') => (await admin.get(`/api/v1/dossiers?pageSize=1${query}`)).body.total as number;
    const before = await total();
    expect(await total()).toBe(before);
    const { productId: p, sheetId } = await productWithCompletedSheet('Mắm cá linh Sa Giang');
    expect(await total('&q=mam%20ca%20linh')).toBe(0);
    const res = await producer.post('/api/v1/dossiers', {
      productId: p,
      kind: 'first',
      selfAssessmentId: sheetId,
      registration: { representativeName: 'Phạm Thị Hoa' },
    });
    expect(res.status).toBe(201);
    expect(await total()).toBe(before + 1);
    expect(await total('&q=mam%20ca%20linh')).toBe(1);
  });

  it('pages through the list recent first, each page showing its own dossiers whole', async () => {
    const whole = (await admin.get('/api/v1/dossiers?pageSize=100')).body;
    expect(whole.items.length).toBeGreaterThanOrEqual(3);
    const stamps = whole.items.map((d: { updatedAt: string }) => d.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    const paged = [];
    for (let page = 1; paged.length < whole.total; page++) {
      const { items } = (await admin.get(`/api/v1/dossiers?pageSize=2&page=${page}`)).body;
      expect(items.length).toBeGreaterThan(0);
      paged.push(...items);
    }
    // Every row of a page, not only its key: the same as the whole list shows.
    expect(paged).toEqual(whole.items);
  });

  it('gives the same pages from kept ids as from the database’s own paging', async () => {
    const db = t.database.db;
    for (const filter of [{}, { state: 'submitted' }, { q: 'mam ca linh' }]) {
      const scoped = { scope: { kind: 'province', provinceCode: '82' } as const, ...filter };
      const ids = (await dossiersRepository.matchIds(db, scoped, 1_000))!;
      expect(ids.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await dossiersRepository.matchIds(db, scoped, ids.length - 1)).toBeNull();
      for (let offset = 0; offset < ids.length + 2; offset += 2) {
        const fromIds = await dossiersRepository.rowsByIds(db, ids.slice(offset, offset + 2));
        expect(fromIds, `${JSON.stringify(filter)} @${offset}`).toEqual(await dossiersRepository.page(db, scoped, { limit: 2, offset }));
      }
    }
  });

  it('gives each dossier its stage’s deadline, overdue only after the due day', async () => {
    const submitted = (await officer.get('/api/v1/dossiers?state=submitted')).body.items[0];
    // Filed Tuesday 02/03/2027: the commune's 15 working days end on Tuesday 23/03/2027.
    expect(submitted.deadline).toEqual({ rule: 'commune_assessment', dueOn: '2027-03-23', overdue: false });
    const flags = async (day: string) => {
      now = new Date(`${day}T03:00:00Z`);
      const row = (await officer.get('/api/v1/dossiers?state=submitted')).body.items[0];
      return [row.deadline.overdue, (await officer.get(`/api/v1/dossiers/${submitted.id}`)).body.deadline.overdue];
    };
    expect(await flags('2027-03-22')).toEqual([false, false]);
    expect(await flags('2027-03-23')).toEqual([false, false]);
    expect(await flags('2027-03-24')).toEqual([true, true]);
    // Before the council, the round's result date (round 1: 30/06).
    expect((await officer.get(`/api/v1/dossiers/${await inCouncilId()}`)).body.deadline).toEqual({ rule: 'round_result', dueOn: '2027-06-30', overdue: false });
    now = new Date('2027-07-01T03:00:00Z');
    expect((await officer.get(`/api/v1/dossiers/${await inCouncilId()}`)).body.deadline).toMatchObject({ overdue: true });
    now = new Date('2027-03-02T03:00:00Z');
  });
});

describe('recorded times', () => {
  it('dates a completed self-assessment and a notification read by the application clock, not the machine’s', async () => {
    // Completed before the tests, on 02/03/2027 by the clock.
    expect((await producer.get(`/api/v1/self-assessments/${selfAssessmentId}`)).body.completedAt).toBe('2027-03-02T03:00:00.000Z');
    const userId = (await producer.get('/api/v1/auth/me')).body.user.id as string;
    await notify(t.database.db, { userIds: [userId], title: 'Thông báo thử 1', body: 'Một' });
    await notify(t.database.db, { userIds: [userId], title: 'Thông báo thử 2', body: 'Hai' });
    const readAt = async () =>
      new Map(((await producer.get('/api/v1/notifications')).body.items as { title: string; readAt: string | null }[]).map((n) => [n.title, n.readAt]));
    const first = ((await producer.get('/api/v1/notifications')).body.items as { id: string; title: string }[]).find((n) => n.title === 'Thông báo thử 1')!;
    now = new Date('2027-04-01T03:00:00Z');
    await producer.post(`/api/v1/notifications/${first.id}/read`);
    now = new Date('2027-04-02T03:00:00Z');
    await producer.post('/api/v1/notifications/read-all');
    const read = await readAt();
    expect([read.get('Thông báo thử 1'), read.get('Thông báo thử 2')]).toEqual(['2027-04-01T03:00:00.000Z', '2027-04-02T03:00:00.000Z']);
    now = new Date('2027-03-02T03:00:00Z');
  });
});
