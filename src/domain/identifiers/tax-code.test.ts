import { describe, expect, it } from 'vitest';
import { taxCodeCheckDigit, validateTaxCode } from './tax-code.js';

describe('validateTaxCode', () => {
  it.each([
    ['0100109106', '0100109106', 'enterprise'], // Viettel
    ['0300588569', '0300588569', 'enterprise'], // Vinamilk
    ['0100101298', '0100101298', 'enterprise'],
    ['0100112437', '0100112437', 'enterprise'], // Vietcombank
    ['0101245486', '0101245486', 'enterprise'], // Vingroup
    ['0101248141', '0101248141', 'enterprise'], // FPT
    // From the published codes collected in python-stdnum's test suite:
    ['0103326250', '0103326250', 'enterprise'], // remainder 10 → check digit 0
    ['0105869220', '0105869220', 'enterprise'],
    ['5900705097', '5900705097', 'enterprise'],
    ['0102641429-066', '0102641429-066', 'dependent_unit'],
    ['2000102580-005', '2000102580-005', 'dependent_unit'],
    ['0312 68 78 78 - 001', '0312687878-001', 'dependent_unit'],
    ['0314409058–002', '0314409058-002', 'dependent_unit'], // en dash pasted from a document
    ['  0100109106-001 ', '0100109106-001', 'dependent_unit'],
    // Household businesses: the 12-digit personal identification number (Circular 86/2024/TT-BTC).
    ['087 195 012 345', '087195012345', 'personal_id'],
    ['001090000001', '001090000001', 'personal_id'],
  ])('accepts %j', (input, value, kind) => {
    expect(validateTaxCode(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['0100109107', 'tax_code_check_digit'],
    ['0100233480', 'tax_code_check_digit'],
    ['0101245468', 'tax_code_check_digit'], // two digits swapped
    ['0100109107-001', 'tax_code_check_digit'], // the parent part is checked too
    // Circulates as an example code, but its check digit computes to 2, not 9, and it matches no
    // registered enterprise: a typo.
    ['0302019839', 'tax_code_check_digit'],
    // 010010904 has weighted sum ≡ 0 (mod 11): no check digit exists, whatever follows.
    ...[...'0123456789'].map((d): [string, string] => [`010010904${d}`, 'tax_code_check_digit']),
    ['0100000003', 'tax_code_component'], // check digit fits, but sequence 0000000 is never issued
    ['0100109106-000', 'tax_code_component'],
    ['010010910', 'tax_code_format'],
    ['01001091061', 'tax_code_format'],
    ['0100109106-01', 'tax_code_format'],
    ['0100109106-0011', 'tax_code_format'],
    ['0100109106/001', 'tax_code_format'],
    ['VV34567890', 'tax_code_format'],
    ['097195012345', 'tax_code_component'], // no province 097
    ['000195012345', 'tax_code_component'],
    ['', 'tax_code_format'],
  ])('rejects %j with %s', (input, code) => {
    const result = validateTaxCode(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.vi).toMatch(/mã số thuế|Mã số thuế|đơn vị phụ thuộc|định danh/);
    expect(result.message.en).toMatch(/tax code|dependent-unit|personal identification/);
  });
});

describe('taxCodeCheckDigit', () => {
  it.each([
    ['010010910', 6],
    ['030058856', 9],
    ['010010129', 8],
    ['010332625', 0],
    ['010010904', null],
    ['000000000', null],
  ])('check digit of %s is %s', (first9, digit) => {
    expect(taxCodeCheckDigit(first9)).toBe(digit);
  });

  it.each(['01001091', '0100109106', '01001091a'])('throws on %j', (first9) => {
    expect(() => taxCodeCheckDigit(first9)).toThrow(RangeError);
  });
});
