import { optionAppliesToCase } from '../criteria/queries.js';
import type { CaseKey, Criterion, Star, StarBand } from '../criteria/types.js';
import { bandMinimum } from './bands.js';
import type { CompiledGate, CompiledSet } from './compiled.js';
import type { GateGap, NextStarAdvice, OptionRef, PointGain, StarDecision } from './types.js';

const EPSILON = 1e-9;

export function optionRef(criterion: Criterion, index: number): OptionRef {
  const option = criterion.options[index];
  if (!option) throw new RangeError(`Criterion ${criterion.code} has no option ${index}`);
  return { index, label: option.label, points: option.points };
}

/**
 * Which star to advise towards: the next one above the awarded star; when the product was not
 * recognised because of a missed minimum, its own band (meeting the minimum is what is missing).
 * Nothing when disqualified (points do not help) or already 5★.
 */
function targetStar(decision: StarDecision): Star | null {
  if (decision.outcome === 'disqualified') return null;
  if (decision.star === null) return decision.bandStar;
  return decision.star === 5 ? null : ((decision.star + 1) as Star);
}

/**
 * Advice towards the next star, shared by a single sheet (`current` = its points per criterion) and a
 * council (`current` = mean points per criterion, so a gain is what the mean would rise by if every
 * member ticked that option).
 */
export function adviseNextStar(
  compiled: CompiledSet,
  bands: readonly StarBand[],
  decision: StarDecision,
  total: number,
  current: ArrayLike<number>,
  caseKey: CaseKey | null,
  failedGates: readonly CompiledGate[],
): NextStarAdvice | null {
  const target = targetStar(decision);
  if (target === null) return null;

  const bandMin = bandMinimum(target, bands);
  const missing = bandMin - total;
  const pointsMissing = missing > EPSILON ? missing : 0;

  const gates: GateGap[] = [];
  for (const gate of failedGates) {
    if (gate.star > target) continue;
    const { criterion } = compiled.criteria[gate.criterionSlot]!;
    const now = current[gate.criterionSlot] ?? 0;
    const closingOptions = criterion.options
      .map((o, index) => ({ index, label: o.label, points: o.points, gain: o.points - now, applies: optionAppliesToCase(o, caseKey) }))
      .filter((o) => o.applies && o.points + EPSILON >= gate.points)
      .sort((a, b) => a.points - b.points || a.index - b.index)
      .map(({ index, label, points, gain }) => ({ index, label, points, gain }));
    gates.push({
      star: gate.star,
      criterion: criterion.code,
      criterionLabel: criterion.label,
      required: optionRef(criterion, gate.optionIndex),
      currentPoints: now,
      closingOptions,
    });
  }

  return { targetStar: target, bandMin, pointsMissing, gates, pointGains: pointsMissing > 0 ? largestGains(compiled, current, caseKey, pointsMissing) : [] };
}

/**
 * Taking the largest gains first reaches any deficit with the fewest criteria changed, which is the
 * most useful thing to tell a producer ("improve these three things"), so the list stops as soon as
 * the gap is covered.
 */
function largestGains(compiled: CompiledSet, current: ArrayLike<number>, caseKey: CaseKey | null, pointsMissing: number): PointGain[] {
  const gains: PointGain[] = [];
  compiled.criteria.forEach(({ criterion }, slot) => {
    let bestIndex = -1;
    criterion.options.forEach((o, i) => {
      if (optionAppliesToCase(o, caseKey) && (bestIndex < 0 || o.points > criterion.options[bestIndex]!.points)) bestIndex = i;
    });
    if (bestIndex < 0) return;
    const now = current[slot] ?? 0;
    const best = optionRef(criterion, bestIndex);
    const gain = best.points - now;
    if (gain > EPSILON) gains.push({ criterion: criterion.code, criterionLabel: criterion.label, currentPoints: now, best, gain });
  });
  // Array.prototype.sort is stable, so equal gains keep sheet order.
  gains.sort((a, b) => b.gain - a.gain);

  const out: PointGain[] = [];
  let covered = 0;
  for (const g of gains) {
    if (covered + EPSILON >= pointsMissing) break;
    out.push(g);
    covered += g.gain;
  }
  return out;
}
