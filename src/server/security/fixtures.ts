import { buildMarketRecords } from './fixtures-market.js';
import { buildProgrammeRecords } from './fixtures-programme.js';
import sharp from 'sharp';
import { bestChoices, loadShippedVersion } from '../../domain/criteria/test-support.js';
import { Client, DEMO, type Response, type TestApp } from '../../../test/support/app.js';
import {
  COMMUNE_ASSESSMENT,
  SMALL_PDF,
  filePapers,
  scoreAndClose,
  setUpCouncil,
  sheetsWorth,
  step,
  type TestCouncil,
} from '../../../test/support/evaluation.js';
import { multipart, multipartFiles } from '../../../test/support/multipart.js';
import { HISTORY, workbook } from '../../../test/support/workbooks.js';

/**
 * One world for the access matrix and the fuzzing: the demo province (82) with the records of one
 * producer ("A", Hợp tác xã Sen Tháp Mười in commune 30037) at every stage of the programme, the
 * people around them, and a second province (01, Hà Nội) with its own office and producer. Every
 * path parameter the matrix fills names one of A's records, so an actor who is not A, not A's
 * commune officer, not A's province office and not seated on A's council must be refused.
 */

export const ACTORS = [
  'anonymous',
  'producerA',
  'producerB',
  'officerX',
  'officerY',
  'member',
  'unassigned',
  'conflicted',
  'secretary',
  'admin',
  'otherAdmin',
  'ministry',
] as const;
export type ActorKey = (typeof ACTORS)[number];

/** What each actor is, as the matrix's report prints it. */
export const ACTOR_NOTES: Record<ActorKey, string> = {
  anonymous: 'no session',
  producerA: 'htx.sen@ocop.demo, owner of every record the paths name (subject DT-001, commune 30037)',
  producerB: 'producer of another subject of the province (DT-002, commune 29905)',
  officerX: 'officer of commune 30037 (producer A’s)',
  officerY: 'canbo.sadec@ocop.demo, officer of communes 29905 and 30226',
  member: 'voting member of the council sitting on A’s dossiers',
  unassigned: 'hoidong@ocop.demo, a council account with no seat',
  conflicted: 'voting member of the same council who declared a conflict on A’s open dossier',
  secretary: 'the council’s secretary',
  admin: 'admin@ocop.demo, OCOP office of province 82',
  otherAdmin: 'OCOP office of province 01',
  ministry: 'bo.ocop@ocop.demo, the ministry’s office (national)',
};

export const TODAY = '2027-06-20';
const PASSWORD = 'security-matrix-2027';

let addressSeq = 0;
/** Signs in from an address of its own, so the login rate limit (per address) never trips a test. */
export async function signIn(t: TestApp, email: string, password: string = DEMO.password): Promise<Client> {
  const c = await t.client();
  addressSeq += 1;
  const res = await c.request('POST', '/api/v1/auth/login', { email, password }, { remoteAddress: `10.9.${addressSeq >> 8}.${addressSeq & 255}` });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  c.csrf = res.body.csrfToken;
  return c;
}

