/**
 * GTIN (Global Trade Item Number): the number under a product's barcode (EAN/UPC).
 *
 * Rules from the GS1 General Specifications ("GTIN" and "check digit calculation"): a GTIN has 8,
 * 12, 13 or 14 digits, the last being a mod-10 check digit over the others. Products registered
 * through GS1 Vietnam carry company prefixes starting 893 (e.g. 8934563138165). The prefix tells
 * which GS1 member organisation issued the number, not where the product was made, so it is not
 * checked here: OCOP products may legitimately carry codes issued elsewhere.
 */

import { type Invalid, failure } from './result.js';

export type GtinKind = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';
export type GtinErrorCode = 'gtin_length' | 'gtin_digits' | 'gtin_check_digit';

export type GtinResult = { readonly ok: true; readonly value: string; readonly kind: GtinKind } | Invalid<GtinErrorCode>;

const KIND_BY_LENGTH: ReadonlyMap<number, GtinKind> = new Map([
  [8, 'GTIN-8'], // EAN-8
  [12, 'GTIN-12'], // UPC-A
  [13, 'GTIN-13'], // EAN-13, the usual retail barcode in Vietnam
  [14, 'GTIN-14'], // trade units (cartons)
]);

const DIGITS = /^\d+$/;

/**
 * GS1 mod-10 check digit for the digits before it. Weights alternate 3, 1, 3 … starting from the
 * rightmost digit of `body`, so the same routine serves every GTIN length (and SSCC/GLN).
 * Throws RangeError if `body` is not a non-empty digit string: callers pass validated data.
 */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new RangeError(`GTIN body must be digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates a GTIN-8/12/13/14 as printed under a barcode; spaces (as in "8 934563 138165") are
 * ignored. The value is returned as digits, without padding it to 14: people search for the code
 * they see on the pack.
 */
export function validateGtin(code: string): GtinResult {
  const value = code.replace(/\s+/gu, '');

  if (!DIGITS.test(value) && value !== '') {
    return failure('gtin_digits', 'Mã GTIN chỉ được gồm chữ số.', 'A GTIN may contain digits only.');
  }
  const kind = KIND_BY_LENGTH.get(value.length);
  if (kind === undefined) {
    return failure(
      'gtin_length',
      `Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số (đang có ${value.length}).`,
      `A GTIN must have 8, 12, 13 or 14 digits (got ${value.length}).`,
    );
  }
  // The expected digit is deliberately not shown: the typo is as likely to be elsewhere, and
  // "fixing" the last digit would turn a detectable error into a wrong but valid code.
  if (gtinCheckDigit(value.slice(0, -1)) !== Number(value.slice(-1))) {
    return failure(
      'gtin_check_digit',
      'Số kiểm tra (chữ số cuối) của mã GTIN không khớp; vui lòng kiểm tra lại từng chữ số.',
      'The GTIN check digit (last digit) does not match; please check every digit.',
    );
  }
  return { ok: true, value, kind };
}
