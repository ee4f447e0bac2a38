import type { Message } from '../errors.js';
import { normalizeText } from '../text/vietnamese.js';
import { headerKey } from './sheets.js';

/** A cell as the readers give it: Excel values, or text from a CSV. A formula is never evaluated. */
export type Cell = string | number | boolean | Date | null | { formula: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Message };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (vi: string, en: string): Parsed<never> => ({ ok: false, message: { vi, en } });

export const isFormula = (v: Cell): v is { formula: string } => typeof v === 'object' && v !== null && !(v instanceof Date);

/** What a cell shows, for error lists. */
export function cellText(v: Cell): string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isFormula(v)) return `=${v.formula}`;
  return String(v);
}

/** Text in NFC with stray spaces removed; null when empty. */
export function parseText(v: Cell, max = 500): Parsed<string | null> {
  if (v === null) return ok(null);
  if (isFormula(v)) return bad('Ô chứa công thức; hãy dán giá trị (Paste Values).', 'The cell holds a formula; paste values instead.');
  const s = normalizeText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  if (s.length > max) return bad(`Dài quá ${max} ký tự.`, `Longer than ${max} characters.`);
  return ok(s === '' ? null : s);
}

/** A number typed as a number or as text, with a decimal comma ("72,5") or point; thousands dots in "1.234,5". */
export function parseNumber(v: Cell): Parsed<number | null> {
  if (v === null) return ok(null);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad('Không phải số.', 'Not a number.');
  if (isFormula(v)) return bad('Ô chứa công thức; hãy dán giá trị (Paste Values).', 'The cell holds a formula; paste values instead.');
  if (typeof v !== 'string') return bad('Không phải số.', 'Not a number.');
  let s = v.normalize('NFC').replace(/[\s\u00a0]/g, '');
  if (s === '') return ok(null);
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return bad(`"${v}" không phải số.`, `"${v}" is not a number.`);
  return ok(Number(s));
}

export function parseInteger(v: Cell): Parsed<number | null> {
  const n = parseNumber(v);
  if (!n.ok || n.value === null) return n;
  return Number.isInteger(n.value) ? n : bad('Phải là số nguyên.', 'Must be a whole number.');
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): Parsed<string> => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad('Ngày không có thật.', 'No such date.');
  return ok(`${y}-${pad(m)}-${pad(d)}`);
};

/** Excel's day 0 is 30/12/1899 (with its 1900 leap-year bug already folded into the offset). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as an Excel date, an Excel serial number, or text dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy) or yyyy-mm-dd. Returns an ISO date. Never month-first: Vietnamese dates are day-first.
 */
export function parseDate(v: Cell): Parsed<string | null> {
  if (v === null) return ok(null);
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? bad('Ngày không hợp lệ.', 'Invalid date.') : iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') {
    if (v < 1 || v > 80000) return bad('Ngày không hợp lệ.', 'Invalid date.');
    const d = new Date(EXCEL_EPOCH_MS + Math.floor(v) * 86400000);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (isFormula(v)) return bad('Ô chứa công thức; hãy dán giá trị (Paste Values).', 'The cell holds a formula; paste values instead.');
  const s = String(v).trim();
  if (s === '') return ok(null);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return bad(`"${s}" không phải ngày dạng dd/mm/yyyy.`, `"${s}" is not a date in dd/mm/yyyy form.`);
}

/** A value from a closed list, matched by any of its spellings (case, accents and spaces ignored). */
export function parseChoice<T extends string>(v: Cell, choices: Readonly<Record<T, readonly string[]>>, what: Message): Parsed<T | null> {
  const t = parseText(v);
  if (!t.ok || t.value === null) return t as Parsed<null>;
  const k = headerKey(t.value);
  for (const [value, spellings] of Object.entries(choices) as [T, readonly string[]][]) if (spellings.some((s) => headerKey(s) === k)) return ok(value);
  const allowed = (Object.values(choices) as readonly string[][]).map((s) => s[0]).join(', ');
  return bad(`"${t.value}" không phải ${what.vi} hợp lệ (${allowed}).`, `"${t.value}" is not a valid ${what.en} (${allowed}).`);
}
