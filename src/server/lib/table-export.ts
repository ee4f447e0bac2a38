import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { EXPORT_FORMATS, type ExportFormat } from '../../contracts/exports.js';
import { formatDateVn, vietnamDate } from '../../domain/dates/calendar.js';
import { invalid, type Message } from '../../domain/errors.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import { loadExcelJS } from './on-first-use.js';

/**
 * Exports of the platform's lists to XLSX and CSV: one writer for every list, so every file has the
 * same shape — Vietnamese headers, dates as dd/mm/yyyy, numbers as numbers — and rows are streamed
 * to the client as they are read, never all held in memory.
 */

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'vnd';
export type CellValue = string | number | boolean | Date | null | undefined;

export type ExportColumn<Row> = {
  key: string;
  /** Files are for Vietnamese offices: the Vietnamese header is the one written. */
  header: string | Message;
  /** `text` when omitted. Dates take `yyyy-mm-dd`, an ISO timestamp or a Date. */
  type?: ColumnType;
  /** Column width in characters (XLSX). */
  width?: number;
  /** The cell of a row; `row[key]` when omitted. */
  value?: (row: Row) => CellValue;
};

export type ExportColumns<Row> = readonly ExportColumn<Row>[];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Rows read per query while exporting: bounded memory whatever the size of the list. */
export const EXPORT_BATCH_SIZE = 1000;

/** The format asked for (XLSX when none), or a 400 naming the accepted ones. */
export function exportFormat(value: string | undefined): ExportFormat {
  const format = (value ?? 'xlsx').trim().toLowerCase() || 'xlsx';
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  const message = { vi: 'Định dạng xuất không hợp lệ: chọn xlsx hoặc csv.', en: 'Unknown export format: use xlsx or csv.' };
  throw invalid('invalid_export_format', message, { format: message });
}

/**
 * Every row of a list, read page by page in the list's own order: `fetch` is the list's query with
 * a limit and an offset, so an export applies exactly the list's filters and scope.
 */
export async function* inPages<T>(fetch: (page: { limit: number; offset: number }) => Promise<readonly T[]>, size = EXPORT_BATCH_SIZE): AsyncGenerator<T> {
  for (let offset = 0; ; offset += size) {
    const items = await fetch({ limit: size, offset });
    yield* items;
    if (items.length < size) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Cell values

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const headerText = (header: string | Message) => (typeof header === 'string' ? header : header.vi);
const cellOf = <Row>(column: ExportColumn<Row>, row: Row): CellValue =>
  column.value ? column.value(row) : ((row as Record<string, unknown>)[column.key] as CellValue);

function toNumber(value: CellValue): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A calendar date as yyyy-mm-dd: instants are read in Vietnam time (UTC+7). */
function toIsoDate(value: CellValue): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  const instant = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(instant.getTime()) ? null : vietnamDate(instant);
}

/** The wall-clock time in Vietnam, as a Date whose UTC fields carry it (what a spreadsheet shows). */
function toVietnamWallClock(value: CellValue): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  const instant = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime() + VIETNAM_OFFSET_MS);
}

function toText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function xlsxCell(type: ColumnType, value: CellValue): ExcelJS.CellValue {
  switch (type) {
    case 'number':
    case 'vnd':
      return toNumber(value);
    case 'date': {
      const iso = toIsoDate(value);
      return iso ? new Date(`${iso}T00:00:00Z`) : null;
    }
    case 'datetime':
      return toVietnamWallClock(value);
    case 'text': {
      const text = toText(value);
      return text === '' ? null : text;
    }
  }
}

