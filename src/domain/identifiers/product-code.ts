/**
 * OCOP product code, as printed in the header of the evaluation sheets of Decision 26/2026/QĐ-TTg
 * (Phụ lục II):  (T)-(X)-(STT)-20YY
 *   T     province code, 2 digits (administrative unit codes of Decision 19/2025/QĐ-TTg)
 *   X     commune code, 5 digits (same list)
 *   STT   serial number kept by the commune
 *   20YY  year of evaluation
 * e.g. 82-29869-007-2026: Đồng Tháp (82), phường Cao Lãnh (29869), 7th product, 2026.
 *
 * Codes are not checked against the administrative-unit list here (that is data, not a rule of
 * the format); callers that have the list should check that X belongs to T.
 */

import { type Invalid, failure } from './result.js';

export interface ProductCodeParts {
  /** 2 digits, e.g. "82". */
  readonly provinceCode: string;
  /** 5 digits, e.g. "29869". */
  readonly communeCode: string;
  /** 1 or more. */
  readonly serial: number;
  /** Evaluation year. */
  readonly year: number;
}

export type ProductCodeErrorCode = 'product_code_format' | 'product_code_serial' | 'product_code_year';

export type ProductCodeResult = { readonly ok: true; readonly value: string; readonly parts: ProductCodeParts } | Invalid<ProductCodeErrorCode>;

/** The OCOP programme started with Decision 490/QĐ-TTg of 7 May 2018; no code predates it. */
export const PRODUCT_CODE_MIN_YEAR = 2018;
export const PRODUCT_CODE_MAX_YEAR = 2100;
/** Serials are padded to this width; larger ones simply take more digits. */
const SERIAL_WIDTH = 3;
/** Sanity bound: a commune will not evaluate a million products. */
const SERIAL_MAX = 999_999;

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
/** Dashes pasted from Word documents (en/em dash, non-breaking hyphen) count as the hyphen. */
const DASHES = /[‐‑‒–—−]/gu;
const PRODUCT_CODE = /^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$/;

const isValidSerial = (serial: number): boolean => Number.isInteger(serial) && serial >= 1 && serial <= SERIAL_MAX;
const isValidYear = (year: number): boolean => Number.isInteger(year) && year >= PRODUCT_CODE_MIN_YEAR && year <= PRODUCT_CODE_MAX_YEAR;

/**
 * Formats the parts as a product code: "82-29869-007-2026". The parts are expected to be valid
 * (they come from the database); anything else is a programming error and throws RangeError.
 */
export function formatProductCode({ provinceCode, communeCode, serial, year }: ProductCodeParts): string {
  if (!PROVINCE_CODE.test(provinceCode)) throw new RangeError(`Province code must be 2 digits: "${provinceCode}"`);
  if (!COMMUNE_CODE.test(communeCode)) throw new RangeError(`Commune code must be 5 digits: "${communeCode}"`);
  if (!isValidSerial(serial)) throw new RangeError(`Serial must be an integer 1–${SERIAL_MAX}: ${serial}`);
  if (!isValidYear(year)) {
    throw new RangeError(`Year must be ${PRODUCT_CODE_MIN_YEAR}–${PRODUCT_CODE_MAX_YEAR}: ${year}`);
  }
  return `${provinceCode}-${communeCode}-${String(serial).padStart(SERIAL_WIDTH, '0')}-${year}`;
}

/**
 * Parses a product code typed or pasted by a user. Whitespace is ignored, any dash counts as a
 * hyphen and an unpadded serial ("82-29869-7-2026") is accepted; `value` is the canonical form.
 */
export function parseProductCode(s: string): ProductCodeResult {
  const match = PRODUCT_CODE.exec(s.replace(/\s+/gu, '').replace(DASHES, '-'));
  if (match === null) {
    return failure(
      'product_code_format',
      'Mã sản phẩm OCOP phải có dạng (mã tỉnh 2 số)-(mã xã 5 số)-(số thứ tự)-(năm), ví dụ 82-29869-007-2026.',
      'An OCOP product code has the form (2-digit province)-(5-digit commune)-(serial)-(year), e.g. 82-29869-007-2026.',
    );
  }
  const [, provinceCode = '', communeCode = '', serialText = '', yearText = ''] = match;
  const serial = Number(serialText);
  const year = Number(yearText);

  if (!isValidSerial(serial)) {
    return failure('product_code_serial', 'Số thứ tự trong mã sản phẩm phải từ 001 trở lên.', 'The serial number in a product code must be 001 or more.');
  }
  if (!isValidYear(year)) {
    return failure(
      'product_code_year',
      `Năm đánh giá trong mã sản phẩm phải từ ${PRODUCT_CODE_MIN_YEAR} đến ${PRODUCT_CODE_MAX_YEAR}.`,
      `The evaluation year in a product code must be ${PRODUCT_CODE_MIN_YEAR}–${PRODUCT_CODE_MAX_YEAR}.`,
    );
  }
  const parts: ProductCodeParts = { provinceCode, communeCode, serial, year };
  return { ok: true, value: formatProductCode(parts), parts };
}
