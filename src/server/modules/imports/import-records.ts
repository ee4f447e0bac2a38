import type { ImportProblem } from '../../../contracts/imports.js';
import type { ActivityRecords } from '../../../domain/imports/activity-rows.js';
import type { ProductRecord, ResultRecord, RowProblem, SubjectRecord } from '../../../domain/imports/rows.js';
import { SHEET_KEYS, sheetSpec, type SheetKey } from '../../../domain/imports/sheets.js';

/** The checked records of an import, one list per sheet, in the order they are written. */
export type ImportRecords = { subjects: SubjectRecord[]; products: ProductRecord[]; results: ResultRecord[] } & ActivityRecords;

export const emptyRecords = (): ImportRecords => Object.fromEntries(SHEET_KEYS.map((k) => [k, []])) as unknown as ImportRecords;

/** Records kept by a job checked before a sheet existed lack its list: it is empty. */
export const completeRecords = (stored: Partial<ImportRecords>): ImportRecords => ({ ...emptyRecords(), ...stored });

export const recordCount = (records: ImportRecords) => SHEET_KEYS.reduce((n, k) => n + records[k].length, 0);

const sheetName = (sheet: SheetKey) => sheetSpec(sheet).name;
const columnLabel = (sheet: SheetKey, key: string | null) => (key ? (sheetSpec(sheet).columns.find((c) => c.key === key)?.label ?? key) : null);

/** A row's problem as the job lists it: the sheet's and the column's Vietnamese names. */
export const problemOf = (sheet: SheetKey, row: number | null, p: RowProblem): ImportProblem => ({
  sheet: sheetName(sheet),
  row,
  column: columnLabel(sheet, p.column),
  value: p.value,
  message: p.message,
});

/**
 * What the import would do to one record, compared with the database as it is now: `values` are what
 * the file says, `changes` the fields that differ from the stored record.
 */
export type Step<V> = { action: 'create' | 'update' | 'unchanged'; row: number; code: string; name: string; id?: string; values: V; changes: string[] };

/** The fields of a record that differ from the stored row (only the columns the file has). */
export function changedFields(stored: Record<string, unknown>, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((k) => (stored[k] ?? null) !== (values[k] ?? null));
}

export const actionOf = (stored: unknown, changes: readonly string[]): Step<unknown>['action'] =>
  !stored ? 'create' : changes.length ? 'update' : 'unchanged';

/** The records of rows that have no problem: what the preview of a file with problems counts. */
export function withoutProblemRows(records: ImportRecords, problems: readonly ImportProblem[]): ImportRecords {
  const faulty = new Set(problems.map((p) => `${p.sheet}|${p.row}`));
  const kept = emptyRecords();
  for (const sheet of SHEET_KEYS)
    (kept[sheet] as { row: number }[]) = (records[sheet] as { row: number }[]).filter((r) => !faulty.has(`${sheetName(sheet)}|${r.row}`));
  return kept;
}
