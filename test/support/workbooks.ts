import ExcelJS from 'exceljs';

export type SheetRows = Record<string, unknown[][]>;

/** A workbook with the given sheets: first row headers, then data rows (values as Excel would hold them). */
export async function workbook(sheets: SheetRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The history of a small province, hand-countable (see the annual report test for the expected
 * figures): five producers, seven products, results from 2022 to 2024 under 1048 and 148.
 */
export const HISTORY: SheetRows = {
  'Chủ thể': [
    ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã', 'Người đại diện', 'Giới tính người đại diện', 'Điện thoại', 'Ghi chú'],
    ['CT01', 'Hợp tác xã Sen Tháp Mười'.normalize('NFD'), 'Hợp tác xã', '29905', 'Nguyễn Thị Hoa', 'Nữ', '0912 345 678', 'cột thừa'],
    ['CT02', '  Công ty TNHH   Bánh Phồng Sa Đéc ', 'TNHH', '29905', 'Trần Văn Bình', 'Nam', null, null],
    ['CT03', 'Hộ kinh doanh Mắm Cá Linh', 'HKD', '30226', null, null, null, null],
    ['CT04', 'Cơ sở Nem Lai Vung', 'cơ sở sản xuất kinh doanh', '30226', null, null, null, null],
    ['CT05', 'Hợp tác xã Xoài Cao Lãnh', 'HTX', '29905', null, null, null, null],
  ],
  'Sản phẩm': [
    ['ma_san_pham', 'ma_chu_the', 'ten_san_pham', 'bo_san_pham', 'ma_vach'],
    ['SP01', 'CT01', 'Hạt sen sấy', 1, null],
    ['SP02', 'CT01', 'Trà tim sen', '2', null],
    ['SP03', 'CT02', 'Bánh phồng tôm', 1, null],
    ['SP04', 'CT03', 'Mắm cá linh', 1, null],
    ['SP05', 'CT04', 'Nem Lai Vung', 1, null],
    ['SP06', 'CT05', 'Xoài cát Hòa Lộc', 1, null],
    ['SP07', 'CT05', 'Xoài sấy dẻo', 1, null],
  ],
  'Kết quả đánh giá': [
    ['Mã sản phẩm', 'Năm', 'Đợt', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Số quyết định', 'Ngày quyết định', 'Căn cứ'],
    // 2022, under 1048: SP01 3★ at the province (its district screening does not count).
    ['SP01', 2022, '1', 'Huyện', 'Lần đầu', '68,5', null, null, null, '1048/QĐ-TTg'],
    ['SP01', 2022, '1', 'Tỉnh', 'Lần đầu', '66,5', 3, '1234/QĐ-UBND', '15/11/2022', '1048/QĐ-TTg'],
    // 2024, under 148.
    // SP01: upgrade 3★ → 4★ at the province.
    ['SP01', 2024, '1', 'Tỉnh', 'Nâng hạng', '74', 4, '200/QĐ-UBND', new Date(Date.UTC(2024, 5, 10)), '148/QĐ-TTg'],
    // SP02: first, district recognises 3★ (counts under 148).
    ['SP02', 2024, '1', 'Huyện', 'Lần đầu', 58, 3, '55/QĐ-UBND', '20/05/2024', '148/QĐ-TTg'],
    // SP03: first, commune pre-assessment (never counts), then the province: not recognised (45 points).
    ['SP03', 2024, '1', 'Xã', 'Lần đầu', 52, null, null, null, '148/QĐ-TTg'],
    ['SP03', 2024, '1', 'Tỉnh', 'Lần đầu', 45, null, '200/QĐ-UBND', '10/06/2024', '148/QĐ-TTg'],
    // SP04: two rounds in the year; the last (round 2, 4★ at 92 points, capped by the province) counts.
    ['SP04', 2024, '1', 'Tỉnh', 'Lần đầu', 63, 3, '200/QĐ-UBND', '10/06/2024', '148/QĐ-TTg'],
    ['SP04', 2024, '2', 'Tỉnh', 'Nâng hạng', 92, 4, '480/QĐ-UBND', '05/11/2024', '148/QĐ-TTg'],
    // SP05: province 4★ at 93, then the centre recognises 5★ (reported as 5★).
    ['SP05', 2024, '1', 'Tỉnh', 'Lần đầu', 93, 4, '200/QĐ-UBND', '10/06/2024', '148/QĐ-TTg'],
    ['SP05', 2024, '1', 'Trung ương', 'Lần đầu', 91, 5, '3000/QĐ-BNN', '20/12/2024', '148/QĐ-TTg'],
    // SP06: star only, no score (as published decisions list them).
    ['SP06', 2024, '2', 'Tỉnh', 'Lần đầu', null, 3, '480/QĐ-UBND', '05/11/2024', '148/QĐ-TTg'],
    // SP07: re-rating in 2024 at 1048-era 3★ product: province 3★.
    ['SP07', 2021, '1', 'Tỉnh', 'Lần đầu', 60, 3, '900/QĐ-UBND', '01/10/2021', '1048/QĐ-TTg'],
    ['SP07', 2024, '2', 'Tỉnh', 'Đánh giá lại', '61,25', 3, '480/QĐ-UBND', '05/11/2024', '148/QĐ-TTg'],
  ],
};
