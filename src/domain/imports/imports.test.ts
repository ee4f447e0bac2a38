import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber, parseText } from './cells.js';
import { readProductRow, readResultRow, readSubjectRow, type ImportContext } from './rows.js';
import { matchHeaders, sheetFromHeaders, sheetFromName } from './sheets.js';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'ERROR');

describe('cells', () => {
  it.each<[unknown, unknown]>([
    ['72,5', 72.5],
    ['72.5', 72.5],
    [' 1.234,5 ', 1234.5],
    ['1,234.5', 1234.5],
    [88, 88],
    ['', null],
    [null, null],
    ['bảy mươi', 'ERROR'],
    [{ formula: 'SUM(A1:A3)' }, 'ERROR'],
  ])('number %j → %j', (cell, expected) => expect(value(parseNumber(cell as never))).toBe(expected));

  it.each<[unknown, unknown]>([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [45356, '2024-03-05'],
    ['31/02/2024', 'ERROR'],
    ['03/05/24', 'ERROR'],
    ['', null],
  ])('date %j → %j', (cell, expected) => expect(value(parseDate(cell as never))).toBe(expected));

  it('stores text in NFC without stray spaces', () => {
    const decomposed = '  Hợp tác xã   Sen Đồng Tháp '.normalize('NFD');
    expect(value(parseText(decomposed))).toBe('Hợp tác xã Sen Đồng Tháp');
  });
});

describe('headers', () => {
  it('match by label or key, ignoring case, accents, spaces; order free; extras ignored', () => {
    const m = matchHeaders('subjects', ['  MÃ CHỦ THỂ', 'ten_chu_the', 'Ghi chú', 'loai hinh', 'Ma xa']);
    expect([...m.columns.entries()]).toEqual([
      [0, 'ma_chu_the'],
      [1, 'ten_chu_the'],
      [3, 'loai_hinh'],
      [4, 'ma_xa'],
    ]);
    expect(m.missing).toEqual([]);
  });
  it('list missing required columns', () => {
    expect(matchHeaders('results', ['ma_san_pham', 'nam']).missing.map((c) => c.key)).toEqual(['cap', 'loai']);
  });
  it.each([
    [['Mã chủ thể', 'Tên chủ thể', 'Loại hình'], 'subjects'],
    [['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm'], 'products'],
    [['ma_san_pham', 'nam', 'cap', 'loai', 'diem'], 'results'],
    [['a', 'b'], null],
  ])('recognise the sheet of %j', (headers, sheet) => expect(sheetFromHeaders(headers)).toBe(sheet));
  it.each([
    ['Chủ thể', 'subjects'],
    ['chu_the.csv', 'subjects'],
    ['San pham', 'products'],
    ['Kết quả đánh giá', 'results'],
    ['Sheet1', null],
  ])('recognise the sheet named %s', (name, sheet) => expect(sheetFromName(name)).toBe(sheet));
});

const ctx: ImportContext = { criteriaSets: { numbers: new Set([1, 2, 26]), byKey: new Map([['b01', 1]]) } };

