import { formatDate } from '../../../lib/format.js';
import { FUNNEL_STAGES, type FunnelCounts, type FunnelStage } from '../../../../domain/programme/index.js';

/**
 * The figures the programme pages derive from what the server sends: shares of the funnel and of a
 * policy's budget. Pure, so the rounding and the edge cases (nothing received, no budget) are tested.
 */

/** `part` as a percentage of `whole`, to one decimal; null when there is no whole to speak of. */
export function percentOf(part: number, whole: number | null | undefined): number | null {
  if (whole === null || whole === undefined || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export type FunnelRow = {
  stage: FunnelStage;
  count: number;
  /** Of the ideas received (the funnel's own reading, src/domain/programme/funnel.ts). */
  ofIdeas: number | null;
  /** Of the stage before: where the cycle loses most. Null for the first stage. */
  ofPrevious: number | null;
};

/** The stages in order with their counts and both rates. */
export function funnelRows(counts: FunnelCounts): FunnelRow[] {
  return FUNNEL_STAGES.map((stage, i) => {
    const previous = i === 0 ? null : FUNNEL_STAGES[i - 1];
    return {
      stage,
      count: counts[stage],
      ofIdeas: percentOf(counts[stage], counts.ideas),
      ofPrevious: previous === null || previous === undefined ? null : percentOf(counts[stage], counts[previous]),
    };
  });
}

export type BudgetUse = {
  /** Committed (grants not cancelled) and disbursed as shares of the budget; null without a budget. */
  committedPercent: number | null;
  disbursedPercent: number | null;
  /** What is left to commit; negative when the grants exceed the budget (recorded before it was cut). */
  remainingVnd: number | null;
  over: boolean;
};

/** How far a policy's grants have gone into its budget, for its progress bar. */
export function budgetUse(policy: { budgetVnd: number | null; committedVnd: number; disbursedVnd: number }): BudgetUse {
  const { budgetVnd, committedVnd, disbursedVnd } = policy;
  if (budgetVnd === null) return { committedPercent: null, disbursedPercent: null, remainingVnd: null, over: false };
  return {
    committedPercent: percentOf(committedVnd, budgetVnd),
    disbursedPercent: percentOf(disbursedVnd, budgetVnd),
    remainingVnd: budgetVnd - committedVnd,
    over: committedVnd > budgetVnd,
  };
}

/** A progress bar's value: the percentage held to 0–100 (an overrun is shown by colour, not length). */
export const barValue = (percent: number | null): number => Math.min(100, Math.max(0, percent ?? 0));

/** The people a course's attendee lines send, together. */
export const attendeePeople = (attendees: readonly { people: number | string }[]): number =>
  attendees.reduce((sum, line) => sum + (typeof line.people === 'number' ? line.people : Number(line.people) || 0), 0);

/** A course's days: "10/04/2026" for one day, "10/04/2026 – 12/04/2026" for several. */
export const courseDates = (course: { startsOn: string; endsOn: string }): string =>
  course.startsOn === course.endsOn ? formatDate(course.startsOn) : `${formatDate(course.startsOn)} – ${formatDate(course.endsOn)}`;
