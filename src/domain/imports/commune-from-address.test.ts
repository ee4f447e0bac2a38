import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communeFromAddress } from './commune-from-address.js';
import { placeIndex, type Place } from './places.js';

/** The real lists (data/admin-units, Decision 19/2025/QĐ-TTg): the names clerks must be matched against. */
type Unit = { Code: string; Name: string; FullName: string; Wards: { Code: string; Name: string; FullName: string }[] };
const UNITS = JSON.parse(readFileSync(new URL('../../../data/admin-units/vn-admin-units-2025.json', import.meta.url), 'utf8')) as Unit[];
function provinceOf(code: string) {
  const p = UNITS.find((u) => u.Code === code)!;
  const province: Place = { code: p.Code, name: p.Name, fullName: p.FullName };
  return {
    province,
    communes: placeIndex(
      'commune',
      p.Wards.map((w) => ({ code: w.Code, name: w.Name, fullName: w.FullName })),
    ),
  };
}
const LAM_DONG = provinceOf('68');
const DONG_THAP = provinceOf('82');
const outcome = (r: ReturnType<typeof communeFromAddress>) => (r.ok ? r.code : r.reason);

describe('the commune named by an address (Lâm Đồng, 124 communes)', () => {
  it.each<[string | null, string]>([
    // As the published decisions write it: new tone placement, the list has "Phú Thuỷ".
    ['phường Phú Thủy, tỉnh Lâm Đồng', '22924'],
    ['Phường Phú Thuỷ, Tỉnh Lâm Đồng', '22924'],
    // Accents lost, one diacritic missing, extra spaces, abbreviations.
    ['phuong phu thuy, tinh lam dong', '22924'],
    ['P. Phú Thuy ,  tỉnh   Lâm Đồng', '22924'],
    ['P.Phú Thủy - Lâm Đồng', '22924'],
    ['Số 12 Trần Hưng Đạo, khu phố 3, phường Phú Thủy, Tp. Phan Thiết, tỉnh Lâm Đồng', '22924'],
    // "Tp. Phan Thiết" is the old city, not Phường Phan Thiết: the ward named with its prefix wins.
    ['phường Hàm Thắng, TP Phan Thiết, Lâm Đồng', '22933'],
    // A letter wrong in a prefixed name is one typo.
    ['phường Phú Thủyy, tỉnh Lâm Đồng', '22924'],
    ['P.Phú Thủyy, Lâm Đồng', '22924'],
    ['TT.Phú Thủy', '22924'],
    // A part without prefix counts only when it is exactly a commune's name.
    ['Phú Thủy, Lâm Đồng', '22924'],
    // The province alone, or nothing: unknown, to be completed by the office.
    ['tỉnh Lâm Đồng', 'province_only'],
    ['Lâm Đồng', 'province_only'],
    ['  ', 'no_address'],
    [null, 'no_address'],
    // An old district and a hamlet name no commune.
    ['thôn 2, huyện Hàm Thuận Bắc, tỉnh Lâm Đồng', 'province_only'],
    // Two different communes named: never guessed.
    ['phường Phú Thủy, phường Hàm Thắng, tỉnh Lâm Đồng', 'ambiguous'],
    // A commune that is not in the province.
    ['phường Sa Đéc, tỉnh Lâm Đồng', 'not_found'],
  ])('%j → %s', (address, expected) => expect(outcome(communeFromAddress(LAM_DONG.communes, LAM_DONG.province, address))).toBe(expected));

  it('reports the part of the address it read', () => {
    const r = communeFromAddress(LAM_DONG.communes, LAM_DONG.province, 'Số 5, phường Phú Thủy, tỉnh Lâm Đồng');
    expect(r).toEqual({ ok: true, code: '22924', text: 'phường Phú Thủy' });
  });

  it('explains in both languages why the commune is unknown', () => {
    const r = communeFromAddress(LAM_DONG.communes, LAM_DONG.province, 'tỉnh Lâm Đồng');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.vi).toContain('chưa rõ xã');
      expect(r.message.en).toContain('unknown');
    }
  });
});

describe('the commune named by an address (Đồng Tháp)', () => {
  it.each<[string, string]>([
    ['phường Sa Đéc, tỉnh Đồng Tháp', DONG_THAP.communes.places.find((p) => p.name === 'Sa Đéc')!.code],
    ['X. Tháp Mười, Đồng Tháp', DONG_THAP.communes.places.find((p) => p.fullName === 'Xã Tháp Mười')!.code],
    ['xa thap muoi, dong thap', DONG_THAP.communes.places.find((p) => p.fullName === 'Xã Tháp Mười')!.code],
    ['Tỉnh Đồng Tháp', 'province_only'],
  ])('%j → %s', (address, expected) => expect(outcome(communeFromAddress(DONG_THAP.communes, DONG_THAP.province, address))).toBe(expected));
});
