import { describe, expect, it } from 'vitest';
import { formatIndicator } from './format-indicator.js';

const vi = { billion: 'tỷ', million: 'triệu' };

describe('an indicator card’s figure', () => {
  it.each([
    [null, 'percent', '—'],
    [33.3, 'percent', '33,3\u00a0%'],
    [1_250_000_000, 'vnd', '1,25\u00a0tỷ'],
    [65_000_000, 'vnd', '65\u00a0triệu'],
    [45_500_000, 'vnd', '45,5\u00a0triệu'],
    [500_000, 'vnd', '500.000'],
    [2024, 'items', '2.024'],
    [0, 'events', '0'],
  ])('%s %s → %s', (value, unit, text) => {
    expect(formatIndicator(value, unit, vi)).toBe(text);
  });
});
