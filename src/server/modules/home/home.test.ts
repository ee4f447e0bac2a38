import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { dossierInCouncil, filePapers, setUpCouncil, type TestCouncil } from '../../../../test/support/evaluation.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let sen: Client;
let quyt: Client;
const now = new Date('2027-03-10T03:00:00Z');
type HomeProduct = { id: string; name: string; certificate: any; dossier: any; nextStep: { code: string; tone: string; message: { vi: string; en: string } } };

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer);
  sen = await t.client(DEMO.producer);
  const subject = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0];
  await admin.post('/api/v1/users', {
    email: 'quyt@example.vn',
    fullName: 'Võ Văn Phúc',
    role: 'producer',
    subjectId: subject.id,
    password: 'vuon-cam-ben-song-2026',
  });
  quyt = await t.client('quyt@example.vn', 'vuon-cam-ben-song-2026');
  await admin.post('/api/v1/rounds/defaults', { year: 2027 });
}, 60_000);
afterAll(() => t.close());

const producerHome = async (c: Client) => {
  const res = await c.get('/api/v1/home/producer');
  expect(res.status).toBe(200);
  return res.body as { today: string; subject: { id: string; name: string }; products: HomeProduct[] };
};
const byName = (home: { products: HomeProduct[] }, name: string) => home.products.find((p) => p.name === name)!;