export function must(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function upload(c: Client, url: string, body: { payload: Buffer; headers: Record<string, string> }, status: number, what: string) {
  return must(await c.request('POST', url, body.payload, { headers: body.headers }), status, what);
}

const setOf = (n: number) => loadShippedVersion('qd26').sets.find((s) => s.number === n)!;

export type World = {
  clients: Record<ActorKey, Client>;
  chair: Client;
  council: TestCouncil;
  ids: {
    subjectA: string;
    subjectB: string;
    productA1: string;
    productA2: string;
    productA3: string;
    photoA1: string;
    /** A's completed self-assessment filed with dossier A2, with an evidence file. */
    saA2: string;
    evidenceA2: string;
    /** A's draft self-assessment (product A3), with an evidence file. */
    saDraft: string;
    evidenceDraft: string;
    /** Decided dossier (its session closed, its decision and certificate issued). */
    dossierA1: string;
    /** Dossier before the council, in the open session. */
    dossierA2: string;
    filingA2: string;
    filedEvidenceA2: string;
    paperA: string;
    councilId: string;
    sessionClosed: string;
    sessionOpen: string;
    /** The member's submitted sheet in the open session. */
    sheetMember: string;
    /** A paper sheet with its scan, entered by the secretary for another member. */
    sheetPaper: string;
    decisionA1: string;
    certificateA1: string;
    verificationCode: string;
    questionA2: string;
    resultA1: string;
    roundId: string;
    calendarDay: string;
    importJob: string;
    notificationA: string;
    userA: string;
    memberIds: string[];
    /** Producer B's dossier before the council, in no session, with its filing, evidence and paper. */
    dossierB: string;
    filingB: string;
    filedEvidenceB: string;
    paperB: string;
    /** Province 01: its office's subject and product. */
    subject01: string;
    product01: string;
  };
  /** Market and programme records of A's commune and province, by name (fixtures-market.ts, fixtures-programme.ts). */
  activity: Record<string, string>;
};

/** Builds the world through the API, as the people of the programme would. */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await signIn(t, DEMO.admin);
  const ministry = await signIn(t, 'bo.ocop@ocop.demo');
  const producerA = await signIn(t, DEMO.producer);
  const officerY = await signIn(t, DEMO.officer);
  const unassigned = await signIn(t, DEMO.council);

  const subjectA = (await producerA.get('/api/v1/auth/me')).body.user.subjectId as string;
  const subjectB = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id as string;
  must(
    await admin.post('/api/v1/users', { email: 'sagiang@example.vn', fullName: 'Phạm Thị Hoa', role: 'producer', subjectId: subjectB, password: PASSWORD }),
    201,
    'producer B',
  );
  must(
    await admin.post('/api/v1/users', {
      email: 'canbo.thapmuoi@example.vn',
      fullName: 'Cán bộ Tháp Mười',
      role: 'officer',
      communeCodes: ['30037'],
      password: PASSWORD,
    }),
    201,
    'officer X',
  );
  must(
    await ministry.post('/api/v1/users', {
      email: 'ocop.hanoi@example.vn',
      fullName: 'Văn phòng OCOP Hà Nội',
      role: 'admin',
      provinceCode: '01',
      password: PASSWORD,
    }),
    201,
    'admin of province 01',
  );
  const producerB = await signIn(t, 'sagiang@example.vn', PASSWORD);
  const officerX = await signIn(t, 'canbo.thapmuoi@example.vn', PASSWORD);
  const otherAdmin = await signIn(t, 'ocop.hanoi@example.vn', PASSWORD);

  // Province 01 has records of its own.
  const subject01 = must(
    await otherAdmin.post('/api/v1/subjects', { name: 'Hợp tác xã Gốm Bát Tràng', legalForm: 'HTX', communeCode: '00004', representativeName: 'Lê Văn Gốm' }),
    201,
    'subject of province 01',
  ).id as string;
  const product01 = must(
    await otherAdmin.post('/api/v1/products', { subjectId: subject01, name: 'Gốm men lam', criteriaSetNumber: 21 }),
    201,
    'product of province 01',
  ).id as string;

  const roundId = must(await admin.post('/api/v1/rounds/defaults', { year: 2027 }), 200, 'rounds')[0].id as string;
  const council = await setUpCouncil(t, admin, { key: 'mx', year: 2027, establishedOn: '2027-01-15' });
  const [chair, member, conflicted, paperMember] = [council.members[0]!, council.members[1]!, council.members[2]!, council.members[3]!];
  const parties = { producer: producerA, officer: officerX, admin };

  const products = (await producerA.get('/api/v1/products')).body.items as { id: string; name: string }[];
  const productId = (name: string) => products.find((p) => p.name === name)!.id;
  const productA1 = productId('Hạt sen sấy');
  const productA2 = productId('Trà tim sen');
  const productA3 = productId('Sữa hạt sen');

  // A1: filed, scored in a session that closed, recognised 4★ by the province's decision.
  const a1 = await dossierWithEvidence(parties, productA1, 7);
  const { choices: a1Choices } = sheetsWorth(7, 78);
  const sessionClosed = await scoreAndClose(council, admin, [a1.dossierId], TODAY, () => a1Choices);
  const decision = must(
    await admin.post('/api/v1/decisions', {
      number: '55/QĐ-UBND',
      signedOn: TODAY,
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
      items: [{ dossierId: a1.dossierId, star: 4 }],
    }),
    201,
    'decision',
  );
  const certificate = (await admin.get(`/api/v1/certificates?productId=${productA1}`)).body.items[0];

  // A2: before the council, in an open session: one member's sheet submitted, one conflicted, one on paper.
  const a2 = await dossierWithEvidence(parties, productA2, 12);
  const session = must(
    await admin.post(`/api/v1/councils/${council.id}/sessions`, { title: 'Phiên họp tháng 6', heldOn: TODAY, dossierIds: [a2.dossierId] }),
    201,
    'open session',
  );
  const sessionOpen = session.id as string;
  const base = `/api/v1/council-sessions/${sessionOpen}/dossiers/${a2.dossierId}`;
  must(await member.post(`${base}/declaration`, { hasConflict: false }), 200, 'declaration');
  const draft = must(await member.get(`${base}/sheet`), 200, 'sheet');
  const { choices: a2Choices } = sheetsWorth(12, 71);
  must(await member.put(`${base}/sheet`, { choices: a2Choices, expectedVersion: draft.version }), 200, 'save sheet');
  const sheetMember = must(await member.post(`${base}/sheet/submit`), 200, 'submit sheet').id as string;
  must(await conflicted.post(`${base}/declaration`, { hasConflict: true, note: 'Người thân làm ở hợp tác xã' }), 200, 'conflict');
  const paperMemberId = council.memberIds[3]!;
  const paper = await upload(
    council.secretary,
    `${base}/paper-sheets`,
    multipart(
      { memberId: paperMemberId, choices: JSON.stringify(a2Choices), declaration: JSON.stringify({ hasConflict: false }) },
      { name: 'phieu.pdf', data: SMALL_PDF },
      'scan',
    ),
    200,
    'paper sheet',
  );
  void paperMember;
  const thread = must(
    await admin.post(`/api/v1/dossiers/${a2.dossierId}/questions`, { criterionCode: '1.1', question: 'Hợp đồng nguyên liệu?' }),
    201,
    'question',
  );
  must(
    await admin.post(`/api/v1/dossiers/${a2.dossierId}/site-visits`, { visitedOn: TODAY, visitors: 'Tổ tư vấn', summary: 'Đã khảo sát cơ sở' }),
    201,
    'site visit',
  );

  // B: producer B's dossier before the council, in no session: a seat on the council does not open it.
  const productB = ((await producerB.get('/api/v1/products')).body.items as { id: string; name: string }[]).find(
    (p) => p.name === 'Bánh phồng tôm đặc biệt',
  )!.id;
  const b = await dossierWithEvidence({ producer: producerB, officer: officerY, admin }, productB, 8);

  // A3: a draft self-assessment with evidence, a photo of A1, an earlier year's result.
  const saDraft = must(await producerA.post(`/api/v1/products/${productA3}/self-assessments`, {}), 201, 'draft self-assessment').id as string;
  const withEvidence = await upload(
    producerA,
    `/api/v1/self-assessments/${saDraft}/evidence`,
    multipart({ criterionCode: '1.1' }, { name: 'hop-dong.pdf', data: SMALL_PDF }),
    201,
    'evidence',
  );
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a9d8f' } })
    .png()
    .toBuffer();
  const photoA1 = (await upload(producerA, `/api/v1/products/${productA1}/photos`, multipart({}, { name: 'anh.png', data: png }), 201, 'photo')).photos[0].id;
  const resultA1 = must(
    await admin.post(`/api/v1/products/${productA1}/results`, { year: 2022, level: 'province', kind: 'first', score: 72, star: 4, legalBasis: 'QĐ 1048/2019' }),
    201,
    'historical result',
  ).id as string;

  // The office's own records: a calendar day, an import job (checked, not committed).
  const calendarDay = must(await admin.post('/api/v1/calendar/days', { date: '2027-09-03', kind: 'day_off', name: 'Nghỉ bù Quốc khánh' }), 201, 'calendar day')
    .id as string;
  const job = multipartFiles([{ name: 'lich-su.xlsx', data: await workbook(HISTORY) }]);
  const importJob = must(await admin.request('POST', '/api/v1/imports', job.payload, { headers: job.headers }), 202, 'import').id as string;
  for (let i = 0; i < 500; i++) {
    const status = (await admin.get(`/api/v1/imports/${importJob}`)).body.status;
    if (status !== 'validating') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  must(await admin.put('/api/v1/plans/2027', { title: 'Kế hoạch OCOP năm 2027', targets: [], budgetLines: [] }), 200, 'plan');

  const notificationA = (await producerA.get('/api/v1/notifications')).body.items[0]?.id as string;
  if (!notificationA) throw new Error('producer A has no notification');
  const userA = (await admin.get(`/api/v1/users?q=htx.sen`)).body.items[0].id as string;

  const world: World = {
    activity: {},
    clients: {
      anonymous: await t.client(),
      producerA,
      producerB,
      officerX,
      officerY,
      member,
      unassigned,
      conflicted,
      secretary: council.secretary,
      admin,
      otherAdmin,
      ministry,
    },
    chair,
    council,
    ids: {
      subjectA,
      subjectB,
      productA1,
      productA2,
      productA3,
      photoA1,
      saA2: a2.saId,
      evidenceA2: a2.evidenceId,
      saDraft,
      evidenceDraft: withEvidence.evidence[0].id,
      dossierA1: a1.dossierId,
      dossierA2: a2.dossierId,
      filingA2: a2.filingId,
      filedEvidenceA2: a2.filedEvidenceId,
      paperA: a2.paperId,
      councilId: council.id,
      sessionClosed,
      sessionOpen,
      sheetMember,
      sheetPaper: paper.id,
      decisionA1: decision.id,
      certificateA1: certificate.id,
      verificationCode: certificate.verificationCode,
      questionA2: thread[0].id,
      resultA1,
      roundId,
      calendarDay,
      importJob,
      notificationA,
      userA,
      memberIds: council.memberIds,
      dossierB: b.dossierId,
      filingB: b.filingId,
      filedEvidenceB: b.filedEvidenceId,
      paperB: b.paperId,
      subject01,
      product01,
    },
  };
  world.activity = { ...(await buildMarketRecords(t, world)), ...(await buildProgrammeRecords(t, world)) };
  return world;
}

/**
 * As test/support's dossierInCouncil, with an evidence file on the self-assessment so the filing
 * carries one: the producer files, the commune's officer assesses, the office sends it to the council.
 */
async function dossierWithEvidence(parties: { producer: Client; officer: Client; admin: Client }, productId: string, setNumber: number) {
  const { producer, officer, admin } = parties;
  const sa = must(await producer.post(`/api/v1/products/${productId}/self-assessments`, {}), 201, 'self-assessment');
  must(await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(setOf(setNumber)), notes: {} }), 200, 'sheet');
  const withEvidence = await upload(
    producer,
    `/api/v1/self-assessments/${sa.id}/evidence`,
    multipart({ criterionCode: '1.1' }, { name: 'giay-to.pdf', data: SMALL_PDF }),
    201,
    'evidence',
  );
  must(await producer.post(`/api/v1/self-assessments/${sa.id}/complete`), 200, 'complete');
  const product = (await producer.get(`/api/v1/products/${productId}`)).body;
  await filePapers(producer, product.subjectId, productId);
  const dossier = must(
    await producer.post('/api/v1/dossiers', { productId, kind: 'first', selfAssessmentId: sa.id, registration: { representativeName: 'Lê Văn Sen' } }),
    201,
    'dossier',
  );
  await step(producer, dossier.id, 'submit');
  await step(officer, dossier.id, 'assess', { assessment: COMMUNE_ASSESSMENT });
  await step(admin, dossier.id, 'receive');
  await step(admin, dossier.id, 'send_to_council');
  const filing = must(await admin.get(`/api/v1/dossiers/${dossier.id}/filing`), 200, 'filing');
  const checklist = must(await admin.get(`/api/v1/dossiers/${dossier.id}/checklist`), 200, 'checklist');
  return {
    dossierId: dossier.id as string,
    saId: sa.id as string,
    evidenceId: withEvidence.evidence[0].id as string,
    filingId: filing.id as string,
    filedEvidenceId: filing.selfAssessment.evidence[0].id as string,
    paperId: checklist.lines.flatMap((l: { documents: { id: string }[] }) => l.documents)[0]!.id as string,
  };
}
