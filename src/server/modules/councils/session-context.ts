import type { CaseKey } from '../../../domain/criteria/index.js';
import { findSet } from '../../../domain/criteria/index.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { maySeeOthersScores } from '../../../domain/evaluation/council-rules.js';
import { checkDayReached } from '../../../domain/evaluation/dated-acts.js';
import { administersCouncil, canRunSession, mayReadCouncil, type Actor } from '../../../domain/policies/index.js';
import { aggregateCouncil } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { dossiersRepository, type DossierRow } from '../dossiers/dossiers.repository.js';
import { presentCouncilResult } from '../scoring/scoring.presenter.js';
import type { SettingsService } from '../settings/settings.service.js';
import { presentSession } from './councils.presenter.js';
import { councilsRepository as repo, type LinkRow } from './councils.repository.js';

export const SESSION = { vi: 'phiên họp hội đồng', en: 'council session' };
export const sheetLocked = () => conflict('sheet_locked', { vi: 'Phiếu đã nộp và bị khoá.', en: 'The sheet is submitted and locked.' });
export const sessionClosed = () => conflict('session_closed', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
export const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export type SessionDeps = { db: Db; catalogue: CriteriaCatalogue; settings: SettingsService; clock: () => Date };

/**
 * What the sittings' services share: a session loaded with its council, its members and the
 * caller's seat (404 for those who neither sit on the council nor administer it), the checks every
 * act of a sitting makes, the council's aggregation of the locked sheets, and the sitting as shown.
 */
export function createSessionContext({ db, catalogue, settings, clock }: SessionDeps) {
  const today = () => vietnamDate(clock());

  async function load(actor: Actor, sessionId: string) {
    const session = await repo.session(db, sessionId);
    if (!session) throw notFound(SESSION);
    const council = (await repo.council(db, session.councilId))!;
    const members = await repo.members(db, council.id);
    const me = members.find((m) => m.userId !== null && m.userId === userIdOf(actor)) ?? null;
    // Council members see only the sessions of councils they sit on (404 otherwise).
    if (!mayReadCouncil(actor, council, me !== null)) throw notFound(SESSION);
    return { session, council, members, voting: members.filter((m) => m.voting), me, admin: administersCouncil(actor, council) };
  }
  type Ctx = Awaited<ReturnType<typeof load>>;

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

  /** The sitting as the caller may see it. */
  async function present(actor: Actor, sessionId: string) {
    const ctx = await load(actor, sessionId);
    const links = await repo.links(db, sessionId);
    const dossiers = await dossiersRepository.getMany(
      db,
      links.map((l) => l.dossierId),
    );
    const [declarations, sheets, rescorings] = await Promise.all([
      repo.declarations(db, sessionId),
      repo.sheets(db, sessionId),
      repo.rescorings(db, sessionId),
    ]);
    return presentSession(
      {
        session: ctx.session,
        council: ctx.council,
        members: ctx.members,
        me: ctx.me,
        runner: canRunSession(ctx.me?.position ?? null, ctx.admin),
        closed: maySeeOthersScores(ctx.session.status),
      },
      { links, dossiers, declarations, sheets, rescorings },
    );
  }

  return {
    today,
    load,
    sessionDossier,
    criteriaOf,
    resultOf,
    present,
    requireRunner(ctx: Ctx) {
      if (!canRunSession(ctx.me?.position ?? null, ctx.admin))
        throw forbidden({ vi: 'Chỉ chủ tịch, thư ký hội đồng hoặc Văn phòng OCOP.', en: 'Only the chair, the secretary or the OCOP office.' });
    },
    requireOpen(ctx: Ctx) {
      if (ctx.session.status === 'closed') throw sessionClosed();
    },
    /** A sitting is scored and closed from its day on, not before (Art. 7.3d: the council meets, then scores). */
    requireDay(ctx: Ctx) {
      const reached = checkDayReached({ date: ctx.session.heldOn, label: { vi: 'ngày họp hội đồng', en: 'council session' } }, today());
      if (!reached.ok) throw conflict('session_not_held_yet', reached.message);
    },
    requireMember(ctx: Ctx) {
      if (!ctx.me) throw forbidden({ vi: 'Chỉ thành viên hội đồng chấm điểm.', en: 'Only council members score.' });
      return ctx.me;
    },
  };
}
export type SessionContext = ReturnType<typeof createSessionContext>;
export type Ctx = Awaited<ReturnType<SessionContext['load']>>;
