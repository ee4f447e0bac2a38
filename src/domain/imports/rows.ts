import type { IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import {
  checkHistoricalDates,
  checkHistoricalResult,
  legalBasisInForce,
  parseLegalBasis,
  type HistoricalLevel,
  type LegalBasis,
} from '../evaluation/historical-results.js';
import { validateEmail, validatePhone } from '../identifiers/contact.js';
import { validateGtin } from '../identifiers/gtin.js';
import { validateTaxCode } from '../identifiers/tax-code.js';
import { legalFormFromLabel, type Gender, type LegalForm } from '../subjects/legal-forms.js';
import { cellText, parseChoice, parseDate, parseInteger, parseNumber, parseText, type Cell, type Parsed } from './cells.js';
import { headerKey, type SheetKey } from './sheets.js';

/**
 * One row of a sheet, by column key; a key is absent when the file has no such column. `units`: the
 * multipliers of money columns whose header names a unit ("(triệu đồng)").
 */
export type RawRow = { sheet: SheetKey; row: number; cells: Record<string, Cell>; units?: Readonly<Record<string, number>> };
export type RowProblem = { column: string | null; value: string | null; message: Message };
/**
 * What a row's valid cells say even when others are wrong: the checks across rows and against the
 * database (duplicate codes, unknown communes, producers and products) run on every row, so that
 * one pass lists all of a file's problems.
 */
export type SubjectSeen = { row: number; code?: string; communeCode?: string | null; address?: string | null };
export type ProductSeen = { row: number; code?: string; subjectCode?: string };
export type ResultSeen = Partial<Pick<ResultRecord, 'productCode' | 'year' | 'round' | 'level' | 'kind'>> & { row: number };

/**
 * Imported records. A field is `undefined` when its column is not in the file: an update then keeps
 * what the database holds; `null` means the cell was empty and clears the field.
 */
export type SubjectRecord = {
  row: number;
  code: string;
  name: string;
  legalForm: LegalForm;
  taxCode?: string | null;
  representativeName?: string | null;
  representativeGender?: Gender | null;
  communeCode?: string | null;
  /** The part of the address the commune was found by, when the row had no commune code (./commune-from-address.ts). */
  communeFrom?: string;
  /**
   * Why the commune stays unknown, when the row has no commune code and its address names none that
   * can be told apart: the producer is imported without one, for the office to place.
   */
  communeUnresolved?: Message;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
};
export type ProductRecord = { row: number; code: string; subjectCode: string; name: string; criteriaSetNumber?: number | null; barcode?: string | null };
export type ResultRecord = {
  row: number;
  productCode: string;
  year: number;
  round: string | null;
  level: HistoricalLevel;
  kind: 'first' | 'upgrade' | 'rerating';
  score: number | null;
  star: number | null;
  decisionNo: string | null;
  decisionDate: string | null;
  legalBasis: LegalBasis;
};

const LEVELS: Record<HistoricalLevel, readonly string[]> = {
  commune: ['Xã', 'Cấp xã', 'Phường', 'commune'],
  district: ['Huyện', 'Cấp huyện', 'district'],
  province: ['Tỉnh', 'Cấp tỉnh', 'province'],
  central: ['Trung ương', 'Cấp trung ương', 'TW', 'Quốc gia', 'central', 'national'],
};
const KINDS: Record<ResultRecord['kind'], readonly string[]> = {
  first: ['Lần đầu', 'Đánh giá lần đầu', 'Mới', 'first'],
  upgrade: ['Nâng hạng', 'Nâng sao', 'upgrade'],
  rerating: ['Đánh giá lại', 'Tái đánh giá', 'Đánh giá lại khi hết hạn', 're-rating', 'rerating'],
};
const GENDERS: Record<Gender, readonly string[]> = { male: ['Nam', 'male', 'M'], female: ['Nữ', 'female', 'F'], other: ['Khác', 'other'] };

/** Collects the problems of one row while reading its cells. */
export class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly raw: RawRow) {}

  /** The multiplier of a money column (1 unless its header names a unit). */
  unit = (column: string) => this.raw.units?.[column] ?? 1;

  /** Whether the column has a problem already (a later rule about it would only repeat it). */
  failed = (column: string) => this.problems.some((p) => p.column === column);

  has = (column: string) => column in this.raw.cells;

  /** The parsed value, or undefined when the column is absent or the cell is invalid (recorded). */
  read<T>(column: string, parse: (v: Cell) => Parsed<T>): T | undefined {
    if (!this.has(column)) return undefined;
    const v = this.raw.cells[column] ?? null;
    const r = parse(v);
    if (r.ok) return r.value;
    this.problem(column, r.message);
    return undefined;
  }

  required<T>(column: string, parse: (v: Cell) => Parsed<T | null>): T | undefined {
    const v = this.read(column, parse);
    if (v === null || (v === undefined && !this.problems.some((p) => p.column === column)))
      this.problem(column, { vi: 'Bắt buộc, không được để trống.', en: 'Required; may not be empty.' });
    return v ?? undefined;
  }

  problem(column: string | null, message: Message) {
    this.problems.push({ column, value: column ? cellText(this.raw.cells[column] ?? null) : null, message });
  }
}

