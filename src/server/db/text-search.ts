import { and, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { likeEscape } from './sql-scope.js';

export type SearchPlan = { where: SQL; orderBy: SQL[] };
export type SearchTerms = {
  /** foldVietnamese(q): the stored search column holds the same form. */
  folded: string;
  /** Exact identifiers that should also match (OCOP code, barcode, tax code…). */
  exact?: (SQL | undefined)[];
};

/**
 * Accent-insensitive search over a folded, trigram-indexed column, in two stages:
 * 1. every word of the query appears in the name, in any order ("banh pia lai vung" finds
 *    "Bánh pía sầu riêng Lai Vung"); the whole phrase and a matching start rank first;
 * 2. only when that finds nothing, trigram similarity, so a typo ("mat ongg") still finds "Mật ong".
 * Stage 1 stays on the index and sorts by the stored Vietnamese key; similarity ranking, which
 * must score every candidate, is kept for the rare typo (see bench/registry.bench.ts).
 */
export function searchPlans(column: AnyColumn, terms: SearchTerms): [SearchPlan, SearchPlan] {
  const words = terms.folded.split(' ').filter(Boolean);
  const phrase = likeEscape(terms.folded);
  const exact = (terms.exact ?? []).filter((e): e is SQL => e !== undefined);
  const strict: SearchPlan = {
    where: or(and(...words.map((w) => sql`${column} like ${`%${likeEscape(w)}%`}`)), ...exact) as SQL,
    orderBy: [sql`(${column} like ${`${phrase}%`}) desc`, sql`(${column} like ${`%${phrase}%`}) desc`],
  };
  const fuzzy: SearchPlan = {
    where: or(sql`${column} % ${terms.folded}`, ...exact) as SQL,
    orderBy: [sql`similarity(${column}, ${terms.folded}) desc`],
  };
  return [strict, fuzzy];
}

/** Runs the strict plan, and the fuzzy one only when the strict one found nothing. */
export async function searchInStages<T>(plans: [SearchPlan, SearchPlan], run: (plan: SearchPlan, stage: 1 | 2) => Promise<{ items: T[]; total: number }>) {
  const strict = await run(plans[0], 1);
  return strict.total > 0 ? strict : run(plans[1], 2);
}
