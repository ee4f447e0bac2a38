import type { z } from 'zod';
import type { DecisionCreateBody } from '../../contracts/certificates.js';
import type { CouncilCreateBody, SessionCreateBody } from '../../contracts/councils.js';
import type { DossierCreateBody, TransitionBody } from '../../contracts/evaluation.js';
import { casesOfSet, findSet, listScorableCriteria, optionAppliesToCase } from '../../domain/criteria/index.js';
import type { CaseKey, CriteriaSet } from '../../domain/criteria/types.js';
import { addDays, vietnamDate } from '../../domain/dates/calendar.js';
import { requiredDocuments, DOCUMENT_TYPES } from '../../domain/evaluation/dossier-documents.js';
import type { UserActor } from '../../domain/policies/index.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import type { Db } from '../db/client.js';
import type { FileStorage } from '../lib/file-storage.js';
import { hashPassword } from '../lib/passwords.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../modules/audit/audit.service.js';
import { createCalendarService } from '../modules/calendar/calendar.service.js';
import { createDecisionsService } from '../modules/certificates/decisions.service.js';
import { createCouncilsService } from '../modules/councils/councils.service.js';
import { createSessionsService } from '../modules/councils/sessions.service.js';
import { createSheetsService } from '../modules/councils/sheets.service.js';
import { createCriteriaCatalogue } from '../modules/criteria/criteria.catalogue.js';
import { createDocumentsService } from '../modules/documents/documents.service.js';
import { createDossiersService } from '../modules/dossiers/dossiers.service.js';
import { createFilingsService } from '../modules/dossiers/filings.service.js';
import { referenceRepository } from '../modules/reference/reference.repository.js';
import { createRoundsService } from '../modules/rounds/rounds.service.js';
import { createSelfAssessmentsService } from '../modules/self-assessments/self-assessments.service.js';
import { createSettingsService } from '../modules/settings/settings.service.js';
import { usersRepository, type UserRow } from '../modules/users/users.repository.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROVINCE } from './demo.js';
import type { DemoPlan, PlannedProduct, RoundDossier, RoundStep } from './demo-history-plan.js';
import type { Random } from './demo-random.js';

/**
 * Round 2 of 2026, the round in progress, played through the platform's services as the people
 * involved would: commune officers file and assess, the provincial office receives and sends to the
 * council, members score their own sheets, a sitting closes, decisions issue certificates. Each act
 * happens on its own day (the services' clock is moved from day to day), so every date rule the
 * services check holds, and the dates are the same on every run.
 */

export type RoundSummary = { dossiers: number; decisions: number; certificates: number; accounts: number };

type Deps = { plan: DemoPlan; productIds: Map<PlannedProduct, string>; subjectIds: Map<string, string>; storage: FileStorage; rnd: Random };

/** A tiny one-page PDF standing for the scanned papers of the demo. */
const PAPER = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** The provincial council of the round: a chair and members from the departments, a secretary from the office. */
const COUNCIL = [
  { key: 'chutich.hd', fullName: 'Đỗ Thanh Phong', organisation: 'Sở Nông nghiệp và Môi trường', position: 'chair' },
  { key: 'sct.hd', fullName: 'Nguyễn Thị Kim Loan', organisation: 'Sở Công Thương', position: 'member' },
  { key: 'syt.hd', fullName: 'Võ Quốc Bảo', organisation: 'Sở Y tế', position: 'member' },
  { key: 'skhcn.hd', fullName: 'Trương Hoàng Nam', organisation: 'Sở Khoa học và Công nghệ', position: 'member' },
  { key: 'hoidong', fullName: 'Trần Văn Minh', organisation: 'Sở Văn hóa, Thể thao và Du lịch', position: 'member' },
  { key: 'thuky.hd', fullName: 'Huỳnh Thị Mỹ Duyên', organisation: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'secretary' },
] as const;

