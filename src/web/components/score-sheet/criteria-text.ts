/**
 * Display fields of a criteria set in the interface language. The criteria files keep Vietnamese in
 * `sector` / `leadMinistry` / `optionsNote` and English beside them (`…En`); each language shows its
 * own field only, falling back to the Vietnamese one where a file (e.g. an imported older version)
 * has no English.
 */

type Lang = 'vi' | 'en';

const ROMAN_PREFIX = /^([IVXLC]+\.)\s*/;

/** "I. Thực phẩm" / "I. Food": the English twin is a bare phrase ("food"), so the number is carried over. */
export function sectorText(set: { sector: string; sectorEn?: string | null }, lang: Lang): string {
  const en = set.sectorEn?.trim();
  if (lang !== 'en' || !en) return set.sector;
  const prefix = ROMAN_PREFIX.exec(set.sector)?.[1];
  const phrase = en.charAt(0).toUpperCase() + en.slice(1);
  return prefix ? `${prefix} ${phrase}` : phrase;
}

export function leadMinistryText(set: { leadMinistry: string | null; leadMinistryEn?: string | null }, lang: Lang): string {
  const en = set.leadMinistryEn?.trim();
  return lang === 'en' && en ? en : (set.leadMinistry ?? '');
}

export function optionsNoteText(criterion: { optionsNote: string | null; optionsNoteEn?: string | null }, lang: Lang): string | null {
  const en = criterion.optionsNoteEn?.trim();
  return lang === 'en' && en ? en : criterion.optionsNote;
}
