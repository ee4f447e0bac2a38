import type { CaseKey, CriteriaSet, CriteriaVersion, PartCode, Star } from '../criteria/types.js';
import { starForTotal } from './bands.js';
import { compileSet } from './compiled.js';
import { ScoringInputError } from './errors.js';
import { readSheet } from './score-sheet.js';

/** Where a sheet being filled in stands: the running total and the band it would reach now. */
export interface DraftProgress {
  readonly answered: number;
  readonly of: number;
  /** Criteria still without a choice, in sheet order. */
  readonly missing: readonly string[];
  readonly total: number;
  readonly maxTotal: number;
  readonly parts: ReadonlyArray<{ readonly code: PartCode; readonly points: number; readonly maxPoints: number }>;
  /** Points per criterion group (e.g. "1", "6.1"), answered criteria only. */
  readonly groups: ReadonlyArray<{ readonly code: string; readonly points: number; readonly maxPoints: number }>;
  /** Band of the running total (Art. 3.3); the awarded star needs a complete sheet (scoreSheet). */
  readonly bandStar: Star;
  readonly case: CaseKey | null;
}

/**
 * Scores a sheet that may still miss choices, as a self-assessment draft does: the same checks as a
 * full sheet (unknown criteria, options out of range, mixed cases are errors) except that a missing
 * choice only counts as unanswered.
 */
export function scoreDraft(
  version: CriteriaVersion,
  set: CriteriaSet,
  choices: Readonly<Record<string, number>>,
  caseKey: CaseKey | null = null,
): DraftProgress {
  const compiled = compileSet(set);
  const read = readSheet(version, compiled, { choices, ...(caseKey ? { case: caseKey } : {}) });
  const errors = read.issues.filter((i) => i.code !== 'missing_choice');
  if (errors.length) throw new ScoringInputError(errors);

  const partPoints = compiled.parts.map(() => 0);
  const groupPoints = compiled.groups.map(() => 0);
  const missing: string[] = [];
  let total = 0;
  compiled.criteria.forEach(({ criterion, partSlot, groupSlots }, slot) => {
    const index = read.chosen[slot]!;
    if (index < 0) {
      missing.push(criterion.code);
      return;
    }
    const points = criterion.options[index]!.points;
    total += points;
    partPoints[partSlot]! += points;
    for (const g of groupSlots) groupPoints[g]! += points;
  });
  return {
    answered: compiled.criteria.length - missing.length,
    of: compiled.criteria.length,
    missing,
    total,
    maxTotal: compiled.maxTotal,
    parts: compiled.parts.map((p, i) => ({ code: p.code, points: partPoints[i]!, maxPoints: p.maxPoints })),
    groups: compiled.groups.map((g, i) => ({ code: g.code, points: groupPoints[i]!, maxPoints: g.maxPoints })),
    bandStar: starForTotal(total, version.starBands),
    case: read.caseKey,
  };
}
