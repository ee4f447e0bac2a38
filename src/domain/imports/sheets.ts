import { foldVietnamese } from '../text/vietnamese.js';

/**
 * The import workbook (issue "importing the province's existing records"): three sheets, each column
 * known by a key and a Vietnamese label. Headers match either, ignoring case, accents, spaces and
 * punctuation; column order is free and extra columns are ignored.
 */
export type SheetKey = 'subjects' | 'products' | 'results';
export type ColumnSpec = { key: string; label: string; required: boolean; note?: string };
export type SheetSpec = { key: SheetKey; name: string; columns: readonly ColumnSpec[] };

const c = (key: string, label: string, required = false, note?: string): ColumnSpec => ({ key, label, required, ...(note ? { note } : {}) });

export const SHEETS: readonly SheetSpec[] = [
  {
    key: 'subjects',
    name: 'Chủ thể',
    columns: [
      c('ma_chu_the', 'Mã chủ thể', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ten_chu_the', 'Tên chủ thể', true),
      c('loai_hinh', 'Loại hình', true, 'HTX, THT, CTCP, TNHH, DNTN, HKD, CSSX, TT, HH, KHAC hoặc tên loại hình'),
      c('ma_so_thue', 'Mã số thuế'),
      c('nguoi_dai_dien', 'Người đại diện'),
      c('gioi_tinh_dai_dien', 'Giới tính người đại diện', false, 'Nam, Nữ, Khác'),
      c('ma_xa', 'Mã xã', false, 'Mã xã/phường 5 chữ số (bắt buộc khi tạo mới)'),
      c('dia_chi', 'Địa chỉ'),
      c('dien_thoai', 'Điện thoại'),
      c('email', 'Email'),
    ],
  },
  {
    key: 'products',
    name: 'Sản phẩm',
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true, 'Mã do tỉnh đặt, duy nhất'),
      c('ma_chu_the', 'Mã chủ thể', true, 'Có trong sheet Chủ thể hoặc đã có trong hệ thống'),
      c('ten_san_pham', 'Tên sản phẩm', true),
      c('bo_san_pham', 'Bộ sản phẩm', false, 'Số bộ tiêu chí 1–26 hoặc mã bộ'),
      c('ma_vach', 'Mã vạch', false, 'GTIN-8/12/13/14'),
    ],
  },
  {
    key: 'results',
    name: 'Kết quả đánh giá',
    columns: [
      c('ma_san_pham', 'Mã sản phẩm', true),
      c('nam', 'Năm', true),
      c('dot', 'Đợt'),
      c('cap', 'Cấp đánh giá', true, 'Xã, Huyện, Tỉnh, Trung ương'),
      c('loai', 'Loại đánh giá', true, 'Lần đầu, Nâng hạng, Đánh giá lại'),
      c('diem', 'Điểm', false, '0–100; để trống nếu quyết định chỉ ghi hạng sao'),
      c('hang_sao', 'Hạng sao', false, '1–5; để trống nếu không được công nhận'),
      c('so_quyet_dinh', 'Số quyết định'),
      c('ngay_quyet_dinh', 'Ngày quyết định', false, 'dd/mm/yyyy'),
      c('can_cu', 'Căn cứ', false, '1048/QĐ-TTg, 148/QĐ-TTg, 1489/QĐ-TTg, 26/2026/QĐ-TTg; để trống: theo ngày quyết định'),
    ],
  },
];

export const sheetSpec = (key: SheetKey): SheetSpec => SHEETS.find((s) => s.key === key)!;

/** "Mã chủ thể", "ma_chu_the", " MÃ  CHỦ THỂ " all give "machuthe". */
export const headerKey = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/** The sheet a tab or file name names ("Chủ thể", "chu_the.csv", "Ket qua danh gia"), if any. */
export function sheetFromName(name: string): SheetKey | null {
  const k = headerKey(name.replace(/\.(csv|xlsx)$/i, ''));
  for (const s of SHEETS) if (k === headerKey(s.name) || k === headerKey(s.key)) return s.key;
  if (k.includes('ketqua') || k.includes('danhgia')) return 'results';
  if (k.includes('sanpham')) return 'products';
  if (k.includes('chuthe')) return 'subjects';
  return null;
}

export type HeaderMatch = { sheet: SheetKey; columns: Map<number, string>; missing: ColumnSpec[] };

/** Maps header cells to column keys of a sheet; columns it does not know are left out. */
export function matchHeaders(sheet: SheetKey, headers: readonly string[]): HeaderMatch {
  const spec = sheetSpec(sheet);
  const byKey = new Map<string, string>();
  for (const col of spec.columns) {
    byKey.set(headerKey(col.key), col.key);
    byKey.set(headerKey(col.label), col.key);
  }
  const columns = new Map<number, string>();
  headers.forEach((h, i) => {
    const key = byKey.get(headerKey(h));
    if (key && ![...columns.values()].includes(key)) columns.set(i, key);
  });
  const found = new Set(columns.values());
  return { sheet, columns, missing: spec.columns.filter((col) => col.required && !found.has(col.key)) };
}

/**
 * Recognises a sheet from its headers alone (a CSV without a telling name): the sheet whose required
 * columns are all present and which matches the most columns.
 */
export function sheetFromHeaders(headers: readonly string[]): SheetKey | null {
  let best: { sheet: SheetKey; score: number } | null = null;
  for (const s of SHEETS) {
    const m = matchHeaders(s.key, headers);
    if (m.missing.length) continue;
    // "ma_chu_the" is in both Chủ thể and Sản phẩm: prefer the sheet with more of its own columns found.
    const score = m.columns.size / s.columns.length + m.columns.size;
    if (!best || score > best.score) best = { sheet: s.key, score };
  }
  return best?.sheet ?? null;
}
