import type { CaseKey, CriteriaSet, CriteriaVersion, Criterion, CriterionNode, CriterionOption, PartCode } from './types.js';

/** Visits every node of a set in sheet order (pre-order), with its part and its ancestor groups. */
export function walkCriteria(set: CriteriaSet, visit: (node: CriterionNode, part: PartCode, ancestors: readonly CriterionNode[]) => void): void {
  const walk = (node: CriterionNode, part: PartCode, ancestors: readonly CriterionNode[]): void => {
    visit(node, part, ancestors);
    if (node.kind === 'group') {
      const below = [...ancestors, node];
      for (const child of node.children) walk(child, part, below);
    }
  };
  for (const part of set.parts) for (const item of part.items) walk(item, part.code, []);
}

/**
 * The leaves the sheet asks a choice for, in the order they are printed. A score sheet must answer
 * exactly these (one option index per criterion code).
 */
export function listScorableCriteria(set: CriteriaSet): Criterion[] {
  const out: Criterion[] = [];
  walkCriteria(set, (node) => {
    if (node.kind === 'criterion') out.push(node);
  });
  return out;
}

/**
 * Finds a set by its slug (`rau-cu-qua-hat-tuoi`) or its row number in Phụ lục I (7 or "7"), the two
 * ways officers and URLs refer to a set.
 */
export function findSet(version: CriteriaVersion, codeOrNumber: string | number): CriteriaSet | undefined {
  if (typeof codeOrNumber === 'number') return version.sets.find((s) => s.number === codeOrNumber);
  const key = codeOrNumber.trim();
  if (/^\d+$/.test(key)) return version.sets.find((s) => s.number === Number(key));
  return version.sets.find((s) => s.code === key);
}

/** True when the option may be chosen in the given case (options without a case apply to every case). */
export function optionAppliesToCase(option: CriterionOption, caseKey: CaseKey | null): boolean {
  return option.case === null || caseKey === null || option.case === caseKey;
}

/** The alternative cases a set offers (e.g. ['a', 'b'] for set 26 of 26/2026), in first-seen order. */
export function casesOfSet(set: CriteriaSet): CaseKey[] {
  const seen: CaseKey[] = [];
  walkCriteria(set, (node) => {
    if (node.kind !== 'criterion') return;
    for (const o of node.options) if (o.case !== null && !seen.includes(o.case)) seen.push(o.case);
  });
  return seen;
}

/**
 * The best points a criterion can give in a case. -Infinity when no option applies, which makes a
 * set total unreachable rather than silently treating the criterion as 0.
 */
export function bestPoints(criterion: Criterion, caseKey: CaseKey | null): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const o of criterion.options) if (optionAppliesToCase(o, caseKey) && o.points > best) best = o.points;
  return best;
}

/**
 * The highest total a sheet can reach, per case. A sheet answers all case criteria from one case (see
 * scoring), so the reachable maximum is computed case by case; sets without cases have one entry
 * keyed `null`.
 */
export function maxReachableTotals(set: CriteriaSet): Array<{ case: CaseKey | null; total: number }> {
  const cases: Array<CaseKey | null> = casesOfSet(set);
  if (cases.length === 0) cases.push(null);
  const criteria = listScorableCriteria(set);
  return cases.map((c) => ({ case: c, total: criteria.reduce((sum, cr) => sum + bestPoints(cr, c), 0) }));
}
