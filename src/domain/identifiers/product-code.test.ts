import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProductCodeParts, formatProductCode, parseProductCode } from './product-code.js';

const part = (serial: number, year = 2026): ProductCodeParts => ({
  provinceCode: '82',
  communeCode: '29869',
  serial,
  year,
});

describe('formatProductCode', () => {
  it.each([
    [part(7), '82-29869-007-2026'],
    [part(1, 2018), '82-29869-001-2018'],
    [part(999), '82-29869-999-2026'],
    [part(1000), '82-29869-1000-2026'], // wider than 3 digits rather than wrapping
    [{ provinceCode: '01', communeCode: '00004', serial: 42, year: 2100 }, '01-00004-042-2100'],
  ])('formats %j as %s', (parts, code) => {
    expect(formatProductCode(parts)).toBe(code);
  });

  it.each([
    ['province code of 1 digit', { ...part(7), provinceCode: '8' }],
    ['province code of 3 digits', { ...part(7), provinceCode: '082' }],
    ['commune code of 4 digits', { ...part(7), communeCode: '2986' }],
    ['non-digit commune code', { ...part(7), communeCode: '2986A' }],
    ['serial 0', part(0)],
    ['negative serial', part(-1)],
    ['fractional serial', part(1.5)],
    ['serial over 999999', part(1_000_000)],
    ['year before the programme', part(7, 2017)],
    ['year after 2100', part(7, 2101)],
    ['fractional year', part(7, 2026.5)],
  ])('throws on %s', (_name, parts) => {
    expect(() => formatProductCode(parts)).toThrow(RangeError);
  });
});

describe('parseProductCode', () => {
  it.each([
    ['82-29869-007-2026', '82-29869-007-2026', part(7)],
    [' 82 - 29869 - 007 - 2026 ', '82-29869-007-2026', part(7)],
    ['82–29869–007–2026', '82-29869-007-2026', part(7)], // en dashes from a Word document
    ['82-29869-7-2026', '82-29869-007-2026', part(7)],
    ['82-29869-0007-2026', '82-29869-007-2026', part(7)],
    ['82-29869-1234-2030', '82-29869-1234-2030', part(1234, 2030)],
  ])('parses %j', (input, value, parts) => {
    expect(parseProductCode(input)).toEqual({ ok: true, value, parts });
  });

  it.each([
    ['82-29869-000-2026', 'product_code_serial'],
    ['82-29869-007-2017', 'product_code_year'],
    ['82-29869-007-2101', 'product_code_year'],
    ['82-29869-007-26', 'product_code_format'],
    ['82-2986-007-2026', 'product_code_format'],
    ['082-29869-007-2026', 'product_code_format'],
    ['82-29869-0000007-2026', 'product_code_format'],
    ['82-29869-007', 'product_code_format'],
    ['82/29869/007/2026', 'product_code_format'],
    ['AB-29869-007-2026', 'product_code_format'],
    ['', 'product_code_format'],
  ])('rejects %j with %s', (input, code) => {
    const result = parseProductCode(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.vi).not.toBe('');
    expect(result.message.en).not.toBe('');
  });

  it('round-trips every valid code', () => {
    const parts = fc.record({
      provinceCode: fc.stringMatching(/^\d{2}$/),
      communeCode: fc.stringMatching(/^\d{5}$/),
      serial: fc.integer({ min: 1, max: 999_999 }),
      year: fc.integer({ min: 2018, max: 2100 }),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const code = formatProductCode(p);
        expect(parseProductCode(code)).toEqual({ ok: true, value: code, parts: p });
      }),
    );
  });
});
