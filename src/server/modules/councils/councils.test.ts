import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion, worstChoices } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { COMMUNE_ASSESSMENT, dossierInCouncil, step } from '../../../../test/support/evaluation.js';
import { unzipSync } from 'fflate';
import { docxText } from '../../../../test/support/documents.js';

let t: TestApp;
let admin: Client;
const members: Record<'chair' | 'a' | 'b' | 'secretary', Client> = {} as never;
let dossierId: string;
let sessionId: string;
const now = new Date('2027-03-02T03:00:00Z');
const set1 = loadShippedVersion('qd26').sets.find((s) => s.number === 1)!;
const best = bestChoices(set1);

/** A sheet worth about `drop` points less than the best, choosing the worst option on a few criteria. */
function sheetBelowBest(criteria: number) {
  const worst = worstChoices(set1);
  const codes = Object.keys(best).slice(0, criteria);
  return { ...best, ...Object.fromEntries(codes.map((c) => [c, worst[c]!])) };
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  const userIds: Record<string, string> = {};
  for (const key of ['chair', 'a', 'b', 'secretary'] as const) {
    const created = await admin.post('/api/v1/users', { email: `hd.${key}@example.vn`, fullName: `Thành viên ${key}`, role: 'council', password: 'council-password' });
    userIds[key] = created.body.user.id;
    members[key] = await t.client(`hd.${key}@example.vn`, 'council-password');
  }
  const officer = await t.client(DEMO.officer);
  const subject = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0];
  await admin.post('/api/v1/users', { email: 'quyt@example.vn', fullName: 'Võ Văn Phúc', role: 'producer', subjectId: subject.id, password: 'quyt-hong-password' });
  const producer = await t.client('quyt@example.vn', 'quyt-hong-password');
  const productId = (await producer.get('/api/v1/products')).body.items[0].id;
  const sa = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
  await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: best, notes: {} });
  await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
  dossierId = (await producer.post('/api/v1/dossiers', { productId, kind: 'first', selfAssessmentId: sa.id, registration: { representativeName: 'Võ Văn Phúc' } })).body.id;
  await admin.post('/api/v1/rounds/defaults', { year: 2027 });
  await step(producer, dossierId, 'submit');
  await step(officer, dossierId, 'assess', { assessment: COMMUNE_ASSESSMENT });
  await step(admin, dossierId, 'receive');
  await step(admin, dossierId, 'send_to_council');

  const council = await admin.post('/api/v1/councils', {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2027',
    year: 2027,
    members: [
      { fullName: 'Chủ tịch HĐ', organisation: 'UBND tỉnh', position: 'chair', userId: userIds.chair },
      { fullName: 'Thành viên A', organisation: 'Sở Công Thương', position: 'member', userId: userIds.a },
      { fullName: 'Thành viên B', organisation: 'Sở Y tế', position: 'member', userId: userIds.b },
      { fullName: 'Thư ký HĐ', organisation: 'Văn phòng điều phối NTM', position: 'secretary', userId: userIds.secretary },
    ],
  });
  expect(council.status).toBe(201);
  const session = await admin.post(`/api/v1/councils/${council.body.id}/sessions`, { title: 'Phiên 1, đợt 1 năm 2027', heldOn: '2027-05-20', dossierIds: [dossierId] });
  expect(session.status).toBe(201);
  sessionId = session.body.id;
  const ids = council.body.members.map((m: { id: string }) => m.id);
  await members.secretary.put(`/api/v1/council-sessions/${sessionId}/attendance`, { memberIds: ids });
});
afterAll(() => t.close());

const base = () => `/api/v1/council-sessions/${sessionId}/dossiers/${dossierId}`;

async function score(c: Client, choices: Record<string, number>) {
  const sheet = (await c.get(`${base()}/sheet`)).body;
  const saved = await c.put(`${base()}/sheet`, { choices, expectedVersion: sheet.version });
  expect(saved.status).toBe(200);
  return c.post(`${base()}/sheet/submit`);
}

