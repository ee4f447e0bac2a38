/**
 * The evaluation cycle over HTTP, as the API tests drive it in process (test/support/evaluation.ts),
 * dated today on the server's own clock: products of a demo producer filed with their papers,
 * assessed by the commune, received and sent to a council; the council's sheets; the decision.
 */
import { bestChoices, choicesForTotal, loadShippedVersion } from '../../../src/domain/criteria/test-support.js';
import { vietnamDate } from '../../../src/domain/dates/calendar.js';
import { Client, formWith } from './client.js';
// The same commune assessment and one-page PDF as the API tests use.
import { COMMUNE_ASSESSMENT, SMALL_PDF } from '../../../test/support/evaluation.js';

const version = loadShippedVersion('qd26');
const setOf = (n: number) => version.sets.find((s) => s.number === n)!;

/** Today in Vietnam, the date every act is recorded on. */
export const today = () => vietnamDate(new Date());

export const DEMO_PASSWORD = 'ocop-demo-2026';
export const DEMO = { admin: 'admin@ocop.demo', officer: 'canbo.sadec@ocop.demo', ministry: 'bo.ocop@ocop.demo' } as const;
const PASSWORD = 'Kiem-thu-su-co-2026';
/** A one-page PDF, for papers and the council's rules. */
/** Set 1 (fresh produce) sheets of about 78 points: a 4★ result. */
export const SHEET = choicesForTotal(setOf(1), 78);
export const SHEET_STAR = 4;

export type Parties = { admin: Client; officer: Client; producer: Client; subjectId: string };

/**
 * The demo producer of Lai Vung's pink tangerines (in the demo officer's communes) with an account,
 * and `count` new set-1 products of theirs.
 */
export async function producerWithProducts(baseUrl: string, key: string, count: number): Promise<{ parties: Parties; productIds: string[] }> {
  const admin = await new Client(baseUrl).login(DEMO.admin, DEMO_PASSWORD);
  const officer = await new Client(baseUrl).login(DEMO.officer, DEMO_PASSWORD);
  const subject = (await admin.get('/subjects?q=quyt%20hong')).items[0] as { id: string };
  const email = `${key}.producer@ocop.demo`;
  await admin.ok('POST', '/users', { email, fullName: 'Võ Văn Phúc', role: 'producer', subjectId: subject.id, password: PASSWORD });
  const producer = await new Client(baseUrl).login(email, PASSWORD);
  const productIds: string[] = [];
  for (let i = 0; i < count; i++)
    productIds.push((await admin.ok('POST', '/products', { subjectId: subject.id, name: `Quýt hồng ${key} ${i + 1}`, criteriaSetNumber: 1 })).id);
  return { parties: { admin, officer, producer, subjectId: subject.id }, productIds };
}

export async function step(c: Client, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await c.get(`/dossiers/${id}`);
  return c.ok('POST', `/dossiers/${id}/transitions`, { action, expectedVersion: current.version, ...extra });
}

/** A product from a completed self-assessment to a dossier before the council. */
export async function dossierInCouncil(parties: Parties, productId: string): Promise<string> {
  const { producer, officer, admin } = parties;
  const sa = await producer.ok('POST', `/products/${productId}/self-assessments`, {});
  await producer.ok('PUT', `/self-assessments/${sa.id}`, { choices: bestChoices(setOf(1)), notes: {} });
  await producer.ok('POST', `/self-assessments/${sa.id}/complete`, {});
  for (const type of ['business_registration', 'food_safety_certificate', 'quality_declaration', 'test_report']) {
    const productPaper = type === 'quality_declaration' || type === 'test_report';
    const form = formWith({ type, title: type, validUntil: '2035-12-31', ...(productPaper ? { productId } : {}) }, { name: `${type}.pdf`, data: SMALL_PDF });
    await producer.ok('POST', `/subjects/${parties.subjectId}/documents`, form);
  }
  const dossier = await producer.ok('POST', '/dossiers', {
    productId,
    kind: 'first',
    selfAssessmentId: sa.id,
    registration: { representativeName: 'Võ Văn Phúc' },
  });
  await step(producer, dossier.id, 'submit');
  await step(officer, dossier.id, 'assess', { assessment: COMMUNE_ASSESSMENT });
  await step(admin, dossier.id, 'receive');
  await step(admin, dossier.id, 'send_to_council');
  return dossier.id as string;
}

export type Council = { id: string; members: Client[]; secretary: Client; memberIds: string[] };

