import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatPoints, formatVnd, orDash } from './format.js';

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2026-03-05T14:07:00')).toBe('05/03/2026 14:07');
  });

  it('groups numbers and money the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatVnd(150000).replace(/\s/gu, ' ')).toBe('150.000 ₫');
    expect(formatBytes(2048)).toBe('2 KB');
  });

  it('writes points with a decimal comma', () => {
    expect(formatPoints(98)).toBe('98');
    expect(formatPoints(72.5)).toBe('72,5');
    expect(formatPoints(66.666)).toBe('66,67');
    expect(formatPoints(null)).toBe('—');
  });

  it('uses a dash for missing values', () => {
    expect(orDash('')).toBe('—');
    expect(orDash(undefined)).toBe('—');
    expect(orDash(0)).toBe('0');
  });
});
