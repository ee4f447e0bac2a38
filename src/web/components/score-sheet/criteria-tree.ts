import type { CriteriaSetDetail as CriteriaSetResponse } from '../../../contracts/criteria.js';
import { casesOfSet, listScorableCriteria } from '../../../domain/criteria/queries.js';
import type { CaseKey, CriteriaSet, Criterion } from '../../../domain/criteria/types.js';

/**
 * The shape of one criteria set as the pages use it — the domain's own types (src/domain/criteria),
 * so the web walks it with the domain's functions — and the few helpers a page needs beside them.
 * Nothing here scores: points, bands and gates come from the server.
 */

export type { CaseKey, CriteriaSet, Criterion } from '../../../domain/criteria/types.js';
export type { CriteriaPart, CriterionGroup, CriterionNode, CriterionOption } from '../../../domain/criteria/types.js';
export { optionAppliesToCase } from '../../../domain/criteria/queries.js';

/** One set in full with its version's header, as GET /criteria/:version/:set answers. */
export type CriteriaSetDetail = Omit<CriteriaSetResponse, 'set'> & { set: CriteriaSet };
export type StarBand = CriteriaSetDetail['version']['starBands'][number];

/**
 * The server sends the domain's set as it is; the contract only widens an option's `minStar`
 * (3 | 4 | 5 in the domain) to an integer. Read it back as the domain's type, in one place.
 */
export const asCriteriaSetDetail = (detail: CriteriaSetResponse): CriteriaSetDetail => detail as CriteriaSetDetail;

/** Every scorable criterion of a set, in sheet order (the domain's listScorableCriteria). */
export const criteriaOfSet = (set: CriteriaSet): Criterion[] => listScorableCriteria(set);

/** The alternative cases a sheet chooses between (set 26: a and b), in letter order for the case selector; empty for most sets. */
export const casesToChoose = (set: CriteriaSet): CaseKey[] => [...casesOfSet(set)].sort();

export const hasCases = (criterion: Criterion): boolean => criterion.options.some((option) => option.case !== null);

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
