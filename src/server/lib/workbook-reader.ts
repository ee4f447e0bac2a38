import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { Unzip, UnzipInflate } from 'fflate';
import type { Message } from '../../domain/errors.js';
import type { Cell } from '../../domain/imports/cells.js';
import { sheetFromHeaders, sheetFromName, type SheetKey } from '../../domain/imports/sheets.js';
import { loadExcelJS } from './on-first-use.js';

/** One sheet of an uploaded file: its header cells and its data rows (1-based row numbers as Excel shows them). */
export type SheetTable = { file: string; sheet: SheetKey; sheetName: string; headers: string[]; rows: { row: number; cells: Cell[] }[] };

export type ReadLimits = { maxRows: number; maxUncompressedBytes: number };

/** A whole file refused (not a workbook, too big, a zip bomb…): nothing of it is imported. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Message,
  ) {
    super(reason.en);
  }
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads an uploaded XLSX or CSV into sheet tables. Refuses what is not one, a ZIP that would inflate
 * beyond the limit (checked by inflating, not by trusting the sizes the archive declares), and sheets
 * longer than the row limit. Sheets that are not one of the three are skipped, as are empty rows.
 */
export async function readWorkbookFile(
  file: string,
  data: Buffer,
  limits: ReadLimits,
  forcedSheet?: SheetKey,
  onRows?: (rows: number) => void,
): Promise<{ tables: SheetTable[]; skipped: string[] }> {
  if (data.subarray(0, 4).equals(OLE2_MAGIC))
    throw new UnreadableFileError(file, {
      vi: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại dưới dạng .xlsx.',
      en: 'Excel 97–2003 files (.xls) are not supported; save as .xlsx.',
    });
  if (data.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(file, data, limits, forcedSheet, onRows);
  return { tables: [await readCsv(file, data, limits, forcedSheet, onRows)], skipped: [] };
}

function checkInflatedSize(file: string, data: Buffer, maxBytes: number) {
  let total = 0;
  const names: string[] = [];
  const tooBig = new UnreadableFileError(file, {
    vi: `Tệp giải nén vượt quá ${Math.round(maxBytes / 1e6)} MB; tệp không hợp lệ hoặc quá lớn.`,
    en: `The file inflates beyond ${Math.round(maxBytes / 1e6)} MB; it is malformed or too large.`,
  });
  const unzip = new Unzip((entry) => {
    names.push(entry.name);
    entry.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
      if (total > maxBytes) throw tooBig;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < data.length; i += 65536) unzip.push(data.subarray(i, Math.min(i + 65536, data.length)), i + 65536 >= data.length);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw notAWorkbook(file);
  }
  if (!names.includes('xl/workbook.xml')) throw notAWorkbook(file);
}

const notAWorkbook = (file: string) =>
  new UnreadableFileError(file, { vi: 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ.', en: 'The file is not a valid Excel workbook (.xlsx).' });

const tooManyRows = (file: string, max: number) =>
  new UnreadableFileError(file, {
    vi: `Tệp có quá ${max.toLocaleString('vi-VN')} dòng; hãy chia nhỏ tệp.`,
    en: `The file has more than ${max} rows; split it.`,
  });

/** An exceljs cell value as an import cell: formulas kept as formulas (never trusted), rich text and links as text. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula) };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

const isEmpty = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

const LOCAL_ORDER = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The archive with the workbook's own parts (sheet names, shared strings, styles) stored before its
 * worksheets, as Excel stores them. ExcelJS's streaming reader reads the archive in stored order and
 * loses a workbook.xml stored last — as ExcelJS itself writes it (our exports, the template) — once
 * the workbook has five sheets or more (exceljs#3064, "Cannot read properties of undefined (reading
 * 'sheets')"). Entries are moved whole (local header, data, descriptor) and the central directory's
 * offsets rewritten; nothing is inflated. An archive this does not understand (ZIP64, a prefix) is
 * returned as it is.
 */
export function workbookPartsFirst(data: Buffer): Buffer {
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > data.length) return data;
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return data;
  const entries: { name: string; header: number; offset: number }[] = [];
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || data.readUInt32LE(p) !== 0x02014b50) return data;
    const nameLength = data.readUInt16LE(p + 28);
    entries.push({ name: data.toString('utf8', p + 46, p + 46 + nameLength), header: p, offset: data.readUInt32LE(p + 42) });
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  const stored = [...entries].sort((a, b) => a.offset - b.offset);
  if (!stored.length || stored[0]!.offset !== 0) return data;
  const rank = (name: string) => (LOCAL_ORDER.includes(name) ? LOCAL_ORDER.indexOf(name) : LOCAL_ORDER.length);
  const wanted = [...stored].sort((a, b) => rank(a.name) - rank(b.name));
  if (wanted.every((e, i) => e === stored[i])) return data;
  const end = (e: (typeof entries)[number]) => stored[stored.indexOf(e) + 1]?.offset ?? cdOffset;
  const parts: Buffer[] = [];
  const moved = new Map<(typeof entries)[number], number>();
  let at = 0;
  for (const e of wanted) {
    parts.push(data.subarray(e.offset, end(e)));
    moved.set(e, at);
    at += end(e) - e.offset;
  }
  const directory = Buffer.from(data.subarray(cdOffset, cdOffset + cdSize));
  for (const e of entries) directory.writeUInt32LE(moved.get(e)!, e.header - cdOffset + 42);
  const tail = Buffer.from(data.subarray(cdOffset + cdSize));
  tail.writeUInt32LE(at, eocd - cdOffset - cdSize + 16);
  return Buffer.concat([...parts, directory, tail]);
}

async function readXlsx(file: string, data: Buffer, limits: ReadLimits, forcedSheet: SheetKey | undefined, onRows?: (rows: number) => void) {
  checkInflatedSize(file, data, limits.maxUncompressedBytes);
  data = workbookPartsFirst(data);
  const tables: SheetTable[] = [];
  const skipped: string[] = [];
  let count = 0;
  try {
    const reader = new (loadExcelJS().stream.xlsx.WorkbookReader)(Readable.from(data), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      let table: SheetTable | null = null;
      let headers: string[] | null = null;
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1).map(toCell);
        if (isEmpty(values)) continue;
        if (!headers) {
          headers = values.map((v) => (v === null ? '' : String(typeof v === 'object' && !(v instanceof Date) ? v.formula : v)));
          const sheet = forcedSheet ?? sheetFromName(name) ?? sheetFromHeaders(headers);
          if (!sheet) break;
          table = { file, sheet, sheetName: name, headers, rows: [] };
          continue;
        }
        if (++count > limits.maxRows) throw tooManyRows(file, limits.maxRows);
        table!.rows.push({ row: row.number, cells: values });
        if (count % 1000 === 0) onRows?.(count);
      }
      if (table) tables.push(table);
      else skipped.push(name);
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw notAWorkbook(file);
  }
  onRows?.(count);
  return { tables, skipped };
}

