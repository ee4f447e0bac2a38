/**
 * Years offered by the programme pages' year filters: the first year the programme has records for
 * in the demo and imported histories, up to next year (plans and policies are drawn up ahead).
 */
export const FIRST_YEAR = 2019;

/** Newest first: next year, this year, …, FIRST_YEAR. */
export function yearOptions(now: number): number[] {
  return Array.from({ length: now + 1 - FIRST_YEAR + 1 }, (_, i) => now + 1 - i);
}

/** A year from the URL, or null when absent or outside the offered range. */
export function parseYear(value: string | null, now: number): number | null {
  if (value === null || !/^\d{4}$/u.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= now + 1 ? year : null;
}
