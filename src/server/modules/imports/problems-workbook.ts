import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../lib/on-first-use.js';
import type { ImportProblem } from '../../../contracts/imports.js';
import { matchHeaders, sheetFromHeaders, sheetFromName, sheetSpec } from '../../../domain/imports/sheets.js';

/** The column added to each sheet, after its last one. */
export const PROBLEMS_HEADER = 'Lỗi cần sửa';
/** The fill of a cell that has a problem (Excel's "bad" red). */
export const PROBLEM_FILL = 'FFFFC7CE';

const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) && 'formula' in v ? String(v.formula) : String(v);

/**
 * The uploaded workbook with its problems written in: on each sheet of the template, a column
 * "Lỗi cần sửa" listing each row's problems, and each cell at fault filled red with the problem as
 * its comment. The office corrects the file where it is and uploads it again. Sheets are recognised
 * and columns matched as the import reads them (domain/imports/sheets.ts), so a problem lands on the
 * cell it was found in, whatever the column order of the clerk's file.
 */
export async function problemsWorkbook(data: Buffer, problems: readonly ImportProblem[]): Promise<Buffer> {
  const wb = new (loadExcelJS().Workbook)();
  await wb.xlsx.load(data as never);
  for (const ws of wb.worksheets) {
    let headerRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      headerRow ??= row;
    });
    if (!headerRow) continue;
    const headers = (headerRow.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    const sheet = sheetFromName(ws.name) ?? sheetFromHeaders(headers);
    if (!sheet) continue;
    const spec = sheetSpec(sheet);
    // Problems of a missing column name the sheet and its tab: "Chủ thể (Sheet1)".
    const mine = problems.filter((p) => p.sheet === spec.name || p.sheet === `${spec.name} (${ws.name})`);
    if (!mine.length) continue;
    const columnOf = new Map<string, number>();
    for (const [index, key] of matchHeaders(sheet, headers).columns) {
      const label = spec.columns.find((c) => c.key === key)?.label ?? key;
      columnOf.set(label, index + 1);
    }
    const target = ws.columnCount + 1;
    const header = headerRow.getCell(target);
    header.value = PROBLEMS_HEADER;
    header.font = { bold: true, color: { argb: 'FF9C0006' } };
    ws.getColumn(target).width = 60;
    const byRow = new Map<number, ImportProblem[]>();
    for (const p of mine) {
      // A missing column is the header row's problem.
      const at = p.row === null || p.row <= headerRow.number ? headerRow.number : p.row;
      byRow.set(at, [...(byRow.get(at) ?? []), p]);
    }
    for (const [rowNumber, list] of byRow) {
      const row = ws.getRow(rowNumber);
      const cell = row.getCell(target);
      cell.value = list.map((p) => `• ${p.column ? `${p.column}: ` : ''}${p.message.vi}`).join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { color: { argb: 'FF9C0006' } };
      const byCell = new Map<number, string[]>();
      for (const p of list) {
        const column = p.column && rowNumber !== headerRow.number ? columnOf.get(p.column) : undefined;
        if (column) byCell.set(column, [...(byCell.get(column) ?? []), p.message.vi]);
      }
      for (const [column, messages] of byCell) {
        const at = row.getCell(column);
        at.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_FILL } };
        at.note = messages.join('\n');
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