describe('rows', () => {
  it('reads a messy subject row', () => {
    const { record, problems } = readSubjectRow({
      sheet: 'subjects',
      row: 2,
      cells: {
        ma_chu_the: ' CT-001 ',
        ten_chu_the: 'HTX  Sen'.normalize('NFD'),
        loai_hinh: 'hợp tác xã',
        ma_xa: 29905,
        gioi_tinh_dai_dien: 'nữ',
        dien_thoai: '+84 912 345 678',
      },
    });
    expect(problems).toEqual([]);
    expect(record).toEqual({
      row: 2,
      code: 'CT-001',
      name: 'HTX Sen',
      legalForm: 'HTX',
      communeCode: '29905',
      representativeGender: 'female',
      phone: '0912345678',
    });
  });
  it('lists every problem of a row, not just the first', () => {
    const { record, problems } = readSubjectRow({
      sheet: 'subjects',
      row: 7,
      cells: { ma_chu_the: null, ten_chu_the: 'X', loai_hinh: 'Tập đoàn', email: 'not-an-email', ma_xa: 'abc' },
    });
    expect(record).toBeUndefined();
    expect(problems.map((p) => [p.column, p.value])).toEqual([
      ['ma_chu_the', null],
      ['loai_hinh', 'Tập đoàn'],
      ['ma_xa', 'abc'],
      ['email', 'not-an-email'],
    ]);
    for (const p of problems) expect(p.message.vi.length).toBeGreaterThan(3);
  });
  it('reads products with a set given by number or code', () => {
    expect(
      readProductRow({ sheet: 'products', row: 2, cells: { ma_san_pham: 'SP1', ma_chu_the: 'CT1', ten_san_pham: 'Hạt sen', bo_san_pham: 'B01' } }, ctx).record
        ?.criteriaSetNumber,
    ).toBe(1);
    expect(
      readProductRow({ sheet: 'products', row: 2, cells: { ma_san_pham: 'SP1', ma_chu_the: 'CT1', ten_san_pham: 'Hạt sen', bo_san_pham: '26' } }, ctx).record
        ?.criteriaSetNumber,
    ).toBe(26);
    expect(
      readProductRow({ sheet: 'products', row: 2, cells: { ma_san_pham: 'SP1', ma_chu_the: 'CT1', ten_san_pham: 'Hạt sen', bo_san_pham: 40 } }, ctx).problems[0]
        ?.column,
    ).toBe('bo_san_pham');
  });

  const result = (cells: Record<string, unknown>) =>
    readResultRow({ sheet: 'results', row: 3, cells: { ma_san_pham: 'SP1', nam: 2024, cap: 'Tỉnh', loai: 'Lần đầu', ...cells } as never }, '2026-12-04');
  it.each<[string, Record<string, unknown>, string | null]>([
    ['4★ at "72,5" under 148', { diem: '72,5', hang_sao: 4, can_cu: '148/QĐ-TTg' }, null],
    ['a star without a score', { hang_sao: 3 }, null],
    ['4★ at 92 (below the band)', { diem: 92, hang_sao: 4 }, null],
    ['4★ at 65 (above the band)', { diem: 65, hang_sao: 4 }, 'hang_sao'],
    ['5★ by the province', { diem: 95, hang_sao: 5 }, 'hang_sao'],
    ['a score of 120', { diem: 120 }, 'diem'],
    ['an unknown level', { cap: 'Vùng' }, 'cap'],
    ['an unknown kind', { loai: 'Khác' }, 'loai'],
    ['a year in the future', { nam: 2031 }, 'nam'],
    ['next year', { nam: 2027 }, 'nam'],
    ['this year', { nam: 2026 }, null],
    ['a year before the programme', { nam: 2017 }, 'nam'],
    ['a decision dated today', { nam: 2026, ngay_quyet_dinh: '04/12/2026' }, null],
    ['a decision dated tomorrow', { nam: 2026, ngay_quyet_dinh: '05/12/2026' }, 'ngay_quyet_dinh'],
    ['an unknown basis', { can_cu: 'QĐ 999' }, 'can_cu'],
    ['a commune star', { cap: 'Xã', hang_sao: 3 }, 'hang_sao'],
  ])('%s', (_label, cells, column) => expect(result(cells).problems[0]?.column ?? null).toBe(column));
  it('checks the star against its band even when another cell of the row is wrong', () => {
    const r = result({ diem: 65, hang_sao: 4, ngay_quyet_dinh: '31/02/2024', ma_san_pham: 'SP 1' });
    expect(r.problems.map((p) => p.column).sort()).toEqual(['hang_sao', 'ma_san_pham', 'ngay_quyet_dinh']);
    // What the valid cells say is kept for the checks across rows.
    expect(r.seen).toMatchObject({ row: 3, year: 2024, level: 'province', kind: 'first' });
  });

  it('takes the basis in force on the decision date when none is written', () => {
    expect(result({ ngay_quyet_dinh: '20/12/2022' }).record?.legalBasis).toBe('1048/QĐ-TTg');
    expect(result({ ngay_quyet_dinh: '20/12/2023' }).record?.legalBasis).toBe('148/QĐ-TTg');
    expect(result({ nam: 2026 }).record?.legalBasis).toBe('26/2026/QĐ-TTg');
    expect(result({ cap: 'Trung ương', loai: 'Nâng hạng', diem: '91,25', hang_sao: 5 }).record).toMatchObject({
      level: 'central',
      kind: 'upgrade',
      score: 91.25,
      star: 5,
    });
  });
});