const OFFICER_NAMES = [
  'Lê Thị Mỹ Linh',
  'Nguyễn Văn Hậu',
  'Phạm Thanh Tùng',
  'Trần Thị Bích Ngọc',
  'Võ Minh Luân',
  'Huỳnh Thị Thanh Thúy',
  'Đặng Quốc Khánh',
  'Bùi Thị Kiều Oanh',
];

/** The days each group of dossiers took its steps (Vietnamese calendar days, at the office's hours). */
const DAYS: Record<RoundStep, { file: string; assess?: string; receive?: string; council?: string }> = {
  decided: { file: '2026-08-11', assess: '2026-08-25', receive: '2026-09-08', council: '2026-10-12' },
  approved_forwarded: { file: '2026-08-12', assess: '2026-08-26', receive: '2026-09-08', council: '2026-10-12' },
  in_session: { file: '2026-09-21', assess: '2026-10-06', receive: '2026-10-27', council: '2026-11-16' },
  received: { file: '2026-09-28', assess: '2026-10-19', receive: '2026-11-12' },
  returned: { file: '2026-10-05', assess: '2026-10-22', receive: '2026-11-12' },
  proposed_late: { file: '2026-10-26', assess: '2026-11-20' },
  not_proposed: { file: '2026-10-12', assess: '2026-10-26' },
  submitted: { file: '2026-11-23' },
  draft: { file: '2026-11-30' },
};
const SESSION_1 = { created: '2026-10-20', heldOn: '2026-11-05', decidedOn: '2026-11-18', letterOn: '2026-11-25' };
const SESSION_2 = { created: '2026-11-20', heldOn: '2026-12-02' };
const COUNCIL_ESTABLISHED = '2026-09-15';

