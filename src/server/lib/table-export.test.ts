import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test/support/csv.js';
import { contentDisposition, exportFormat, inPages, sendTableExport, tableExportStream, type ExportColumns } from './table-export.js';

type Row = { name: string; founded: string | null; at: string; workforce: number | null; capital: number; note: string | null; active: boolean };

const columns: ExportColumns<Row> = [
  { key: 'name', header: { vi: 'Tên chủ thể', en: 'Name' }, width: 40 },
  { key: 'founded', header: 'Ngày thành lập', type: 'date' },
  { key: 'at', header: 'Thời điểm', type: 'datetime' },
  { key: 'workforce', header: 'Số lao động', type: 'number' },
  { key: 'capital', header: 'Vốn (đồng)', type: 'vnd' },
  { key: 'note', header: 'Ghi chú' },
  { key: 'active', header: 'Hoạt động', value: (r) => r.active },
];

const rows: Row[] = [
  {
    name: 'Hợp tác xã Sen Tháp Mười',
    founded: '2015-03-20',
    at: '2026-11-28T18:30:00.000Z',
    workforce: 35,
    capital: 1_250_000_000,
    note: 'Sen, "hạt" và\nchè',
    active: true,
  },
  { name: '=HYPERLINK("http://x")', founded: null, at: '2026-01-02T03:04:00.000Z', workforce: null, capital: 0, note: '+84 918', active: false },
  { name: '@SUM(A1)', founded: '2020-02-29', at: '2026-01-02T03:04:00.000Z', workforce: -3, capital: 5, note: '-1', active: true },
];

async function* iterate<T>(items: readonly T[]) {
  for (const item of items) yield item;
}

const xlsx = async (items: readonly Row[] = rows) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buffer(tableExportStream('xlsx', columns, iterate(items), { sheetName: 'Chủ thể' }))) as never);
  return workbook.worksheets[0]!;
};
const csv = async (items: readonly Row[] = rows) =>
  (await buffer(tableExportStream('csv', columns, iterate(items), { sheetName: 'Chủ thể' }))).toString('utf8');

