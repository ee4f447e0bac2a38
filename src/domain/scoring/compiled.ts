import { casesOfSet, walkCriteria } from '../criteria/queries.js';
import type { CaseKey, CriteriaSet, Criterion, MinStar, PartCode } from '../criteria/types.js';

/**
 * A set flattened for scoring: criteria in sheet order with the slots of their part and ancestor
 * groups, and the minimum markers as a list. Scoring a sheet then is one pass over an array instead of
 * a tree walk with lookups. Built once per set object and cached (sets are immutable reference data).
 */
export interface CompiledCriterion {
  readonly criterion: Criterion;
  readonly partSlot: number;
  /** Slots in `groups` of every group above the criterion, outermost first. */
  readonly groupSlots: readonly number[];
  /** Some options belong to a case, so the sheet's case constrains the choice. */
  readonly hasCases: boolean;
}

export interface CompiledGroup {
  readonly code: string;
  readonly label: string;
  readonly part: PartCode;
  readonly depth: number;
  readonly maxPoints: number;
}

export interface CompiledPart {
  readonly code: PartCode;
  readonly label: string;
  readonly maxPoints: number;
}

/** One min_star marker: at `star`, criterion `criterionSlot` must score at least `points`. */
export interface CompiledGate {
  readonly star: MinStar;
  readonly criterionSlot: number;
  readonly optionIndex: number;
  readonly points: number;
  readonly case: CaseKey | null;
}

export interface CompiledSet {
  readonly set: CriteriaSet;
  readonly criteria: readonly CompiledCriterion[];
  readonly slotByCode: ReadonlyMap<string, number>;
  readonly groups: readonly CompiledGroup[];
  readonly parts: readonly CompiledPart[];
  /** Sorted by star, then sheet order, so failures come out in a stable, readable order. */
  readonly gates: readonly CompiledGate[];
  readonly cases: readonly CaseKey[];
  readonly maxTotal: number;
}

const cache = new WeakMap<CriteriaSet, CompiledSet>();

export function compileSet(set: CriteriaSet): CompiledSet {
  const hit = cache.get(set);
  if (hit) return hit;

  const parts: CompiledPart[] = set.parts.map((p) => ({ code: p.code, label: p.label, maxPoints: p.maxPoints }));
  const partSlot = new Map<PartCode, number>(parts.map((p, i) => [p.code, i]));
  const groups: CompiledGroup[] = [];
  const groupSlot = new Map<string, number>();
  const criteria: CompiledCriterion[] = [];
  const slotByCode = new Map<string, number>();
  const gates: CompiledGate[] = [];

  walkCriteria(set, (node, part, ancestors) => {
    if (node.kind === 'group') {
      groupSlot.set(node.code, groups.length);
      groups.push({ code: node.code, label: node.label, part, depth: ancestors.length, maxPoints: node.maxPoints });
      return;
    }
    const slot = criteria.length;
    slotByCode.set(node.code, slot);
    criteria.push({
      criterion: node,
      partSlot: partSlot.get(part) ?? 0,
      groupSlots: ancestors.map((a) => groupSlot.get(a.code) ?? 0),
      hasCases: node.options.some((o) => o.case !== null),
    });
    node.options.forEach((o, optionIndex) => {
      if (o.minStar !== null) gates.push({ star: o.minStar, criterionSlot: slot, optionIndex, points: o.points, case: o.case });
    });
  });
  gates.sort((a, b) => a.star - b.star || a.criterionSlot - b.criterionSlot);

  const compiled: CompiledSet = {
    set,
    criteria,
    slotByCode,
    groups,
    parts,
    gates,
    cases: casesOfSet(set),
    maxTotal: parts.reduce((s, p) => s + p.maxPoints, 0),
  };
  cache.set(set, compiled);
  return compiled;
}