/** Characters that make a spreadsheet read a CSV cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(type: ColumnType, value: CellValue): string {
  switch (type) {
    case 'number':
    case 'vnd':
      return String(toNumber(value) ?? '');
    case 'date': {
      const iso = toIsoDate(value);
      return iso ? formatDateVn(iso) : '';
    }
    case 'datetime': {
      const t = toVietnamWallClock(value);
      return t ? `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}` : '';
    }
    case 'text': {
      const text = toText(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
  }
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  number: undefined,
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  vnd: '#,##0',
};
const DEFAULT_WIDTHS: Record<ColumnType, number> = { text: 24, number: 12, date: 12, datetime: 17, vnd: 16 };

// ---------------------------------------------------------------------------------------------
// Writers

/** Waits until the reader has taken what was written, or has gone away (the export then stops). */
async function drained(out: PassThrough) {
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

async function writeXlsx<Row>(out: PassThrough, columns: ExportColumns<Row>, rows: AsyncIterable<Row>, name: string) {
  const workbook = new (loadExcelJS().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const types = columns.map((c) => c.type ?? 'text');
  sheet.columns = columns.map((c, i) => {
    const numFmt = NUMBER_FORMATS[types[i]!];
    return { key: c.key, width: c.width ?? DEFAULT_WIDTHS[types[i]!], ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((c) => headerText(c.header)));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  for await (const row of rows) {
    if (out.destroyed) return;
    sheet.addRow(columns.map((c, i) => xlsxCell(types[i]!, cellOf(c, row)))).commit();
    if (++n % EXPORT_BATCH_SIZE === 0) {
      // Let the zip compress what was written, then wait while the client is behind.
      await new Promise(setImmediate);
      await drained(out);
    }
  }
  sheet.commit();
  await workbook.commit();
}

async function writeCsv<Row>(out: PassThrough, columns: ExportColumns<Row>, rows: AsyncIterable<Row>) {
  const types = columns.map((c) => c.type ?? 'text');
  // The byte-order mark makes Excel read the file as UTF-8 (Vietnamese letters intact).
  out.write(`\uFEFF${columns.map((c) => csvField(headerText(c.header))).join(',')}\r\n`);
  let chunk = '';
  for await (const row of rows) {
    if (out.destroyed) return;
    chunk += `${columns.map((c, i) => csvField(csvCell(types[i]!, cellOf(c, row)))).join(',')}\r\n`;
    if (chunk.length >= 64 * 1024) {
      out.write(chunk);
      chunk = '';
      await drained(out);
    }
  }
  out.end(chunk);
}

/**
 * The file as a stream, written while the rows are read. A failure after the first bytes can no
 * longer become an error response: the stream is destroyed and the client sees a broken download.
 */
export function tableExportStream<Row>(format: ExportFormat, columns: ExportColumns<Row>, rows: AsyncIterable<Row>, opts: { sheetName: string }): Readable {
  const out = new PassThrough();
  const written = format === 'xlsx' ? writeXlsx(out, columns, rows, opts.sheetName) : writeCsv(out, columns, rows);
  written.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * Reads the first row before anything is sent, so a refusal or a bad filter raised by the list's
 * query still becomes a proper error response instead of a truncated file.
 */
async function primed<Row>(rows: AsyncIterable<Row>): Promise<AsyncIterable<Row>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      try {
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fastify

/** `chủ thể` → `chu-the`: the plain-ASCII file name for clients that ignore `filename*`. */
const asciiName = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'export';
/** The UTF-8 name keeps the Vietnamese letters: `chủ-thể`. */
const unicodeName = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s/\\:*?"<>|]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'export';
/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="chu-the-2026-11-29.xlsx"; filename*=UTF-8''ch%E1%BB%A7-th%E1%BB%83-2026-11-29.xlsx` */
export function contentDisposition(title: string, format: ExportFormat, day: string): string {
  return `attachment; filename="${asciiName(title)}-${day}.${format}"; filename*=UTF-8''${rfc5987(`${unicodeName(title)}-${day}.${format}`)}`;
}

export type TableExport<Row> = {
  /** Vietnamese name of the list: the sheet's name and the file's (`Chủ thể` → `chu-the-2026-11-29.xlsx`). */
  title: string;
  columns: ExportColumns<Row>;
  rows: AsyncIterable<Row>;
  /** The `format` query parameter, checked here. */
  format: string | undefined;
  /** Dates the file name (Vietnam calendar day). */
  now?: Date;
};

/** What a module declares of its list's file: the name and the columns. */
export type ExportTable<Row> = Pick<TableExport<Row>, 'title' | 'columns'>;

/** Sends a list as an XLSX or CSV attachment; resolves once the file is sent. */
export async function sendTableExport<Row>(reply: FastifyReply, spec: TableExport<Row>): Promise<void> {
  const format = exportFormat(spec.format);
  const rows = await primed(spec.rows);
  // A reply is awaitable: it settles when the response has been written out.
  await reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', contentDisposition(spec.title, format, vietnamDate(spec.now ?? new Date())))
    .header('cache-control', 'no-store')
    .send(tableExportStream(format, spec.columns, rows, { sheetName: spec.title }));
}
