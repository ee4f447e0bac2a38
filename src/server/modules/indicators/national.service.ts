import type { NationalFigures, NationalProvince } from '../../../contracts/national.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { forbidden } from '../../../domain/errors.js';
import { currentRound } from '../../../domain/evaluation/current-round.js';
import { seesNationalFigures, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { createRecordsCache } from '../audit/records-cache.js';
import { nationalRepository as repo, type NationalRoundRow, type NationalRow } from './national.repository.js';

type Figures = NationalFigures['totals'];

const n = (v: number | null | undefined) => Number(v ?? 0);

/** A province's row of counts as the contract's figures. */
function figuresOf(r: NationalRow, round: NationalRoundRow | undefined): Figures {
  const inForceByStar = { '3': n(r.f3), '4': n(r.f4), '5': n(r.f5) };
  const byState = Object.fromEntries(Object.entries(round?.by_state ?? {}).map(([state, count]) => [state, n(count)]));
  return {
    evaluated: n(r.evaluated),
    evaluatedByKind: { first: n(r.first), upgrade: n(r.upgrade), rerating: n(r.rerating) },
    recognised: n(r.s3) + n(r.s4) + n(r.s5),
    recognisedByStar: { '3': n(r.s3), '4': n(r.s4), '5': n(r.s5) },
    recognisedBySet: Object.fromEntries(Object.entries(r.by_set ?? {}).map(([set, count]) => [set, n(count)])),
    certificates: {
      inForce: inForceByStar['3'] + inForceByStar['4'] + inForceByStar['5'],
      inForceByStar,
      valid: n(r.valid),
      dueForRerating: n(r.due),
      expiring: n(r.expiring),
      extended: n(r.extended),
      expired: n(r.expired),
      revoked: n(r.revoked),
      superseded: n(r.superseded),
    },
    producersCertified: n(r.holders),
    dossiers: { total: Object.values(byState).reduce((a, b) => a + b, 0), byState },
  };
}

/** Adds figures key by key (numbers, and records of numbers). */
function addInto(total: Record<string, unknown>, part: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(part)) {
    if (typeof value === 'number') total[key] = ((total[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === 'object') {
      total[key] ??= {};
      addInto(total[key] as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
}

/**
 * The ministry's national view: every province's evaluation results of a year, certificates and
 * producers in force on the day, and dossiers of its current round, read from the counts the
 * database keeps current (migration 0022), with the country's totals.
 */
export function createNationalService(db: Db, clock: () => Date = () => new Date()) {
  // The same for every ministry account: kept until the records change (or the day does).
  const kept = createRecordsCache<NationalFigures>(db);
  return {
    async figures(actor: Actor, year?: number): Promise<NationalFigures> {
      if (!seesNationalFigures(actor)) throw forbidden();
      const asOf = vietnamDate(clock());
      const theYear = year ?? Number(asOf.slice(0, 4));
      return kept.get(`${theYear}|${asOf}`, () => compute(theYear, asOf));
    },

    /** Writes every national figure again from the tables (after a bulk load with triggers off). */
    rebuild: () => repo.rebuild(db),
  };

  async function compute(theYear: number, asOf: string): Promise<NationalFigures> {
    const [rows, rounds] = await Promise.all([repo.figures(db, theYear, asOf), repo.rounds(db)]);
    const roundsOf = new Map<string, NationalRoundRow[]>();
    for (const r of rounds) roundsOf.set(r.province_code, [...(roundsOf.get(r.province_code) ?? []), r]);
    const provinces: NationalProvince[] = rows.map((r) => {
      const round = currentRound(
        (roundsOf.get(r.province_code) ?? []).map((x) => ({ ...x, proposalDeadline: x.proposal_deadline, resultDeadline: x.result_deadline })),
        asOf,
      );
      return {
        provinceCode: r.province_code,
        name: r.name,
        nameEn: r.name_en,
        round: round ? { id: round.id, name: round.name, year: round.year, number: round.number, resultDeadline: round.result_deadline } : null,
        ...figuresOf(r, round),
      };
    });
    const totals = figuresOf({ province_code: '', name: '', name_en: '' } as NationalRow, undefined);
    for (const { provinceCode: _c, name: _n, nameEn: _e, round: _r, ...figures } of provinces) addInto(totals as unknown as Record<string, unknown>, figures);
    return { year: theYear, asOf, provinces, totals };
  }
}
export type NationalService = ReturnType<typeof createNationalService>;
