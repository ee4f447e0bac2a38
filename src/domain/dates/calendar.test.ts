import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  dayNumber,
  dayOfWeek,
  daysBetween,
  formatDateVn,
  isoDate,
  parseIsoDate,
  vietnamDate,
  type WorkingDays,
} from './calendar.js';
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
    expect(formatDateVn('2028-02-29')).toBe('29/02/2028');
    for (const bad of [
      '2026-02-30',
      '30/02/2026',
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-05',
      ' 2026-01-05',
      '2026-01-05 ',
      '2026/01/05',
      '2026-01-0a',
      '+026-01-05',
      '2026--1-05',
      '２０２６-01-05',
      '',
    ]) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
      expect(() => formatDateVn(bad), bad).toThrow(RangeError);
    }
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  // The arithmetic works on day numbers; JavaScript's own UTC dates are the reference, day by day
  // over two centuries (leap years of every kind: 1900 and 2100 are not, 2000 is).
  const utc = (d: string) => new Date(`${d}T00:00:00Z`);
  const iso = (t: Date) => t.toISOString().slice(0, 10);
  it('counts days as UTC dates do, every day from 1899 to 2101', () => {
    const first = Date.UTC(1899, 11, 25);
    for (let t = first, n = 0; t <= Date.UTC(2101, 0, 5); t += 86_400_000, n++) {
      const d = iso(new Date(t));
      expect(dayNumber(d), d).toBe(Math.round(t / 86_400_000));
      expect(addDays('1899-12-25', n), d).toBe(d);
      expect(dayOfWeek(d), d).toBe(new Date(t).getUTCDay());
    }
  });

  it.each([
    ['1999-12-31', 1, '2000-01-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2026-12-06', -1_096, '2023-12-06'],
    ['2026-12-06', 36_524, '2126-12-06'], // 24 leap days: 2100 is none,
  ])('%s + %i days = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(addDays(expected, -n)).toBe(d);
    expect(daysBetween(d, expected)).toBe(n);
    expect(iso(new Date(utc(d).getTime() + n * 86_400_000))).toBe(expected);
  });

  it('adds months as the month lengths allow, for every day of 2027 and 2028', () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
      const d = iso(new Date(t));
      for (const months of [-13, -1, 1, 6, 12, 36]) {
        const target = new Date(Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + months, 1));
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        target.setUTCDate(Math.min(new Date(t).getUTCDate(), last));
        expect(addMonths(d, months), `${d} + ${months}`).toBe(iso(target));
      }
    }
  });

  it('makes a date from its parts, running a day or month past the end on as Date.UTC does', () => {
    for (const [y, m, d] of [
      [2026, 4, 30],
      [2026, 4, 31],
      [2026, 13, 1],
      [2026, 0, 15],
      [2028, 2, 30],
      [2026, 3, 0],
      [2027, 1, 30],
    ] as const) {
      expect(isoDate(y, m, d), `${y}-${m}-${d}`).toBe(iso(new Date(Date.UTC(y, m - 1, d))));
    }
  });
});
