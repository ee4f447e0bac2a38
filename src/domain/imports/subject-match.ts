import { taxCodeKey } from '../subjects/tax-code.js';
import { foldVietnamese } from '../text/vietnamese.js';

/**
 * A producer registered by hand (no code of the province's records) that a workbook's row is: the
 * import links the row to it instead of creating the producer twice.
 *
 * - By tax code: one tax code, one taxpayer (Law on Tax Administration 38/2019/QH14, Art. 30;
 *   codes compared on their digits, ../subjects/tax-code.ts). A branch registered under its
 *   parent's code makes two holders: the one in the row's commune, if exactly one, else none.
 * - By name and commune, when the row or the record has no tax code: the same name (accents and
 *   spacing aside) in the same commune. Weaker, so the preview lists it for the office to confirm
 *   before committing.
 *
 * Two different tax codes are two producers, whatever their names.
 */
export type RegisteredSubject = { id: string; name: string; taxCode: string | null; communeCode: string | null };
export type SubjectMatch = { id: string; name: string; by: 'taxCode' | 'nameCommune' };

export function matchRegisteredSubject(
  row: { name: string; taxCode?: string | null; communeCode?: string | null },
  registered: readonly RegisteredSubject[],
): SubjectMatch | null {
  const key = taxCodeKey(row.taxCode);
  if (key) {
    const holders = registered.filter((s) => taxCodeKey(s.taxCode) === key);
    const pick = holders.length === 1 ? holders : holders.filter((s) => row.communeCode && s.communeCode === row.communeCode);
    if (pick.length === 1) return { id: pick[0]!.id, name: pick[0]!.name, by: 'taxCode' };
    if (holders.length) return null;
  }
  if (!row.communeCode) return null;
  const name = foldVietnamese(row.name);
  const same = registered.filter(
    (s) => s.communeCode === row.communeCode && foldVietnamese(s.name) === name && !(key && taxCodeKey(s.taxCode) && taxCodeKey(s.taxCode) !== key),
  );
  return same.length === 1 ? { id: same[0]!.id, name: same[0]!.name, by: 'nameCommune' } : null;
}
