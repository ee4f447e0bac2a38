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

/**
 * A province's market and programme records (issue 13) as a clerk's workbook would hold them, with
 * messy cells: headers by label, key or a unit ("Doanh thu (triệu đồng)"), communes by name with or
 * without accents, a prefix, the other tone placement or a letter wrong, dates as text, ISO or Excel
 * serials, amounts as "45.000.000 đ", "12,5 triệu", "1,2 tỷ". It names the producers and products
 * of HISTORY and the demo producer DT-001 with one of its products by its OCOP code (`ocopCode`,
 * written with an unpadded serial when it has one). Hand-countable: 4 sales points, 3 chain and 3
 * e-commerce listings, 3 events with 4 participants, 3 ideas, 1 plan, 2 policies with 3 grants, 2
 * communication items, 2 courses with 3 attendees.
 */
export function activities(ocopCode: string): SheetRows {
  const loose = ocopCode.replace(/-0+(\d+)-(\d{4})$/, '-$1-$2');
  return {
    'Điểm bán': [
      [
        'Mã điểm bán',
        'Tên điểm bán',
        'Loại điểm bán',
        'Vị trí',
        'Xã, phường',
        'Tỉnh, thành phố khác',
        'Ngày khai trương',
        'trang_thai',
        'Sản phẩm bày bán',
        'Vĩ độ',
        'Kinh độ',
      ],
      ['DB01', 'Điểm giới thiệu sản phẩm OCOP Sa Đéc', 'Điểm bán OCOP', null, 'P. Sa Đéc', null, '15/03/2024', null, 'SP01, SP03\nSP05', '10,2915', 105.7606],
      ['DB02', 'Trung tâm OCOP Tháp Mười', 'trung tâm ocop', 'Trong tỉnh', 'Thap Muoi', null, 45366, 'Đang hoạt động', loose, null, null],
      ['DB03', 'Gian hàng OCOP Đồng Tháp tại Thành phố Hồ Chí Minh', 'Cửa hàng', null, null, 'TP. Hồ Chí Minh', '2025-02-01', 'Tạm ngừng', null, null, null],
      ['DB04', 'Quầy OCOP siêu thị Lai Vung', 'Quầy trong siêu thị', null, 'Lai Vungg', null, null, null, 'SP04', null, null],
    ],
    'Siêu thị, chuỗi': [
      ['Mã sản phẩm', 'Siêu thị, chuỗi', 'Kênh', 'Số cửa hàng', 'Bán từ ngày', 'Đang bán'],
      ['SP03', 'Co.opmart', null, 12, '01/06/2024', 'Có'],
      ['SP03', 'WinMart', 'Chuỗi cửa hàng', '35', null, null],
      ['SP06', 'Bách hoá Xanh', 'Siêu thị', 120, 45200, 'x'],
    ],
    'Thương mại điện tử': [
      ['Mã sản phẩm', 'Sàn', 'Đường dẫn', 'Đang bán', 'Ngày kiểm tra'],
      ['SP01', null, 'https://www.shopee.vn/hat-sen-say-i.123.456?utm_source=zalo&sp_atk=abc', 'Có', '10/05/2025'],
      ['SP02', 'Tiki', 'tiki.vn/tra-tim-sen-p789/', null, null],
      [loose, 'Website của chủ thể', 'http://senthapmuoi.vn/san-pham/hat-sen', 'Không', null],
    ],
    'Hội chợ, sự kiện': [
      [
        'Mã sự kiện',
        'Tên sự kiện',
        'Loại sự kiện',
        'Từ ngày',
        'Đến ngày',
        'Vị trí',
        'Địa điểm',
        'Xã, phường',
        'Tỉnh, thành phố khác',
        'Đơn vị tổ chức',
        'Số gian hàng',
        'Lượt khách',
        'Doanh thu (triệu đồng)',
        'Số hợp đồng',
      ],
      [
        'HC01',
        'Hội chợ OCOP Đồng Tháp 2024',
        'Hội chợ',
        '05/12/2024',
        '09/12/2024',
        null,
        'Quảng trường Sa Đéc',
        'Sa Đéc',
        null,
        'Sở Công Thương',
        120,
        '15.000',
        1250,
        8,
      ],
      [
        'HC02',
        'Tuần lễ văn hoá du lịch Đồng Tháp tại Hà Nội',
        'Tuần lễ văn hóa – du lịch',
        '2025-04-10',
        '2025-04-14',
        null,
        'Hoàng thành Thăng Long',
        null,
        'Hà Nội',
        null,
        20,
        null,
        '350,5',
        null,
      ],
      ['HC03', 'Hội chợ OCOP toàn quốc 2099', 'Hội chợ', '01/11/2099', '05/11/2099', 'Trong tỉnh', null, null, null, null, 50, null, null, null],
    ],
    'Tham gia sự kiện': [
      ['Mã sự kiện', 'Mã chủ thể', 'Sản phẩm trưng bày', 'Số gian hàng', 'Doanh thu'],
      ['HC01', 'CT01', 'SP01; SP02', 2, '45.000.000 đ'],
      ['HC01', 'DT-001', loose, 1, '12,5 triệu'],
      ['HC02', 'CT04', 'SP05', 1, null],
      ['HC03', 'CT05', null, 2, null],
    ],
    'Ý tưởng sản phẩm': [
      [
        'Mã ý tưởng',
        'Tên ý tưởng sản phẩm',
        'Xã, phường',
        'Mã chủ thể',
        'Người đề xuất',
        'Bộ sản phẩm',
        'Ngày tiếp nhận',
        'Kết quả sàng lọc',
        'Ngày sàng lọc',
        'Ý kiến sàng lọc',
      ],
      ['YT01', 'Bột sen uống liền', 'Xã Tháp Mười', 'DT-001', null, 1, '10/01/2025', 'Được chấp nhận', '20/02/2025', null],
      ['YT02', 'Khô cá lóc một nắng', 30226, null, 'Nguyễn Văn Tư', null, '15/01/2025', null, null, null],
      ['YT03', 'Trà lá sen túi lọc', 'Tháp Mười', 'CT01', null, null, '01/03/2025', 'Trả lại', '10/03/2025', 'Bổ sung thiết kế bao bì'],
    ],
    'Phương án SXKD': [
      ['Mã phương án', 'Mã ý tưởng', 'Loại', 'Tên phương án', 'Ngày nộp', 'Ngày duyệt', 'Trạng thái', 'Vốn đầu tư', 'Mã sản phẩm', 'Tiến độ'],
      ['PA01', 'YT01', 'Phương án', 'Phương án sản xuất bột sen uống liền', '01/03/2025', '15/03/2025', 'Đang triển khai', '850 triệu', null, 'Đã lắp máy sấy'],
    ],
    'Chính sách hỗ trợ': [
      ['Mã chính sách', 'Tên chính sách', 'Lĩnh vực', 'Căn cứ', 'Năm', 'Kinh phí'],
      ['CS01', 'Hỗ trợ bao bì, nhãn mác sản phẩm OCOP năm 2025', 'Bao bì', 'Nghị quyết 10/2024/NQ-HĐND', 2025, '500.000.000'],
      ['CS02', 'Khuyến công địa phương năm 2024', 'Khuyến công', null, 2024, '1,2 tỷ'],
    ],
    'Khoản hỗ trợ': [
      ['Mã chính sách', 'Mã khoản hỗ trợ', 'Mã chủ thể', 'Mã sản phẩm', 'Mã phương án', 'Nội dung hỗ trợ', 'Số tiền', 'Nguồn vốn', 'Ngày hỗ trợ', 'Trạng thái'],
      ['CS01', 'HT01', 'CT01', 'SP01', null, 'Thiết kế bao bì hạt sen', '30.000.000', 'Ngân sách tỉnh', '12/06/2025', 'Đã giải ngân'],
      ['CS01', 'HT02', 'DT-001', loose, 'PA01', 'In nhãn, mã QR truy xuất', '15 triệu', 'Tỉnh', '20/06/2025', null],
      ['CS02', 'HT01', 'CT04', 'SP05', null, 'Máy đóng gói nem', 200000000, 'Ngân sách Trung ương', '05/09/2024', 'Đã phê duyệt'],
    ],
    'Truyền thông': [
      ['Mã tin bài', 'Loại', 'Tiêu đề', 'Kênh, cơ quan đăng', 'Ngày đăng', 'Số lượng', 'Đường dẫn'],
      ['TT01', 'Truyền hình', 'Phóng sự: OCOP Đồng Tháp vươn xa', 'Đài Phát thanh và Truyền hình Đồng Tháp', '20/09/2024', 4, null],
      [
        'TT02',
        'Bài báo',
        'Sen Tháp Mười lên sàn thương mại điện tử',
        'Báo Đồng Tháp',
        '2025-01-05',
        null,
        'https://baodongthap.vn/kinh-te/sen-thap-muoi-123.aspx',
      ],
    ],
    'Tập huấn': [
      ['Mã lớp', 'Chủ đề', 'Từ ngày', 'Đến ngày', 'Địa điểm', 'Xã, phường', 'Đơn vị tổ chức', 'Số học viên'],
      [
        'TH01',
        'Tập huấn xây dựng và phát triển sản phẩm OCOP',
        '14/05/2024',
        '15/05/2024',
        'Hội trường Ủy ban nhân dân xã',
        'Xã Phong Hòa',
        'Văn phòng Điều phối nông thôn mới tỉnh',
        80,
      ],
      ['TH02', 'Kỹ năng bán hàng trên sàn thương mại điện tử', '10/10/2024', null, null, null, null, '25'],
    ],
    'Học viên tập huấn': [
      ['Mã lớp', 'Mã chủ thể', 'Số người'],
      ['TH01', 'CT01', 2],
      ['TH01', 'DT-001', null],
      ['TH02', 'CT02', 3],
    ],
  };
}
