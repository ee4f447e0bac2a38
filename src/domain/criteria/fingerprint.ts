/**
 * What makes a criteria version *the same version* for the evaluations recorded under it: the
 * scoring content (parts, criteria, options, points, minimum-star markers, bands), not the texts
 * shown beside it. Display fields — sector, product group, lead ministry, the reading notes on
 * options, and their English twins — may be corrected in place on a version already in use
 * (e.g. the 03/12/2026 revision of the 26/2026 file that moved English out of the Vietnamese
 * fields); any other change needs a new version, because a recorded score must keep its meaning.
 */

/** Keys of a criteria file (schema.ts shape) that are display text only. */
export const CRITERIA_DISPLAY_FIELDS: ReadonlySet<string> = new Set([
  'sector',
  'sector_en',
  'group',
  'group_en',
  'leadMinistry',
  'leadMinistry_en',
  'options_note',
  'options_note_en',
]);

/** JSON with sorted keys: stored jsonb does not keep key order, so equality is judged on this form. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function withoutDisplay(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDisplay);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !CRITERIA_DISPLAY_FIELDS.has(k))
        .map(([k, v]) => [k, withoutDisplay(v)]),
    );
  return value;
}

/**
 * The version's scoring fingerprint: canonical JSON of the file without its display fields. Two
 * files with the same fingerprint score every sheet identically.
 */
export function criteriaScoringFingerprint(file: unknown): string {
  return canonicalJson(withoutDisplay(file));
}