export async function playCurrentRound(db: Db, { plan, productIds, subjectIds, storage, rnd }: Deps): Promise<RoundSummary> {
  // ---- the services, on a clock the seed moves ----------------------------------------------
  let now = new Date('2026-08-01T02:00:00Z');
  const clock = () => now;
  /** 09:00 in Vietnam (or another hour) of a calendar day. */
  const on = (day: string, hour = 9) => void (now = new Date(`${day}T${String(hour - 7).padStart(2, '0')}:00:00Z`));
  const catalogue = createCriteriaCatalogue(db, { today: () => vietnamDate(clock()) });
  const settings = createSettingsService(db);
  const calendar = createCalendarService(db);
  const rounds = createRoundsService(db, catalogue, DEMO_PROVINCE, clock);
  const filings = createFilingsService(db, catalogue, settings, storage);
  const dossiers = createDossiersService({ db, catalogue, filings, rounds, calendar, clock });
  const selfAssessments = createSelfAssessmentsService(db, catalogue, settings, storage);
  const documents = createDocumentsService(db, storage);
  const councils = createCouncilsService({ db, settings, storage, clock });
  const sessions = createSessionsService({ db, catalogue, settings, clock });
  const sheets = createSheetsService({ db, catalogue, settings, storage, clock });
  const decisions = createDecisionsService(db, clock);

  // ---- who acts -------------------------------------------------------------------------------
  type Person = { actor: UserActor; audit: AuditActor };
  const personOf = (u: UserRow): Person => ({
    actor: {
      kind: 'user',
      userId: u.id,
      role: u.role as UserActor['role'],
      provinceCode: u.provinceCode,
      communeCodes: u.communeCodes,
      subjectId: u.subjectId,
    },
    audit: { userId: u.id, label: u.email, ip: null },
  });
  const load = async (email: string) => personOf((await usersRepository.get(db, (await usersRepository.findByEmail(db, email))!.id))!);
  const admin = await load(DEMO_ACCOUNTS[0]!.email);
  const demoOfficer = await load('canbo.sadec@ocop.demo');
  const demoProducer = await load('htx.sen@ocop.demo');

  // Accounts the round needs: an officer in each commune with a dossier, the council's members.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const communes = new Map((await referenceRepository.communesOf(db, DEMO_PROVINCE)).map((c) => [c.code, c]));
  const officers = new Map<string, Person>(demoOfficer.actor.communeCodes.map((c) => [c, demoOfficer]));
  let accounts = 0;
  async function account(email: string, fullName: string, role: 'officer' | 'council', communeCodes: string[] = []): Promise<Person> {
    const existing = await usersRepository.findByEmail(db, email);
    if (existing) return load(email);
    await db.transaction(async (tx) => {
      const u = await usersRepository.insert(tx, { email, fullName, passwordHash, role, provinceCode: DEMO_PROVINCE });
      if (communeCodes.length) await usersRepository.setCommunes(tx, u.id, communeCodes);
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'user', entityId: u.id, after: u });
    });
    accounts++;
    return load(email);
  }
  let officerIndex = 0;
  for (const d of plan.round) {
    const code = d.product.subject.communeCode;
    if (officers.has(code)) continue;
    const commune = communes.get(code)!;
    const slug = foldVietnamese(commune.name).replace(/[^a-z0-9]/g, '');
    const name = OFFICER_NAMES[officerIndex++ % OFFICER_NAMES.length]!;
    officers.set(
      code,
      await account(`canbo.${slug}@ocop.demo`, `${name} (cán bộ ${commune.fullName.charAt(0).toLowerCase()}${commune.fullName.slice(1)})`, 'officer', [code]),
    );
  }
  const members: Person[] = [];
  for (const m of COUNCIL)
    members.push(m.key === 'hoidong' ? await load('hoidong@ocop.demo') : await account(`${m.key}@ocop.demo`, `${m.fullName} (${m.organisation})`, 'council'));

  /** The producer files with its own account where it has one; otherwise the commune's officer files for it (Art. 7.1). */
  const filer = (d: RoundDossier) => (d.product.subject.code === 'DT-001' ? demoProducer : officers.get(d.product.subject.communeCode)!);
  const officerOf = (d: RoundDossier) => officers.get(d.product.subject.communeCode)!;

  // ---- filing: self-assessment, papers, dossier, submission ---------------------------------
  const entry = (await catalogue.find('26/2026/QĐ-TTg'))!;
  const setOf = (n: number) => findSet(entry.version, n)!;
  const papered = new Set<string>();
  const dossierIds = new Map<RoundDossier, string>();

  type Transition = z.infer<typeof TransitionBody>;
  async function step(p: Person, d: RoundDossier, action: Transition['action'], extra: Omit<Partial<Transition>, 'action' | 'expectedVersion'> = {}) {
    const id = dossierIds.get(d)!;
    const current = await dossiers.get(p.actor, id);
    await dossiers.transition(p.actor, p.audit, id, { action, expectedVersion: current.version, ...extra });
  }

  async function file(d: RoundDossier) {
    const p = filer(d);
    const productId = productIds.get(d.product)!;
    const subjectId = subjectIds.get(d.product.subject.code)!;
    const set = setOf(d.product.kind.set);
    // Papers a few days before filing; the returned dossier's test report has just run out.
    on(addDays(DAYS[d.step].file, -3));
    for (const item of requiredDocuments(d.product.kind.set, d.kind)) {
      if (!item.required) continue;
      const owner = DOCUMENT_TYPES[item.type].owner;
      const key = owner === 'subject' ? `${subjectId}:${item.type}` : `${productId}:${item.type}`;
      if (papered.has(key)) continue;
      papered.add(key);
      const validUntil = d.step === 'returned' && item.type === 'test_report' ? '2026-10-31' : '2029-06-30';
      await documents.upload(
        p.actor,
        p.audit,
        subjectId,
        {
          type: item.type,
          title: DOCUMENT_TYPES[item.type].label.vi,
          number: `${rnd.int(10, 999)}/${item.type === 'business_registration' ? 'ĐKKD' : item.type === 'food_safety_certificate' ? 'ATTP' : 'KN'}`,
          issuedOn: '2026-03-16',
          validUntil,
          ...(owner === 'product' ? { productId } : {}),
        },
        { filename: `${item.type}.pdf`, data: PAPER },
      );
    }
    const sa = await selfAssessments.create(p.actor, p.audit, productId, {});
    // Producers rate themselves a little above what the council will find.
    const own = sheetNear(set, Math.min(100, d.target + rnd.int(2, 6)), rnd);
    await selfAssessments.update(p.actor, p.audit, sa.id, { choices: own.choices, case: own.case, notes: {} });
    on(DAYS[d.step].file);
    if (d.step !== 'draft') await selfAssessments.complete(p.actor, p.audit, sa.id);
    const body: z.infer<typeof DossierCreateBody> = {
      productId,
      kind: d.kind,
      // A draft carries its sheet still in progress (Art. 6.1: no dossier without one).
      selfAssessmentId: sa.id,
      registration: {
        representativeName: d.product.subject.representative || 'Người đại diện',
        representativePosition: undefined,
        address: d.product.subject.address || undefined,
        phone: d.product.subject.phone || undefined,
        email: undefined,
      },
    };
    const dossier = await dossiers.create(p.actor, p.audit, body);
    dossierIds.set(d, dossier.id);
    if (d.step !== 'draft') await step(p, d, 'submit');
  }

  const assessment = (d: RoundDossier, propose: boolean) => {
    const commune = communes.get(d.product.subject.communeCode)!;
    return {
      rawMaterialOrigin: propose
        ? 'Nguyên liệu chính sản xuất, thu mua tại địa phương'
        : 'Nguyên liệu chủ yếu mua ngoài tỉnh, chưa có vùng nguyên liệu ổn định',
      localLabour: 'Sử dụng lao động địa phương',
      ideaOrigin: 'Sản phẩm truyền thống của địa phương',
      localIdentity: `Gắn với đặc sản ${commune.name}`,
      conclusion: propose ? ('propose' as const) : ('not_propose' as const),
      reportNumber: `${rnd.int(20, 180)}/BC-UBND`,
      letterNumber: `${rnd.int(100, 900)}/UBND`,
      signer: rnd.pick(['Nguyễn Văn Tâm', 'Lê Hoàng Phúc', 'Trần Thị Thu Hà', 'Phạm Minh Chánh']),
      signerTitle: 'Phó Chủ tịch UBND',
    };
  };

  // Filing in the order it happened, then each step on its day.
  const byFiling = [...plan.round].sort((a, b) => DAYS[a.step].file.localeCompare(DAYS[b.step].file));
  for (const d of byFiling) await file(d);
  const moving = (steps: RoundStep[]) => plan.round.filter((d) => steps.includes(d.step));

  for (const d of moving(['not_proposed'])) {
    on(DAYS[d.step].assess!);
    await step(officerOf(d), d, 'assess', {
      assessment: assessment(d, false),
      comment: 'Chưa có vùng nguyên liệu ổn định tại địa phương; đề nghị chủ thể hoàn thiện liên kết nguồn nguyên liệu rồi nộp lại.',
    });
  }
  for (const d of moving(['decided', 'approved_forwarded', 'in_session', 'received', 'returned', 'proposed_late'])) {
    on(DAYS[d.step].assess!);
    await step(officerOf(d), d, 'assess', { assessment: assessment(d, true) });
    if (!DAYS[d.step].receive) continue;
    on(DAYS[d.step].receive!);
    await step(admin, d, 'receive');
    if (d.step === 'returned') {
      on('2026-11-19');
      await step(admin, d, 'return', { comment: 'Phiếu kết quả kiểm nghiệm đã hết hạn ngày 31/10/2026: đề nghị bổ sung phiếu kiểm nghiệm còn hiệu lực.' });
    }
    if (!DAYS[d.step].council) continue;
    on(DAYS[d.step].council!);
    await step(admin, d, 'send_to_council');
  }

  // ---- the council and its sittings -----------------------------------------------------------
  on(COUNCIL_ESTABLISHED);
  const councilBody: z.infer<typeof CouncilCreateBody> = {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026',
    kind: 'council',
    level: 'province',
    year: 2026,
    establishment: { number: '2318/QĐ-UBND', date: COUNCIL_ESTABLISHED, signer: 'Trần Minh Khoa', signerTitle: 'Phó Chủ tịch' },
    members: COUNCIL.map((m, i) => ({ fullName: m.fullName, organisation: m.organisation, position: m.position, userId: members[i]!.actor.userId })),
  };
  const council = await councils.createCouncil(admin.actor, admin.audit, councilBody);
  await councils.attachRules(admin.actor, admin.audit, council.id, { filename: 'quy-che-hoat-dong-hoi-dong.pdf', data: PAPER });
  const seat = (i: number) => council.members.find((m) => m.userId === members[i]!.actor.userId)!.id;
  const voting = COUNCIL.map((m, i) => ({ m, i })).filter(({ m }) => m.position !== 'secretary');

  /** Members present declare no conflict and submit their sheets; those listed in `skip` have not scored yet. */
  async function sitting(group: RoundDossier[], dates: { created: string; heldOn: string }, title: string, skip: (member: number, d: RoundDossier) => boolean) {
    on(dates.created);
    const ids = group.map((d) => dossierIds.get(d)!);
    const body: z.infer<typeof SessionCreateBody> = { title, heldOn: dates.heldOn, mode: 'meeting', dossierIds: ids };
    const session = await sessions.createSession(admin.actor, admin.audit, council.id, body);
    on(dates.heldOn, 8);
    await sessions.setAttendance(
      admin.actor,
      admin.audit,
      session.id,
      COUNCIL.map((_, i) => seat(i)),
    );
    on(dates.heldOn, 10);
    for (const d of group) {
      const id = dossierIds.get(d)!;
      const set = setOf(d.product.kind.set);
      for (const { i } of voting) {
        if (skip(i, d)) continue;
        const member = members[i]!;
        await sheets.declare(member.actor, member.audit, session.id, id, { hasConflict: false });
        const own = sheetNear(set, d.target + rnd.int(-3, 3), rnd);
        // A member's sheet is created empty at version 1 on first use.
        await sheets.saveSheet(member.actor, session.id, id, { choices: own.choices, case: own.case, expectedVersion: 1 });
        await sheets.submitSheet(member.actor, member.audit, session.id, id);
      }
    }
    return session.id as string;
  }

  const first = moving(['decided', 'approved_forwarded']);
  const closedSession = await sitting(first, SESSION_1, 'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026 (phiên 1)', () => false);
  on(SESSION_1.heldOn, 16);
  await sessions.closeSession(admin.actor, admin.audit, closedSession);

  // The second sitting was held yesterday: the chair and two members have scored, the others not all yet.
  const hoidong = COUNCIL.findIndex((m) => m.key === 'hoidong');
  const health = COUNCIL.findIndex((m) => m.key === 'syt.hd');
  const second = moving(['in_session']);
  await sitting(
    second,
    SESSION_2,
    'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026 (phiên 2)',
    (i, d) => i === hoidong || (i === health && second.indexOf(d) >= 3),
  );

  // ---- decisions -------------------------------------------------------------------------------
  on(SESSION_1.decidedOn, 10);
  const scored = await Promise.all(first.map(async (d) => ({ d, row: await dossiers.get(admin.actor, dossierIds.get(d)!) })));
  const toRecognise = scored.filter(({ row }) => row.state === 'scored' && !(row.councilScore !== null && row.councilScore >= 90 && row.councilStar === 5));
  const toApprove = scored.filter(({ row }) => row.state === 'scored' && row.councilScore !== null && row.councilScore >= 90 && row.councilStar === 5);
  const number = () => {
    for (;;) {
      const n = `${rnd.int(2400, 2999)}/QĐ-UBND`;
      if (!plan.takenNumbers.has(`province:${n}`)) {
        plan.takenNumbers.add(`province:${n}`);
        return n;
      }
    }
  };
  let decided = 0;
  let certificates = 0;
  if (toRecognise.length) {
    const items = toRecognise.map(({ row }) => {
      // The province recognises the council's star, at most 4★; below 3★ the product is not recognised.
      const star = row.councilStar !== null && row.councilStar >= 3 ? (Math.min(4, row.councilStar) as 3 | 4) : null;
      if (star) certificates++;
      return { dossierId: row.id, star };
    });
    const recognition: z.infer<typeof DecisionCreateBody> = {
      kind: 'recognition',
      number: number(),
      signedOn: SESSION_1.decidedOn,
      signer: 'Trần Minh Khoa',
      signerTitle: 'Phó Chủ tịch',
      level: 'province',
      notice: { number: `${rnd.int(300, 900)}/VPĐP-OCOP`, signer: 'Huỳnh Thị Mỹ Duyên', signerTitle: 'Chánh Văn phòng Điều phối nông thôn mới tỉnh' },
      items,
    };
    await decisions.create(admin.actor, admin.audit, recognition);
    decided++;
  }
  if (toApprove.length) {
    const approval: z.infer<typeof DecisionCreateBody> = {
      kind: 'approval',
      number: number(),
      signedOn: SESSION_1.decidedOn,
      signer: 'Trần Minh Khoa',
      signerTitle: 'Phó Chủ tịch',
      level: 'province',
      items: toApprove.map(({ row }) => ({ dossierId: row.id, star: null })),
    };
    await decisions.create(admin.actor, admin.audit, approval);
    decided++;
    on(SESSION_1.letterOn);
    for (const { d } of toApprove)
      await step(admin, d, 'forward_to_ministry', {
        forwarding: {
          letterNumber: `${rnd.int(3000, 3999)}/UBND-KT`,
          letterDate: SESSION_1.letterOn,
          signer: 'Trần Minh Khoa',
          signerTitle: 'Phó Chủ tịch',
          samplesSent: 5,
          extraTests: undefined,
        },
      });
  }
  return { dossiers: plan.round.length, decisions: decided, certificates, accounts };
}

