import { createHash } from 'node:crypto';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import type { CouncilCreateBody, PaperSheetFields, RescoreBody, SessionCreateBody, SheetBody } from '../../../contracts/councils.js';
import type { EvaluationResult } from '../../../contracts/scoring.js';
import { criteriaVersionSlug, findSet, type CaseKey } from '../../../domain/criteria/index.js';
import { formatDateVn, vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import {
  checkCouncilComposition,
  maySeeOthersScores,
  mayRunSession,
  mayScore,
  votesByDefault,
  type CouncilPosition,
} from '../../../domain/evaluation/council-rules.js';
import { checkActDate, checkActOrder, checkDayReached } from '../../../domain/evaluation/dated-acts.js';
import { checkStep, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import type { Actor } from '../../../domain/policies/index.js';
import { aggregateCouncil, scoreDraft, scoreSheet } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { dossiersRepository, type DossierRow } from '../dossiers/dossiers.repository.js';
import { commitStep } from '../dossiers/dossiers.service.js';
import { openQuestionCount } from '../dossiers/questions.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { presentCouncilResult } from '../scoring/scoring.presenter.js';
import type { SettingsService } from '../settings/settings.service.js';
import { councilsRepository as repo, type CouncilRow, type LinkRow, type MemberRow, type SheetRow } from './councils.repository.js';
import type { MinutesInput } from './minutes.docx.js';

const SESSION = { vi: 'phiên họp hội đồng', en: 'council session' };
const COUNCIL = { vi: 'hội đồng', en: 'council' };
const SHEET = { vi: 'phiếu chấm', en: 'score sheet' };
const sheetLocked = () => conflict('sheet_locked', { vi: 'Phiếu đã nộp và bị khoá.', en: 'The sheet is submitted and locked.' });
const sessionClosed = () => conflict('session_closed', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
const staleSheet = () => conflict('stale_sheet', { vi: 'Phiếu vừa được thay đổi ở nơi khác; tải lại.', en: 'The sheet changed elsewhere; reload it.' });
const refuseDate = (field: string, message: Message) => invalid('date_out_of_order', message, { [field]: message });

const isAdmin = (actor: Actor) => actor.kind === 'user' && actor.role === 'admin';
const userId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** The state a dossier is in before a council of this level, and the step its closing session takes. */
const STAGE = {
  province: { state: 'in_council', action: 'record_score', sentBy: 'send_to_council' },
  ministry: { state: 'in_central_council', action: 'record_central_score', sentBy: 'send_to_central_council' },
} as const;

/**
 * Councils and independent scoring (Art. 7.3–7.4, Decision 26/2026/QĐ-TTg): set up by the Chair's
 * (or the Minister's) decision with their rules; members declare conflicts and score alone on the
 * same sheet as the self-assessment, then submit (the sheet locks). Nobody sees another member's
 * scores until the session closes; closing records, on each ready dossier, the engine's mean of the
 * locked sheets of its last round — the only way a dossier ever gets a council score (Art. 3.3).
 */
export function createCouncilsService(
  db: Db,
  catalogue: CriteriaCatalogue,
  settings: SettingsService,
  storage: FileStorage,
  clock: () => Date = () => new Date(),
) {
  const today = () => vietnamDate(clock());

  /** The office administering a council: its province's, or the ministry's for a central council. */
  const administers = (actor: Actor, council: CouncilRow) =>
    isAdmin(actor) &&
    actor.kind === 'user' &&
    (actor.provinceCode === null ? true : council.level === 'province' && actor.provinceCode === council.provinceCode);

  async function loadSession(actor: Actor, sessionId: string) {
    const session = await repo.session(db, sessionId);
    if (!session) throw notFound(SESSION);
    const council = (await repo.council(db, session.councilId))!;
    const members = await repo.members(db, council.id);
    const me = members.find((m) => m.userId !== null && m.userId === userId(actor)) ?? null;
    const admin = administers(actor, council);
    // Council members see only the sessions of councils they sit on (404 otherwise).
    if (!me && !admin) throw notFound(SESSION);
    return { session, council, members, voting: members.filter((m) => m.voting), me, admin };
  }
  type Ctx = Awaited<ReturnType<typeof loadSession>>;

  async function sessionDossier(ctx: Ctx, dossierId: string) {
    const link = await repo.link(db, ctx.session.id, dossierId);
    const dossier = link && (await dossiersRepository.get(db, dossierId));
    if (!link || !dossier) throw notFound({ vi: 'hồ sơ trong phiên', en: 'dossier in this session' });
    return { link, dossier };
  }

  async function criteriaOf(dossier: DossierRow) {
    const entry = await catalogue.find(dossier.legalBasis);
    const set = entry && findSet(entry.version, dossier.setNumber);
    if (!entry || !set) throw new Error(`Criteria ${dossier.legalBasis}/${dossier.setNumber} missing`);
    return { version: entry.version, set };
  }

  const requireRunner = (ctx: Ctx) => {
    if (!mayRunSession(ctx.me?.position ?? null, ctx.admin))
      throw forbidden({ vi: 'Chỉ chủ tịch, thư ký hội đồng hoặc Văn phòng OCOP.', en: 'Only the chair, the secretary or the OCOP office.' });
  };
  const requireOpen = (ctx: Ctx) => {
    if (ctx.session.status === 'closed') throw sessionClosed();
  };
  /** A sitting is scored and closed from its day on, not before (Art. 7.3d: the council meets, then scores). */
  const requireDay = (ctx: Ctx) => {
    const reached = checkDayReached({ date: ctx.session.heldOn, label: { vi: 'ngày họp hội đồng', en: 'council session' } }, today());
    if (!reached.ok) throw conflict('session_not_held_yet', reached.message);
  };

  async function councilSettings(ctx: Ctx, dossier: DossierRow) {
    const base = await settings.scoring(dossier.provinceCode);
    return { ...base, spreadThreshold: ctx.council.spreadThreshold ?? base.spreadThreshold, quorumRatio: ctx.council.quorumRatio ?? base.quorumRatio };
  }

  /** The council's aggregation of the locked sheets of the current round (voting members only), or null before any. */
  async function resultOf(ctx: Ctx, link: LinkRow, dossier: DossierRow) {
    const sheets = (await repo.submittedSheets(db, ctx.session.id, dossier.id, link.scoringRound)).filter((s) => ctx.voting.some((m) => m.id === s.memberId));
    if (!sheets.length) return { sheets, result: null };
    const { version, set } = await criteriaOf(dossier);
    const chair = ctx.members.find((m) => m.position === 'chair');
    // A member whose sheet is in was present (or, in writing, answered): attendance marks the others.
    const attended = ctx.session.mode === 'written' ? [] : ctx.session.attendance.filter((id) => ctx.voting.some((m) => m.id === id));
    const present = [...new Set([...sheets.map((s) => s.memberId), ...attended])];
    const aggregated = aggregateCouncil(
      version,
      set,
      sheets.map((s) => ({
        choices: s.choices,
        ...(s.caseKey ? { case: s.caseKey as CaseKey } : {}),
        ...(s.disqualifiedReason ? { disqualified: { reason: s.disqualifiedReason } } : {}),
      })),
      await councilSettings(ctx, dossier),
      // Written opinions (Art. 7.6) need no meeting: everyone who answered counts as present.
      {
        councilSize: ctx.voting.length,
        present: present.length,
        chairPresent: ctx.session.mode === 'written' || (chair !== undefined && present.includes(chair.id)),
      },
    );
    return { sheets, result: presentCouncilResult(aggregated) };
  }

  function presentSheet(sheet: SheetRow, dossier: DossierRow, progress: ReturnType<typeof scoreDraft>) {
    return {
      id: sheet.id,
      sessionId: sheet.sessionId,
      dossierId: sheet.dossierId,
      memberId: sheet.memberId,
      scoringRound: sheet.scoringRound,
      choices: sheet.choices,
      case: (sheet.caseKey as CaseKey | null) ?? null,
      disqualifiedReason: sheet.disqualifiedReason,
      status: sheet.status,
      paper: sheet.paper,
      total: sheet.total,
      version: sheet.version,
      progress: { ...progress, missing: [...progress.missing], parts: [...progress.parts], groups: [...progress.groups] },
      legalBasis: dossier.legalBasis,
      versionSlug: criteriaVersionSlug(dossier.legalBasis),
      setNumber: dossier.setNumber,
      selfAssessmentId: dossier.selfAssessmentId,
    };
  }

  /** The member's own sheet for the dossier's current round, created empty on first use. */
  async function ownSheet(ctx: Ctx, dossierId: string, member: MemberRow) {
    const { link, dossier } = await sessionDossier(ctx, dossierId);
    const standing = mayScore(member, dossier.subjectName, await repo.declaration(db, ctx.session.id, dossierId, member.id));
    if (standing !== 'yes') {
      const messages = {
        not_voting: { vi: 'Thư ký hội đồng không chấm điểm, trừ khi được cử làm thành viên.', en: 'The secretary does not score unless appointed a member.' },
        declare_first: { vi: 'Hãy khai báo xung đột lợi ích trước khi chấm.', en: 'Declare any conflict of interest before scoring.' },
        conflicted: {
          vi: 'Thành viên đã khai báo xung đột lợi ích nên không chấm hồ sơ này.',
          en: 'A member with a declared conflict does not score this dossier.',
        },
        own_organisation: {
          vi: 'Thành viên thuộc tổ chức của chủ thể nên không chấm hồ sơ này.',
          en: 'A member from the producer’s organisation does not score this dossier.',
        },
      } as const;
      throw forbidden(messages[standing]);
    }
    const sheet = await repo.memberSheetOrNew(db, { sessionId: ctx.session.id, dossierId, memberId: member.id, scoringRound: link.scoringRound });
    return { sheet, dossier };
  }

  const requireMember = (ctx: Ctx) => {
    if (!ctx.me) throw forbidden({ vi: 'Chỉ thành viên hội đồng chấm điểm.', en: 'Only council members score.' });
    return ctx.me;
  };

  async function submit(ctx: Ctx, sheet: SheetRow, dossier: DossierRow, audit: AuditActor, paper: boolean) {
    if (sheet.status === 'submitted') throw sheetLocked();
    // Written opinions (Art. 7.6) are due by the session's deadline; paper sheets received in time may be entered later.
    if (!paper && ctx.session.mode === 'written' && ctx.session.writtenDeadline && today() > ctx.session.writtenDeadline)
      throw conflict('written_deadline_passed', {
        vi: `Đã quá hạn gửi ý kiến bằng văn bản (${formatDateVn(ctx.session.writtenDeadline)}).`,
        en: `The deadline for written opinions (${formatDateVn(ctx.session.writtenDeadline)}) has passed.`,
      });
    const { version, set } = await criteriaOf(dossier);
    const caseKey = (sheet.caseKey as CaseKey | null) ?? null;
    const score = scoreSheet(
      version,
      set,
      {
        choices: sheet.choices,
        ...(caseKey ? { case: caseKey } : {}),
        ...(sheet.disqualifiedReason ? { disqualified: { reason: sheet.disqualifiedReason } } : {}),
      },
      { includeNext: false },
    );
    const after = await db.transaction(async (tx) => {
      const row = await repo.lock(tx, sheet.id, { total: score.total, version: sheet.version + 1 });
      if (!row) throw sheetLocked();
      await recordAudit(tx, audit, {
        action: 'update',
        entityType: 'score_sheet',
        entityId: sheet.id,
        before: { status: 'draft' },
        after: { status: 'submitted', total: score.total, paper },
      });
      return row;
    });
    return presentSheet(after, dossier, scoreDraft(version, set, after.choices, caseKey));
  }

  /**
   * The councils the caller may see — the office those of its province (the ministry's office the
   * central ones and all others), a member those it sits on — newest year first (the id breaks
   * ties, so pages are stable); all unless a page is given.
   */
  function councilRows(actor: Actor, page?: { limit: number; offset: number }) {
    const province = actor.kind === 'user' ? actor.provinceCode : null;
    const where = isAdmin(actor) ? repo.councilsOfProvince(province) : repo.councilsSatOnBy(db, userId(actor));
    return repo.councilsWhere(db, where, page);
  }

  async function presentCouncils(rows: CouncilRow[]) {
    const members = await repo.membersOf(
      db,
      rows.map((c) => c.id),
    );
    return rows.map((council) => ({
      id: council.id,
      name: council.name,
      kind: council.kind,
      level: council.level,
      provinceCode: council.provinceCode,
      year: council.year,
      establishment: {
        number: council.establishedByNumber,
        date: council.establishedOn,
        signer: council.establishedBySigner,
        signerTitle: council.establishedBySignerTitle,
      },
      rules: council.rulesStorageKey ? { filename: council.rulesFilename!, url: `/api/v1/councils/${council.id}/rules`, sha256: council.rulesSha256! } : null,
      spreadThreshold: council.spreadThreshold,
      quorumRatio: council.quorumRatio,
      members: members
        .filter((m) => m.councilId === council.id)
        .map((m) => ({
          id: m.id,
          fullName: m.fullName,
          organisation: m.organisation,
          position: m.position as CouncilPosition,
          userId: m.userId,
          voting: m.voting,
        })),
    }));
  }
  const presentCouncil = async (id: string) => (await presentCouncils([(await repo.council(db, id))!]))[0]!;

  async function presentSession(actor: Actor, id: string) {
    const ctx = await loadSession(actor, id);
    const links = await repo.links(db, id);
    const dossierRows = await dossiersRepository.getMany(
      db,
      links.map((l) => l.dossierId),
    );
    const [declarations, sheets, rescorings] = await Promise.all([repo.declarations(db, id), repo.sheets(db, id), repo.rescorings(db, id)]);
    const position = ctx.me?.position ?? null;
    const runner = mayRunSession(position, ctx.admin);
    const closed = maySeeOthersScores(ctx.session.status);
    const name = (memberId: string) => ctx.members.find((m) => m.id === memberId)?.fullName ?? '';
    return {
      id: ctx.session.id,
      councilId: ctx.council.id,
      councilName: ctx.council.name,
      title: ctx.session.title,
      heldOn: ctx.session.heldOn,
      mode: ctx.session.mode,
      writtenDeadline: ctx.session.writtenDeadline,
      attendance: ctx.session.attendance,
      status: ctx.session.status,
      closedOn: ctx.session.closedOn,
      level: ctx.council.level,
      myPosition: position,
      dossiers: links.map((l) => {
        const d = dossierRows.find((r) => r.id === l.dossierId)!;
        const round = sheets.filter((s) => s.dossierId === l.dossierId && s.scoringRound === l.scoringRound);
        const mine = ctx.me ? round.find((s) => s.memberId === ctx.me!.id) : undefined;
        return {
          dossierId: l.dossierId,
          productName: d.productName,
          ocopCode: d.ocopCode,
          subjectName: d.subjectName,
          setNumber: d.setNumber,
          legalBasis: d.legalBasis,
          versionSlug: criteriaVersionSlug(d.legalBasis),
          scoringRound: l.scoringRound,
          state: d.state,
          mine: ctx.me
            ? {
                mayScore: mayScore(
                  ctx.me,
                  d.subjectName,
                  declarations.find((x) => x.dossierId === l.dossierId && x.memberId === ctx.me!.id),
                ),
                sheetStatus: mine?.status ?? ('none' as const),
              }
            : null,
          declarations: runner
            ? declarations
                .filter((x) => x.dossierId === l.dossierId)
                .map((x) => ({ memberId: x.memberId, memberName: name(x.memberId), hasConflict: x.hasConflict, note: x.note }))
            : null,
          // Before closing, those who run the sitting see who has submitted — never a total.
          sheets:
            runner || closed
              ? round.map((s) => ({
                  id: s.id,
                  memberId: s.memberId,
                  memberName: name(s.memberId),
                  scoringRound: s.scoringRound,
                  status: s.status,
                  paper: s.paper,
                  total: closed ? s.total : null,
                  scanUrl: closed && s.paperScanKey ? `/api/v1/council-sessions/${id}/sheets/${s.id}/scan` : null,
                }))
              : null,
          rescorings: rescorings
            .filter((r) => r.dossierId === l.dossierId)
            .map((r) => ({ scoringRound: r.scoringRound, reason: r.reason, requestedLabel: r.requestedLabel, requestedAt: r.requestedAt.toISOString() })),
        };
      }),
    };
  }

  return {
    /**
     * Sets up a council or advisory team as the Chair's (Minister's) decision does (Art. 7.3b, 7.4b):
     * its establishing decision, one chair, a secretary, enough scoring members (the province's rules),
     * from staff or council accounts only.
     */
    async createCouncil(actor: Actor, audit: AuditActor, body: z.infer<typeof CouncilCreateBody>) {
      if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
      if (body.level === 'ministry' && actor.provinceCode !== null)
        throw forbidden({ vi: 'Chỉ Bộ thành lập Hội đồng cấp trung ương.', en: 'Only the ministry sets up the central council.' });
      const provinceCode = body.level === 'ministry' ? null : actor.provinceCode;
      if (body.level === 'province' && provinceCode === null) {
        const m = { vi: 'Hội đồng cấp tỉnh do tỉnh thành lập.', en: 'A provincial council is set up by its province.' };
        throw invalid('province_required', m, { level: m });
      }
      const established = checkActDate({ date: body.establishment.date, label: { vi: 'ngày quyết định thành lập', en: 'establishing decision' } }, today());
      if (!established.ok) throw refuseDate('establishment.date', established.message);
      const roles = await repo.userRoles(
        db,
        body.members.flatMap((m) => (m.userId ? [m.userId] : [])),
      );
      const members = body.members.map((m) => ({ ...m, voting: m.voting ?? votesByDefault(m.position), userId: m.userId ?? null }));
      const scoring = body.kind === 'council';
      const composition = checkCouncilComposition(
        members.map((m) => ({ position: m.position, voting: m.voting, userId: m.userId, userRole: m.userId ? (roles.get(m.userId) ?? null) : null })),
        { minVoting: scoring ? (await settings.scoring(provinceCode ?? '')).minCouncilMembers : 1, needsSecretary: scoring },
      );
      if (!composition.ok)
        throw invalid('council_composition', { vi: 'Thành phần hội đồng chưa hợp lệ.', en: 'The council’s composition is not valid.' }, composition.problems);
      const id = await db.transaction(async (tx) => {
        const council = await repo.insertCouncil(tx, {
          level: body.level,
          provinceCode,
          kind: body.kind,
          name: body.name,
          year: body.year,
          establishedByNumber: body.establishment.number,
          establishedOn: body.establishment.date,
          establishedBySigner: body.establishment.signer,
          establishedBySignerTitle: body.establishment.signerTitle,
          spreadThreshold: body.spreadThreshold ?? null,
          quorumRatio: body.quorumRatio ?? null,
        });
        await repo.insertMembers(
          tx,
          members.map((m) => ({
            councilId: council.id,
            fullName: m.fullName,
            organisation: m.organisation,
            position: m.position,
            voting: m.voting,
            userId: m.userId,
          })),
        );
        await recordAudit(tx, audit, { action: 'create', entityType: 'council', entityId: council.id, after: { ...council, members } });
        return council.id;
      });
      return presentCouncil(id);
    },

    /** Attaches the council's operating rules (Quy chế hoạt động): a PDF or Word file, kept with its hash. */
    async attachRules(actor: Actor, audit: AuditActor, councilId: string, file: { filename: string; data: Buffer }) {
      const council = await repo.council(db, councilId);
      if (!council || !administers(actor, council)) throw notFound(COUNCIL);
      const type = sniffDocument(file.data, file.filename);
      if (!type || !['pdf', 'docx'].includes(type.ext))
        throw invalid('unsupported_document', {
          vi: 'Quy chế hoạt động là tệp PDF hoặc Word (.docx).',
          en: 'The operating rules are a PDF or Word (.docx) file.',
        });
      const storageKey = storage.newKey('council-rules', type.ext);
      await storage.put(storageKey, file.data);
      try {
        await db.transaction(async (tx) => {
          const after = await repo.updateCouncil(tx, councilId, {
            rulesStorageKey: storageKey,
            rulesFilename: file.filename.normalize('NFC').slice(0, 255),
            rulesMimeType: type.mimeType,
            rulesSha256: createHash('sha256').update(file.data).digest('hex'),
          });
          await recordAudit(tx, audit, {
            action: 'update',
            entityType: 'council',
            entityId: councilId,
            before: { rulesFilename: council.rulesFilename, rulesSha256: council.rulesSha256 },
            after: { rulesFilename: after.rulesFilename, rulesSha256: after.rulesSha256 },
          });
        });
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
      return presentCouncil(councilId);
    },

    async rulesFile(actor: Actor, councilId: string) {
      const council = await repo.council(db, councilId);
      const member = council && (await repo.members(db, council.id)).some((m) => m.userId !== null && m.userId === userId(actor));
      if (!council || !(administers(actor, council) || member) || !council.rulesStorageKey) throw notFound({ vi: 'quy chế hoạt động', en: 'operating rules' });
      return {
        data: await storage.get(council.rulesStorageKey),
        mimeType: council.rulesMimeType ?? 'application/pdf',
        filename: council.rulesFilename ?? 'quy-che.pdf',
      };
    },

    /** What the establishing decision's DOCX prints. */
    async forEstablishmentDocx(actor: Actor, councilId: string) {
      const council = await repo.council(db, councilId);
      if (!council || !administers(actor, council)) throw notFound(COUNCIL);
      return {
        council: (await presentCouncils([council]))[0]!,
        provinceName: council.provinceCode ? ((await referenceRepository.provinceFullName(db, council.provinceCode)) ?? null) : null,
      };
    },

    listCouncils: async (actor: Actor) => presentCouncils(await councilRows(actor)),

    /** Every council the list shows, in its order, with its number of sessions, read in batches (for exports). */
    exportCouncils: (actor: Actor) =>
      inPages(async (page) => {
        const rows = await councilRows(actor, page);
        const counts = await repo.sessionCounts(
          db,
          rows.map((c) => c.id),
        );
        return (await presentCouncils(rows)).map((c) => ({ ...c, sessionCount: counts.get(c.id) ?? 0 }));
      }),

    /**
     * Opens a sitting of a council (not an advisory team, which does not score) over dossiers before
     * it: provincial dossiers of its province, or dossiers before the central council. The council
     * needs its rules attached, and the sitting's date follows its establishment and the day each
     * dossier was put before it.
     */
    async createSession(actor: Actor, audit: AuditActor, councilId: string, body: z.infer<typeof SessionCreateBody>) {
      const council = await repo.council(db, councilId);
      if (!council || !administers(actor, council)) throw notFound(COUNCIL);
      if (council.kind !== 'council')
        throw invalid('advisory_team_does_not_score', { vi: 'Tổ tư vấn không tổ chức phiên chấm điểm.', en: 'An advisory team holds no scoring session.' });
      if (!council.rulesStorageKey)
        throw conflict('council_rules_missing', {
          vi: 'Hãy đính kèm Quy chế hoạt động của hội đồng trước khi mở phiên họp (Điều 7.3b).',
          en: 'Attach the council’s operating rules before opening a session (Art. 7.3b).',
        });
      const stage = STAGE[council.level];
      const rows = await dossiersRepository.getMany(db, body.dossierIds);
      const bad = body.dossierIds.filter((id) => {
        const r = rows.find((x) => x.id === id);
        return !r || r.state !== stage.state || (council.provinceCode !== null && r.provinceCode !== council.provinceCode);
      });
      if (bad.length) {
        const m = { vi: `Hồ sơ không ở bước đánh giá của hội đồng: ${bad.join(', ')}.`, en: `Dossiers not before the council: ${bad.join(', ')}.` };
        throw invalid('dossier_not_in_council', m, { dossierIds: m });
      }
      const sentOn = await dossiersRepository.lastStepOn(db, body.dossierIds, stage.sentBy);
      const heldLabel = { vi: 'ngày họp', en: 'session date' };
      const order = checkActOrder({ date: body.heldOn, label: heldLabel }, [
        { date: council.establishedOn, label: { vi: 'ngày thành lập hội đồng', en: 'council’s establishment' } },
        ...rows.map((r) => ({
          date: sentOn.get(r.id),
          label: { vi: `ngày chuyển hội đồng hồ sơ ${r.productName}`, en: `day ${r.productName} went before the council` },
        })),
      ]);
      if (!order.ok) throw refuseDate('heldOn', order.message);
      if (body.mode === 'written' && body.writtenDeadline && body.writtenDeadline < body.heldOn)
        throw refuseDate('writtenDeadline', { vi: 'Hạn gửi ý kiến không được trước ngày gửi phiếu.', en: 'The deadline cannot be before the session date.' });
      const id = await db.transaction(async (tx) => {
        const session = await repo.insertSession(tx, {
          councilId,
          title: body.title,
          heldOn: body.heldOn,
          mode: body.mode,
          writtenDeadline: body.writtenDeadline ?? null,
        });
        await repo.insertLinks(
          tx,
          body.dossierIds.map((dossierId) => ({ sessionId: session.id, dossierId })),
        );
        await recordAudit(tx, audit, {
          action: 'create',
          entityType: 'council_session',
          entityId: session.id,
          after: { ...session, dossierIds: body.dossierIds },
        });
        return session.id;
      });
      return presentSession(actor, id);
    },

    getSession: (actor: Actor, id: string) => presentSession(actor, id),

    /** Sessions the caller may open: the office's (its province, or the ministry's central ones), or those of councils the member sits on. */
    async listSessions(actor: Actor, f: { dossierId?: string | undefined; councilId?: string | undefined }) {
      const province = actor.kind === 'user' ? actor.provinceCode : null;
      const scope = isAdmin(actor) ? repo.councilsOfProvince(province) : repo.councilsSatOnBy(db, userId(actor));
      const rows = await repo.sessionsWhere(
        db,
        and(f.councilId ? repo.councilIs(f.councilId) : undefined, f.dossierId ? repo.sessionsOfDossier(db, f.dossierId) : undefined, scope),
      );
      const links = await repo.linksOf(
        db,
        rows.map((r) => r.session.id),
      );
      return rows.map(({ session, council }) => ({
        id: session.id,
        councilId: council.id,
        councilName: council.name,
        title: session.title,
        heldOn: session.heldOn,
        mode: session.mode,
        status: session.status,
        level: council.level,
        dossierCount: links.filter((c) => c.sessionId === session.id).length,
      }));
    },

    async declare(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string, body: { hasConflict: boolean; note?: string | undefined }) {
      const ctx = await loadSession(actor, sessionId);
      const me = requireMember(ctx);
      requireOpen(ctx);
      await sessionDossier(ctx, dossierId);
      if (await repo.declaration(db, sessionId, dossierId, me.id))
        throw conflict('already_declared', { vi: 'Thành viên đã khai báo cho hồ sơ này.', en: 'Already declared for this dossier.' });
      await db.transaction(async (tx) => {
        await repo.insertDeclaration(tx, { sessionId, dossierId, memberId: me.id, hasConflict: body.hasConflict, note: body.note ?? null });
        await recordAudit(tx, audit, { action: 'create', entityType: 'conflict_declaration', entityId: `${sessionId}:${dossierId}:${me.id}`, after: body });
      });
      return presentSession(actor, sessionId);
    },

    async mySheet(actor: Actor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, requireMember(ctx));
      const { version, set } = await criteriaOf(dossier);
      return presentSheet(sheet, dossier, scoreDraft(version, set, sheet.choices, (sheet.caseKey as CaseKey | null) ?? null));
    },

    /** Saves a draft (not audited: only the submitted sheet is a record of the council). */
    async saveSheet(actor: Actor, sessionId: string, dossierId: string, body: z.infer<typeof SheetBody>) {
      const ctx = await loadSession(actor, sessionId);
      requireOpen(ctx);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, requireMember(ctx));
      if (sheet.status === 'submitted') throw sheetLocked();
      const { version, set } = await criteriaOf(dossier);
      const progress = scoreDraft(version, set, body.choices, body.case ?? null);
      const after = await repo.saveDraft(db, sheet.id, body.expectedVersion, {
        choices: body.choices,
        caseKey: body.case ?? null,
        disqualifiedReason: body.disqualifiedReason ?? null,
      });
      if (!after) throw staleSheet();
      return presentSheet(after, dossier, progress);
    },

    /** Submits the member's sheet on or after the sitting's day: it must be complete; it locks, and counts in the council's mean. */
    async submitSheet(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      requireOpen(ctx);
      requireDay(ctx);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, requireMember(ctx));
      return submit(ctx, sheet, dossier, audit, false);
    },

    /**
     * The secretary (or the office) enters a member's paper sheet as that member's own, with the
     * scanned paper kept beside it (its SHA-256 recorded); it counts only as that member's sheet.
     */
    async paperSheet(
      actor: Actor,
      audit: AuditActor,
      sessionId: string,
      dossierId: string,
      body: z.infer<typeof PaperSheetFields>,
      scan: { filename: string; data: Buffer } | undefined,
    ) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      requireDay(ctx);
      const member = ctx.members.find((m) => m.id === body.memberId);
      if (!member)
        throw invalid(
          'unknown_member',
          { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' },
          { memberId: { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' } },
        );
      const type = scan && sniffDocument(scan.data, scan.filename);
      if (!scan || !type || !['pdf', 'jpg', 'png', 'webp'].includes(type.ext)) {
        const m = {
          vi: 'Cần tệp quét phiếu giấy (PDF hoặc ảnh) có chữ ký của thành viên.',
          en: 'The scanned paper sheet (PDF or image) signed by the member is required.',
        };
        throw invalid('paper_scan_required', m, { scan: m });
      }
      await sessionDossier(ctx, dossierId);
      if (body.declaration && !(await repo.declaration(db, sessionId, dossierId, member.id)))
        await db.transaction(async (tx) => {
          await repo.insertDeclaration(tx, {
            sessionId,
            dossierId,
            memberId: member.id,
            hasConflict: body.declaration!.hasConflict,
            note: body.declaration!.note ?? 'Khai báo trên giấy',
          });
          await recordAudit(tx, audit, {
            action: 'create',
            entityType: 'conflict_declaration',
            entityId: `${sessionId}:${dossierId}:${member.id}`,
            after: { ...body.declaration, paper: true },
          });
        });
      const { sheet, dossier } = await ownSheet(ctx, dossierId, member);
      if (sheet.status === 'submitted') throw sheetLocked();
      const { version, set } = await criteriaOf(dossier);
      scoreDraft(version, set, body.choices, body.case ?? null); // every problem with the choices, before anything is kept
      const storageKey = storage.newKey('paper-sheets', type.ext);
      await storage.put(storageKey, scan.data);
      try {
        const filled = await repo.saveDraft(db, sheet.id, sheet.version, {
          choices: body.choices,
          caseKey: body.case ?? null,
          disqualifiedReason: body.disqualifiedReason ?? null,
          paper: true,
          enteredBy: userId(actor),
          paperScanKey: storageKey,
          paperScanFilename: scan.filename.normalize('NFC').slice(0, 255),
          paperScanMimeType: type.mimeType,
          paperScanSha256: createHash('sha256').update(scan.data).digest('hex'),
        });
        if (!filled) throw staleSheet();
        return await submit(ctx, filled, dossier, audit, true);
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
    },

    /** A paper sheet's scan: its member's own, and everyone's once the session is closed. */
    async paperScan(actor: Actor, sessionId: string, sheetId: string) {
      const ctx = await loadSession(actor, sessionId);
      const sheet = await repo.sheet(db, sessionId, sheetId);
      if (!sheet?.paperScanKey || !(maySeeOthersScores(ctx.session.status) || sheet.memberId === ctx.me?.id))
        throw notFound({ vi: 'bản quét phiếu', en: 'sheet scan' });
      return {
        data: await storage.get(sheet.paperScanKey),
        mimeType: sheet.paperScanMimeType ?? 'application/pdf',
        filename: sheet.paperScanFilename ?? 'phieu-cham.pdf',
      };
    },

    /** Reopening a submitted sheet needs the secretary (or the office) and a reason, both audited. */
    async reopenSheet(actor: Actor, audit: AuditActor, sessionId: string, sheetId: string, reason: string) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      const sheet = await repo.sheet(db, sessionId, sheetId);
      if (!sheet) throw notFound(SHEET);
      await db.transaction(async (tx) => {
        const after = await repo.unlock(tx, sheetId, sheet.version + 1);
        if (!after) throw conflict('sheet_not_submitted', { vi: 'Phiếu chưa nộp.', en: 'The sheet is not submitted.' });
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'score_sheet',
          entityId: sheetId,
          before: { status: 'submitted' },
          after: { status: 'draft', reason },
        });
      });
      return presentSession(actor, sessionId);
    },

    async setAttendance(actor: Actor, audit: AuditActor, sessionId: string, memberIds: string[]) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      const unknown = memberIds.filter((id) => !ctx.members.some((m) => m.id === id));
      if (unknown.length) throw invalid('unknown_member', { vi: 'Có người không thuộc hội đồng.', en: 'Someone is not a member.' });
      await db.transaction(async (tx) => {
        await repo.setAttendance(tx, sessionId, [...new Set(memberIds)]);
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'council_session',
          entityId: sessionId,
          before: { attendance: ctx.session.attendance },
          after: { attendance: memberIds },
        });
      });
      return presentSession(actor, sessionId);
    },

    /**
     * What the minutes (biên bản) record, once the session is closed: attendance as recorded (those
     * marked present and those whose sheets came in), conflict declarations, every scoring round
     * with its members' totals and, for a re-scoring, its reason; the council's result.
     */
    async minutes(actor: Actor, sessionId: string): Promise<MinutesInput> {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      if (ctx.session.status !== 'closed')
        throw conflict('session_open', { vi: 'Biên bản được lập khi phiên họp kết thúc.', en: 'The minutes are drawn up once the session is closed.' });
      const links = await repo.links(db, sessionId);
      const rows = await dossiersRepository.getMany(
        db,
        links.map((l) => l.dossierId),
      );
      const [declarations, sheets, rescorings] = await Promise.all([
        repo.declarations(db, sessionId),
        repo.sheets(db, sessionId),
        repo.rescorings(db, sessionId),
      ]);
      const submitted = sheets.filter((s) => s.status === 'submitted');
      const present = new Set([...submitted.map((s) => s.memberId), ...(ctx.session.mode === 'written' ? [] : ctx.session.attendance)]);
      const name = (memberId: string) => ctx.members.find((m) => m.id === memberId)?.fullName ?? '';
      const dossiers = [];
      for (const link of links) {
        const dossier = rows.find((r) => r.id === link.dossierId)!;
        const { result } = await resultOf(ctx, link, dossier);
        dossiers.push({
          productName: dossier.productName,
          ocopCode: dossier.ocopCode,
          subjectName: dossier.subjectName,
          declarations: declarations
            .filter((d) => d.dossierId === link.dossierId)
            .map((d) => ({ memberName: name(d.memberId), hasConflict: d.hasConflict, note: d.note })),
          rounds: Array.from({ length: link.scoringRound }, (_, i) => i + 1).map((round) => ({
            scoringRound: round,
            reason: rescorings.find((r) => r.dossierId === link.dossierId && r.scoringRound === round)?.reason ?? null,
            sheets: submitted
              .filter((s) => s.dossierId === link.dossierId && s.scoringRound === round)
              .map((s) => ({ memberName: name(s.memberId), total: s.total ?? 0, paper: s.paper })),
          })),
          result,
        });
      }
      return {
        councilName: ctx.council.name,
        level: ctx.council.level,
        provinceCode: ctx.council.provinceCode,
        establishment: {
          number: ctx.council.establishedByNumber,
          date: ctx.council.establishedOn,
          signer: ctx.council.establishedBySigner,
          signerTitle: ctx.council.establishedBySignerTitle,
        },
        title: ctx.session.title,
        heldOn: ctx.session.heldOn,
        closedOn: ctx.session.closedOn,
        mode: ctx.session.mode,
        members: ctx.members.map((m) => ({
          fullName: m.fullName,
          organisation: m.organisation,
          position: m.position as CouncilPosition,
          voting: m.voting,
          present: present.has(m.id),
        })),
        dossiers,
      };
    },

    /** The result once closed; before, to those who run the sitting, its progress without any score. */
    async result(actor: Actor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      const closed = maySeeOthersScores(ctx.session.status);
      if (!closed && !mayRunSession(ctx.me?.position ?? null, ctx.admin))
        throw forbidden({ vi: 'Kết quả chung được xem khi phiên họp kết thúc.', en: 'The council’s result is shown when the session closes.' });
      const { link, dossier } = await sessionDossier(ctx, dossierId);
      const { sheets, result } = await resultOf(ctx, link, dossier);
      return {
        dossierId,
        scoringRound: link.scoringRound,
        submitted: sheets.length,
        result: closed ? result : null,
        progress:
          !closed && result ? { rescoreRequired: result.rescoreRequired ?? false, quorum: result.quorum!, decisionReady: result.decisionReady ?? false } : null,
      };
    },

    /**
     * The chair asks for re-scoring (members' totals too far apart, or a matter to discuss): with a
     * reason, for the round the chair saw — a repeated or concurrent request opens no second round.
     */
    async rescore(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string, body: z.infer<typeof RescoreBody>) {
      const ctx = await loadSession(actor, sessionId);
      if (!(ctx.me?.position === 'chair' || ctx.admin))
        throw forbidden({ vi: 'Chỉ chủ tịch hội đồng yêu cầu chấm lại.', en: 'Only the chair asks for re-scoring.' });
      requireOpen(ctx);
      const { link, dossier } = await sessionDossier(ctx, dossierId);
      const staleRound = () =>
        conflict('stale_scoring_round', {
          vi: `Hồ sơ đang ở vòng chấm ${link.scoringRound}; yêu cầu chấm lại vòng ${body.scoringRound} đã được xử lý.`,
          en: `The dossier is at scoring round ${link.scoringRound}; the re-scoring of round ${body.scoringRound} was already handled.`,
        });
      if (link.scoringRound !== body.scoringRound) throw staleRound();
      const { sheets, result } = await resultOf(ctx, link, dossier);
      if (!sheets.length)
        throw conflict('nothing_to_rescore', { vi: 'Vòng chấm này chưa có phiếu nào được nộp.', en: 'No sheet of this round has been submitted.' });
      await db.transaction(async (tx) => {
        const advanced = await repo.advanceRound(tx, sessionId, dossierId, link.scoringRound);
        if (!advanced) throw staleRound();
        await repo.insertRescoring(tx, {
          sessionId,
          dossierId,
          scoringRound: advanced.scoringRound,
          reason: body.reason,
          spread: result?.spread ?? null,
          requestedBy: audit.userId,
          requestedLabel: audit.label,
        });
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'council_session',
          entityId: sessionId,
          before: { dossierId, scoringRound: link.scoringRound },
          after: { dossierId, scoringRound: advanced.scoringRound, reason: body.reason },
        });
      });
      return presentSession(actor, sessionId);
    },

    /**
     * Closes the session on or after its day: every dossier whose result is ready (quorum met, no
     * re-scoring needed, no open question) gets the council's result — written once from the locked
     * sheets of its last round — and moves on; the others stay before the council.
     */
    async closeSession(actor: Actor, audit: AuditActor, sessionId: string) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      requireDay(ctx);
      const stage = STAGE[ctx.council.level];
      const links = await repo.links(db, sessionId);
      const rows = await dossiersRepository.getMany(
        db,
        links.map((l) => l.dossierId),
      );
      const closedOn = today();
      // Results are computed first (PGlite has one connection: no reads outside the transaction
      // while it is open); inside it, the submitted sheets are checked to be the same ones.
      const results: { dossier: DossierRow; link: LinkRow; sheets: SheetRow[]; result: EvaluationResult | null; openQuestions: number }[] = [];
      for (const link of links) {
        const dossier = rows.find((r) => r.id === link.dossierId)!;
        results.push({ dossier, link, ...(await resultOf(ctx, link, dossier)), openQuestions: await openQuestionCount(db, dossier.id) });
      }
      await db.transaction(async (tx) => {
        if (!(await repo.closeSession(tx, sessionId, closedOn))) throw sessionClosed();
        for (const { dossier, link, sheets, result, openQuestions } of results) {
          const now = await repo.submittedSheets(tx, sessionId, dossier.id, link.scoringRound);
          if (now.length !== sheets.length && now.some((s) => ctx.voting.some((m) => m.id === s.memberId) && !sheets.some((x) => x.id === s.id)))
            throw conflict('sheets_changed', { vi: 'Có phiếu vừa được nộp; hãy đóng phiên lại.', en: 'A sheet was just submitted; close the session again.' });
          if (!result?.decisionReady || result.star === null || dossier.state !== stage.state) continue;
          const check = checkStep(
            ['council'],
            { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode, state: dossier.state as DossierState },
            stage.action,
            {
              councilScore: result.total,
              openQuestions,
            },
          );
          if (!check.ok) continue;
          const scoredOn = ctx.session.mode === 'meeting' ? ctx.session.heldOn : closedOn;
          await dossiersRepository.insertCouncilResult(tx, {
            dossierId: dossier.id,
            level: ctx.council.level,
            sessionId,
            scoringRound: link.scoringRound,
            scoredOn,
            score: result.total,
            star: result.star,
            partA: result.parts.A,
            partB: result.parts.B,
            partC: result.parts.C,
            memberTotals: result.memberTotals ?? [],
            result,
          });
          const changes =
            ctx.council.level === 'province'
              ? { councilScore: result.total, councilStar: result.star }
              : { centralScore: result.total, centralStar: result.star };
          await commitStep(tx, {
            before: dossier,
            action: stage.action,
            to: check.to,
            changes,
            audit,
            comment: `${ctx.session.title}: ${formatPointsVi(result.total)} điểm, ${result.star} sao`,
            expectedVersion: dossier.version,
            at: clock(),
          });
        }
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'council_session',
          entityId: sessionId,
          before: { status: 'open' },
          after: { status: 'closed', closedOn },
        });
      });
      return presentSession(actor, sessionId);
    },
  };
}

/** "77,5": Vietnamese decimal comma, at most two decimals. */
const formatPointsVi = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export type CouncilsService = ReturnType<typeof createCouncilsService>;
