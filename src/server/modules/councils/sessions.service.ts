import type { z } from 'zod';
import type { RescoreBody, SessionCreateBody } from '../../../contracts/councils.js';
import type { EvaluationResult } from '../../../contracts/scoring.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { maySeeOthersScores } from '../../../domain/evaluation/council-rules.js';
import { checkActOrder } from '../../../domain/evaluation/dated-acts.js';
import { checkStep, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { administersCouncil, canRunSession, councilScope, mayOrderRescoring, type Actor } from '../../../domain/policies/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { commitStep } from '../dossiers/dossier-steps.js';
import { dossiersRepository, type DossierRow } from '../dossiers/dossiers.repository.js';
import { questionsRepository } from '../dossiers/questions.repository.js';
import { presentMinutes, presentSessionSummary } from './councils.presenter.js';
import { councilsRepository as repo, type LinkRow, type SheetRow } from './councils.repository.js';
import type { MinutesInput } from './minutes.docx.js';
import { createSessionContext, sessionClosed, type SessionDeps } from './session-context.js';

const COUNCIL = { vi: 'hội đồng', en: 'council' };
const refuseDate = (field: string, message: Message) => invalid('date_out_of_order', message, { [field]: message });

/** The state a dossier is in before a council of this level, and the step its closing session takes. */
const STAGE = {
  province: { state: 'in_council', action: 'record_score', sentBy: 'send_to_council' },
  ministry: { state: 'in_central_council', action: 'record_central_score', sentBy: 'send_to_central_council' },
} as const;

/**
 * A council's sittings (Art. 7.3d, 7.4d): opened by the office over dossiers before the council,
 * run by the chair and the secretary (attendance, re-scoring), closed on or after their day.
 * Closing records, on each ready dossier, the engine's mean of the locked sheets of its last round
 * — the only way a dossier ever gets a council score (Art. 3.3) — as the council's own step.
 */
export function createSessionsService(deps: SessionDeps) {
  const { db, clock } = deps;
  const context = createSessionContext(deps);

  return {
    /**
     * Opens a sitting of a council (not an advisory team, which does not score) over dossiers before
     * it: provincial dossiers of its province, or dossiers before the central council. The council
     * needs its rules attached, and the sitting's date follows its establishment and the day each
     * dossier was put before it.
     */
    async createSession(actor: Actor, audit: AuditActor, councilId: string, body: z.infer<typeof SessionCreateBody>) {
      const council = await repo.council(db, councilId);
      if (!council || !administersCouncil(actor, council)) throw notFound(COUNCIL);
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
      return context.present(actor, id);
    },

    getSession: (actor: Actor, id: string) => context.present(actor, id),

    /** Sessions the caller may open: the office's (its province, or the ministry's central ones), or those of councils the member sits on. */
    async listSessions(actor: Actor, f: { dossierId?: string | undefined; councilId?: string | undefined }) {
      const rows = await repo.sessionsIn(db, { scope: councilScope(actor), councilId: f.councilId, dossierId: f.dossierId });
      const links = await repo.linksOf(
        db,
        rows.map((r) => r.session.id),
      );
      return rows.map(({ session, council }) => presentSessionSummary(session, council, links.filter((c) => c.sessionId === session.id).length));
    },

    async setAttendance(actor: Actor, audit: AuditActor, sessionId: string, memberIds: string[]) {
      const ctx = await context.load(actor, sessionId);
      context.requireRunner(ctx);
      context.requireOpen(ctx);
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
      return context.present(actor, sessionId);
    },

    /** What the minutes (biên bản) record, once the session is closed (to those who run the sitting). */
    async minutes(actor: Actor, sessionId: string): Promise<MinutesInput> {
      const ctx = await context.load(actor, sessionId);
      context.requireRunner(ctx);
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
      const results = new Map<string, EvaluationResult | null>();
      for (const link of links) {
        const dossier = rows.find((r) => r.id === link.dossierId)!;
        results.set(link.dossierId, (await context.resultOf(ctx, link, dossier)).result);
      }
      return presentMinutes(ctx, { links, dossiers: rows, declarations, sheets, rescorings, results });
    },

    /** The result once closed; before, to those who run the sitting, its progress without any score. */
    async result(actor: Actor, sessionId: string, dossierId: string) {
      const ctx = await context.load(actor, sessionId);
      const closed = maySeeOthersScores(ctx.session.status);
      if (!closed && !canRunSession(ctx.me?.position ?? null, ctx.admin))
        throw forbidden({ vi: 'Kết quả chung được xem khi phiên họp kết thúc.', en: 'The council’s result is shown when the session closes.' });
      const { link, dossier } = await context.sessionDossier(ctx, dossierId);
      const { sheets, result } = await context.resultOf(ctx, link, dossier);
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
      const ctx = await context.load(actor, sessionId);
      if (!mayOrderRescoring(ctx.me?.position ?? null, ctx.admin))
        throw forbidden({ vi: 'Chỉ chủ tịch hội đồng yêu cầu chấm lại.', en: 'Only the chair asks for re-scoring.' });
      context.requireOpen(ctx);
      const { link, dossier } = await context.sessionDossier(ctx, dossierId);
      const staleRound = () =>
        conflict('stale_scoring_round', {
          vi: `Hồ sơ đang ở vòng chấm ${link.scoringRound}; yêu cầu chấm lại vòng ${body.scoringRound} đã được xử lý.`,
          en: `The dossier is at scoring round ${link.scoringRound}; the re-scoring of round ${body.scoringRound} was already handled.`,
        });
      if (link.scoringRound !== body.scoringRound) throw staleRound();
      const { sheets, result } = await context.resultOf(ctx, link, dossier);
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
      return context.present(actor, sessionId);
    },

    /**
     * Closes the session on or after its day: every dossier whose result is ready (quorum met, no
     * re-scoring needed, no open question) gets the council's result — written once from the locked
     * sheets of its last round — and moves on; the others stay before the council.
     */
    async closeSession(actor: Actor, audit: AuditActor, sessionId: string) {
      const ctx = await context.load(actor, sessionId);
      context.requireRunner(ctx);
      context.requireOpen(ctx);
      context.requireDay(ctx);
      const stage = STAGE[ctx.council.level];
      const links = await repo.links(db, sessionId);
      const rows = await dossiersRepository.getMany(
        db,
        links.map((l) => l.dossierId),
      );
      const closedOn = context.today();
      // Results are computed first (PGlite has one connection: no reads outside the transaction
      // while it is open); inside it, the submitted sheets are checked to be the same ones.
      const results: { dossier: DossierRow; link: LinkRow; sheets: SheetRow[]; result: EvaluationResult | null; openQuestions: number }[] = [];
      for (const link of links) {
        const dossier = rows.find((r) => r.id === link.dossierId)!;
        results.push({ dossier, link, ...(await context.resultOf(ctx, link, dossier)), openQuestions: await questionsRepository.openCount(db, dossier.id) });
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
      return context.present(actor, sessionId);
    },
  };
}

/** "77,5": Vietnamese decimal comma, at most two decimals. */
const formatPointsVi = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export type SessionsService = ReturnType<typeof createSessionsService>;