describe('a producer’s home', () => {
  it('lists exactly the producer’s own products, none of another producer’s', async () => {
    const mine = (await sen.get('/api/v1/products?pageSize=100')).body.items.map((p: { id: string }) => p.id).sort();
    const home = await producerHome(sen);
    expect(home.today).toBe('2027-03-10');
    expect(home.subject.name).toBe('Hợp tác xã Sen Tháp Mười');
    expect(home.products.map((p) => p.id).sort()).toEqual(mine);
    const other = await producerHome(quyt);
    expect(other.subject.id).not.toBe(home.subject.id);
    expect(other.products.some((p) => mine.includes(p.id))).toBe(false);
    expect(JSON.stringify(other)).not.toContain('Sen Tháp Mười');
  });

  it('starts a product with nothing on file at its self-assessment and first dossier', async () => {
    const p = byName(await producerHome(sen), 'Sữa hạt sen');
    expect(p).toMatchObject({ certificate: null, dossier: null, nextStep: { code: 'start', tone: 'info' } });
    expect(p.nextStep.message.vi).toBe('Tự đánh giá sản phẩm và lập hồ sơ đánh giá lần đầu');
  });

  it('walks a draft dossier through its papers, its filing and the commune', async () => {
    const product = byName(await producerHome(sen), 'Hạt sen sấy');
    const sa = (await sen.post(`/api/v1/products/${product.id}/self-assessments`, {})).body;
    const set7 = loadShippedVersion('qd26').sets.find((s) => s.number === 7)!;
    await sen.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set7), notes: {} });
    await sen.post(`/api/v1/self-assessments/${sa.id}/complete`);
    const dossier = (
      await sen.post('/api/v1/dossiers', { productId: product.id, kind: 'first', selfAssessmentId: sa.id, registration: { representativeName: 'Lê Văn Sen' } })
    ).body;
    expect(dossier.id).toBeDefined();

    let p = byName(await producerHome(sen), 'Hạt sen sấy');
    expect(p.dossier).toMatchObject({ id: dossier.id, state: 'draft', kind: 'first' });
    expect(p.nextStep).toMatchObject({ code: 'add_papers', tone: 'act' });
    expect(p.nextStep.message.vi).toContain('Bổ sung giấy tờ: thiếu ');
    expect(p.nextStep.message.vi).toContain('giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm');
    expect(p.nextStep.message.vi).not.toMatch(/phạm vi|được giao/);

    await filePapers(sen, (await producerHome(sen)).subject.id, product.id);
    p = byName(await producerHome(sen), 'Hạt sen sấy');
    expect(p.dossier.missingPapers).toEqual([]);
    expect(p.nextStep).toMatchObject({ code: 'submit', message: { vi: 'Nộp hồ sơ cho UBND xã' } });

    const submitted = await sen.post(`/api/v1/dossiers/${dossier.id}/transitions`, { action: 'submit', expectedVersion: dossier.version });
    expect(submitted.status).toBe(200);
    p = byName(await producerHome(sen), 'Hạt sen sấy');
    expect(p.dossier.state).toBe('submitted');
    expect(p.nextStep).toMatchObject({ code: 'wait_commune', tone: 'wait' });
  });

  it('asks the producer to answer a question on its evidence, before anything else', async () => {
    const productId = (await quyt.get('/api/v1/products')).body.items[0].id;
    const dossier = await dossierInCouncil({ producer: quyt, officer, admin }, productId, 1);
    let p = (await producerHome(quyt)).products.find((x) => x.id === productId)!;
    expect(p.nextStep.code).toBe('wait_council');
    const asked = await admin.post(`/api/v1/dossiers/${dossier.id}/questions`, { criterionCode: '1.1', question: 'Hợp đồng nguyên liệu còn hiệu lực không?' });
    expect(asked.status).toBe(201);
    p = (await producerHome(quyt)).products.find((x) => x.id === productId)!;
    expect(p.dossier.openQuestions).toBe(1);
    expect(p.nextStep).toMatchObject({ code: 'answer_questions', tone: 'act', message: { vi: 'Trả lời câu hỏi về minh chứng của hồ sơ' } });
  });

  it('shows each product’s current certificate and its re-rating window from the domain’s rule', async () => {
    const product = byName(await producerHome(sen), 'Trà tim sen');
    // An older certificate replaced by the current one; the current one's window (Art. 7.6) is open on 10/03/2027.
    await issuedCertificate(t.database.db, { productId: product.id, star: 3, issuedOn: '2021-09-01', supersededOn: '2024-09-01' });
    const current = await issuedCertificate(t.database.db, { productId: product.id, star: 4, issuedOn: '2024-09-01' });
    const p = byName(await producerHome(sen), 'Trà tim sen');
    expect(p.certificate).toEqual({
      id: current.id,
      number: current.number,
      star: 4,
      issuedOn: '2024-09-01',
      expiresOn: '2027-09-01',
      status: 'due_for_rerating',
      standing: 'falling_due',
    });
    expect(p.nextStep).toMatchObject({ code: 'file_rerating', tone: 'act', window: { opens: '2027-03-05', closes: '2027-05-04' } });
    expect(p.nextStep.message.vi).toBe('Đã đến hạn: nộp hồ sơ đánh giá lại trong khoảng 05/03/2027 – 04/05/2027');
  });

  it('is for producers only', async () => {
    for (const c of [admin, officer, await t.client(DEMO.council)]) expect((await c.get('/api/v1/home/producer')).status).toBe(403);
    expect((await (await t.client()).get('/api/v1/home/producer')).status).toBe(401);
  });
});