async function readCsv(
  file: string,
  data: Buffer,
  limits: ReadLimits,
  forcedSheet: SheetKey | undefined,
  onRows?: (rows: number) => void,
): Promise<SheetTable> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new UnreadableFileError(file, { vi: 'Tệp không phải .xlsx, cũng không phải CSV mã UTF-8.', en: 'The file is neither .xlsx nor UTF-8 CSV.' });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000'))
    throw new UnreadableFileError(file, { vi: 'Tệp không phải .xlsx hay CSV (có ký tự nhị phân).', en: 'The file is neither .xlsx nor CSV (binary content).' });
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from([text]).pipe(parseCsv({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, info: true }));
  let headers: string[] | null = null;
  const rows: SheetTable['rows'] = [];
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells: Cell[] = record.record.map((v) => (v.trim() === '' ? null : v));
      if (isEmpty(cells)) continue;
      if (!headers) {
        headers = record.record;
        continue;
      }
      if (rows.length >= limits.maxRows) throw tooManyRows(file, limits.maxRows);
      rows.push({ row: record.info.lines, cells });
      if (rows.length % 1000 === 0) onRows?.(rows.length);
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(file, { vi: `Tệp CSV sai định dạng: ${(err as Error).message}`, en: `Malformed CSV: ${(err as Error).message}` });
  }
  onRows?.(rows.length);
  const sheet = forcedSheet ?? sheetFromName(file) ?? (headers ? sheetFromHeaders(headers) : null);
  if (!headers || !sheet)
    throw new UnreadableFileError(file, {
      vi: 'Không nhận ra bảng của tệp CSV từ dòng tiêu đề; hãy chọn bảng (Chủ thể, Sản phẩm, Kết quả đánh giá).',
      en: 'Could not tell the sheet of this CSV from its headers; choose it (subjects, products, results).',
    });
  return { file, sheet, sheetName: file, headers, rows };
}