describe('XLSX', () => {
  it('has a bold, frozen, filtered header row in Vietnamese', async () => {
    const sheet = await xlsx();
    expect(sheet.name).toBe('Chủ thể');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tên chủ thể', 'Ngày thành lập', 'Thời điểm', 'Số lao động', 'Vốn (đồng)', 'Ghi chú', 'Hoạt động']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getColumn(1).width).toBe(40);
  });

  it('writes dates as Excel dates (dd/mm/yyyy), numbers as numbers, đồng with grouping', async () => {
    const sheet = await xlsx();
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Hợp tác xã Sen Tháp Mười');
    expect(first.getCell(2).value).toEqual(new Date('2015-03-20T00:00:00Z'));
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    // 18:30 UTC is 01:30 the next day in Vietnam.
    expect(first.getCell(3).value).toEqual(new Date('2026-11-29T01:30:00Z'));
    expect(first.getCell(4).value).toBe(35);
    expect(first.getCell(5).value).toBe(1_250_000_000);
    expect(first.getCell(5).numFmt).toBe('#,##0');
    expect(first.getCell(7).value).toBe('Có');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
  });

  it('keeps text that looks like a formula as plain text', async () => {
    const cell = (await xlsx()).getRow(3).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
  });

  it('writes only the header row for an empty list', async () => {
    expect((await xlsx([])).rowCount).toBe(1);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark and ends lines with CRLF', async () => {
    const text = await csv();
    expect(text.startsWith('\uFEFFTên chủ thể,Ngày thành lập,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes per RFC 4180 and writes dates dd/mm/yyyy in Vietnam time', async () => {
    const table = parseCsv((await csv()).slice(1));
    expect(table).toHaveLength(4);
    expect(table[1]).toEqual(['Hợp tác xã Sen Tháp Mười', '20/03/2015', '29/11/2026 01:30', '35', '1250000000', 'Sen, "hạt" và\nchè', 'Có']);
    expect(table[3]![1]).toBe('29/02/2020');
    expect(table[3]![3]).toBe('-3');
  });

  it('defuses cells a spreadsheet would run as formulas', async () => {
    const table = parseCsv((await csv()).slice(1));
    expect(table[2]![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(table[2]![5]).toBe(`'+84 918`);
    expect(table[3]![0]).toBe(`'@SUM(A1)`);
    expect(table[3]![5]).toBe(`'-1`);
  });

  it('writes 50,000 rows', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ ...rows[0]!, name: `Chủ thể ${i}` }));
    const table = parseCsv((await csv(many)).slice(1));
    expect(table).toHaveLength(50_001);
    expect(table[50_000]![0]).toBe('Chủ thể 49999');
  });
});

describe('streaming', () => {
  /** 50,000 rows made on demand, counting how many were asked for. */
  function source() {
    const state = { read: 0 };
    async function* generate() {
      for (; state.read < 50_000;) yield { ...rows[0]!, name: `Chủ thể ${state.read++}` };
    }
    return { state, rows: generate() };
  }

  it.each(['xlsx', 'csv'] as const)('reads rows only as fast as the client takes the %s file', async (format) => {
    const { state, rows: lazy } = source();
    const stream = tableExportStream(format, columns, lazy, { sheetName: 'Chủ thể' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nobody reads the file yet: the writer waits instead of pulling all 50,000 rows into memory.
    expect(state.read).toBeLessThan(50_000);
    const data = await buffer(stream);
    expect(state.read).toBe(50_000);
    if (format === 'csv') expect(parseCsv(data.toString('utf8').slice(1))).toHaveLength(50_001);
    else {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(data as never);
      expect(workbook.worksheets[0]!.rowCount).toBe(50_001);
      expect(workbook.worksheets[0]!.getRow(50_001).getCell(1).value).toBe('Chủ thể 49999');
    }
  });
});

describe('helpers', () => {
  it('accepts xlsx (the default) and csv, and refuses anything else with a bilingual 400', () => {
    expect(exportFormat(undefined)).toBe('xlsx');
    expect(exportFormat('CSV')).toBe('csv');
    expect(() => exportFormat('pdf')).toThrowError(
      expect.objectContaining({ kind: 'invalid', code: 'invalid_export_format', fields: { format: expect.objectContaining({ vi: expect.any(String) }) } }),
    );
  });

  it('names the file in ASCII and in UTF-8', () => {
    expect(contentDisposition('Chủ thể', 'xlsx', '2026-11-29')).toBe(
      `attachment; filename="chu-the-2026-11-29.xlsx"; filename*=UTF-8''${encodeURIComponent('chủ-thể-2026-11-29.xlsx')}`,
    );
    expect(contentDisposition('Quyết định công nhận', 'csv', '2026-01-05')).toMatch(
      /^attachment; filename="quyet-dinh-cong-nhan-2026-01-05\.csv"; filename\*=UTF-8''/,
    );
  });

  it('reads every page of a list until a short page', async () => {
    const seen: number[] = [];
    const all = Array.from({ length: 2_500 }, (_, i) => i);
    const read: number[] = [];
    for await (const n of inPages(async ({ limit, offset }) => (seen.push(offset), all.slice(offset, offset + limit)))) read.push(n);
    expect(read).toEqual(all);
    expect(seen).toEqual([0, 1000, 2000]);
  });
});

describe('sendTableExport', () => {
  async function serve(source: () => AsyncIterable<Row>) {
    const app = Fastify();
    app.get<{ Querystring: { format?: string } }>('/export', (req, reply) =>
      sendTableExport(reply, { title: 'Chủ thể', columns, rows: source(), format: req.query.format, now: new Date('2026-11-28T18:00:00Z') }),
    );
    return app;
  }

  it('sends the file as an attachment named after the Vietnamese day', async () => {
    const app = await serve(() => iterate(rows));
    const res = await app.inject({ method: 'GET', url: '/export?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="chu-the-2026-11-29\.csv"; filename\*=UTF-8''/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(parseCsv(res.body.slice(1))).toHaveLength(4);
    await app.close();
  });

  it('turns a failure of the first read into an error response, not a broken file', async () => {
    // A source whose first read fails, as a list query refused by its scope does.
    const app = await serve(() => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(Object.assign(new Error('Not in your scope'), { statusCode: 403 })) }),
    }));
    const res = await app.inject({ method: 'GET', url: '/export' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-disposition']).toBeUndefined();
    await app.close();
  });
});
