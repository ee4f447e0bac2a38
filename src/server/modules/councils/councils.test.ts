import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion, worstChoices } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { dossierInCouncil, SMALL_PDF } from '../../../../test/support/evaluation.js';
import { docxText } from '../../../../test/support/documents.js';
import { multipart } from '../../../../test/support/multipart.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
const KEYS = ['chair', 'a', 'b', 'c', 'd', 'secretary'] as const;
type Key = (typeof KEYS)[number];
const members = {} as Record<Key, Client>;
const userIds = {} as Record<Key, string>;
const memberIds = {} as Record<Key, string>;
let councilId: string;
let dossierId: string;
let sessionId: string;
let now = new Date('2027-05-20T03:00:00Z');
const set1 = loadShippedVersion('qd26').sets.find((s) => s.number === 1)!;
const best = bestChoices(set1);
const establishment = { number: '120/QĐ-UBND', date: '2027-01-15', signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' };
const ORGS: Record<Key, string> = {
  chair: 'UBND tỉnh',
  a: 'Sở Công Thương',
  b: 'Sở Y tế',
  c: 'Sở Khoa học và Công nghệ',
  d: 'Sở Văn hóa, Thể thao và Du lịch',
  secretary: 'Văn phòng điều phối nông thôn mới',
};
const seat = (key: Key) => ({
  fullName: `Thành viên ${key}`,
  organisation: ORGS[key],
  position: key === 'chair' ? 'chair' : key === 'secretary' ? 'secretary' : 'member',
  userId: userIds[key],
});

/** A sheet a few points below the best: the worst option on the first `criteria` criteria. */
function sheetBelowBest(criteria: number) {
  const worst = worstChoices(set1);
  const codes = Object.keys(best).slice(0, criteria);
  return { ...best, ...Object.fromEntries(codes.map((c) => [c, worst[c]!])) };
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  for (const key of KEYS) {
    const created = await admin.post('/api/v1/users', {
      email: `hd.${key}@example.vn`,
      fullName: `Thành viên ${key}`,
      role: 'council',
      password: 'hoi-dong-cham-diem-2026',
    });
    userIds[key] = created.body.user.id;
    members[key] = await t.client(`hd.${key}@example.vn`, 'hoi-dong-cham-diem-2026');
  }
  officer = await t.client(DEMO.officer);
  const subject = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0];
  await admin.post('/api/v1/users', {
    email: 'quyt@example.vn',
    fullName: 'Võ Văn Phúc',
    role: 'producer',
    subjectId: subject.id,
    password: 'vuon-cam-ben-song-2026',
  });
  producer = await t.client('quyt@example.vn', 'vuon-cam-ben-song-2026');
  const productId = (await producer.get('/api/v1/products')).body.items[0].id;
  await admin.post('/api/v1/rounds/defaults', { year: 2027 });
  dossierId = (await dossierInCouncil({ producer, officer, admin }, productId, 1)).id;
});
afterAll(() => t.close());

const base = () => `/api/v1/council-sessions/${sessionId}/dossiers/${dossierId}`;
const sessionOf = (c: Client) => c.get(`/api/v1/council-sessions/${sessionId}`);

async function score(c: Client, choices: Record<string, number>) {
  const sheet = (await c.get(`${base()}/sheet`)).body;
  const saved = await c.put(`${base()}/sheet`, { choices, expectedVersion: sheet.version });
  expect(saved.status).toBe(200);
  return c.post(`${base()}/sheet/submit`);
}

