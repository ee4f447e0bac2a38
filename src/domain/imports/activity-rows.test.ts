import { describe, expect, it } from 'vitest';
import {
  productRef,
  readBusinessPlanRow,
  readChainListingRow,
  readCommunicationItemRow,
  readEventParticipantRow,
  readOnlineListingRow,
  readProductIdeaRow,
  readSalesPointRow,
  readSupportGrantRow,
  readTradeEventRow,
  readTrainingAttendeeRow,
  readTrainingCourseRow,
  type ActivityContext,
  type Read,
} from './activity-rows.js';
import { parseCodeList, parseCount, parseDate, parseMoney, parseYesNo, type Cell } from './cells.js';
import { matchPlace, placeIndex, toneKey } from './places.js';
import type { RawRow } from './rows.js';
import { matchHeaders, SALES_POINT_CHECKLIST_COLUMNS, sheetFromHeaders, sheetFromName, type SheetKey } from './sheets.js';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'ERROR');

describe('money, counts, yes/no and lists in cells', () => {
  // Accepted: whole đồng with thousands grouped the Vietnamese or English way, a currency mark, and
  // a unit word (nghìn, triệu, tỷ) with a decimal comma or point. Refused: fractions of a đồng,
  // negative amounts, other currencies, words.
  it.each<[Cell, number | null | 'ERROR']>([
    ['1.200.000 đ', 1_200_000],
    ['1.200.000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['1 200 000 VNĐ', 1_200_000],
    ['1.200.000 đồng', 1_200_000],
    ['1.200.000₫', 1_200_000],
    ['1.200', 1_200],
    ['1,200', 1_200],
    ['1,5 triệu', 1_500_000],
    ['1.5 triệu', 1_500_000],
    ['350,5 triệu đồng', 350_500_000],
    ['1.500 triệu', 1_500_000_000],
    ['2 tỷ', 2_000_000_000],
    ['1,2 tỷ', 1_200_000_000],
    ['500 nghìn', 500_000],
    ['500k', 500_000],
    [1_200_000, 1_200_000],
    [0, 0],
    ['', null],
    [null, null],
    ['-5.000', 'ERROR'],
    [-5000, 'ERROR'],
    ['1.200,5', 'ERROR'],
    [1200.5, 'ERROR'],
    ['1,2345678 triệu', 'ERROR'],
    ['12 USD', 'ERROR'],
    ['mười triệu', 'ERROR'],
    [{ formula: 'SUM(A1:A2)' }, 'ERROR'],
  ])('money %j → %j', (cell, expected) => expect(value(parseMoney(cell))).toBe(expected));

  it('takes a bare amount in the unit of its column, and a unit written in the cell over it', () => {
    expect(value(parseMoney(150, 1e6))).toBe(150_000_000);
    expect(value(parseMoney('350,5', 1e6))).toBe(350_500_000);
    expect(value(parseMoney('500.000 đ', 1e6))).toBe(500_000);
    expect(value(parseMoney('2 tỷ', 1e6))).toBe(2_000_000_000);
  });

  it.each<[Cell, number | null | 'ERROR']>([
    ['15.000', 15_000],
    ['15,000', 15_000],
    ['15 000', 15_000],
    ['15', 15],
    [15, 15],
    ['1,5', 'ERROR'],
    ['mười', 'ERROR'],
  ])('count %j → %j', (cell, expected) => expect(value(parseCount(cell))).toBe(expected));

  it.each<[Cell, boolean | null | 'ERROR']>([
    ['Có', true],
    ['có', true],
    ['x', true],
    [true, true],
    [1, true],
    ['Không', false],
    ['khong', false],
    [0, false],
    ['', null],
    ['có lẽ', 'ERROR'],
  ])('yes/no %j → %j', (cell, expected) => expect(value(parseYesNo(cell))).toBe(expected));

  it('lists product codes separated by commas, semicolons or line breaks, once each, OCOP codes in their canonical form', () => {
    expect(value(parseCodeList('SP01, SP03\nSP05;SP01', productRef))).toEqual(['SP01', 'SP03', 'SP05']);
    expect(value(parseCodeList('82-30037-7-2024', productRef))).toEqual(['82-30037-007-2024']);
    expect(value(parseCodeList('SP01, SP 02?', productRef))).toBe('ERROR');
  });

  it.each<[Cell, string | null | 'ERROR']>([
    ['01/02/2026', '2026-02-01'],
    ['1/2/2026', '2026-02-01'],
    ['2026-02-01', '2026-02-01'],
    [45366, '2024-03-15'],
    ['02/31/2026', 'ERROR'],
  ])('date %j → %j (day first, Excel serials)', (cell, expected) => expect(value(parseDate(cell))).toBe(expected));
});

const COMMUNES = placeIndex('commune', [
  { code: '29905', name: 'Sa Đéc', fullName: 'Phường Sa Đéc' },
  { code: '30037', name: 'Tháp Mười', fullName: 'Xã Tháp Mười' },
  { code: '28261', name: 'Mỹ Tho', fullName: 'Phường Mỹ Tho' },
  { code: '30076', name: 'Mỹ Thọ', fullName: 'Xã Mỹ Thọ' },
  { code: '30235', name: 'Phong Hoà', fullName: 'Xã Phong Hoà' },
  { code: '28321', name: 'Tân Phước 1', fullName: 'Xã Tân Phước 1' },
  { code: '28327', name: 'Tân Phước 2', fullName: 'Xã Tân Phước 2' },
  { code: '30226', name: 'Lai Vung', fullName: 'Xã Lai Vung' },
]);
const PROVINCES = placeIndex('province', [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' },
  { code: '38', name: 'Thanh Hoá', fullName: 'Tỉnh Thanh Hoá' },
  { code: '79', name: 'Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh' },
  { code: '82', name: 'Đồng Tháp', fullName: 'Tỉnh Đồng Tháp' },
]);

describe('communes and provinces by code or name', () => {
  it('keys tone marks wherever they sit', () => {
    expect(toneKey('Thanh Hoá')).toBe(toneKey('Thanh Hóa'));
    expect(toneKey('Phong Hoà')).toBe(toneKey('Phong Hòa'));
    expect(toneKey('Thuỷ')).toBe(toneKey('Thủy'));
    expect(toneKey('Mỹ Tho')).not.toBe(toneKey('Mỹ Thọ'));
  });

  it.each<[string | number, string]>([
    ['29905', '29905'],
    [29905, '29905'],
    ['Sa Đéc', '29905'],
    ['Phường Sa Đéc', '29905'],
    ['P. Sa Đéc', '29905'],
    ['sa dec', '29905'],
    ['SA ĐÉC', '29905'],
    ['Thap Muoi', '30037'],
    ['Tháp Mươi', '30037'],
    ['Xã Phong Hòa', '30235'],
    ['Phong Hoa', '30235'],
    ['Lai Vungg', '30226'],
    ['Lia Vung', '30226'],
    ['Mỹ Tho', '28261'],
    ['Mỹ Thọ', '30076'],
    ['Xã My Tho', '30076'],
    ['Tân Phước 2', '28327'],
  ])('commune %j → %s', (input, code) => expect(value(matchPlace(COMMUNES, input))).toBe(code));

  it.each<[string | number, string]>([
    ['My Tho', 'Phường Mỹ Tho", "Xã Mỹ Thọ'],
    ['Tân Phước 3', 'Không tìm thấy'],
    ['Tân Phước', 'Không tìm thấy'],
    ['Hà Nội', 'Không tìm thấy'],
    ['99999', 'Không có xã, phường mã 99999'],
  ])('commune %j is refused, saying %s', (input, message) => {
    const r = matchPlace(COMMUNES, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain(message);
  });

  it.each<[string | number, string]>([
    ['TP. Hồ Chí Minh', '79'],
    ['Thành phố Hồ Chí Minh', '79'],
    ['TP HCM', '79'],
    ['Hà Nội', '01'],
    ['Thanh Hóa', '38'],
    ['Tỉnh Đồng Tháp', '82'],
    [1, '01'],
  ])('province %j → %s', (input, code) => expect(value(matchPlace(PROVINCES, input))).toBe(code));
});

describe('headers and sheets of the market and programme records', () => {
  it('match by label, key or alias; a money header may name its unit', () => {
    const m = matchHeaders('tradeEvents', ['Mã sự kiện', 'ten_su_kien', 'Loại sự kiện', 'Ngày bắt đầu', 'Doanh thu (triệu đồng)', 'Mã xã', 'Ghi chú riêng']);
    expect([...m.columns.values()]).toEqual(['ma_su_kien', 'ten_su_kien', 'loai_su_kien', 'tu_ngay', 'doanh_thu', 'xa']);
    expect(m.missing).toEqual([]);
    expect([...m.units]).toEqual([['doanh_thu', 1e6]]);
    expect(matchHeaders('supportPolicies', ['Kinh phí (tỷ đồng)']).units.get('kinh_phi')).toBe(1e9);
    expect([...matchHeaders('supportPolicies', ['Kinh phí (USD)']).columns.values()]).toEqual([]);
  });

  it.each<[string, SheetKey | null]>([
    ['Điểm bán', 'salesPoints'],
    ['Tham gia sự kiện', 'eventParticipants'],
    ['Hội chợ, sự kiện', 'tradeEvents'],
    ['hoi-cho-2024.csv', 'tradeEvents'],
    ['Ý tưởng sản phẩm', 'productIdeas'],
    ['Phương án SXKD', 'businessPlans'],
    ['Khoản hỗ trợ', 'supportGrants'],
    ['Học viên tập huấn', 'trainingAttendees'],
    ['Sản phẩm', 'products'],
    ['Danh mục', null],
    ['Hướng dẫn', null],
  ])('recognise the sheet named %s', (name, sheet) => expect(sheetFromName(name)).toBe(sheet));

  it.each<[string[], SheetKey]>([
    [['ma_su_kien', 'ma_chu_the', 'doanh_thu'], 'eventParticipants'],
    [['Mã lớp', 'Mã chủ thể', 'Số người'], 'trainingAttendees'],
    [['Mã sản phẩm', 'Siêu thị', 'Số cửa hàng'], 'chainListings'],
    [['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm'], 'products'],
  ])('recognise the sheet of %j', (headers, sheet) => expect(sheetFromHeaders(headers)).toBe(sheet));
});

const ctx: ActivityContext = {
  criteriaSets: { numbers: new Set([1, 2, 26]), byKey: new Map([['b01', 1]]) },
  today: '2026-03-15',
  provinceCode: '82',
  communes: COMMUNES,
  provinces: PROVINCES,
};
const raw = (sheet: SheetKey, cells: Record<string, unknown>, units?: Record<string, number>): RawRow => ({
  sheet,
  row: 5,
  cells: cells as Record<string, Cell>,
  ...(units ? { units } : {}),
});
const columns = (read: Read<unknown>) => read.problems.map((p) => p.column);

describe('rows of the market and programme sheets', () => {
  it('reads a messy sales point', () => {
    const read = readSalesPointRow(
      raw('salesPoints', {
        ma_diem_ban: ' DB01 ',
        ten_diem_ban: 'Điểm  giới thiệu OCOP Sa Đéc'.normalize('NFD'),
        loai_diem_ban: 'điểm bán ocop',
        vi_tri: null,
        xa: 'P. Sa Đéc',
        ngay_khai_truong: 45366,
        trang_thai: null,
        san_pham: 'SP01, 82-30037-7-2024',
        vi_do: '10,2915',
        kinh_do: 105.7606,
        dien_thoai: '0277 386 1234',
      }),
      ctx,
    );
    expect(read).toEqual({
      problems: [],
      record: {
        row: 5,
        code: 'DB01',
        name: 'Điểm giới thiệu OCOP Sa Đéc',
        kind: 'ocop_point',
        placement: 'in_province',
        communeCode: '29905',
        openedOn: '2024-03-15',
        status: 'active',
        productCodes: ['SP01', '82-30037-007-2024'],
        latitude: 10.2915,
        longitude: 105.7606,
        phone: '02773861234',
      },
    });
  });

  it('takes a row with only its required cells: a missing optional cell never refuses it', () => {
    expect(readSalesPointRow(raw('salesPoints', { ma_diem_ban: 'DB02', ten_diem_ban: 'Cửa hàng OCOP', loai_diem_ban: 'Cửa hàng' }), ctx)).toEqual({
      problems: [],
      record: { row: 5, code: 'DB02', name: 'Cửa hàng OCOP', kind: 'shop' },
    });
    // Empty optional cells: cleared, or the default of the column.
    expect(
      readChainListingRow(raw('chainListings', { ma_san_pham: 'SP03', he_thong: 'Co.opmart', kenh: null, so_cua_hang: null, dang_ban: null }), ctx).record,
    ).toEqual({ row: 5, productCode: 'SP03', chain: 'Co.opmart', channel: 'supermarket', stores: null, active: true });
    expect(readTrainingAttendeeRow(raw('trainingAttendees', { ma_lop: 'TH01', ma_chu_the: 'CT01', so_nguoi: null })).record?.people).toBe(1);
    expect(
      readTradeEventRow(raw('tradeEvents', { ma_su_kien: 'HC01', ten_su_kien: 'Hội chợ', loai_su_kien: 'Hội chợ', tu_ngay: '05/12/2024' }), ctx).record,
    ).toMatchObject({
      startsOn: '2024-12-05',
      endsOn: '2024-12-05',
    });
  });

  it('reads the Decision 950/QĐ-BCT checklist by the headers the export writes: Có/Không/x/1/0, a blank cell says nothing', () => {
    const headers = ['Mã điểm bán', 'Tên điểm bán', 'Loại điểm bán', ...SALES_POINT_CHECKLIST_COLUMNS.map((c) => c.label)];
    const m = matchHeaders('salesPoints', headers);
    expect([...m.columns.values()].slice(3)).toEqual(SALES_POINT_CHECKLIST_COLUMNS.map((c) => c.key));
    const [location, ocop, local, origin, traceable, signage] = SALES_POINT_CHECKLIST_COLUMNS.map((c) => c.key);
    const base = { ma_diem_ban: 'DB01', ten_diem_ban: 'Điểm OCOP', loai_diem_ban: 'Cửa hàng' };
    const read = readSalesPointRow(
      raw('salesPoints', { ...base, [location!]: 'Có', [ocop!]: 'không', [local!]: 'x', [origin!]: 1, [traceable!]: 0, [signage!]: null }),
      ctx,
    );
    expect(read.record?.checklist).toEqual({ location: true, products_ocop: false, products_local: true, products_origin: true, products_traceable: false });
    expect(readSalesPointRow(raw('salesPoints', { ...base, [location!]: null }), ctx).record).not.toHaveProperty('checklist');
    expect(columns(readSalesPointRow(raw('salesPoints', { ...base, [signage!]: 'Đạt một phần' }), ctx))).toEqual([signage]);
  });

  it('reads a commune written with a typo, another province by name, amounts with units', () => {
    expect(
      readSalesPointRow(raw('salesPoints', { ma_diem_ban: 'DB04', ten_diem_ban: 'Quầy OCOP', loai_diem_ban: 'Quầy siêu thị', xa: 'Lai Vungg' }), ctx).record
        ?.communeCode,
    ).toBe('30226');
    const event = readTradeEventRow(
      raw(
        'tradeEvents',
        {
          ma_su_kien: 'HC02',
          ten_su_kien: 'Tuần lễ Đồng Tháp tại Hà Nội',
          loai_su_kien: 'Tuần lễ văn hoá du lịch',
          tu_ngay: '2025-04-10',
          den_ngay: '14/04/2025',
          tinh_khac: 'Hà Nội',
          luot_khach: '15.000',
          doanh_thu: '350,5',
        },
        { doanh_thu: 1e6 },
      ),
      ctx,
    );
    expect(event).toMatchObject({
      problems: [],
      record: { placement: 'other_province', otherProvinceCode: '01', kind: 'culture_tourism_week', visitors: 15000, revenueVnd: 350_500_000 },
    });
    const grant = readSupportGrantRow(
      raw('supportGrants', {
        ma_chinh_sach: 'CS01',
        ma_khoan_ho_tro: 'HT01',
        ma_chu_the: 'CT01',
        noi_dung: 'Thiết kế bao bì',
        so_tien: '1,5 triệu',
        nguon_von: 'NSTW',
        ngay_ho_tro: '12/06/2025',
        trang_thai: null,
      }),
      ctx,
    );
    expect(grant.record).toMatchObject({ amountVnd: 1_500_000, fundingSource: 'central', status: 'approved', grantedOn: '2025-06-12' });
  });

  it('keeps an e-commerce URL normalised, its platform from the host when none is written', () => {
    const read = readOnlineListingRow(
      raw('onlineListings', { ma_san_pham: 'SP01', san: null, duong_dan: 'https://www.Shopee.vn/hat-sen-i.1.2/?utm_source=zalo&sp_atk=x', dang_ban: 'Có' }),
      ctx,
    );
    expect(read.record).toEqual({ row: 5, productCode: 'SP01', platform: 'shopee', url: 'https://shopee.vn/product/1/2', active: true });
    expect(readOnlineListingRow(raw('onlineListings', { ma_san_pham: 'SP01', duong_dan: 'senthapmuoi.vn/hat-sen' }), ctx).record?.platform).toBe('other');
  });

  const cases: [string, Read<unknown>, (string | null)[]][] = [
    [
      'a point in the province with its commune left empty',
      readSalesPointRow(raw('salesPoints', { ma_diem_ban: 'A', ten_diem_ban: 'Điểm A', loai_diem_ban: 'Cửa hàng', xa: null }), ctx),
      ['xa'],
    ],
    [
      'a point of this province recorded as in another',
      readSalesPointRow(raw('salesPoints', { ma_diem_ban: 'A', ten_diem_ban: 'Điểm A', loai_diem_ban: 'Cửa hàng', tinh_khac: 'Đồng Tháp' }), ctx),
      ['tinh_khac'],
    ],
    [
      'a point closed before it opened, and an unknown kind',
      readSalesPointRow(
        raw('salesPoints', {
          ma_diem_ban: 'A',
          ten_diem_ban: 'Điểm A',
          loai_diem_ban: 'Siêu thị lớn',
          xa: 'Sa Đéc',
          ngay_khai_truong: '01/06/2025',
          ngay_dong_cua: '01/01/2025',
        }),
        ctx,
      ),
      ['loai_diem_ban', 'ngay_dong_cua'],
    ],
    [
      'a point opening after today',
      readSalesPointRow(
        raw('salesPoints', { ma_diem_ban: 'A', ten_diem_ban: 'Điểm A', loai_diem_ban: 'Cửa hàng', xa: 'Sa Đéc', ngay_khai_truong: '01/06/2026' }),
        ctx,
      ),
      ['ngay_khai_truong'],
    ],
    [
      'a commune that could be two',
      readSalesPointRow(raw('salesPoints', { ma_diem_ban: 'A', ten_diem_ban: 'Điểm A', loai_diem_ban: 'Cửa hàng', xa: 'My Tho' }), ctx),
      ['xa'],
    ],
    [
      'a chain of one letter and an unknown channel',
      readChainListingRow(raw('chainListings', { ma_san_pham: 'SP1', he_thong: 'C', kenh: 'Chợ đêm' }), ctx),
      ['he_thong', 'kenh'],
    ],
    ['a URL that is not one', readOnlineListingRow(raw('onlineListings', { ma_san_pham: 'SP1', duong_dan: 'hạt sen sấy' }), ctx), ['duong_dan']],
    [
      'Lazada with a Tiki address',
      readOnlineListingRow(raw('onlineListings', { ma_san_pham: 'SP1', san: 'Lazada', duong_dan: 'https://tiki.vn/a-p1' }), ctx),
      ['san'],
    ],
    [
      'an event ending before it starts',
      readTradeEventRow(
        raw('tradeEvents', { ma_su_kien: 'E', ten_su_kien: 'Hội chợ', loai_su_kien: 'Hội chợ', tu_ngay: '10/12/2024', den_ngay: '05/12/2024' }),
        ctx,
      ),
      ['den_ngay'],
    ],
    [
      'an event to come with its visitors and revenue',
      readTradeEventRow(
        raw('tradeEvents', {
          ma_su_kien: 'E',
          ten_su_kien: 'Hội chợ',
          loai_su_kien: 'Hội chợ',
          tu_ngay: '01/11/2026',
          luot_khach: 500,
          doanh_thu: '1 tỷ',
          so_gian_hang: 40,
        }),
        ctx,
      ),
      ['luot_khach', 'doanh_thu'],
    ],
    [
      'an event to come with only its booths',
      readTradeEventRow(raw('tradeEvents', { ma_su_kien: 'E', ten_su_kien: 'Hội chợ', loai_su_kien: 'Hội chợ', tu_ngay: '01/11/2026', so_gian_hang: 40 }), ctx),
      [],
    ],
    [
      'an event abroad with no country',
      readTradeEventRow(
        raw('tradeEvents', { ma_su_kien: 'E', ten_su_kien: 'Hội chợ', loai_su_kien: 'Hội chợ', tu_ngay: '01/11/2025', vi_tri: 'Nước ngoài', quoc_gia: null }),
        ctx,
      ),
      ['quoc_gia'],
    ],
    [
      'a participant with a negative revenue',
      readEventParticipantRow(raw('eventParticipants', { ma_su_kien: 'E', ma_chu_the: 'CT1', doanh_thu: '-5.000' })),
      ['doanh_thu'],
    ],
    [
      'a grant of a fraction of a đồng, dated after today, from an unknown source',
      readSupportGrantRow(
        raw('supportGrants', {
          ma_chinh_sach: 'CS',
          ma_khoan_ho_tro: 'H',
          ma_chu_the: 'CT1',
          noi_dung: 'Máy sấy',
          so_tien: '1.200,5',
          nguon_von: 'Ngân hàng',
          ngay_ho_tro: '01/01/2099',
        }),
        ctx,
      ),
      ['so_tien', 'nguon_von', 'ngay_ho_tro'],
    ],
    [
      'an accepted idea with no screening date',
      readProductIdeaRow(
        raw('productIdeas', { ma_y_tuong: 'Y', ten_y_tuong: 'Bột sen', xa: 'Tháp Mười', ma_chu_the: 'CT1', ngay_tiep_nhan: '10/01/2025', trang_thai: 'Đạt' }),
        ctx,
      ),
      ['ngay_sang_loc'],
    ],
    [
      'an idea screened before it was received',
      readProductIdeaRow(
        raw('productIdeas', {
          ma_y_tuong: 'Y',
          ten_y_tuong: 'Bột sen',
          xa: 'Tháp Mười',
          ma_chu_the: 'CT1',
          ngay_tiep_nhan: '10/01/2025',
          trang_thai: 'Trả lại',
          ngay_sang_loc: '01/01/2025',
          y_kien: 'Bổ sung bao bì',
        }),
        ctx,
      ),
      ['ngay_sang_loc'],
    ],
    [
      'an idea of nobody',
      readProductIdeaRow(
        raw('productIdeas', { ma_y_tuong: 'Y', ten_y_tuong: 'Bột sen', xa: 'Tháp Mười', ma_chu_the: null, nguoi_de_xuat: null, ngay_tiep_nhan: '10/01/2025' }),
        ctx,
      ),
      ['ma_chu_the'],
    ],
    [
      'a plan approved before it was submitted',
      readBusinessPlanRow(
        raw('businessPlans', { ma_phuong_an: 'P', ma_y_tuong: 'Y', ten_phuong_an: 'Phương án', ngay_nop: '01/03/2025', ngay_duyet: '01/02/2025' }),
        ctx,
      ),
      ['ngay_duyet'],
    ],
    ['a course still to come', readTrainingCourseRow(raw('trainingCourses', { ma_lop: 'L', chu_de: 'Tập huấn OCOP', tu_ngay: '01/04/2026' }), ctx), []],
    [
      'a course still to come with its participants',
      readTrainingCourseRow(raw('trainingCourses', { ma_lop: 'L', chu_de: 'Tập huấn OCOP', tu_ngay: '01/04/2026', so_hoc_vien: 30 }), ctx),
      ['so_hoc_vien'],
    ],
    [
      'a point open with a closing date',
      readSalesPointRow(
        raw('salesPoints', {
          ma_diem_ban: 'A',
          ten_diem_ban: 'Điểm A',
          loai_diem_ban: 'Cửa hàng',
          xa: 'Sa Đéc',
          trang_thai: 'Đang hoạt động',
          ngay_dong_cua: '01/01/2025',
        }),
        ctx,
      ),
      ['ngay_dong_cua'],
    ],
    [
      'a point with a latitude only',
      readSalesPointRow(
        raw('salesPoints', { ma_diem_ban: 'A', ten_diem_ban: 'Điểm A', loai_diem_ban: 'Cửa hàng', xa: 'Sa Đéc', vi_do: 10.29, kinh_do: null }),
        ctx,
      ),
      ['kinh_do'],
    ],
    [
      'an event ending today with its visitors',
      readTradeEventRow(
        raw('tradeEvents', {
          ma_su_kien: 'E',
          ten_su_kien: 'Hội chợ',
          loai_su_kien: 'Hội chợ',
          tu_ngay: '10/03/2026',
          den_ngay: '15/03/2026',
          luot_khach: 900,
        }),
        ctx,
      ),
      ['luot_khach'],
    ],
    [
      'an idea returned without advice',
      readProductIdeaRow(
        raw('productIdeas', {
          ma_y_tuong: 'Y',
          ten_y_tuong: 'Bột sen',
          xa: 'Tháp Mười',
          ma_chu_the: 'CT1',
          ngay_tiep_nhan: '10/01/2025',
          trang_thai: 'Trả lại',
          ngay_sang_loc: '01/02/2025',
          y_kien: null,
        }),
        ctx,
      ),
      ['y_kien'],
    ],
    [
      'a plan being drafted with an approval date',
      readBusinessPlanRow(
        raw('businessPlans', {
          ma_phuong_an: 'P',
          ma_y_tuong: 'Y',
          ten_phuong_an: 'Phương án',
          ngay_nop: '01/03/2025',
          ngay_duyet: '15/03/2025',
          trang_thai: null,
        }),
        ctx,
      ),
      ['ngay_duyet'],
    ],
    [
      'a plan being carried out without its approval date',
      readBusinessPlanRow(
        raw('businessPlans', { ma_phuong_an: 'P', ma_y_tuong: 'Y', ten_phuong_an: 'Phương án', ngay_nop: '01/03/2025', trang_thai: 'Đang triển khai' }),
        ctx,
      ),
      ['ngay_duyet'],
    ],
    [
      'no copies and an FTP address',
      readCommunicationItemRow(
        raw('communicationItems', { ma_tin_bai: 'T', loai: 'Bài báo', tieu_de: 'Tin OCOP', ngay_dang: '01/01/2025', so_luong: 0, duong_dan: 'ftp://x.vn/a' }),
        ctx,
      ),
      ['so_luong', 'duong_dan'],
    ],
    ['an attendee of nobody', readTrainingAttendeeRow(raw('trainingAttendees', { ma_lop: 'L', ma_chu_the: 'CT1', so_nguoi: 0 })), ['so_nguoi']],
    [
      'a row of empty required cells',
      readSupportGrantRow(
        raw('supportGrants', {
          ma_chinh_sach: null,
          ma_khoan_ho_tro: null,
          ma_chu_the: null,
          noi_dung: null,
          so_tien: null,
          nguon_von: null,
          ngay_ho_tro: null,
        }),
        ctx,
      ),
      ['ma_chinh_sach', 'ma_khoan_ho_tro', 'ma_chu_the', 'noi_dung', 'so_tien', 'nguon_von', 'ngay_ho_tro'],
    ],
  ];
  it.each(cases)('lists the problems of %s', (_label, read, expected) => {
    expect(columns(read)).toEqual(expected);
    if (expected.length) expect(read.record).toBeUndefined();
    for (const p of read.problems) {
      expect(p.message.vi).toMatch(/\S/);
      expect(p.message.en).toMatch(/\S/);
    }
  });
});