describe('a council scores a dossier', () => {
  it('needs each member’s declaration first, and keeps a conflicted member out', async () => {
    expect((await members.a.get(`${base()}/sheet`)).body.error.message).toBe('Hãy khai báo xung đột lợi ích trước khi chấm.');
    await members.b.post(`${base()}/declaration`, { hasConflict: true, note: 'Người thân làm việc tại HTX' });
    expect((await members.b.get(`${base()}/sheet`)).status).toBe(403);
    for (const key of ['chair', 'a', 'secretary'] as const) expect((await members[key].post(`${base()}/declaration`, { hasConflict: false })).status).toBe(200);
    const chairView = (await members.chair.get(`/api/v1/council-sessions/${sessionId}`)).body;
    expect(chairView.dossiers[0].declarations.find((d: { hasConflict: boolean }) => d.hasConflict)).toMatchObject({ memberName: 'Thành viên B', note: 'Người thân làm việc tại HTX' });
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}`)).body.dossiers[0].declarations).toBeNull();
  });

  it('shows members the advisory team’s site-visit notes beside the criteria', async () => {
    const visit = { visitedOn: '2027-05-10', visitors: 'Tổ tư vấn tỉnh', summary: 'Vườn quýt 12 ha, có nhật ký canh tác.', criterionNotes: { '1.1': 'Nguyên liệu 100% tại địa phương' } };
    expect((await members.a.post(`/api/v1/dossiers/${dossierId}/site-visits`, visit)).status).toBe(403);
    expect((await admin.post(`/api/v1/dossiers/${dossierId}/site-visits`, { ...visit, criterionNotes: { '42': 'x' } })).body.error.code).toBe('unknown_criterion');
    expect((await admin.post(`/api/v1/dossiers/${dossierId}/site-visits`, visit)).status).toBe(201);
    const seen = (await members.a.get(`/api/v1/dossiers/${dossierId}/site-visits`)).body;
    expect(seen[0]).toMatchObject({ visitors: 'Tổ tư vấn tỉnh', criterionNotes: { '1.1': 'Nguyên liệu 100% tại địa phương' } });
    expect((await (await t.client(DEMO.council)).get(`/api/v1/dossiers/${dossierId}/site-visits`)).status).toBe(404);
  });

  it('scores independently: a member sees neither other sheets nor the result before the session closes', async () => {
    expect((await score(members.chair, best)).body).toMatchObject({ status: 'submitted', total: 100 });
    expect((await members.a.get(`${base()}/result`)).status).toBe(403);
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}`)).body.dossiers[0].sheets).toBeNull();
  });

  it('survives a double submission and two members submitting at once', async () => {
    const a = (await members.a.get(`${base()}/sheet`)).body;
    await members.a.put(`${base()}/sheet`, { choices: sheetBelowBest(12), expectedVersion: a.version });
    const s = (await members.secretary.get(`${base()}/sheet`)).body;
    await members.secretary.put(`${base()}/sheet`, { choices: best, expectedVersion: s.version });
    const [first, again, other] = await Promise.all([
      members.a.post(`${base()}/sheet/submit`),
      members.a.post(`${base()}/sheet/submit`),
      members.secretary.post(`${base()}/sheet/submit`),
    ]);
    expect([first.status, again.status].sort()).toEqual([200, 409]);
    expect(other.status).toBe(200);
    const locked = await members.a.put(`${base()}/sheet`, { choices: best, expectedVersion: 99 });
    expect(locked.body.error.code).toBe('sheet_locked');
  });

  it('flags a spread above 10 points; the chair asks for re-scoring, and the new round agrees', async () => {
    const result = (await members.chair.get(`${base()}/result`)).body;
    expect(result.submitted).toBe(3);
    expect(result.result.spread).toBeGreaterThan(10);
    expect(result.result.rescoreRequired).toBe(true);
    expect((await members.a.post(`${base()}/rescore`)).status).toBe(403);
    const rescored = await members.chair.post(`${base()}/rescore`);
    expect(rescored.body.dossiers[0].scoringRound).toBe(2);
    await score(members.chair, sheetBelowBest(2));
    await score(members.a, sheetBelowBest(3));
    // The secretary enters the third sheet from paper for itself.
    const secretaryId = (await members.secretary.get(`${base()}/sheet`)).body.memberId;
    const paper = await members.secretary.post(`${base()}/paper-sheets`, { memberId: secretaryId, choices: sheetBelowBest(1) });
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}`)).body.dossiers[0]).toMatchObject({ legalBasis: '26/2026/QĐ-TTg', versionSlug: '26-2026-qd-ttg' });
    expect(paper.body).toMatchObject({ paper: true, status: 'submitted', scoringRound: 2 });
    const second = (await admin.get(`${base()}/result`)).body;
    expect(second.result.rescoreRequired).toBe(false);
    expect(second.result.quorum.status).toBe('met');
  });

  it('closes the session: the mean is recorded on the dossier, and members then see all sheets', async () => {
    const expected = (await admin.get(`${base()}/result`)).body.result.total;
    expect((await members.a.post(`/api/v1/council-sessions/${sessionId}/close`)).status).toBe(403);
    const closed = await members.secretary.post(`/api/v1/council-sessions/${sessionId}/close`);
    expect(closed.body.status).toBe('closed');
    expect((await admin.get(`/api/v1/dossiers/${dossierId}`)).body).toMatchObject({ state: 'scored', councilScore: expected });
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}`)).body.dossiers[0].sheets).toHaveLength(3);
    expect((await members.a.get(`${base()}/result`)).status).toBe(200);
    expect((await members.a.put(`${base()}/sheet`, { choices: best, expectedVersion: 1 })).body.error.code).toBe('session_closed');
    const minutes = await members.secretary.get(`/api/v1/council-sessions/${sessionId}/minutes.docx`);
    expect(minutes.status).toBe(200);
    const text = docxText(minutes.raw);
    for (const expected of ['BIÊN BẢN', 'Thành viên B', 'Quýt hồng Lai Vung', 'Đề nghị công nhận', 'CHỦ TỊCH HỘI ĐỒNG']) expect(text).toContain(expected);
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}/minutes.docx`)).status).toBe(403);
  });

  it('packages a dossier of 90+ points for the ministry once the province has decided', async () => {
    expect((await admin.get(`/api/v1/dossiers/${dossierId}/ministry-package`)).body.error.code).toBe('not_for_ministry');
    // The decision follows the council: never above the star its sheets earned after the minimum-star gates.
    const { councilStar, councilScore } = (await admin.get(`/api/v1/dossiers/${dossierId}`)).body;
    expect(councilScore).toBeGreaterThanOrEqual(90);
    const decide = (star: number | null) => admin.post('/api/v1/decisions', { number: '77/QĐ-UBND', signedOn: '2027-06-25', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch', items: [{ dossierId, star }] });
    if (councilStar < 4) expect((await decide(4)).body.error.fields['items.0.star']).toContain(`Hội đồng chỉ xếp hạng ${councilStar} sao`);
    const decided = await decide(councilStar >= 3 ? Math.min(councilStar, 4) : null);
    expect(decided.status).toBe(201);
    const pkg = await admin.get(`/api/v1/dossiers/${dossierId}/ministry-package`);
    expect(pkg.status).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(pkg.raw)));
    expect(names).toEqual(expect.arrayContaining(['ho-so.json', 'mau-02-tu-danh-gia.pdf', 'hoi-dong/bien-ban-1.docx']));
    expect((await members.chair.get(`/api/v1/dossiers/${dossierId}/ministry-package`)).status).toBe(403);
  });

  it('refuses written opinions after their deadline (Art. 7.6), but not the secretary’s paper entry', async () => {
    const officer = await t.client(DEMO.officer);
    const producer = await t.client('quyt@example.vn', 'quyt-hong-password');
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    const product = (await producer.post('/api/v1/products', { subjectId, name: 'Mứt quýt hồng', criteriaSetNumber: 1 })).body;
    const dossier = await dossierInCouncil({ producer, officer, admin }, product.id, 1);
    const councilId = (await admin.get('/api/v1/councils')).body[0].id;
    const written = (await admin.post(`/api/v1/councils/${councilId}/sessions`, { title: 'Lấy ý kiến bằng văn bản', heldOn: '2027-02-20', mode: 'written', writtenDeadline: '2027-03-01', dossierIds: [dossier.id] })).body;
    const path = `/api/v1/council-sessions/${written.id}/dossiers/${dossier.id}`;
    await members.a.post(`${path}/declaration`, { hasConflict: false });
    const sheet = (await members.a.get(`${path}/sheet`)).body;
    await members.a.put(`${path}/sheet`, { choices: best, expectedVersion: sheet.version });
    expect((await members.a.post(`${path}/sheet/submit`)).body.error.code).toBe('written_deadline_passed');
    // The chair declared on paper: the secretary records the declaration with the paper sheet.
    const chairId = (await admin.get('/api/v1/councils')).body[0].members.find((m: { position: string }) => m.position === 'chair').id;
    expect((await members.secretary.post(`${path}/paper-sheets`, { memberId: chairId, choices: best })).status).toBe(403);
    expect((await members.secretary.post(`${path}/paper-sheets`, { memberId: chairId, choices: best, declaration: { hasConflict: false } })).status).toBe(200);
    // Council members read the producer's self-assessment filed with the dossier, not others'.
    expect((await members.a.get(`/api/v1/self-assessments/${dossier.selfAssessmentId}`)).status).toBe(200);
    expect((await (await t.client(DEMO.council)).get(`/api/v1/self-assessments/${dossier.selfAssessmentId}`)).status).toBe(404);
  });

  it('lists the sessions each caller may open', async () => {
    expect((await members.a.get('/api/v1/council-sessions')).body.map((s: { id: string }) => s.id)).toContain(sessionId);
    expect((await admin.get(`/api/v1/council-sessions?dossierId=${dossierId}`)).body[0]).toMatchObject({ id: sessionId, dossierCount: 1, status: 'closed' });
    expect((await (await t.client(DEMO.council)).get('/api/v1/council-sessions')).body).toEqual([]);
  });

  it('keeps outsiders out', async () => {
    const outsider = await t.client(DEMO.council);
    expect((await outsider.get(`/api/v1/council-sessions/${sessionId}`)).status).toBe(404);
    expect((await (await t.client(DEMO.producer)).get(`/api/v1/council-sessions/${sessionId}`)).status).toBe(403);
  });
});
