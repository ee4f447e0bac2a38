/**
 * Test-only helpers (imported by *.test.ts and never by production code): read the shipped criteria
 * files and build typical sheets. Reading files here is the tests' business; the domain itself only
 * ever receives parsed JSON.
 */
import { readFileSync } from 'node:fs';
import { optionAppliesToCase, listScorableCriteria } from './queries.js';
import type { CaseKey, CriteriaSet, CriteriaVersion } from './types.js';
import { loadCriteriaVersion } from './validate.js';

export const CRITERIA_FILES = {
  qd26: 'qd26-2026.json',
  qd1048: 'qd1048-2019-rau-cu-qua-hat-tuoi.json',
} as const;

export function readCriteriaJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../data/criteria/${file}`, import.meta.url), 'utf8'));
}

const loaded = new Map<string, CriteriaVersion>();
export function loadShippedVersion(key: keyof typeof CRITERIA_FILES): CriteriaVersion {
  let version = loaded.get(key);
  if (!version) {
    version = loadCriteriaVersion(readCriteriaJson(CRITERIA_FILES[key]));
    loaded.set(key, version);
  }
  return version;
}

function pick(set: CriteriaSet, caseKey: CaseKey | null, better: (a: number, b: number) => boolean): Record<string, number> {
  const choices: Record<string, number> = {};
  for (const criterion of listScorableCriteria(set)) {
    let chosen = -1;
    criterion.options.forEach((o, i) => {
      if (!optionAppliesToCase(o, caseKey)) return;
      if (chosen < 0 || better(o.points, criterion.options[chosen]!.points)) chosen = i;
    });
    choices[criterion.code] = chosen;
  }
  return choices;
}

/** The best option everywhere (within one case when the set has cases): 100 points. */
export const bestChoices = (set: CriteriaSet, caseKey: CaseKey | null = null) => pick(set, caseKey ?? firstCase(set), (a, b) => a > b);
/** The worst option everywhere (within one case). */
export const worstChoices = (set: CriteriaSet, caseKey: CaseKey | null = null) => pick(set, caseKey ?? firstCase(set), (a, b) => a < b);

function firstCase(set: CriteriaSet): CaseKey | null {
  for (const c of listScorableCriteria(set)) for (const o of c.options) if (o.case !== null) return o.case;
  return null;
}

/** Index of the option of `code` worth `points` (first match), so tests read like the printed sheet. */
export function optionWorth(set: CriteriaSet, code: string, points: number): number {
  const criterion = listScorableCriteria(set).find((c) => c.code === code);
  const index = criterion?.options.findIndex((o) => o.points === points) ?? -1;
  if (index < 0) throw new Error(`Set ${set.code}: criterion ${code} has no option worth ${points}`);
  return index;
}

/**
 * A sheet worth about `target` points: the best options, then the worst on criteria in sheet order
 * while the total stays at or above the target — first on criteria without minimum-star marks (so no
 * star is capped), then on the others. Returns the choices and their exact total.
 */
export function choicesForTotal(set: CriteriaSet, target: number): { choices: Record<string, number>; total: number } {
  const criteria = listScorableCriteria(set);
  const choices = bestChoices(set);
  const worst = worstChoices(set);
  const points = (code: string, index: number) => criteria.find((c) => c.code === code)!.options[index]!.points;
  let total = criteria.reduce((n, c) => n + points(c.code, choices[c.code]!), 0);
  const marked = (c: (typeof criteria)[number]) => c.options.some((o) => o.minStar !== null);
  for (const c of [...criteria.filter((c) => !marked(c)), ...criteria.filter(marked)]) {
    const drop = points(c.code, choices[c.code]!) - points(c.code, worst[c.code]!);
    if (total - drop < target) continue;
    choices[c.code] = worst[c.code]!;
    total -= drop;
  }
  return { choices, total };
}
