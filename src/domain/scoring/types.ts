import type { CaseKey, MinStar, PartCode, Star } from '../criteria/types.js';

/**
 * One evaluator's sheet (Phụ lục II is "Bộ tiêu chí …, kiêm phiếu đánh giá": the criteria list is
 * also the form each council member fills in and signs).
 */
export interface ScoreSheet {
  /** Criterion code → 0-based index of the ticked option in the criterion's `options`. */
  readonly choices: Readonly<Record<string, number>>;
  /**
   * Which alternative case applies when the set has case criteria (set 26 of 26/2026: a = service
   * provided by the community, b = by an organisation/individual or a tourist site). Optional: when
   * absent, the case of the first case criterion answered is used, and the others must agree.
   */
  readonly case?: CaseKey;
  /** The dossier was found to meet a "Hồ sơ bị loại khi" ground or a criterion's elimination note. */
  readonly disqualified?: { readonly reason: string };
}

/**
 * What happens when the total reaches a band but a minimum marker of that band (or below) is missed.
 * The decision does not say (ocop-rules.md §2.3, §13), so it is a setting:
 * - 'cap': rank at the highest star whose minimums are all met, never above the band (default);
 * - 'not-achieved': not recognised at all (practice under 781/QĐ-TTg: "Không đạt").
 */
export type GatePolicy = 'cap' | 'not-achieved';

export interface ScoreOptions {
  readonly gatePolicy?: GatePolicy;
  /** Compute `next` (advice towards the next star). Default true; council members' sheets skip it. */
  readonly includeNext?: boolean;
}

/** Who recognises a star (Art. 4.1, Decision 26/2026/QĐ-TTg): the province for 3–4★, the ministry for 5★. */
export type RecognisingLevel = 'province' | 'ministry';

/**
 * - ranked: a star is awarded (possibly 1–2★, which are recorded but not certified);
 * - not-achieved: under the 'not-achieved' policy a minimum of the band was missed;
 * - disqualified: the dossier was rejected, the product is not ranked.
 */
export type Outcome = 'ranked' | 'not-achieved' | 'disqualified';

export interface OptionRef {
  readonly index: number;
  readonly label: string;
  readonly points: number;
}

export interface CriterionScore {
  readonly code: string;
  readonly label: string;
  readonly part: PartCode;
  readonly chosen: OptionRef;
  readonly points: number;
  readonly maxPoints: number;
}

export interface GroupScore {
  readonly code: string;
  readonly label: string;
  readonly part: PartCode;
  /** 0 for a part's top-level group, 1 for a group inside it (e.g. 6.1 above 6.1.1). */
  readonly depth: number;
  readonly points: number;
  readonly maxPoints: number;
}

export interface PartScore {
  readonly code: PartCode;
  readonly label: string;
  readonly points: number;
  readonly maxPoints: number;
}

/** A minimum marker (min_star) not reached: the chosen option scores less than the marked one. */
export interface FailedGate {
  readonly star: MinStar;
  readonly criterion: string;
  readonly criterionLabel: string;
  readonly required: OptionRef;
  readonly chosen: OptionRef;
}

export interface GateGap {
  readonly star: MinStar;
  readonly criterion: string;
  readonly criterionLabel: string;
  readonly required: OptionRef;
  /** The sheet's points, or the council's mean points, on the criterion. */
  readonly currentPoints: number;
  /** Options that meet the minimum, cheapest first, with the points each adds. */
  readonly closingOptions: ReadonlyArray<OptionRef & { readonly gain: number }>;
}

export interface PointGain {
  readonly criterion: string;
  readonly criterionLabel: string;
  readonly currentPoints: number;
  readonly best: OptionRef;
  readonly gain: number;
}

/** What stands between the result and the next star up. */
export interface NextStarAdvice {
  readonly targetStar: Star;
  /** Lower bound of the target band. */
  readonly bandMin: number;
  /** Points still needed to enter the target band (0 when the total is already in or above it). */
  readonly pointsMissing: number;
  /** Minimums of the target star and below that are still not met. */
  readonly gates: readonly GateGap[];
  /**
   * The criteria with the largest available gains, largest first, just enough of them to cover
   * `pointsMissing` (the fewest criteria that can close the gap); empty when no points are missing.
   */
  readonly pointGains: readonly PointGain[];
}

export interface StarDecision {
  /** Star of the band the total falls in (Art. 3.3). */
  readonly bandStar: Star;
  /** Highest star N whose minimums for every level ≤ N are met (stars 1–2 have none). */
  readonly gateCeiling: Star;
  readonly gatePolicy: GatePolicy;
  readonly outcome: Outcome;
  /** Awarded star; null when disqualified or not achieved. */
  readonly star: Star | null;
  /** A recognition decision and certificate follow (3–5★ under 26/2026 Art. 4.1). */
  readonly certifiable: boolean;
  readonly recognisingLevel: RecognisingLevel | null;
}

export interface SheetScore extends StarDecision {
  readonly legalBasis: string;
  readonly set: { readonly number: number; readonly code: string; readonly name: string };
  /** The case the sheet was answered in; null for sets without case criteria. */
  readonly case: CaseKey | null;
  readonly criteria: readonly CriterionScore[];
  readonly groups: readonly GroupScore[];
  readonly parts: readonly PartScore[];
  readonly total: number;
  readonly maxTotal: number;
  readonly failedGates: readonly FailedGate[];
  readonly disqualified: { readonly reason: string } | null;
  readonly next: NextStarAdvice | null;
}
