import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { lunarToSolar, solarToLunar } from './lunar.js';

describe('Vietnamese lunar calendar', () => {
  // Tết Nguyên đán (1/1 lunar) as published. 2030 is 02/02 in Vietnam: the new moon is at 23:08 in
  // Hà Nội (UTC+7) but 00:08 on 03/02 in Beijing, so the Chinese New Year is a day later.
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leapMonth: false });
  });

  // Giỗ Tổ Hùng Vương (10/3 lunar). 2027–2030 computed here and checked against an independent
  // ephemeris (the new moons that begin those months are hours away from midnight).
  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 3, day: 10, leapMonth: false });
  });

  it('reckons days in UTC+7, where Vietnam and China part (1968, 1985, 2007)', () => {
    expect(lunarToSolar(1968, 1, 1)).toBe('1968-01-29'); // China: 30/01
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21'); // China: 20/02, a month later
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17'); // China: 18/02
  });

  it('places leap months: 2023 repeats month 2, 2025 month 6', () => {
    expect(solarToLunar('2023-03-21')).toEqual({ year: 2023, month: 2, day: 30, leapMonth: false });
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leapMonth: true });
    expect(solarToLunar('2023-04-20')).toEqual({ year: 2023, month: 3, day: 1, leapMonth: false });
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leapMonth: true });
    expect(solarToLunar('2025-08-23')).toEqual({ year: 2025, month: 7, day: 1, leapMonth: false });
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 6, 1)).toBe('2025-06-25');
  });

  it('gives the last day of the lunar year (the eve of Tết), 29th or 30th', () => {
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leapMonth: false });
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leapMonth: false });
  });

  it('refuses lunar dates the year does not have', () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(2023, 3, 1, true)).toThrow(RangeError); // 2023 repeats month 2, not 3
    expect(lunarToSolar(2023, 12, 30)).toBe('2024-02-09'); // month 12 of 2023 has 30 days…
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(RangeError); // …that of 2024 has 29
    expect(() => lunarToSolar(2025, 6, 30, true)).toThrow(RangeError); // the leap 6th month of 2025 has 29
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 0)).toThrow(RangeError);
  });

  it('round-trips every day from 2018 to 2032, one lunar day after another', () => {
    let previous = solarToLunar('2017-12-31');
    for (let d = '2018-01-01'; d <= '2032-12-31'; d = addDays(d, 1)) {
      const lunar = solarToLunar(d);
      expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leapMonth)).toBe(d);
      if (lunar.day === 1) {
        // A month has 29 or 30 days; the next is the same month repeated (leap), or the following one.
        expect([29, 30]).toContain(previous.day);
        if (lunar.leapMonth) expect(lunar.month).toBe(previous.month);
        else expect(lunar.month).toBe((previous.month % 12) + 1);
        expect(lunar.year).toBe(lunar.month === 1 && !lunar.leapMonth ? previous.year + 1 : previous.year);
      } else {
        expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      }
      previous = lunar;
    }
  });
});
