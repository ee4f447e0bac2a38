import { loadExcelJS } from '../../lib/on-first-use.js';
import { SHEETS } from '../../../domain/imports/sheets.js';

/** Columns kept as text, so that Excel does not drop a code's leading zeros or turn a phone number into a number. */
const TEXT_COLUMNS = new Set(['ma_so_thue', 'ma_xa', 'xa', 'dien_thoai', 'ma_vach', 'san_pham', 'duong_dan']);
/** The hidden sheet that holds the drop-downs' values (a list typed into a validation is limited to 255 characters). */
const LISTS = 'Danh mục';
/** Rows offered a drop-down and a text format. */
const ROWS = 1000;

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1));

/**
 * The template workbook: one sheet per kind of record with the Vietnamese labels as headers (keys
 * in a comment, required columns shaded), drop-down lists where the values are a closed list, a
 * "Hướng dẫn" sheet describing every column, and the lists in a hidden sheet.
 */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new (loadExcelJS().Workbook)();
  wb.creator = 'OCOP';
  const sheets = SHEETS.map((sheet) => ({ sheet, ws: wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] }) }));
  const help = wb.addWorksheet('Hướng dẫn');
  const lists = wb.addWorksheet(LISTS, { state: 'hidden' });
  let listColumn = 0;
  for (const { sheet, ws } of sheets) {
    ws.columns = sheet.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(14, c.label.length + 4) }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.note = `${c.key}${c.required ? ' (bắt buộc)' : ''}${c.note ? `\n${c.note}` : ''}`;
      if (c.list) {
        const letter = columnLetter(++listColumn);
        lists.getCell(`${letter}1`).value = `${sheet.name} – ${c.label}`;
        c.list.forEach((value, j) => (lists.getCell(`${letter}${j + 2}`).value = value));
        const range = `'${LISTS}'!$${letter}$2:$${letter}$${c.list.length + 1}`;
        for (let r = 2; r <= ROWS; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [range] };
      }
      if (c.key.startsWith('ma_') || TEXT_COLUMNS.has(c.key)) ws.getColumn(i + 1).numFmt = '@';
    });
  }
  help.columns = [
    { header: 'Sheet', key: 'sheet', width: 20 },
    { header: 'Cột', key: 'label', width: 26 },
    { header: 'Khoá', key: 'key', width: 20 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Ghi chú', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const sheet of SHEETS)
    for (const c of sheet.columns)
      help.addRow({
        sheet: sheet.name,
        label: c.label,
        key: c.key,
        required: c.required ? 'Có' : '',
        note: [c.note, c.list?.join(', ')].filter(Boolean).join(' — '),
      });
  help.addRow({});
  help.addRow({
    sheet: 'Lưu ý',
    note: 'Tiêu đề cột được nhận theo tên hoặc khoá, không phân biệt hoa thường, dấu và khoảng trắng; thứ tự cột tuỳ ý; cột thừa bị bỏ qua; chỉ cần các sheet có dữ liệu.',
  });
  help.addRow({ sheet: '', note: 'Số có thể dùng dấu phẩy thập phân (72,5); ngày dạng dd/mm/yyyy hoặc ô ngày của Excel; không dùng công thức (dán giá trị).' });
  help.addRow({
    sheet: '',
    note: 'Số tiền tính bằng đồng: 1.200.000 hoặc 1.200.000 đ; có thể ghi 1,5 triệu, 2 tỷ; tiêu đề cột có thể ghi đơn vị, ví dụ "Kinh phí (triệu đồng)".',
  });
  help.addRow({
    sheet: '',
    note: 'Sản phẩm ghi bằng mã do tỉnh đặt hoặc mã sản phẩm OCOP; chủ thể bằng mã do tỉnh đặt (hoặc mã số thuế); xã bằng mã hoặc tên (có dấu hay không dấu).',
  });
  help.addRow({
    sheet: '',
    note: 'Nhập lại cùng tệp không thay đổi gì; tệp đã sửa sẽ cập nhật theo mã của từng dòng. Không bản ghi nào bị xoá khi nhập; ô danh sách sản phẩm để trống là không có sản phẩm nào.',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