/** A council set up by its establishing decision: a chair and four members who score, a secretary who does not. */
export async function setUpCouncil(baseUrl: string, admin: Client, key: string): Promise<Council> {
  const people = ['chair', 'm1', 'm2', 'm3', 'm4', 'secretary'].map((role) => ({ role, email: `${key}.${role}@hoidong.vn` }));
  const ids: string[] = [];
  for (const p of people)
    ids.push((await admin.ok('POST', '/users', { email: p.email, fullName: `${key} ${p.role}`, role: 'council', password: PASSWORD })).user.id);
  const organisation = [
    'Sở Nông nghiệp và Môi trường',
    'Sở Công Thương',
    'Sở Y tế',
    'Sở Khoa học và Công nghệ',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Văn phòng Điều phối',
  ];
  const created = await admin.ok('POST', '/councils', {
    name: `Hội đồng ${key}`,
    year: Number(today().slice(0, 4)),
    level: 'province',
    establishment: { number: `${key}/QĐ-UBND`, date: today(), signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' },
    members: people.map((p, i) => ({
      fullName: `${key} ${p.role}`,
      organisation: organisation[i]!,
      position: p.role === 'chair' ? 'chair' : p.role === 'secretary' ? 'secretary' : 'member',
      userId: ids[i],
    })),
  });
  await admin.ok('POST', `/councils/${created.id}/rules`, formWith({}, { name: 'quy-che.pdf', data: SMALL_PDF }));
  const clients = await Promise.all(people.map((p) => new Client(baseUrl).login(p.email, PASSWORD)));
  return { id: created.id, members: clients.slice(0, 5), secretary: clients[5]!, memberIds: created.members.map((m: { id: string }) => m.id) };
}

/** A sitting today over the dossiers, with everyone present. */
export async function openSession(council: Council, admin: Client, dossierIds: string[]): Promise<string> {
  const session = await admin.ok('POST', `/councils/${council.id}/sessions`, { title: `Phiên họp ${today()}`, heldOn: today(), dossierIds });
  await council.secretary.ok('PUT', `/council-sessions/${session.id}/attendance`, { memberIds: council.memberIds });
  return session.id as string;
}

export const sheetPath = (sessionId: string, dossierId: string) => `/council-sessions/${sessionId}/dossiers/${dossierId}/sheet`;

/** A member declares no conflict and saves a draft sheet (not yet submitted). */
export async function draftSheet(member: Client, sessionId: string, dossierId: string) {
  await member.ok('POST', `/council-sessions/${sessionId}/dossiers/${dossierId}/declaration`, { hasConflict: false });
  const sheet = await member.get(sheetPath(sessionId, dossierId));
  await member.ok('PUT', sheetPath(sessionId, dossierId), { choices: SHEET.choices, expectedVersion: sheet.version });
}

/** Scores the dossiers in one sitting (every member submits) and closes it. */
export async function scoreAndClose(council: Council, admin: Client, dossierIds: string[]): Promise<string> {
  const sessionId = await openSession(council, admin, dossierIds);
  for (const dossierId of dossierIds)
    for (const member of council.members) {
      await draftSheet(member, sessionId, dossierId);
      await member.ok('POST', `${sheetPath(sessionId, dossierId)}/submit`, {});
    }
  await council.secretary.ok('POST', `/council-sessions/${sessionId}/close`, {});
  return sessionId;
}

export const decisionBody = (number: string, dossierIds: string[]) => ({
  number,
  signedOn: today(),
  signer: 'Nguyễn Văn A',
  signerTitle: 'Phó Chủ tịch',
  items: dossierIds.map((dossierId) => ({ dossierId, star: SHEET_STAR })),
});

/** Products with a valid certificate: the whole cycle for `count` new products. Returns the public verification codes. */
export async function certifiedProducts(baseUrl: string, key: string, count: number): Promise<{ codes: string[]; parties: Parties }> {
  const { parties, productIds } = await producerWithProducts(baseUrl, key, count);
  const council = await setUpCouncil(baseUrl, parties.admin, key);
  const dossierIds: string[] = [];
  for (const id of productIds) dossierIds.push(await dossierInCouncil(parties, id));
  await scoreAndClose(council, parties.admin, dossierIds);
  await parties.admin.ok('POST', '/decisions', decisionBody(`${key}/QĐ-UBND`, dossierIds));
  const list = await parties.admin.get('/certificates?pageSize=100');
  return { codes: list.items.map((c: { verificationCode: string }) => c.verificationCode), parties };
}
