import { isoDate, type IsoDate } from '../dates/calendar.js';

export type RoundLevel = 'province' | 'ministry';
export type RoundTemplate = { level: RoundLevel; number: number; proposalDeadline: IsoDate; resultDeadline: IsoDate };

/**
 * Art. 5, Decision 26/2026/QĐ-TTg: at least two rounds a year at each level.
 * - Province: round 1 ends by 30/06 for dossiers the commune proposed by 30/04; round 2 ends by
 *   30/12 for those proposed by 30/10.
 * - Ministry (5★): round 1 ends by 30/09 for proposals by 30/07; round 2 ends by 30/03 of the next
 *   year for proposals by 30/01 of the next year.
 * Provinces may add rounds in their council rules; these are the defaults a new year starts with.
 */
export function defaultRounds(year: number, level: RoundLevel): RoundTemplate[] {
  if (level === 'province')
    return [
      { level, number: 1, proposalDeadline: isoDate(year, 4, 30), resultDeadline: isoDate(year, 6, 30) },
      { level, number: 2, proposalDeadline: isoDate(year, 10, 30), resultDeadline: isoDate(year, 12, 30) },
    ];
  return [
    { level, number: 1, proposalDeadline: isoDate(year, 7, 30), resultDeadline: isoDate(year, 9, 30) },
    { level, number: 2, proposalDeadline: isoDate(year + 1, 1, 30), resultDeadline: isoDate(year + 1, 3, 30) },
  ];
}

export type RoundStatus = 'open' | 'in_progress' | 'closed';

/**
 * A round follows its dates (Art. 5): it takes proposals up to its proposal deadline, evaluates
 * until its result deadline, and is closed after it. Nobody opens or closes a round by hand.
 */
export function roundStatus(round: { proposalDeadline: IsoDate; resultDeadline: IsoDate }, today: IsoDate): RoundStatus {
  if (today <= round.proposalDeadline) return 'open';
  return today <= round.resultDeadline ? 'in_progress' : 'closed';
}

/**
 * The round a dossier proposed on `date` belongs to: the first whose proposal deadline it still
 * meets. A dossier late for one round goes to the next (Art. 5.1: "đề nghị trước ngày 30/4" → round 1).
 */
export function roundForProposal<T extends { proposalDeadline: IsoDate }>(rounds: readonly T[], date: IsoDate): T | undefined {
  return [...rounds].filter((r) => r.proposalDeadline >= date).sort((a, b) => a.proposalDeadline.localeCompare(b.proposalDeadline))[0];
}

/** The years whose default rounds may take a proposal on `date`: this year's, and next year's once its last deadline passed. */
export function roundYearsFor(date: IsoDate, level: RoundLevel): number[] {
  const year = Number(date.slice(0, 4));
  // Ministry round 2 of a year runs into the next one (proposals by 30/01): last year's may still take it.
  return level === 'ministry' ? [year - 1, year, year + 1] : [year, year + 1];
}
