import type { IsoDate } from '../dates/calendar.js';

/**
 * The round a province is working on, on a day (Art. 5, Decision 26/2026/QĐ-TTg: rounds follow their
 * dates): of its rounds not yet closed (result deadline on or after the day), the one that ends first;
 * when all are closed, the one that ended last. None without rounds.
 */
export function currentRound<T extends { proposalDeadline: IsoDate; resultDeadline: IsoDate }>(rounds: readonly T[], today: IsoDate): T | undefined {
  const running = rounds.filter((r) => r.resultDeadline >= today).sort((a, b) => a.resultDeadline.localeCompare(b.resultDeadline));
  if (running.length) return running[0];
  return [...rounds].sort((a, b) => b.resultDeadline.localeCompare(a.resultDeadline))[0];
}
