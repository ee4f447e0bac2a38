import type { Message } from '../errors.js';
import { normalizeText } from '../text/vietnamese.js';
import { headerKey } from './sheets.js';
import { MONEY_MAX, moneyUnit } from './units.js';

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

/**
 * A whole number (a count): as parseInteger, and digits grouped by thousands the Vietnamese way or
 * the English ("15.000", "15,000", "15 000"), which for a count cannot be a decimal.
 */
export function parseCount(v: Cell): Parsed<number | null> {
  if (typeof v === 'string') {
    const s = v.normalize('NFC').trim();
    const grouped = /^\d{1,3}([.,\s\u00a0])\d{3}(\1\d{3})*$/.exec(s);
    if (grouped) return ok(Number(s.replace(/[.,\s\u00a0]/g, '')));
  }
  return parseInteger(v);
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

/**
 * An amount in đồng: a non-negative whole number, typed as a number or as text with the thousands
 * grouped by dots, commas or spaces ("1.200.000", "1,200,000", "1 200 000"), a currency mark
 * ("đ", "đồng", "VNĐ") and a unit word ("1,5 triệu", "2 tỷ", "500 nghìn"). A bare number is taken
 * in `unit` đồng (the column's header may say "(triệu đồng)"); a unit written in the cell wins.
 * Dots group thousands as Vietnamese writes them ("1.200" is 1 200); a comma is a decimal comma
 * ("1,5 triệu") except in a bare amount, which is whole ("1,200" is 1 200). Anything left that is
 * not a whole number of đồng ("1.200,5") is refused, as are negative amounts.
 */
export function parseMoney(v: Cell, unit = 1): Parsed<number | null> {
  if (v === null) return ok(null);
  if (isFormula(v)) return bad('Ô chứa công thức; hãy dán giá trị (Paste Values).', 'The cell holds a formula; paste values instead.');
  if (typeof v === 'boolean' || v instanceof Date) return bad('Không phải số tiền.', 'Not an amount of money.');
  let amount: number;
  let factor = unit;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad('Không phải số tiền.', 'Not an amount of money.');
    amount = v;
  } else {
    const s = v.normalize('NFC').trim();
    if (s === '') return ok(null);
    const m = /^(-?)\s*([\d.,\s\u00a0]*\d)\s*(\p{L}[\p{L}\s.]*|₫)?$/u.exec(s);
    const written = m?.[3] ? moneyUnit(m[3]) : null;
    if (!m || (m[3] && written === null))
      return bad(`"${s}" không phải số tiền (ví dụ 1.200.000 hoặc 1,5 triệu).`, `"${s}" is not an amount (e.g. 1.200.000 or 1,5 triệu).`);
    if (m[3]) factor = written!;
    const value = amountOf(m[2]!.replace(/[\s\u00a0]/g, ''), factor > 1);
    if (value === null) return bad(`"${s}" không phải số tiền (ví dụ 1.200.000 hoặc 1,5 triệu).`, `"${s}" is not an amount (e.g. 1.200.000 or 1,5 triệu).`);
    amount = value;
    if (m[1]) amount = -amount;
  }
  const total = amount * factor;
  const whole = Math.round(total);
  if (whole < 0) return bad('Số tiền không được âm.', 'An amount cannot be negative.');
  // Only the rounding error of the multiplication is forgiven: "1,2345678 triệu" is not a whole number of đồng.
  if (Math.abs(total - whole) > Math.max(1e-6, Math.abs(total) * 1e-12))
    return bad('Số tiền phải là số đồng nguyên.', 'An amount must be a whole number of đồng.');
  if (whole > MONEY_MAX) return bad('Số tiền quá lớn.', 'The amount is too large.');
  return ok(whole);
}

/**
 * The number written, Vietnamese first: dots group thousands and a comma marks decimals
 * ("1.234.567,5"); the English form ("1,234,567.5") is read too. A lone comma before three digits
 * groups thousands ("1,200" đồng) unless a unit follows, where it is a decimal ("1,200 triệu").
 */
function amountOf(digits: string, withUnit: boolean): number | null {
  if (/^\d+$/.test(digits)) return Number(digits);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) return Number(digits.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(digits) || /^\d{1,3},\d{3}\.\d+$/.test(digits)) return Number(digits.replace(/,/g, ''));
  if (/^\d{1,3},\d{3}$/.test(digits) && !withUnit) return Number(digits.replace(',', ''));
  if (/^\d+,\d+$/.test(digits)) return Number(digits.replace(',', '.'));
  if (/^\d+\.\d+$/.test(digits)) return Number(digits);
  return null;
}

const YES = ['có', 'co', 'x', 'yes', 'y', 'true', 'đúng', 'dung', 'đang', 'dang', '1', 'v', '✓'];
const NO = ['không', 'khong', 'ko', 'no', 'n', 'false', 'sai', 'ngừng', 'ngung', 'đã ngừng', 'da ngung', '0', '-'];

/** Yes or no: "Có"/"Không", "x", TRUE/FALSE, 1/0 (an Excel check box gives a boolean). */
export function parseYesNo(v: Cell): Parsed<boolean | null> {
  if (v === null) return ok(null);
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 ? ok(true) : v === 0 ? ok(false) : bad('Ghi Có hoặc Không.', 'Write Có (yes) or Không (no).');
  const t = parseText(v);
  if (!t.ok || t.value === null) return t as Parsed<null>;
  const s = t.value.toLowerCase();
  if (YES.includes(s)) return ok(true);
  if (NO.includes(s)) return ok(false);
  return bad(`"${t.value}": ghi Có hoặc Không.`, `"${t.value}": write Có (yes) or Không (no).`);
}

/**
 * Codes listed in one cell, separated by commas, semicolons, line breaks or spaces ("SP01, SP02",
 * one per line in a wrapped cell), each checked by `parseCode`; duplicates are dropped, order kept.
 */
export function parseCodeList(v: Cell, parseCode: (s: string) => Parsed<string | null>): Parsed<string[] | null> {
  if (v === null) return ok(null);
  if (isFormula(v)) return bad('Ô chứa công thức; hãy dán giá trị (Paste Values).', 'The cell holds a formula; paste values instead.');
  const parts = String(v)
    .normalize('NFC')
    .split(/[\s,;|]+/)
    .filter((s) => s !== '');
  if (!parts.length) return ok(null);
  const codes: string[] = [];
  for (const part of parts) {
    const c = parseCode(part);
    if (!c.ok) return bad(`"${part}": ${c.message.vi}`, `"${part}": ${c.message.en}`);
    if (c.value !== null && !codes.includes(c.value)) codes.push(c.value);
  }
  return ok(codes);
}