/**
 * One member's choices on a sheet, worth about `target` points: the best option everywhere, then, in
 * a random order, lower options while the total stays at or above the target — criteria without a
 * minimum-star mark first, so a sheet loses points before it loses a star. The engine scores it.
 */
export function sheetNear(set: CriteriaSet, target: number, rnd: Random): { choices: Record<string, number>; case: CaseKey | null } {
  const caseKey = casesOfSet(set)[0] ?? null;
  const criteria = listScorableCriteria(set);
  const options = (c: (typeof criteria)[number]) =>
    c.options
      .map((o, i) => ({ points: o.points, i }))
      .filter(({ i }) => optionAppliesToCase(c.options[i]!, caseKey))
      .sort((a, b) => a.points - b.points);
  const choices: Record<string, number> = {};
  const points = new Map<string, number>();
  let total = 0;
  for (const c of criteria) {
    const best = options(c).at(-1)!;
    choices[c.code] = best.i;
    points.set(c.code, best.points);
    total += best.points;
  }
  const marked = (c: (typeof criteria)[number]) => c.options.some((o) => o.minStar !== null);
  for (const c of [...rnd.shuffle(criteria.filter((c) => !marked(c))), ...rnd.shuffle(criteria.filter(marked))]) {
    if (total <= target) break;
    const current = points.get(c.code)!;
    const lower = options(c).find((o) => total - current + o.points >= target);
    if (!lower || lower.points >= current) continue;
    total += lower.points - current;
    choices[c.code] = lower.i;
    points.set(c.code, lower.points);
  }
  return { choices, case: caseKey };
}