export const text =
  (max = 500) =>
  (v: Cell) =>
    parseText(v, max);
export const code = (v: Cell): Parsed<string | null> => {
  const t = parseText(v, 64);
  if (!t.ok || t.value === null) return t;
  return /^[\p{L}\p{N}._\-/]+$/u.test(t.value)
    ? t
    : { ok: false, message: { vi: 'Mã chỉ gồm chữ, số và . _ - /', en: 'A code may hold only letters, digits and . _ - /' } };
};
/** Validators of ../identifiers take text; an empty cell stays null. */
export const identifier =
  (validate: (s: string) => { ok: true; value: string } | { ok: false; message: Message }) =>
  (v: Cell): Parsed<string | null> => {
    const t = parseText(typeof v === 'number' ? String(v) : v, 100);
    if (!t.ok || t.value === null) return t;
    const r = validate(t.value);
    return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
  };

export type ImportContext = {
  /** Criteria sets of the current decision by number, and by folded code or name. */
  criteriaSets: { numbers: ReadonlySet<number>; byKey: ReadonlyMap<string, number> };
};

/** A criteria set (bộ sản phẩm) of the current decision, by its number or by its code or name. */
export const criteriaSet =
  (ctx: ImportContext) =>
  (v: Cell): Parsed<number | null> => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return { ok: true, value: null };
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(String(v)) ? Number(v) : ctx.criteriaSets.byKey.get(headerKey(String(v)));
    return n !== undefined && ctx.criteriaSets.numbers.has(n)
      ? { ok: true, value: n }
      : {
          ok: false,
          message: { vi: `Không có bộ sản phẩm "${cellText(v)}" (số 1–26 hoặc mã bộ).`, en: `No product set "${cellText(v)}" (number 1–26 or set code).` },
        };
  };

export function readSubjectRow(raw: RawRow): { record?: SubjectRecord; seen: SubjectSeen; problems: RowProblem[] } {
  const r = new RowReader(raw);
  const code_ = r.required('ma_chu_the', code);
  const name = r.required('ten_chu_the', text(300));
  const legalForm = r.required('loai_hinh', (v): Parsed<LegalForm | null> => {
    const t = parseText(v);
    if (!t.ok || t.value === null) return t as Parsed<null>;
    const f = legalFormFromLabel(t.value);
    return f
      ? { ok: true, value: f }
      : {
          ok: false,
          message: {
            vi: `Loại hình "${t.value}" không có trong danh mục (HTX, THT, CTCP, TNHH, DNTN, HKD, CSSX, TT, HH, KHAC).`,
            en: `Unknown legal form "${t.value}".`,
          },
        };
  });
  const record: Partial<SubjectRecord> = {
    taxCode: r.read('ma_so_thue', identifier(validateTaxCode)),
    representativeName: r.read('nguoi_dai_dien', text(200)),
    representativeGender: r.read('gioi_tinh_dai_dien', (v) => parseChoice(v, GENDERS, { vi: 'giới tính', en: 'gender' })),
    communeCode: r.read('ma_xa', (v) => {
      const t = parseText(typeof v === 'number' ? String(v).padStart(5, '0') : v, 10);
      if (!t.ok || t.value === null) return t;
      const padded = /^\d{1,5}$/.test(t.value) ? t.value.padStart(5, '0') : t.value;
      return /^\d{5}$/.test(padded) ? { ok: true, value: padded } : { ok: false, message: { vi: 'Mã xã gồm 5 chữ số.', en: 'A commune code has 5 digits.' } };
    }),
    address: r.read('dia_chi', text(500)),
    phone: r.read('dien_thoai', identifier(validatePhone)),
    email: r.read('email', identifier(validateEmail)),
  };
  const seen = stripUndefined<SubjectSeen>({ row: raw.row, code: code_, communeCode: record.communeCode, address: record.address });
  if (r.problems.length || !code_ || !name || !legalForm) return { seen, problems: r.problems };
  return { record: stripUndefined({ ...record, row: raw.row, code: code_, name, legalForm }) as SubjectRecord, seen, problems: [] };
}

