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

/** The first open round whose proposal deadline a dossier proposed on `date` still meets. */
export function roundForProposal<T extends { proposalDeadline: IsoDate; status: string }>(rounds: readonly T[], date: IsoDate): T | undefined {
  return [...rounds]
    .filter((r) => r.status !== 'closed' && r.proposalDeadline >= date)
    .sort((a, b) => a.proposalDeadline.localeCompare(b.proposalDeadline))[0];
}
