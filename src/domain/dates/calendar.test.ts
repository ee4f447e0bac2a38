import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, daysBetween, formatDateVn, parseIsoDate, vietnamDate, type WorkingDays } from './calendar.js';
import { vietnamWorkingDays } from './holidays.js';

describe('calendar dates', () => {
  it.each([
    ['2026-05-22', 36, '2029-05-22'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2028-02-29', 36, '2031-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months = %s', (d, m, expected) => expect(addMonths(d, m)).toBe(expected));

  it('adds days across months and years, and counts days between', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2029-05-22', -180)).toBe('2028-11-23');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('counts working days, skipping weekends and holidays', () => {
    // Friday 04/12/2026 + 1 working day = Monday 07/12/2026.
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-01', 15)).toBe('2026-12-22');
    expect(addWorkingDays('2026-12-01', 0)).toBe('2026-12-01');
    // 30/04 and 01/05/2026 are Thursday and Friday.
    expect(addWorkingDays('2026-04-28', 3)).toBe('2026-05-01');
    expect(addWorkingDays('2026-04-28', 3, vietnamWorkingDays())).toBe('2026-05-05');
    const everyDay: WorkingDays = { isWorkingDay: () => true };
    expect(addWorkingDays('2026-04-24', 1, everyDay)).toBe('2026-04-25');
  });

  it('skips the Tết break: 15 working days from Friday 13/02/2026 end on 13/03, not 06/03', () => {
    // Off: the weekend 14–15/02, Tết 16–20/02 (29 Tết to mùng 4), the weekend 21–22/02.
    expect(addWorkingDays('2026-02-13', 15)).toBe('2026-03-06');
    expect(addWorkingDays('2026-02-13', 15, vietnamWorkingDays())).toBe('2026-03-13');
  });

  it('takes the Vietnamese calendar day of an instant', () => {
    expect(vietnamDate(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect(vietnamDate(new Date('2026-06-30T16:59:00Z'))).toBe('2026-06-30');
    // The same day asked again, in turn with others (the last day's date is kept), and midnight itself.
    for (const [at, date] of [
      ['2026-06-30T17:30:00Z', '2026-07-01'],
      ['2026-06-30T16:59:59.999Z', '2026-06-30'],
      ['2026-06-30T17:00:00Z', '2026-07-01'],
      ['2026-06-30T17:00:00Z', '2026-07-01'],
      ['1969-12-31T16:59:00Z', '1969-12-31'],
      ['1969-12-31T17:00:00Z', '1970-01-01'],
    ] as const) {
      expect(vietnamDate(new Date(at)), at).toBe(date);
    }
  });

  it('formats dd/mm/yyyy and refuses impossible dates', () => {
    expect(formatDateVn('2026-05-02')).toBe('02/05/2026');
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('30/02/2026')).toThrow(RangeError);
  });
});
