import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, parseYear, yearOptions } from './years.js';

describe('yearOptions', () => {
  it('runs from next year down to the first year', () => {
    const years = yearOptions(2026);
    expect(years[0]).toBe(2027);
    expect(years[1]).toBe(2026);
    expect(years.at(-1)).toBe(FIRST_YEAR);
    expect(years).toHaveLength(2027 - FIRST_YEAR + 1);
  });
});

describe('parseYear', () => {
  it('reads a year in range', () => {
    expect(parseYear('2024', 2026)).toBe(2024);
    expect(parseYear('2027', 2026)).toBe(2027);
    expect(parseYear(String(FIRST_YEAR), 2026)).toBe(FIRST_YEAR);
  });

  it('refuses what is absent, malformed or out of range', () => {
    expect(parseYear(null, 2026)).toBeNull();
    expect(parseYear('', 2026)).toBeNull();
    expect(parseYear('24', 2026)).toBeNull();
    expect(parseYear('2024x', 2026)).toBeNull();
    expect(parseYear('2028', 2026)).toBeNull();
    expect(parseYear(String(FIRST_YEAR - 1), 2026)).toBeNull();
  });
});
