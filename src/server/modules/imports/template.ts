import ExcelJS from 'exceljs';
import { LEGAL_BASES } from '../../../domain/evaluation/historical-results.js';
import { SHEETS } from '../../../domain/imports/sheets.js';
import { LEGAL_FORMS } from '../../../domain/subjects/legal-forms.js';

/**
 * The template workbook: one sheet per kind of record with the Vietnamese labels as headers (keys
 * in a comment), drop-down lists where the values are a closed list, and a "Hướng dẫn" sheet.
 */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP';
  const lists: Record<string, string[]> = {
    loai_hinh: LEGAL_FORMS.map((f) => f.vi),
    gioi_tinh_dai_dien: ['Nam', 'Nữ', 'Khác'],
    cap: ['Xã', 'Huyện', 'Tỉnh', 'Trung ương'],
    loai: ['Lần đầu', 'Nâng hạng', 'Đánh giá lại'],
    can_cu: [...LEGAL_BASES],
    hang_sao: ['1', '2', '3', '4', '5'],
  };
  for (const sheet of SHEETS) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(14, c.label.length + 4) }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      cell.note = `${c.key}${c.required ? ' (bắt buộc)' : ''}${c.note ? `\n${c.note}` : ''}`;
      const list = lists[c.key];
      if (list) for (let r = 2; r <= 1000; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`] };
      if (['ma_xa', 'ma_so_thue', 'dien_thoai', 'ma_vach', 'ma_chu_the', 'ma_san_pham'].includes(c.key)) ws.getColumn(i + 1).numFmt = '@';
    });
  }
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Sheet', key: 'sheet', width: 20 },
    { header: 'Cột', key: 'label', width: 26 },
    { header: 'Khoá', key: 'key', width: 20 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Ghi chú', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const sheet of SHEETS)
    for (const c of sheet.columns) help.addRow({ sheet: sheet.name, label: c.label, key: c.key, required: c.required ? 'Có' : '', note: c.note ?? '' });
  help.addRow({});
  help.addRow({
    sheet: 'Lưu ý',
    note: 'Tiêu đề cột được nhận theo tên hoặc khoá, không phân biệt hoa thường, dấu và khoảng trắng; thứ tự cột tuỳ ý; cột thừa bị bỏ qua.',
  });
  help.addRow({ sheet: '', note: 'Số có thể dùng dấu phẩy thập phân (72,5); ngày dạng dd/mm/yyyy hoặc ô ngày của Excel; không dùng công thức (dán giá trị).' });
  help.addRow({ sheet: '', note: 'Nhập lại cùng tệp không thay đổi gì; tệp đã sửa sẽ cập nhật theo mã chủ thể, mã sản phẩm.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
