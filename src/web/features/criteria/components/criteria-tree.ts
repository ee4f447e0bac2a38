import type { CriteriaSetDetail } from '../../../../contracts/criteria.js';

/**
 * The shape of one criteria set as the API sends it, and the walks the pages need over it. Nothing
 * here scores: points, bands and gates come from the server.
 */

export type { CriteriaSetDetail };
export type CriteriaPart = CriteriaSetDetail['set']['parts'][number];
export type CriteriaNode = CriteriaPart['items'][number];
export type CriteriaGroup = Extract<CriteriaNode, { kind: 'group' }>;
export type Criterion = Extract<CriteriaNode, { kind: 'criterion' }>;
export type CriterionOption = Criterion['options'][number];
export type CaseKey = NonNullable<CriterionOption['case']>;
export type StarBand = CriteriaSetDetail['version']['starBands'][number];

/** Every scorable criterion under the given nodes, in sheet order. */
export function criteriaOf(nodes: readonly CriteriaNode[]): Criterion[] {
  return nodes.flatMap((node) => (node.kind === 'criterion' ? [node] : criteriaOf(node.children)));
}

export function criteriaOfSet(set: CriteriaSetDetail['set']): Criterion[] {
  return set.parts.flatMap((part) => criteriaOf(part.items));
}

/** The alternative cases a sheet must choose between (set 26: a and b), in order; empty for most sets. */
export function casesOfSet(set: CriteriaSetDetail['set']): CaseKey[] {
  const cases = new Set<CaseKey>();
  for (const criterion of criteriaOfSet(set)) for (const option of criterion.options) if (option.case) cases.add(option.case);
  return [...cases].sort();
}

export const hasCases = (criterion: Criterion): boolean => criterion.options.some((option) => option.case !== null);

/** Options without a case fit every case; with no case chosen only those are offered. */
export const optionFitsCase = (option: CriterionOption, caseKey: CaseKey | null): boolean => option.case === null || option.case === caseKey;

/** Requirement notes separate their paragraphs with " | " (the sheet's line breaks). */
export function noteLines(note: string | null): string[] {
  if (!note) return [];
  return note
    .split(/\s*\|\s*/u)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Element id of a criterion on a page, so lists of codes can scroll to it. */
export const criterionAnchor = (code: string): string => `criterion-${code.replace(/[^0-9A-Za-z]+/gu, '-')}`;

/** Set 26's sector has no product groups and its data says "same"; there is nothing to show then. */
export const productGroupOf = (set: { productGroup: string }): string | null => (set.productGroup === 'same' ? null : set.productGroup);
