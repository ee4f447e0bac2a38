import { and, count, desc, eq, inArray, or, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CouncilCreateBody, SessionCreateBody, SheetBody } from '../../../contracts/councils.js';
import { criteriaVersionSlug, findSet, type CaseKey } from '../../../domain/criteria/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { formatDateVn, vietnamDate } from '../../../domain/dates/calendar.js';
import { mayReadAllSheets, mayRunSession, mayScore, type CouncilPosition } from '../../../domain/evaluation/council-rules.js';
import { checkTransition, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import type { Actor } from '../../../domain/policies/index.js';
import { aggregateCouncil, scoreDraft, scoreSheet } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import { conflictDeclarations, councilMembers, councilSessions, councils, scoreSheets, sessionDossiers } from '../../db/schema/index.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { dossiersRepository, type DossierRow } from '../dossiers/dossiers.repository.js';
import { commitStep } from '../dossiers/dossiers.service.js';
import { openQuestionCount } from '../dossiers/questions.service.js';
import { presentCouncilResult } from '../scoring/scoring.presenter.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { MinutesInput } from './minutes.docx.js';

type MemberRow = typeof councilMembers.$inferSelect;
type SheetRow = typeof scoreSheets.$inferSelect;
const SESSION = { vi: 'phiên họp hội đồng', en: 'council session' };
const SHEET = { vi: 'phiếu chấm', en: 'score sheet' };
const sheetLocked = () => conflict('sheet_locked', { vi: 'Phiếu đã nộp và bị khoá.', en: 'The sheet is submitted and locked.' });
const sessionClosed = () => conflict('session_closed', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
const staleSheet = () => conflict('stale_sheet', { vi: 'Phiếu vừa được thay đổi ở nơi khác; tải lại.', en: 'The sheet changed elsewhere; reload it.' });

const isAdmin = (actor: Actor) => actor.kind === 'user' && actor.role === 'admin';
const userId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/**
 * Councils and independent scoring (Art. 7.3, Decision 26/2026/QĐ-TTg): members declare conflicts,
 * score alone on the same sheet as the self-assessment, submit (then the sheet locks); the council's
 * result is the engine's aggregation of the submitted sheets of the current scoring round.
 */
export function createCouncilsService(db: Db, catalogue: CriteriaCatalogue, settings: SettingsService, clock: () => Date = () => new Date()) {
  async function loadSession(actor: Actor, sessionId: string) {
    const session = (await db.select().from(councilSessions).where(eq(councilSessions.id, sessionId)).limit(1))[0];
    if (!session) throw notFound(SESSION);
    const council = (await db.select().from(councils).where(eq(councils.id, session.councilId)).limit(1))[0]!;
    const members = await db.select().from(councilMembers).where(eq(councilMembers.councilId, council.id));
    const me = members.find((m) => m.userId !== null && m.userId === userId(actor)) ?? null;
    const admin = isAdmin(actor) && (actor.kind === 'user' && (actor.provinceCode === null || actor.provinceCode === council.provinceCode));
    // Council members see only the sessions of councils they sit on (404 otherwise).
    if (!me && !admin) throw notFound(SESSION);
    return { session, council, members, me, admin };
  }
  type Ctx = Awaited<ReturnType<typeof loadSession>>;

  async function sessionDossier(ctx: Ctx, dossierId: string) {
    const link = (await db.select().from(sessionDossiers).where(and(eq(sessionDossiers.sessionId, ctx.session.id), eq(sessionDossiers.dossierId, dossierId))).limit(1))[0];
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
    if (!mayRunSession(ctx.me?.position ?? null, ctx.admin)) throw forbidden({ vi: 'Chỉ chủ tịch, thư ký hội đồng hoặc Văn phòng OCOP.', en: 'Only the chair, the secretary or the OCOP office.' });
  };
  const requireOpen = (ctx: Ctx) => {
    if (ctx.session.status === 'closed') throw sessionClosed();
  };

  async function councilSettings(ctx: Ctx, dossier: DossierRow) {
    const base = await settings.scoring(dossier.provinceCode);
    return {
      ...base,
      spreadThreshold: ctx.council.spreadThreshold ?? base.spreadThreshold,
      quorumRatio: ctx.council.quorumRatio ?? base.quorumRatio,
    };
  }

  /** The council's aggregation of the submitted sheets of the current round, or null before any. */
  async function resultOf(ctx: Ctx, dossierId: string) {
    const { link, dossier } = await sessionDossier(ctx, dossierId);
    const sheets = await db
      .select()
      .from(scoreSheets)
      .where(and(eq(scoreSheets.sessionId, ctx.session.id), eq(scoreSheets.dossierId, dossierId), eq(scoreSheets.scoringRound, link.scoringRound), eq(scoreSheets.status, 'submitted')));
    if (!sheets.length) return { dossier, link, sheets, result: null };
    const { version, set } = await criteriaOf(dossier);
    const chair = ctx.members.find((m) => m.position === 'chair');
    // A member whose sheet is in was present (or, in writing, answered): attendance marks the others.
    const present = [...new Set([...sheets.map((s) => s.memberId), ...(ctx.session.mode === 'written' ? [] : ctx.session.attendance)])];
    const aggregated = aggregateCouncil(
      version,
      set,
      sheets.map((s) => ({ choices: s.choices, ...(s.caseKey ? { case: s.caseKey as CaseKey } : {}), ...(s.disqualifiedReason ? { disqualified: { reason: s.disqualifiedReason } } : {}) })),
      await councilSettings(ctx, dossier),
      // Written opinions (Art. 7.6) need no meeting: everyone who answered counts as present.
      { councilSize: ctx.members.length, present: present.length, chairPresent: ctx.session.mode === 'written' || (chair !== undefined && present.includes(chair.id)) },
    );
    return { dossier, link, sheets, result: presentCouncilResult(aggregated) };
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

  async function declarationOf(sessionId: string, dossierId: string, memberId: string) {
    return (
      await db
        .select()
        .from(conflictDeclarations)
        .where(and(eq(conflictDeclarations.sessionId, sessionId), eq(conflictDeclarations.dossierId, dossierId), eq(conflictDeclarations.memberId, memberId)))
        .limit(1)
    )[0];
  }

  /** The member's own sheet for the dossier's current round, created empty on first use. */
  async function ownSheet(ctx: Ctx, dossierId: string, member: MemberRow) {
    const { link, dossier } = await sessionDossier(ctx, dossierId);
    const standing = mayScore(member, dossier.subjectName, await declarationOf(ctx.session.id, dossierId, member.id));
    if (standing !== 'yes') {
      const messages = {
        declare_first: { vi: 'Hãy khai báo xung đột lợi ích trước khi chấm.', en: 'Declare any conflict of interest before scoring.' },
        conflicted: { vi: 'Thành viên đã khai báo xung đột lợi ích nên không chấm hồ sơ này.', en: 'A member with a declared conflict does not score this dossier.' },
        own_organisation: { vi: 'Thành viên thuộc tổ chức của chủ thể nên không chấm hồ sơ này.', en: 'A member from the producer’s organisation does not score this dossier.' },
      } as const;
      throw forbidden(messages[standing]);
    }
    const existing = (
      await db
        .select()
        .from(scoreSheets)
        .where(and(eq(scoreSheets.sessionId, ctx.session.id), eq(scoreSheets.dossierId, dossierId), eq(scoreSheets.memberId, member.id), eq(scoreSheets.scoringRound, link.scoringRound)))
        .limit(1)
    )[0];
    if (existing) return { sheet: existing, dossier };
    const [created] = await db
      .insert(scoreSheets)
      .values({ sessionId: ctx.session.id, dossierId, memberId: member.id, scoringRound: link.scoringRound })
      .onConflictDoNothing()
      .returning();
    const sheet =
      created ??
      (await db.select().from(scoreSheets).where(and(eq(scoreSheets.sessionId, ctx.session.id), eq(scoreSheets.dossierId, dossierId), eq(scoreSheets.memberId, member.id), eq(scoreSheets.scoringRound, link.scoringRound))).limit(1))[0]!;
    return { sheet, dossier };
  }

  const requireMember = (ctx: Ctx) => {
    if (!ctx.me) throw forbidden({ vi: 'Chỉ thành viên hội đồng chấm điểm.', en: 'Only council members score.' });
    return ctx.me;
  };

  return {
    async createCouncil(actor: Actor, audit: AuditActor, body: z.infer<typeof CouncilCreateBody>) {
      if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
      if (body.level === 'ministry' && actor.provinceCode !== null) throw forbidden();
      const id = await db.transaction(async (tx) => {
        const [council] = await tx
          .insert(councils)
          .values({ level: body.level, provinceCode: body.level === 'ministry' ? null : actor.provinceCode, kind: body.kind, name: body.name, year: body.year, spreadThreshold: body.spreadThreshold ?? null, quorumRatio: body.quorumRatio ?? null })
          .returning();
        await tx.insert(councilMembers).values(body.members.map((m) => ({ councilId: council!.id, fullName: m.fullName, organisation: m.organisation, position: m.position, userId: m.userId ?? null })));
        await recordAudit(tx, audit, { action: 'create', entityType: 'council', entityId: council!.id, after: { ...council, members: body.members } });
        return council!.id;
      });
      return presentCouncil(id);
    },

    listCouncils: async (actor: Actor) => Promise.all((await councilRows(actor)).map((c) => presentCouncil(c.id))),

    /** Every council the list shows, in its order, with its number of sessions, read in batches (for exports). */
    exportCouncils: (actor: Actor) =>
      inPages(async (page) => {
        const rows = await councilRows(actor, page);
        const sessions = rows.length
          ? await db.select({ councilId: councilSessions.councilId, n: count() }).from(councilSessions).where(inArray(councilSessions.councilId, rows.map((c) => c.id))).groupBy(councilSessions.councilId)
          : [];
        return Promise.all(rows.map(async (c) => ({ ...(await presentCouncil(c.id)), sessionCount: sessions.find((x) => x.councilId === c.id)?.n ?? 0 })));
      }),

    /** Opens a sitting over dossiers that are before the council, all in the council's province. */
    async createSession(actor: Actor, audit: AuditActor, councilId: string, body: z.infer<typeof SessionCreateBody>) {
      const council = (await db.select().from(councils).where(eq(councils.id, councilId)).limit(1))[0];
      if (!council || !isAdmin(actor) || (actor.kind === 'user' && actor.provinceCode !== null && actor.provinceCode !== council.provinceCode)) throw notFound({ vi: 'hội đồng', en: 'council' });
      const rows = await Promise.all(body.dossierIds.map((id) => dossiersRepository.get(db, id)));
      const bad = rows.map((r, i) => (!r || r.state !== 'in_council' || (council.provinceCode !== null && r.provinceCode !== council.provinceCode) ? body.dossierIds[i] : null)).filter(Boolean);
      if (bad.length) {
        const m = { vi: `Hồ sơ không ở bước đánh giá của hội đồng: ${bad.join(', ')}.`, en: `Dossiers not before the council: ${bad.join(', ')}.` };
        throw invalid('dossier_not_in_council', m, { dossierIds: m });
      }
      const id = await db.transaction(async (tx) => {
        const [session] = await tx
          .insert(councilSessions)
          .values({ councilId, title: body.title, heldOn: body.heldOn, mode: body.mode, writtenDeadline: body.writtenDeadline ?? null })
          .returning();
        await tx.insert(sessionDossiers).values(body.dossierIds.map((dossierId) => ({ sessionId: session!.id, dossierId })));
        await recordAudit(tx, audit, { action: 'create', entityType: 'council_session', entityId: session!.id, after: { ...session, dossierIds: body.dossierIds } });
        return session!.id;
      });
      return presentSession(actor, id);
    },

    getSession: (actor: Actor, id: string) => presentSession(actor, id),

    /** Sessions the caller may open: the office's (its province), or those of councils the member sits on. */
    async listSessions(actor: Actor, f: { dossierId?: string | undefined; councilId?: string | undefined }) {
      const province = actor.kind === 'user' ? actor.provinceCode : null;
      const rows = await db
        .select({ session: councilSessions, council: councils })
        .from(councilSessions)
        .innerJoin(councils, eq(councils.id, councilSessions.councilId))
        .where(
          and(
            f.councilId ? eq(councils.id, f.councilId) : undefined,
            f.dossierId ? inArray(councilSessions.id, db.select({ id: sessionDossiers.sessionId }).from(sessionDossiers).where(eq(sessionDossiers.dossierId, f.dossierId))) : undefined,
            isAdmin(actor)
              ? province
                ? or(eq(councils.provinceCode, province), isNull(councils.provinceCode))
                : undefined
              : inArray(councils.id, db.select({ id: councilMembers.councilId }).from(councilMembers).where(eq(councilMembers.userId, userId(actor) ?? '00000000-0000-0000-0000-000000000000'))),
          ),
        )
        .orderBy(desc(councilSessions.heldOn));
      const counts = rows.length ? await db.select().from(sessionDossiers).where(inArray(sessionDossiers.sessionId, rows.map((r) => r.session.id))) : [];
      return rows.map(({ session, council }) => ({
        id: session.id,
        councilId: council.id,
        councilName: council.name,
        title: session.title,
        heldOn: session.heldOn,
        mode: session.mode,
        status: session.status,
        dossierCount: counts.filter((c) => c.sessionId === session.id).length,
      }));
    },

    async declare(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string, body: { hasConflict: boolean; note?: string | undefined }) {
      const ctx = await loadSession(actor, sessionId);
      const me = requireMember(ctx);
      requireOpen(ctx);
      await sessionDossier(ctx, dossierId);
      if (await declarationOf(sessionId, dossierId, me.id))
        throw conflict('already_declared', { vi: 'Thành viên đã khai báo cho hồ sơ này.', en: 'Already declared for this dossier.' });
      await db.transaction(async (tx) => {
        await tx.insert(conflictDeclarations).values({ sessionId, dossierId, memberId: me.id, hasConflict: body.hasConflict, note: body.note ?? null });
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
      const [after] = await db
        .update(scoreSheets)
        .set({ choices: body.choices, caseKey: body.case ?? null, disqualifiedReason: body.disqualifiedReason ?? null, version: sheet.version + 1, updatedAt: new Date() })
        .where(and(eq(scoreSheets.id, sheet.id), eq(scoreSheets.version, body.expectedVersion), eq(scoreSheets.status, 'draft')))
        .returning();
      if (!after) throw staleSheet();
      return presentSheet(after, dossier, progress);
    },

    /** Submits the member's sheet: it must be complete; it locks, and counts in the council's mean. */
    async submitSheet(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      requireOpen(ctx);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, requireMember(ctx));
      return submit(ctx, sheet, dossier, audit, false);
    },

    /** The secretary enters a member's paper sheet (marked as such) and submits it. */
    async paperSheet(
      actor: Actor,
      audit: AuditActor,
      sessionId: string,
      dossierId: string,
      body: { memberId: string; choices: Record<string, number>; case?: CaseKey | null | undefined; disqualifiedReason?: string | null | undefined; declaration?: { hasConflict: boolean; note?: string | undefined } | undefined },
    ) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      const member = ctx.members.find((m) => m.id === body.memberId);
      if (!member) throw invalid('unknown_member', { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' }, { memberId: { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' } });
      await sessionDossier(ctx, dossierId);
      if (body.declaration && !(await declarationOf(sessionId, dossierId, member.id)))
        await db.transaction(async (tx) => {
          await tx.insert(conflictDeclarations).values({ sessionId, dossierId, memberId: member.id, hasConflict: body.declaration!.hasConflict, note: body.declaration!.note ?? 'Khai báo trên giấy' });
          await recordAudit(tx, audit, { action: 'create', entityType: 'conflict_declaration', entityId: `${sessionId}:${dossierId}:${member.id}`, after: { ...body.declaration, paper: true } });
        });
      const { sheet, dossier } = await ownSheet(ctx, dossierId, member);
      if (sheet.status === 'submitted') throw sheetLocked();
      const [filled] = await db
        .update(scoreSheets)
        .set({ choices: body.choices, caseKey: body.case ?? null, disqualifiedReason: body.disqualifiedReason ?? null, paper: true, enteredBy: userId(actor), version: sheet.version + 1 })
        .where(and(eq(scoreSheets.id, sheet.id), eq(scoreSheets.version, sheet.version)))
        .returning();
      if (!filled) throw staleSheet();
      return submit(ctx, filled, dossier, audit, true);
    },

    /** Reopening a submitted sheet needs the secretary (or the office) and a reason, both audited. */
    async reopenSheet(actor: Actor, audit: AuditActor, sessionId: string, sheetId: string, reason: string) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      const sheet = (await db.select().from(scoreSheets).where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.sessionId, sessionId))).limit(1))[0];
      if (!sheet) throw notFound(SHEET);
      await db.transaction(async (tx) => {
        const [after] = await tx.update(scoreSheets).set({ status: 'draft', submittedAt: null, total: null, version: sheet.version + 1 }).where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.status, 'submitted'))).returning();
        if (!after) throw conflict('sheet_not_submitted', { vi: 'Phiếu chưa nộp.', en: 'The sheet is not submitted.' });
        await recordAudit(tx, audit, { action: 'update', entityType: 'score_sheet', entityId: sheetId, before: { status: 'submitted' }, after: { status: 'draft', reason } });
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
        await tx.update(councilSessions).set({ attendance: [...new Set(memberIds)] }).where(eq(councilSessions.id, sessionId));
        await recordAudit(tx, audit, { action: 'update', entityType: 'council_session', entityId: sessionId, before: { attendance: ctx.session.attendance }, after: { attendance: memberIds } });
      });
      return presentSession(actor, sessionId);
    },

    /** What the minutes (biên bản) of the session record. */
    async minutes(actor: Actor, sessionId: string): Promise<MinutesInput> {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      const links = await db.select().from(sessionDossiers).where(eq(sessionDossiers.sessionId, sessionId));
      const results = await Promise.all(links.map((l) => resultOf(ctx, l.dossierId)));
      const answered = new Set(results.flatMap((r) => r.sheets.map((s) => s.memberId)));
      return {
        councilName: ctx.council.name,
        title: ctx.session.title,
        heldOn: ctx.session.heldOn,
        mode: ctx.session.mode,
        members: ctx.members.map((m) => ({ fullName: m.fullName, organisation: m.organisation, position: m.position, present: ctx.session.mode === 'written' ? answered.has(m.id) : ctx.session.attendance.includes(m.id) })),
        dossiers: results.map((r) => ({ productName: r.dossier.productName, ocopCode: r.dossier.ocopCode, subjectName: r.dossier.subjectName, submitted: r.sheets.length, result: r.result })),
      };
    },

    async result(actor: Actor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      if (!mayReadAllSheets(ctx.me?.position ?? null, ctx.session.status, ctx.admin))
        throw forbidden({ vi: 'Kết quả chung được xem khi phiên họp kết thúc.', en: 'The council’s result is shown when the session closes.' });
      const { link, sheets, result } = await resultOf(ctx, dossierId);
      return { dossierId, scoringRound: link.scoringRound, submitted: sheets.length, result };
    },

    /** The chair asks for re-scoring when the spread exceeds the threshold: a new round of sheets. */
    async rescore(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string) {
      const ctx = await loadSession(actor, sessionId);
      if (!(ctx.me?.position === 'chair' || ctx.admin)) throw forbidden({ vi: 'Chỉ chủ tịch hội đồng yêu cầu chấm lại.', en: 'Only the chair asks for re-scoring.' });
      requireOpen(ctx);
      const { link } = await sessionDossier(ctx, dossierId);
      await db.transaction(async (tx) => {
        await tx.update(sessionDossiers).set({ scoringRound: link.scoringRound + 1 }).where(and(eq(sessionDossiers.sessionId, sessionId), eq(sessionDossiers.dossierId, dossierId), eq(sessionDossiers.scoringRound, link.scoringRound)));
        await recordAudit(tx, audit, { action: 'update', entityType: 'council_session', entityId: sessionId, before: { dossierId, scoringRound: link.scoringRound }, after: { dossierId, scoringRound: link.scoringRound + 1 } });
      });
      return presentSession(actor, sessionId);
    },

    /**
     * Closes the session: every dossier whose result is ready (quorum met, no re-scoring needed)
     * has its council score recorded and moves on; the others stay before the council.
     */
    async closeSession(actor: Actor, audit: AuditActor, sessionId: string) {
      const ctx = await loadSession(actor, sessionId);
      requireRunner(ctx);
      requireOpen(ctx);
      const links = await db.select().from(sessionDossiers).where(eq(sessionDossiers.sessionId, sessionId));
      // Results are computed first (PGlite has one connection: no reads outside the transaction
      // while it is open); inside it, the submitted sheets are checked to be the same ones.
      const results = await Promise.all(links.map(async (l) => ({ ...(await resultOf(ctx, l.dossierId)), openQuestions: await openQuestionCount(db, l.dossierId) })));
      await db.transaction(async (tx) => {
        const [closed] = await tx.update(councilSessions).set({ status: 'closed' }).where(and(eq(councilSessions.id, sessionId), eq(councilSessions.status, 'open'))).returning();
        if (!closed) throw sessionClosed();
        for (const { dossier, link, sheets, result, openQuestions } of results) {
          const now = await tx
            .select({ id: scoreSheets.id })
            .from(scoreSheets)
            .where(and(eq(scoreSheets.sessionId, sessionId), eq(scoreSheets.dossierId, dossier.id), eq(scoreSheets.scoringRound, link.scoringRound), eq(scoreSheets.status, 'submitted')));
          if (now.length !== sheets.length)
            throw conflict('sheets_changed', { vi: 'Có phiếu vừa được nộp; hãy đóng phiên lại.', en: 'A sheet was just submitted; close the session again.' });
          if (!result?.decisionReady || dossier.state !== 'in_council') continue;
          const office = { kind: 'user' as const, userId: 'council', role: 'admin' as const, provinceCode: dossier.provinceCode, communeCodes: [], subjectId: null };
          const check = checkTransition(office, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode, state: dossier.state as DossierState }, 'record_score', { councilScore: result.total, openQuestions });
          if (!check.ok) continue;
          await commitStep(tx, { before: dossier, action: 'record_score', to: check.to, changes: { councilScore: result.total, councilStar: result.star }, audit, comment: `${ctx.session.title}: ${result.total.toFixed(2)} điểm`, expectedVersion: dossier.version });
        }
        await recordAudit(tx, audit, { action: 'update', entityType: 'council_session', entityId: sessionId, before: { status: 'open' }, after: { status: 'closed' } });
      });
      return presentSession(actor, sessionId);
    },
  };

  async function submit(ctx: Ctx, sheet: SheetRow, dossier: DossierRow, audit: AuditActor, paper: boolean) {
    if (sheet.status === 'submitted') throw sheetLocked();
    // Written opinions (Art. 7.6) are due by the session's deadline; paper sheets received in time may be entered later.
    if (!paper && ctx.session.mode === 'written' && ctx.session.writtenDeadline && vietnamDate(clock()) > ctx.session.writtenDeadline)
      throw conflict('written_deadline_passed', {
        vi: `Đã quá hạn gửi ý kiến bằng văn bản (${formatDateVn(ctx.session.writtenDeadline)}).`,
        en: `The deadline for written opinions (${formatDateVn(ctx.session.writtenDeadline)}) has passed.`,
      });
    const { version, set } = await criteriaOf(dossier);
    const caseKey = (sheet.caseKey as CaseKey | null) ?? null;
    const score = scoreSheet(version, set, { choices: sheet.choices, ...(caseKey ? { case: caseKey } : {}), ...(sheet.disqualifiedReason ? { disqualified: { reason: sheet.disqualifiedReason } } : {}) }, { includeNext: false });
    const after = await db.transaction(async (tx) => {
      // Locked by the status guard: two submissions at once leave one submitted sheet.
      const [row] = await tx
        .update(scoreSheets)
        .set({ status: 'submitted', submittedAt: new Date(), total: score.total, version: sheet.version + 1 })
        .where(and(eq(scoreSheets.id, sheet.id), eq(scoreSheets.status, 'draft')))
        .returning();
      if (!row) throw sheetLocked();
      await recordAudit(tx, audit, { action: 'update', entityType: 'score_sheet', entityId: sheet.id, before: { status: 'draft' }, after: { status: 'submitted', total: score.total, paper } });
      return row;
    });
    return presentSheet(after, dossier, scoreDraft(version, set, after.choices, caseKey));
  }

  /**
   * The councils the caller may see — the office those of its province and the ministry's, a member
   * those it sits on — newest year first (the id breaks ties, so pages are stable); all unless a page is given.
   */
  async function councilRows(actor: Actor, page?: { limit: number; offset: number }) {
    const province = actor.kind === 'user' ? actor.provinceCode : null;
    const where = isAdmin(actor)
      ? province
        ? or(eq(councils.provinceCode, province), isNull(councils.provinceCode))
        : undefined
      : inArray(councils.id, db.select({ id: councilMembers.councilId }).from(councilMembers).where(eq(councilMembers.userId, userId(actor) ?? '00000000-0000-0000-0000-000000000000')));
    const query = db.select().from(councils).where(where).orderBy(desc(councils.year), councils.id);
    return page ? query.limit(page.limit).offset(page.offset) : query;
  }

  async function presentCouncil(id: string) {
    const council = (await db.select().from(councils).where(eq(councils.id, id)).limit(1))[0]!;
    const members = await db.select().from(councilMembers).where(eq(councilMembers.councilId, id));
    return { ...council, members: members.map((m) => ({ id: m.id, fullName: m.fullName, organisation: m.organisation, position: m.position as CouncilPosition, userId: m.userId })) };
  }

  async function presentSession(actor: Actor, id: string) {
    const ctx = await loadSession(actor, id);
    const links = await db.select().from(sessionDossiers).where(eq(sessionDossiers.sessionId, id));
    const dossierRows = await Promise.all(links.map((l) => dossiersRepository.get(db, l.dossierId)));
    const declarations = await db.select().from(conflictDeclarations).where(eq(conflictDeclarations.sessionId, id));
    const sheets = links.length ? await db.select().from(scoreSheets).where(and(eq(scoreSheets.sessionId, id), inArray(scoreSheets.dossierId, links.map((l) => l.dossierId)))) : [];
    const position = ctx.me?.position ?? null;
    const runner = mayRunSession(position, ctx.admin);
    const allSheets = mayReadAllSheets(position, ctx.session.status, ctx.admin);
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
      myPosition: position,
      dossiers: links.map((l, i) => {
        const d = dossierRows[i]!;
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
            ? { mayScore: mayScore(ctx.me, d.subjectName, declarations.find((x) => x.dossierId === l.dossierId && x.memberId === ctx.me!.id)), sheetStatus: mine?.status ?? ('none' as const) }
            : null,
          declarations: runner
            ? declarations.filter((x) => x.dossierId === l.dossierId).map((x) => ({ memberId: x.memberId, memberName: name(x.memberId), hasConflict: x.hasConflict, note: x.note }))
            : null,
          sheets: allSheets ? round.map((s) => ({ id: s.id, memberId: s.memberId, memberName: name(s.memberId), scoringRound: s.scoringRound, status: s.status, paper: s.paper, total: s.total })) : null,
        };
      }),
    };
  }
}
export type CouncilsService = ReturnType<typeof createCouncilsService>;
