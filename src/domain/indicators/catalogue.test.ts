import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorByCode } from './catalogue.js';

describe('indicator catalogue', () => {
  it('has unique snake_case codes', () => {
    const codes = INDICATORS.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
  });
  it('names and defines every indicator in Vietnamese and English', () => {
    for (const x of INDICATORS) for (const t of [x.name.vi, x.name.en, x.definition.vi, x.definition.en]) expect(t.trim().length).toBeGreaterThan(3);
  });
  it('looks indicators up by code', () => {
    expect(indicatorByCode('products_evaluated')?.unit).toBe('products');
    expect(indicatorByCode('nope')).toBeUndefined();
  });
});
