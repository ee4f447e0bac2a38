import { describe, expect, it } from 'vitest';
import { isWeekend, weekdayOf } from './labels.js';

describe('calendar weekdays', () => {
  it('names the weekday of an ISO date, whatever the time zone', () => {
    expect(weekdayOf('2026-02-17')).toBe('tue'); // Mùng 1 Tết Bính Ngọ
    expect(weekdayOf('2026-09-02')).toBe('wed');
    expect(weekdayOf('2026-05-02')).toBe('sat');
  });

  it('knows the weekly rest days', () => {
    expect(isWeekend('2026-05-02')).toBe(true);
    expect(isWeekend('2026-05-03')).toBe(true);
    expect(isWeekend('2026-05-04')).toBe(false);
  });
});
