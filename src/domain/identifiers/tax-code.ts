/**
 * Vietnamese enterprise code / tax code (mã số doanh nghiệp / mã số thuế, "MST").
 *
 * Structure, Circular 105/2020/TT-BTC, Art. 5:  N1N2 N3N4N5N6N7N8N9 N10 [- N11N12N13]
 *   N1–N2   the range ("phần khoảng") of the code
 *   N3–N9   a sequence number from 0000001 to 9999999
 *   N10     check digit
 *   N11–N13 sequence number 001–999 of a dependent unit (branch, representative office),
 *           written after a hyphen; the first ten digits are those of the parent enterprise.
 *
 * The circular calls N10 a check digit without giving the formula. The formula used here is the
 * one common validators implement (python-stdnum `vn.mst`, stdnum-js): weights
 * 31 29 23 19 17 13 7 5 3 on N1–N9, N10 = 10 − (sum mod 11).
 * Verified against real codes: Viettel 0100109106, Vinamilk 0300588569, Vietcombank 0100112437,
 * Vingroup 0101245486, FPT 0101248141 and 157 published codes collected in python-stdnum's tests,
 * with no exception. In that sample the remainder 0 (which would need a check "digit" of 10)
 * never occurs although the other ten remainders each occur 12–22 times, so those sequence
 * numbers are evidently never issued and such a code is rejected; remainder 10 gives N10 = 0.
 *
 * Since 1 July 2025 individuals and household businesses (many OCOP subjects are HKD) use their
 * 12-digit personal identification number as tax code (Circular 86/2024/TT-BTC, Art. 5). That
 * number has no check digit; its first three digits are the birth-province code (001–096, Decree
 * 137/2015/NĐ-CP, Art. 7), which is all that can be checked.
 */

import { type Invalid, failure } from './result.js';

export type TaxCodeKind = 'enterprise' | 'dependent_unit' | 'personal_id';
export type TaxCodeErrorCode = 'tax_code_format' | 'tax_code_component' | 'tax_code_check_digit';

export type TaxCodeResult = { readonly ok: true; readonly value: string; readonly kind: TaxCodeKind } | Invalid<TaxCodeErrorCode>;

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
/** Ten digits, optionally a hyphen (or a dash pasted from a document) and three more digits. */
const TAX_CODE = /^(\d{10})(?:[-‐‑–—](\d{3}))?$/u;

/**
 * Check digit N10 for the first nine digits, or null when no digit fits (sum mod 11 = 0): such a
 * nine-digit prefix is never part of a valid code. Throws RangeError unless given 9 digits.
 */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`Expected 9 digits, got "${first9}"`);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (first9.charCodeAt(i) - 48), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Validates a 10-digit enterprise code or a 13-digit dependent-unit code ("0100109106-001").
 * Whitespace is ignored; the value comes back as digits with a plain hyphen before the unit part.
 */
export function validateTaxCode(code: string): TaxCodeResult {
  const compact = code.replace(/\s+/gu, '');
  const personal = /^(\d{3})\d{9}$/u.exec(compact);
  if (personal) {
    const province = Number(personal[1]);
    return province >= 1 && province <= 96
      ? { ok: true, value: compact, kind: 'personal_id' }
      : failure(
          'tax_code_component',
          'Mã số định danh cá nhân 12 số phải bắt đầu bằng mã tỉnh nơi đăng ký khai sinh (001–096).',
          'A 12-digit personal identification number starts with a birth-province code (001–096).',
        );
  }
  const match = TAX_CODE.exec(compact);
  const main = match?.[1];
  if (main === undefined) {
    return failure(
      'tax_code_format',
      'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với đơn vị phụ thuộc (ví dụ 0100109106-001), hoặc mã số định danh cá nhân 12 số đối với hộ kinh doanh.',
      'A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a dependent unit (e.g. 0100109106-001), or is a 12-digit personal identification number for a household business.',
    );
  }
  const unit = match?.[2];

  if (main.slice(2, 9) === '0000000') {
    return failure('tax_code_component', 'Chữ số thứ 3 đến 9 của mã số thuế không thể đều là 0.', 'Digits 3 to 9 of a tax code cannot all be zero.');
  }
  if (unit === '000') {
    return failure(
      'tax_code_component',
      'Số thứ tự đơn vị phụ thuộc (3 chữ số cuối) phải từ 001 đến 999.',
      'The dependent-unit number (last 3 digits) must be 001 to 999.',
    );
  }
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) {
    return failure(
      'tax_code_check_digit',
      'Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không khớp; vui lòng kiểm tra lại từng chữ số.',
      'Invalid tax code: the check digit (10th digit) does not match; please check every digit.',
    );
  }
  return unit === undefined ? { ok: true, value: main, kind: 'enterprise' } : { ok: true, value: `${main}-${unit}`, kind: 'dependent_unit' };
}