describe('a council member’s home', () => {
  let council: TestCouncil;
  let dossierId: string;
  let sessionId: string;
  type Session = {
    id: string;
    title: string;
    dueOn: string;
    status: string;
    position: string;
    dossiers: { dossierId: string; productName: string; sheet: string }[];
  };
  const councilHome = async (c: Client) => {
    const res = await c.get('/api/v1/home/council');
    expect(res.status).toBe(200);
    return res.body as { today: string; sessions: Session[] };
  };

  beforeAll(async () => {
    const subject = (await admin.get('/api/v1/subjects?q=sen%20thap')).body.items[0];
    const productId = (await admin.get(`/api/v1/products?subjectId=${subject.id}&pageSize=100`)).body.items.find(
      (p: { name: string }) => p.name === 'Sữa hạt sen',
    ).id;
    // The commune's officer of Sen Tháp Mười's commune files and assesses it for the test.
    const communeOfficer = await admin.post('/api/v1/users', {
      email: 'thammdinh.xa@example.vn',
      fullName: 'Cán bộ xã',
      role: 'officer',
      communeCodes: [subject.communeCode],
      password: 'dong-thap-ocop-2027-xa',
    });
    expect(communeOfficer.status, JSON.stringify(communeOfficer.body)).toBe(201);
    const localOfficer = await t.client('thammdinh.xa@example.vn', 'dong-thap-ocop-2027-xa');
    dossierId = (await dossierInCouncil({ producer: sen, officer: localOfficer, admin }, productId, 17)).id;
    council = await setUpCouncil(t, admin, { key: 'home', year: 2027, establishedOn: '2027-01-15' });
    const session = await admin.post(`/api/v1/councils/${council.id}/sessions`, { title: 'Phiên họp tháng 3', heldOn: '2027-03-10', dossierIds: [dossierId] });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
  }, 60_000);

  it('lists the sittings the member sits on with their sheets to fill and the deadline', async () => {
    const home = await councilHome(council.members[1]!);
    expect(home.sessions).toHaveLength(1);
    expect(home.sessions[0]).toMatchObject({ id: sessionId, title: 'Phiên họp tháng 3', dueOn: '2027-03-10', status: 'open', position: 'member' });
    expect(home.sessions[0]!.dossiers).toEqual([
      { dossierId, productName: 'Sữa hạt sen', subjectName: 'Hợp tác xã Sen Tháp Mười', scoringRound: 1, sheet: 'to_declare' },
    ]);
  });

  it('offers the declaration of conflicts first, then the sheet', async () => {
    const member = council.members[2]!;
    expect((await councilHome(member)).sessions[0]!.dossiers[0]!.sheet).toBe('to_declare');
    expect((await member.post(`/api/v1/council-sessions/${sessionId}/dossiers/${dossierId}/declaration`, { hasConflict: false })).status).toBe(200);
    expect((await councilHome(member)).sessions[0]!.dossiers[0]!.sheet).toBe('to_fill');
  });

  it('follows the member’s own sheet from draft to locked, and no one else’s', async () => {
    const member = council.members[1]!;
    const base = `/api/v1/council-sessions/${sessionId}/dossiers/${dossierId}`;
    expect((await member.post(`${base}/declaration`, { hasConflict: false })).status).toBe(200);
    const set17 = loadShippedVersion('qd26').sets.find((s) => s.number === 17)!;
    const sheet = (await member.get(`${base}/sheet`)).body;
    expect((await member.put(`${base}/sheet`, { choices: bestChoices(set17), expectedVersion: sheet.version })).status).toBe(200);
    expect((await councilHome(member)).sessions[0]!.dossiers[0]!.sheet).toBe('draft');
    expect((await member.post(`${base}/sheet/submit`)).status).toBe(200);
    expect((await councilHome(member)).sessions[0]!.dossiers[0]!.sheet).toBe('locked');
    // Another member's sheet is untouched by it.
    expect((await councilHome(council.members[2]!)).sessions[0]!.dossiers[0]!.sheet).toBe('to_fill');
  });

  it('tells a secretary and a conflicted member they have no sheet to fill', async () => {
    expect((await councilHome(council.secretary)).sessions[0]).toMatchObject({ position: 'secretary', dossiers: [{ sheet: 'excused' }] });
    const member = council.members[3]!;
    expect(
      (await member.post(`/api/v1/council-sessions/${sessionId}/dossiers/${dossierId}/declaration`, { hasConflict: true, note: 'Người thân' })).status,
    ).toBe(200);
    expect((await councilHome(member)).sessions[0]!.dossiers[0]!.sheet).toBe('excused');
  });

  it('shows a council member on no council nothing', async () => {
    await admin.post('/api/v1/users', { email: 'hd.khac@example.vn', fullName: 'Thành viên khác', role: 'council', password: 'hoi-dong-khac-2027' });
    const home = await councilHome(await t.client('hd.khac@example.vn', 'hoi-dong-khac-2027'));
    expect(home.sessions).toEqual([]);
  });

  it('is for council members only', async () => {
    for (const c of [admin, officer, sen]) expect((await c.get('/api/v1/home/council')).status).toBe(403);
    expect((await (await t.client()).get('/api/v1/home/council')).status).toBe(401);
  });
});