export function readProductRow(raw: RawRow, ctx: ImportContext): { record?: ProductRecord; seen: ProductSeen; problems: RowProblem[] } {
  const r = new RowReader(raw);
  const code_ = r.required('ma_san_pham', code);
  const subjectCode = r.required('ma_chu_the', code);
  const name = r.required('ten_san_pham', text(300));
  const criteriaSetNumber = r.read('bo_san_pham', criteriaSet(ctx));
  const barcode = r.read('ma_vach', identifier(validateGtin));
  const seen = stripUndefined<ProductSeen>({ row: raw.row, code: code_, subjectCode });
  if (r.problems.length || !code_ || !subjectCode || !name) return { seen, problems: r.problems };
  return { record: stripUndefined({ row: raw.row, code: code_, subjectCode, name, criteriaSetNumber, barcode }) as ProductRecord, seen, problems: [] };
}

/** `today`: the day in Vietnam; a result's year and decision date may not lie after it (checkHistoricalDates). */
export function readResultRow(raw: RawRow, today: IsoDate): { record?: ResultRecord; seen: ResultSeen; problems: RowProblem[] } {
  const r = new RowReader(raw);
  const thisYear = Number(today.slice(0, 4));
  const productCode = r.required('ma_san_pham', code);
  const year = r.required('nam', (v) => {
    const n = parseInteger(v);
    if (!n.ok || n.value === null) return n;
    // A year after this one is the domain's problem (below), as for a result entered by hand.
    return n.value >= 2018 && n.value <= 2100
      ? n
      : { ok: false, message: { vi: `Năm phải từ 2018 đến ${thisYear}.`, en: `The year must be 2018–${thisYear}.` } };
  });
  const round = r.read('dot', text(50)) ?? null;
  const level = r.required('cap', (v) => parseChoice(v, LEVELS, { vi: 'cấp đánh giá', en: 'evaluation level' }));
  const kind = r.required('loai', (v) => parseChoice(v, KINDS, { vi: 'loại đánh giá', en: 'evaluation kind' }));
  const score =
    r.read('diem', (v) => {
      const n = parseNumber(v);
      if (!n.ok || n.value === null) return n;
      return n.value >= 0 && n.value <= 100 ? n : { ok: false, message: { vi: 'Điểm phải từ 0 đến 100.', en: 'The score must be 0–100.' } };
    }) ?? null;
  const star =
    r.read('hang_sao', (v) => {
      const n = parseInteger(v);
      if (!n.ok || n.value === null) return n;
      return n.value >= 1 && n.value <= 5 ? n : { ok: false, message: { vi: 'Hạng sao phải từ 1 đến 5.', en: 'The star must be 1–5.' } };
    }) ?? null;
  const decisionNo = r.read('so_quyet_dinh', text(100)) ?? null;
  const decisionDate = r.read('ngay_quyet_dinh', parseDate) ?? null;
  const basisText = r.read('can_cu', text(200)) ?? null;
  let legalBasis: LegalBasis | null = null;
  if (basisText) {
    legalBasis = parseLegalBasis(basisText);
    if (!legalBasis)
      r.problem('can_cu', {
        vi: `Căn cứ "${basisText}" không phải 1048/QĐ-TTg, 148/QĐ-TTg, 1489/QĐ-TTg hay 26/2026/QĐ-TTg.`,
        en: `Unknown legal basis "${basisText}".`,
      });
  } else if (year !== undefined) {
    // No basis written: the one in force on the decision date, or in the middle of the year.
    legalBasis = legalBasisInForce(decisionDate ?? `${year}-07-01`);
  }
  // The same rule as a result entered by hand: no year after this one, no decision dated after today.
  if (year !== undefined)
    for (const p of checkHistoricalDates({ year, decisionDate }, today)) r.problem(p.field === 'year' ? 'nam' : 'ngay_quyet_dinh', p.message);
  const seen = stripUndefined<ResultSeen>({ row: raw.row, productCode, year, round, level, kind });
  // The star against score, level and basis, whatever else is wrong in the row (the ranges were checked cell by cell above).
  if (year !== undefined && level && kind && legalBasis) {
    const rule = checkHistoricalResult({ year, level, legalBasis, score, star });
    for (const message of rule) r.problems.push({ column: 'hang_sao', value: cellText(raw.cells.hang_sao ?? null), message });
  }
  if (r.problems.length || !productCode || year === undefined || !level || !kind || !legalBasis) return { seen, problems: r.problems };
  const record: ResultRecord = { row: raw.row, productCode, year, round, level, kind, score, star, decisionNo, decisionDate, legalBasis };
  return { record, seen, problems: [] };
}

export function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
