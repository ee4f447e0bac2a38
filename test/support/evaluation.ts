import { bestChoices, choicesForTotal, loadShippedVersion } from '../../src/domain/criteria/test-support.js';
import type { Client, TestApp } from './app.js';
import { multipart } from './multipart.js';

const version = loadShippedVersion('qd26');
const setOf = (n: number) => version.sets.find((s) => s.number === n)!;

export const COMMUNE_ASSESSMENT = {
  rawMaterialOrigin: 'Nguyên liệu tại địa phương',
  localLabour: 'Lao động địa phương',
  ideaOrigin: 'Sản phẩm truyền thống',
  localIdentity: 'Gắn với bản sắc địa phương',
  conclusion: 'propose',
  reportNumber: '12/BC-UBND',
  letterNumber: '15/UBND',
  signer: 'Nguyễn Văn Xã',
  signerTitle: 'Phó Chủ tịch',
};

/** A one-page PDF: the council's rules, a scanned paper sheet. */
export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function step(c: Client, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = (await c.get(`/api/v1/dossiers/${id}`)).body;
  const res = await c.post(`/api/v1/dossiers/${id}/transitions`, { action, expectedVersion: current.version, ...extra });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads the papers a food product's dossier needs (sets 1–20), valid until the given day. */
export async function filePapers(c: Client, subjectId: string, productId: string, validUntil = '2030-12-31') {
  for (const type of ['business_registration', 'food_safety_certificate', 'quality_declaration', 'test_report']) {
    const { payload, headers } = multipart(
      { type, title: type, validUntil, ...(type === 'quality_declaration' || type === 'test_report' ? { productId } : {}) },
      { name: `${type}.pdf`, data: SMALL_PDF },
    );
    const res = await c.request('POST', `/api/v1/subjects/${subjectId}/documents`, payload, { headers });
    if (res.status !== 201) throw new Error(`paper ${type}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * Takes a product from a completed self-assessment to a dossier before the council: the producer
 * files it with its papers, the commune officer assesses it, the province receives it and sends it
 * to the council.
 */
export async function dossierInCouncil(parties: { producer: Client; officer: Client; admin: Client }, productId: string, setNumber: number, kind = 'first') {
  const { producer, officer, admin } = parties;
  const sa = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
  await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(setOf(setNumber)), notes: {} });
  await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
  const product = (await producer.get(`/api/v1/products/${productId}`)).body;
  await filePapers(producer, product.subjectId, productId);
  const dossier = (
    await producer.post('/api/v1/dossiers', { productId, kind, selfAssessmentId: sa.id, registration: { representativeName: 'Người đại diện' } })
  ).body;
  if (!dossier.id) throw new Error(`dossier: ${JSON.stringify(dossier)}`);
  await step(producer, dossier.id, 'submit');
  await step(officer, dossier.id, 'assess', { assessment: COMMUNE_ASSESSMENT });
  await step(admin, dossier.id, 'receive');
  return step(admin, dossier.id, 'send_to_council');
}

export type TestCouncil = { id: string; chair: Client; members: Client[]; secretary: Client; memberIds: string[] };

/**
 * A council as the Chair's decision sets it up: a chair and four members who score, a secretary who
 * does not, each with an account; its rules attached. `admin` is the province's (or the ministry's) office.
 */
export async function setUpCouncil(
  t: TestApp,
  admin: Client,
  opts: { key: string; year: number; establishedOn: string; level?: 'province' | 'ministry' },
): Promise<TestCouncil> {
  const password = 'hoi-dong-ocop-2027';
  const people = ['chair', 'm1', 'm2', 'm3', 'm4', 'secretary'].map((role) => ({ role, email: `${opts.key}.${role}@hoidong.vn` }));
  const ids: string[] = [];
  for (const p of people) {
    const res = await admin.post('/api/v1/users', { email: p.email, fullName: `${opts.key} ${p.role}`, role: 'council', password });
    if (res.status !== 201) throw new Error(`council account: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.user.id);
  }
  const organisation = [
    'Sở Nông nghiệp và Môi trường',
    'Sở Công Thương',
    'Sở Y tế',
    'Sở Khoa học và Công nghệ',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Văn phòng Điều phối nông thôn mới',
  ];
  const created = await admin.post('/api/v1/councils', {
    name: `Hội đồng ${opts.key}`,
    year: opts.year,
    level: opts.level ?? 'province',
    establishment: { number: `${opts.year}/QĐ-UBND`, date: opts.establishedOn, signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' },
    members: people.map((p, i) => ({
      fullName: `${opts.key} ${p.role}`,
      organisation: organisation[i]!,
      position: p.role === 'chair' ? 'chair' : p.role === 'secretary' ? 'secretary' : 'member',
      userId: ids[i],
    })),
  });
  if (created.status !== 201) throw new Error(`council: ${created.status} ${JSON.stringify(created.body)}`);
  const { payload, headers } = multipart({}, { name: 'quy-che.pdf', data: SMALL_PDF });
  const rules = await admin.request('POST', `/api/v1/councils/${created.body.id}/rules`, payload, { headers });
  if (rules.status !== 200) throw new Error(`rules: ${rules.status} ${JSON.stringify(rules.body)}`);
  const clients = await Promise.all(people.map((p) => t.client(p.email, password)));
  return {
    id: created.body.id,
    chair: clients[0]!,
    members: clients.slice(0, 5),
    secretary: clients[5]!,
    memberIds: created.body.members.map((m: { id: string }) => m.id),
  };
}

/** Every voting member declares no conflict and submits `choices(i)`; the secretary records attendance. Returns the session. */
export async function scoreInSession(
  council: TestCouncil,
  admin: Client,
  dossierIds: string[],
  heldOn: string,
  choices: (member: number, dossierId: string) => Record<string, number>,
) {
  const session = await admin.post(`/api/v1/councils/${council.id}/sessions`, { title: `Phiên họp ${heldOn}`, heldOn, dossierIds });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
  const id = session.body.id as string;
  await council.secretary.put(`/api/v1/council-sessions/${id}/attendance`, { memberIds: council.memberIds });
  for (const dossierId of dossierIds) {
    const base = `/api/v1/council-sessions/${id}/dossiers/${dossierId}`;
    for (const [i, member] of council.members.entries()) {
      await member.post(`${base}/declaration`, { hasConflict: false });
      const sheet = (await member.get(`${base}/sheet`)).body;
      await member.put(`${base}/sheet`, { choices: choices(i, dossierId), expectedVersion: sheet.version });
      const submitted = await member.post(`${base}/sheet/submit`);
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    }
  }
  return id;
}

/** Scores dossiers and closes the session: each result comes from the members' locked sheets. */
export async function scoreAndClose(
  council: TestCouncil,
  admin: Client,
  dossierIds: string[],
  heldOn: string,
  choices: (member: number, dossierId: string) => Record<string, number>,
) {
  const id = await scoreInSession(council, admin, dossierIds, heldOn, choices);
  const closed = await council.secretary.post(`/api/v1/council-sessions/${id}/close`);
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  return id;
}

/** Sheets of about `target` points for a set, every member alike (the council's mean is then their total). */
export const sheetsWorth = (setNumber: number, target: number) => choicesForTotal(setOf(setNumber), target);

/**
 * As dossierInCouncil, then the council scores it: every member submits a sheet of about `target`
 * points, the session closes and records the mean. Returns the scored dossier.
 */
export async function scoredDossier(
  parties: { producer: Client; officer: Client; admin: Client; council: TestCouncil; today: string },
  productId: string,
  setNumber: number,
  target: number,
  kind = 'first',
) {
  const dossier = await dossierInCouncil(parties, productId, setNumber, kind);
  const { choices } = sheetsWorth(setNumber, target);
  await scoreAndClose(parties.council, parties.admin, [dossier.id], parties.today, () => choices);
  return (await parties.admin.get(`/api/v1/dossiers/${dossier.id}`)).body;
}
