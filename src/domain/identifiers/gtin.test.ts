import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, validateGtin } from './gtin.js';

describe('validateGtin', () => {
  it.each([
    ['8934563138165', '8934563138165', 'GTIN-13'], // GS1 Vietnam prefix 893
    ['4006381333931', '4006381333931', 'GTIN-13'],
    ['96385074', '96385074', 'GTIN-8'],
    ['036000291452', '036000291452', 'GTIN-12'], // UPC-A
    ['10614141000415', '10614141000415', 'GTIN-14'],
    ['8 934563 138165', '8934563138165', 'GTIN-13'], // as printed under the bars
    [' 4006381333931\n', '4006381333931', 'GTIN-13'],
  ])('accepts %j as %s', (input, value, kind) => {
    expect(validateGtin(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['8934563138166', 'gtin_check_digit'],
    ['4006381333932', 'gtin_check_digit'],
    ['4006381339331', 'gtin_check_digit'], // two digits swapped
    ['96385075', 'gtin_check_digit'],
    ['036000291453', 'gtin_check_digit'],
    ['10614141000416', 'gtin_check_digit'],
    ['1234567', 'gtin_length'],
    ['123456789', 'gtin_length'],
    ['893456313816512', 'gtin_length'],
    ['', 'gtin_length'],
    ['   ', 'gtin_length'],
    ['893-4563-138165', 'gtin_digits'],
    ['89345631381６5', 'gtin_digits'], // full-width digit
    ['GTIN8934563138165', 'gtin_digits'],
  ])('rejects %j with %s', (input, code) => {
    const result = validateGtin(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.vi).not.toBe('');
    expect(result.message.en).not.toBe('');
  });

  it('detects every single-digit error', () => {
    const body = fc.constantFrom(7, 11, 12, 13).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)));
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, position, delta) => {
        const code = b + String(gtinCheckDigit(b));
        expect(validateGtin(code).ok).toBe(true);
        const i = position % code.length;
        const typo = code.slice(0, i) + String((Number(code[i]) + delta) % 10) + code.slice(i + 1);
        expect(validateGtin(typo).ok).toBe(false);
      }),
    );
  });
});

describe('gtinCheckDigit', () => {
  it.each([
    ['893456313816', 5],
    ['400638133393', 1],
    ['9638507', 4],
    ['03600029145', 2],
    ['1061414100041', 5],
    ['0000000', 0],
  ])('check digit of %s is %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it.each(['', '12a4567', ' 1234567'])('throws on %j', (body) => {
    expect(() => gtinCheckDigit(body)).toThrow(RangeError);
  });
});
