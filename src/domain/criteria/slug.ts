import { foldVietnamese } from '../text/vietnamese.js';

/**
 * URL-safe name of a criteria version: "26/2026/QĐ-TTg" → "26-2026-qd-ttg". Legal numbers contain
 * slashes and Vietnamese letters, which make awkward path segments; the API accepts either form.
 */
export function criteriaVersionSlug(legalBasis: string): string {
  return foldVietnamese(legalBasis)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The version in force on a date: the latest whose effective date is not after it (ISO dates compare as strings). */
export function versionInForce<T extends { effectiveFrom: string }>(versions: readonly T[], isoDate: string): T | undefined {
  return [...versions].filter((v) => v.effectiveFrom <= isoDate).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}