describe('a council is set up as the Chair’s decision does (Art. 7.3b)', () => {
  const council = (members: unknown[], extra: Record<string, unknown> = {}) =>
    admin.post('/api/v1/councils', { name: 'Hội đồng thử', year: 2027, establishment, members, ...extra });

  it('refuses a producer account, too few scoring members, no secretary, an account twice, a future decision', async () => {
    const producerId = (await admin.get('/api/v1/users?role=producer')).body.items[0].id;
    const five = KEYS.map(seat);
    const asProducer = await council([{ ...seat('chair'), userId: producerId }, ...five.slice(1)]);
    expect(asProducer.body.error).toMatchObject({ code: 'council_composition' });
    expect(asProducer.body.error.fields['members.0.userId']).toBe('Chỉ tài khoản cán bộ hoặc thành viên hội đồng được tham gia hội đồng.');
    expect((await council([seat('chair')])).body.error.fields.members).toContain('Hội đồng cần có thư ký');
    expect((await council([seat('chair'), seat('a'), seat('secretary')])).body.error.fields.members).toContain(
      'cần ít nhất 5 thành viên chấm điểm (hiện có 2)',
    );
    expect((await council([...five, seat('a')])).body.error.fields['members.6.userId']).toBe('Tài khoản này đã có trong hội đồng.');
    const future = await council(five, { establishment: { ...establishment, date: '2027-05-21' } });
    expect(future.body.error.fields['establishment.date']).toContain('không được sau ngày hôm nay');
    expect((await admin.get('/api/v1/councils')).body).toEqual([]);
  });

  it('records the council with its establishing decision, the secretary not scoring', async () => {
    const res = await council(KEYS.map(seat), { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2027' });
    expect(res.status).toBe(201);
    councilId = res.body.id;
    expect(res.body.establishment).toEqual(establishment);
    expect(res.body.members.find((m: { position: string }) => m.position === 'secretary')).toMatchObject({ voting: false });
    for (const m of res.body.members as { id: string; userId: string }[]) memberIds[KEYS.find((k) => userIds[k] === m.userId)!] = m.id;
    const docx = docxText((await admin.get(`/api/v1/councils/${councilId}/establishment.docx`)).raw);
    for (const line of ['Số: 120/QĐ-UBND', 'Đồng Tháp, ngày 15 tháng 01 năm 2027', 'Về việc thành lập', 'Thành viên chair', 'KT. CHỦ TỊCH', 'Trần Trí Quang'])
      expect(docx).toContain(line);
  });

  it('opens no session before its rules are attached, nor one dated before the dossier came to it', async () => {
    const open = (heldOn: string) =>
      admin.post(`/api/v1/councils/${councilId}/sessions`, { title: 'Phiên 1, đợt 1 năm 2027', heldOn, dossierIds: [dossierId] });
    expect((await open('2027-05-20')).body.error.code).toBe('council_rules_missing');
    const notRules = multipart({}, { name: 'quy-che.txt', data: Buffer.from('không phải PDF') });
    expect((await admin.request('POST', `/api/v1/councils/${councilId}/rules`, notRules.payload, { headers: notRules.headers })).body.error.code).toBe(
      'unsupported_document',
    );
    const rules = multipart({}, { name: 'Quy chế hoạt động.pdf', data: SMALL_PDF });
    const attached = await admin.request('POST', `/api/v1/councils/${councilId}/rules`, rules.payload, { headers: rules.headers });
    expect(attached.body.rules).toMatchObject({ filename: 'Quy chế hoạt động.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await members.a.get(attached.body.rules.url)).raw.equals(SMALL_PDF)).toBe(true);
    expect((await open('2027-05-19')).body.error.fields.heldOn).toContain('không được trước ngày chuyển hội đồng hồ sơ Quýt hồng Lai Vung (20/05/2027)');
    const session = await open('2027-05-20');
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    await members.secretary.put(`/api/v1/council-sessions/${sessionId}/attendance`, { memberIds: Object.values(memberIds) });
  });
});

describe('members score alone', () => {
  it('needs each member’s declaration first, keeps a conflicted member out, and the secretary scores nothing', async () => {
    expect((await members.a.get(`${base()}/sheet`)).body.error.message).toBe('Hãy khai báo xung đột lợi ích trước khi chấm.');
    await members.b.post(`${base()}/declaration`, { hasConflict: true, note: 'Người thân làm việc tại HTX' });
    expect((await members.b.get(`${base()}/sheet`)).status).toBe(403);
    for (const key of ['chair', 'a', 'c', 'd', 'secretary'] as const)
      expect((await members[key].post(`${base()}/declaration`, { hasConflict: false })).status).toBe(200);
    const secretary = await members.secretary.get(`${base()}/sheet`);
    expect(secretary.status).toBe(403);
    expect(secretary.body.error.message).toContain('Thư ký hội đồng không chấm điểm');
    const chairView = (await sessionOf(members.chair)).body;
    expect(chairView.dossiers[0].declarations.find((d: { hasConflict: boolean }) => d.hasConflict)).toMatchObject({
      memberName: 'Thành viên b',
      note: 'Người thân làm việc tại HTX',
    });
    expect((await sessionOf(members.a)).body.dossiers[0].declarations).toBeNull();
  });

  it('lets nobody — chair, secretary, office — see another member’s total before the session closes', async () => {
    expect((await score(members.chair, best)).body).toMatchObject({ status: 'submitted', total: 100 });
    for (const c of [members.chair, members.secretary, admin]) {
      const sheets = (await sessionOf(c)).body.dossiers[0].sheets;
      expect(sheets).toEqual([expect.objectContaining({ memberName: 'Thành viên chair', status: 'submitted', total: null })]);
      const result = (await c.get(`${base()}/result`)).body;
      // Attendance marks all five present: the quorum is met, but no total is shown.
      expect(result).toMatchObject({ submitted: 1, result: null, progress: { quorum: { status: 'met' } } });
      expect(JSON.stringify(result)).not.toContain('"total"');
    }
    expect((await members.a.get(`${base()}/result`)).status).toBe(403);
    expect((await sessionOf(members.a)).body.dossiers[0].sheets).toBeNull();
  });

  it('survives a double submission and two members submitting at once', async () => {
    const a = (await members.a.get(`${base()}/sheet`)).body;
    await members.a.put(`${base()}/sheet`, { choices: sheetBelowBest(12), expectedVersion: a.version });
    const c = (await members.c.get(`${base()}/sheet`)).body;
    await members.c.put(`${base()}/sheet`, { choices: best, expectedVersion: c.version });
    const [first, again, other] = await Promise.all([
      members.a.post(`${base()}/sheet/submit`),
      members.a.post(`${base()}/sheet/submit`),
      members.c.post(`${base()}/sheet/submit`),
    ]);
    expect([first.status, again.status].sort()).toEqual([200, 409]);
    expect(other.status).toBe(200);
    expect((await members.a.put(`${base()}/sheet`, { choices: best, expectedVersion: 99 })).body.error.code).toBe('sheet_locked');
  });

  it('enters a paper sheet only with its signed scan, as that member’s own', async () => {
    const fields = { memberId: memberIds.d, choices: JSON.stringify(best) };
    const noScan = await members.secretary.request(
      'POST',
      `${base()}/paper-sheets`,
      multipart(fields, { name: 'ghi-chu.txt', data: Buffer.from('x') }, 'scan').payload,
      {
        headers: multipart(fields, { name: 'ghi-chu.txt', data: Buffer.from('x') }, 'scan').headers,
      },
    );
    expect(noScan.body.error).toMatchObject({ code: 'paper_scan_required' });
    const asSecretary = multipart({ ...fields, memberId: memberIds.secretary }, { name: 'phieu.pdf', data: SMALL_PDF }, 'scan');
    expect((await members.secretary.request('POST', `${base()}/paper-sheets`, asSecretary.payload, { headers: asSecretary.headers })).status).toBe(403);
    const body = multipart(fields, { name: 'phiếu chấm thành viên d.pdf', data: SMALL_PDF }, 'scan');
    const paper = await members.secretary.request('POST', `${base()}/paper-sheets`, body.payload, { headers: body.headers });
    expect(paper.status).toBe(200);
    expect(paper.body).toMatchObject({ paper: true, status: 'submitted', memberId: memberIds.d });
    // The scan, like the total, stays hidden from others until the session closes.
    const sheet = (await sessionOf(admin)).body.dossiers[0].sheets.find((s: { memberId: string }) => s.memberId === memberIds.d);
    expect(sheet.scanUrl).toBeNull();
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}/sheets/${sheet.id}/scan`)).status).toBe(404);
  });

  it('flags a spread above 10 points without showing it; the chair re-scores with a reason, exactly one round', async () => {
    const progress = (await members.chair.get(`${base()}/result`)).body;
    expect(progress).toMatchObject({ submitted: 4, result: null, progress: { rescoreRequired: true } });
    expect((await members.a.post(`${base()}/rescore`, { reason: 'x', scoringRound: 1 })).status).toBe(403);
    expect((await members.chair.post(`${base()}/rescore`, { scoringRound: 1 })).status).toBe(400);
    const reason = 'Chênh lệch hơn 10 điểm ở tiêu chí nguồn nguyên liệu; hội đồng thảo luận và chấm lại.';
    const [one, two] = await Promise.all([
      members.chair.post(`${base()}/rescore`, { reason, scoringRound: 1 }),
      members.chair.post(`${base()}/rescore`, { reason, scoringRound: 1 }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const again = await members.chair.post(`${base()}/rescore`, { reason, scoringRound: 1 });
    expect(again.body.error.code).toBe('stale_scoring_round');
    const view = (await sessionOf(members.a)).body.dossiers[0];
    expect(view.scoringRound).toBe(2);
    expect(view.rescorings).toEqual([expect.objectContaining({ scoringRound: 2, reason })]);
  });

  it('is scored and closed on the session’s day, not before', async () => {
    await score(members.chair, sheetBelowBest(2));
    await score(members.a, sheetBelowBest(3));
    await score(members.c, sheetBelowBest(1));
    const paper = multipart({ memberId: memberIds.d, choices: JSON.stringify(sheetBelowBest(2)) }, { name: 'phiếu vòng 2.pdf', data: SMALL_PDF }, 'scan');
    expect((await members.secretary.request('POST', `${base()}/paper-sheets`, paper.payload, { headers: paper.headers })).status).toBe(200);
    expect((await members.chair.get(`${base()}/result`)).body.progress).toMatchObject({
      rescoreRequired: false,
      decisionReady: true,
      quorum: { status: 'met' },
    });
    expect((await members.secretary.get(`/api/v1/council-sessions/${sessionId}/minutes.docx`)).body.error.code).toBe('session_open');

    // A session of the following week can be planned, but not scored or closed ahead of its day.
    const future = await admin.post(`/api/v1/councils/${councilId}/sessions`, { title: 'Phiên dự kiến', heldOn: '2027-05-27', dossierIds: [dossierId] });
    expect(future.status).toBe(201);
    const ahead = `/api/v1/council-sessions/${future.body.id}`;
    await members.a.post(`${ahead}/dossiers/${dossierId}/declaration`, { hasConflict: false });
    const sheet = (await members.a.get(`${ahead}/dossiers/${dossierId}/sheet`)).body;
    await members.a.put(`${ahead}/dossiers/${dossierId}/sheet`, { choices: best, expectedVersion: sheet.version });
    expect((await members.a.post(`${ahead}/dossiers/${dossierId}/sheet/submit`)).body.error).toMatchObject({
      code: 'session_not_held_yet',
      message: 'Chưa đến ngày họp hội đồng (27/05/2027).',
    });
    expect((await members.secretary.post(`${ahead}/close`)).body.error.code).toBe('session_not_held_yet');
  });

  it('closes: the mean of the members’ locked sheets is recorded, then everyone sees every sheet', async () => {
    expect((await members.a.post(`/api/v1/council-sessions/${sessionId}/close`)).status).toBe(403);
    const closed = await members.secretary.post(`/api/v1/council-sessions/${sessionId}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2027-05-20' });
    const result = (await admin.get(`${base()}/result`)).body.result;
    const totals = (await sessionOf(members.a)).body.dossiers[0].sheets.map((s: { total: number }) => s.total);
    expect(totals).toHaveLength(4);
    expect(result.total).toBeCloseTo(totals.reduce((a: number, b: number) => a + b, 0) / 4, 10);
    expect((await admin.get(`/api/v1/dossiers/${dossierId}`)).body).toMatchObject({ state: 'scored', councilScore: result.total, councilStar: result.star });
    expect((await members.a.put(`${base()}/sheet`, { choices: best, expectedVersion: 1 })).body.error.code).toBe('session_closed');
    const sheet = (await sessionOf(members.a)).body.dossiers[0].sheets.find((s: { paper: boolean }) => s.paper);
    expect((await members.a.get(sheet.scanUrl)).raw.equals(SMALL_PDF)).toBe(true);
  });

  it('writes minutes with attendance as recorded, declarations and every re-scoring with its reason', async () => {
    const minutes = await members.secretary.get(`/api/v1/council-sessions/${sessionId}/minutes.docx`);
    expect(minutes.status).toBe(200);
    const text = docxText(minutes.raw);
    for (const expected of [
      'BIÊN BẢN',
      'Có mặt 5/5 thành viên chấm điểm',
      'Quyết định số 120/QĐ-UBND',
      '1 có xung đột lợi ích và không chấm (Thành viên b: Người thân làm việc tại HTX)',
      'Vòng chấm 2 (chấm lại, lý do: Chênh lệch hơn 10 điểm',
      'Phiếu giấy',
      'Quýt hồng Lai Vung',
      'CHỦ TỊCH HỘI ĐỒNG',
    ])
      expect(text).toContain(expected);
    expect((await members.a.get(`/api/v1/council-sessions/${sessionId}/minutes.docx`)).status).toBe(403);
  });

  it('refuses written opinions after their deadline (Art. 7.6), but not the secretary’s paper entry', async () => {
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    const product = (await producer.post('/api/v1/products', { subjectId, name: 'Mứt quýt hồng', criteriaSetNumber: 1 })).body;
    const dossier = await dossierInCouncil({ producer, officer, admin }, product.id, 1);
    const written = (
      await admin.post(`/api/v1/councils/${councilId}/sessions`, {
        title: 'Lấy ý kiến bằng văn bản',
        heldOn: '2027-05-20',
        mode: 'written',
        writtenDeadline: '2027-05-25',
        dossierIds: [dossier.id],
      })
    ).body;
    const path = `/api/v1/council-sessions/${written.id}/dossiers/${dossier.id}`;
    await members.a.post(`${path}/declaration`, { hasConflict: false });
    const sheet = (await members.a.get(`${path}/sheet`)).body;
    await members.a.put(`${path}/sheet`, { choices: best, expectedVersion: sheet.version });
    now = new Date('2027-05-26T03:00:00Z');
    expect((await members.a.post(`${path}/sheet/submit`)).body.error.code).toBe('written_deadline_passed');
    // The chair declared on paper: the secretary records the declaration with the paper sheet.
    const paper = (declaration?: object) =>
      multipart(
        { memberId: memberIds.chair, choices: JSON.stringify(best), ...(declaration ? { declaration: JSON.stringify(declaration) } : {}) },
        { name: 'phieu.pdf', data: SMALL_PDF },
        'scan',
      );
    const undeclared = paper();
    expect((await members.secretary.request('POST', `${path}/paper-sheets`, undeclared.payload, { headers: undeclared.headers })).status).toBe(403);
    const declared = paper({ hasConflict: false });
    expect((await members.secretary.request('POST', `${path}/paper-sheets`, declared.payload, { headers: declared.headers })).status).toBe(200);
    // Council members read what the dossier was filed with — not the producer's live records.
    expect((await members.a.get(`/api/v1/dossiers/${dossier.id}/filing`)).body.selfAssessment).toMatchObject({
      id: dossier.selfAssessmentId,
      status: 'completed',
      canEdit: false,
    });
    expect((await members.a.get(`/api/v1/self-assessments/${dossier.selfAssessmentId}`)).status).toBe(404);
    expect((await (await t.client(DEMO.council)).get(`/api/v1/dossiers/${dossier.id}/filing`)).status).toBe(404);
    now = new Date('2027-05-20T03:00:00Z');
  });

  it('lists the sessions each caller may open', async () => {
    expect((await members.a.get('/api/v1/council-sessions')).body.map((s: { id: string }) => s.id)).toContain(sessionId);
    expect((await admin.get(`/api/v1/council-sessions?dossierId=${dossierId}`)).body.find((s: { id: string }) => s.id === sessionId)).toMatchObject({
      dossierCount: 1,
      status: 'closed',
      level: 'province',
    });
    expect((await (await t.client(DEMO.council)).get('/api/v1/council-sessions')).body).toEqual([]);
  });

  it('keeps outsiders out', async () => {
    const outsider = await t.client(DEMO.council);
    expect((await outsider.get(`/api/v1/council-sessions/${sessionId}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/councils/${councilId}/rules`)).status).toBe(404);
    expect((await (await t.client(DEMO.producer)).get(`/api/v1/council-sessions/${sessionId}`)).status).toBe(403);
  });

  it('gives a seated member the dossier’s papers through the dossier, and nobody else', async () => {
    const checklist = await members.a.get(`/api/v1/dossiers/${dossierId}/checklist`);
    expect(checklist.status).toBe(200);
    const papers = checklist.body.lines.flatMap((l: { documents: { id: string; url: string }[] }) => l.documents);
    expect(papers.length).toBeGreaterThan(0);
    for (const paper of papers) expect(paper.url).toBe(`/api/v1/dossiers/${dossierId}/papers/${paper.id}/file`);
    const file = await members.a.get(papers[0].url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // The registry’s address stays the registry users’: the office downloads there, as its checklist says.
    expect((await members.a.get(`/api/v1/documents/${papers[0].id}/file`)).status).toBe(403);
    const office = (await admin.get(`/api/v1/dossiers/${dossierId}/checklist`)).body.lines.flatMap((l: { documents: { url: string }[] }) => l.documents);
    expect(office.map((d: { url: string }) => d.url)).toContain(`/api/v1/documents/${papers[0].id}/file`);
    expect((await admin.get(`/api/v1/documents/${papers[0].id}/file`)).status).toBe(200);
    const outsider = await t.client(DEMO.council);
    expect((await outsider.get(`/api/v1/dossiers/${dossierId}/checklist`)).status).toBe(404);
    expect((await outsider.get(papers[0].url)).status).toBe(404);
    expect((await members.a.get(`/api/v1/dossiers/${dossierId}/papers/${dossierId}/file`)).status).toBe(404);
  });
});
