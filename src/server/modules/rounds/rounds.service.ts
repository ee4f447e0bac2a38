import type { z } from 'zod';
import type { RoundCreateBody, RoundUpdateBody } from '../../../contracts/evaluation.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { defaultRounds, roundForProposal, roundYearsFor, type RoundLevel } from '../../../domain/evaluation/rounds.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { canEditRound, canManageRounds, roundOwnerProvince, roundsVisibleProvince, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { presentRound } from './rounds.presenter.js';
import { roundsRepository as repo, type RoundValues, type RoundWithCount } from './rounds.repository.js';

const ROUND = { vi: 'đợt đánh giá', en: 'evaluation round' };

const roundName = (level: RoundLevel, number: number, year: number) =>
  level === 'province' ? `Đợt ${number} năm ${year} (cấp tỉnh)` : `Đợt ${number} năm ${year} (cấp trung ương)`;

/** Refuses an actor who may not manage rounds of this level: an office, and the ministry's alone for national rounds. */
function requireManager(actor: Actor, level: RoundLevel) {
  if (!canManageRounds(actor, 'province')) throw forbidden();
  if (!canManageRounds(actor, level)) throw forbidden({ vi: 'Chỉ Bộ mở đợt đánh giá cấp trung ương.', en: 'Only the ministry opens national rounds.' });
}

export function createRoundsService(db: Db, catalogue: CriteriaCatalogue, deploymentProvince: string, clock: () => Date = () => new Date()) {
  const present = (r: RoundWithCount) => presentRound(r, vietnamDate(clock()));

  /** Province rounds belong to a provincial office; ministry rounds to the ministry (an admin without province). */
  function ownerProvince(actor: Actor, level: RoundLevel): string | null {
    requireManager(actor, level);
    return roundOwnerProvince(actor, level, deploymentProvince);
  }

  async function insertRound(audit: AuditActor, values: RoundValues) {
    if (await repo.exists(db, values))
      throw conflict('round_exists', { vi: `Đợt ${values.number} năm ${values.year} đã có.`, en: `Round ${values.number} of ${values.year} already exists.` });
    return db.transaction(async (tx) => {
      const row = await repo.insert(tx, values);
      await recordAudit(tx, audit, { action: 'create', entityType: 'evaluation_round', entityId: row.id, after: row });
      return row;
    });
  }

  type Filters = { year?: number | undefined; level?: RoundLevel | undefined };

  /** A province sees its own rounds and the ministry's; the ministry sees all. */
  const listRows = async (actor: Actor, f: Filters, page?: { limit: number; offset: number }) =>
    (await repo.list(db, { year: f.year, level: f.level, visibleProvince: roundsVisibleProvince(actor) }, page)).map(present);

  const ofYear = async (provinceCode: string | null, year: number, level: RoundLevel) => (await repo.ofYear(db, level, provinceCode, year)).map(present);

  /**
   * The round a dossier proposed on `date` joins (Art. 5): the first whose proposal deadline it still
   * meets. Art. 5 sets two rounds a year at each level, so where the office has not opened them yet
   * they are opened with their default dates (safe to repeat: the unique key holds).
   */
  async function forProposal(level: RoundLevel, provinceCode: string | null, date: string) {
    const years = roundYearsFor(date, level);
    const load = () => repo.ofYears(db, level, provinceCode, years);
    const found = roundForProposal(await load(), date);
    if (found) return found;
    const legalBasis = (await catalogue.current())?.version.legalBasis ?? '';
    await db.transaction(async (tx) => {
      for (const year of years)
        for (const t of defaultRounds(year, level)) {
          const row = await repo.insertIfAbsent(tx, { ...t, provinceCode, year, name: roundName(level, t.number, year), legalBasis });
          if (row) await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'evaluation_round', entityId: row.id, after: row });
        }
    });
    return roundForProposal(await load(), date)!;
  }

  return {
    forProposal,

    list: (actor: Actor, f: Filters) => listRows(actor, f),

    /** Every round the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: Filters) => inPages((page) => listRows(actor, f, page)),

    async create(actor: Actor, audit: AuditActor, body: z.infer<typeof RoundCreateBody>) {
      const provinceCode = ownerProvince(actor, body.level);
      const legalBasis = body.legalBasis ?? (await catalogue.current())?.version.legalBasis ?? '';
      const row = await insertRound(audit, {
        level: body.level,
        provinceCode,
        year: body.year,
        number: body.number,
        name: body.name ?? roundName(body.level, body.number, body.year),
        proposalDeadline: body.proposalDeadline,
        resultDeadline: body.resultDeadline,
        legalBasis,
      });
      return present({ ...row, dossierCount: 0 });
    },

    /** Opens the two rounds Art. 5 sets for a year, skipping any that exist (safe to repeat). */
    async createDefaults(actor: Actor, audit: AuditActor, year: number, level: RoundLevel) {
      const provinceCode = ownerProvince(actor, level);
      const legalBasis = (await catalogue.current())?.version.legalBasis ?? '';
      const existing = await ofYear(provinceCode, year, level);
      for (const t of defaultRounds(year, level)) {
        if (existing.some((r) => r.number === t.number)) continue;
        await insertRound(audit, { ...t, provinceCode, year, name: roundName(level, t.number, year), legalBasis });
      }
      return ofYear(provinceCode, year, level);
    },

    async update(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof RoundUpdateBody>) {
      const before = await repo.get(db, id);
      if (!before) throw notFound(ROUND);
      requireManager(actor, before.level);
      // Another province's round: as if it did not exist.
      if (!canEditRound(actor, before)) throw notFound(ROUND);
      const after = await db.transaction(async (tx) => {
        const row = await repo.update(tx, id, body);
        await recordAudit(tx, audit, { action: 'update', entityType: 'evaluation_round', entityId: id, before, after: row });
        return row;
      });
      return present({ ...after, dossierCount: 0 });
    },

    /**
     * A round by id, for the dossier workflow (which has already checked the actor's access to the
     * dossier that names it); rounds are not read by id through the API.
     */
    get: (id: string) => repo.get(db, id),
  };
}
export type RoundsService = ReturnType<typeof createRoundsService>;
