import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays } from './calendar.js';
import { statutoryHolidays, vietnamWorkingDays, type Holiday } from './holidays.js';

const days = (holidays: Holiday[]) => holidays.map((h) => [h.date, h.kind]);

describe('statutory holidays (Labour Code 2019, Art. 111.3 and 112)', () => {
  it('2024: Tết from the eve (Fri 09/02) with Sat 10 and Sun 11 given back on Wed 14 and Thu 15', () => {
    expect(days(statutoryHolidays(2024))).toEqual([
      ['2024-01-01', 'holiday'], // Tết Dương lịch, Monday
      ['2024-02-09', 'holiday'], // 30 Tết
      ['2024-02-10', 'holiday'], // mùng 1, Saturday
      ['2024-02-11', 'holiday'], // Sunday
      ['2024-02-12', 'holiday'],
      ['2024-02-13', 'holiday'], // mùng 4
      ['2024-02-14', 'compensatory'],
      ['2024-02-15', 'compensatory'],
      ['2024-04-18', 'holiday'], // Giỗ Tổ Hùng Vương, Thursday
      ['2024-04-30', 'holiday'],
      ['2024-05-01', 'holiday'],
      ['2024-09-02', 'holiday'], // Monday
      ['2024-09-03', 'holiday'], // the companion day after
    ]);
  });

  it('2025: Tết Tue 28/01 – Sat 01/02 with Monday 03/02 given back; Quốc khánh Mon 01/09 – Tue 02/09', () => {
    expect(days(statutoryHolidays(2025))).toEqual([
      ['2025-01-01', 'holiday'],
      ['2025-01-28', 'holiday'], // 29 Tết: month 12 of Giáp Thìn has 29 days
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'holiday'], // mùng 4, Saturday
      ['2025-02-03', 'compensatory'],
      ['2025-04-07', 'holiday'],
      ['2025-04-30', 'holiday'],
      ['2025-05-01', 'holiday'],
      ['2025-09-01', 'holiday'], // 2/9 is a Tuesday: the day before joins the weekend
      ['2025-09-02', 'holiday'],
    ]);
  });

  it('2026: Tết Mon 16/02 – Fri 20/02; Giỗ Tổ on Sunday 26/04 given back on Monday 27/04', () => {
    expect(days(statutoryHolidays(2026))).toEqual([
      ['2026-01-01', 'holiday'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'holiday'],
      ['2026-04-26', 'holiday'],
      ['2026-04-27', 'compensatory'],
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-09-02', 'holiday'], // Wednesday
      ['2026-09-03', 'holiday'],
    ]);
  });

  it('names each day in Vietnamese and English', () => {
    const named = new Map(statutoryHolidays(2026).map((h) => [h.date, h.name]));
    expect(named.get('2026-01-01')).toEqual({ vi: 'Tết Dương lịch', en: 'New Year’s Day' });
    expect(named.get('2026-02-16')?.vi).toBe('Tết Nguyên đán');
    expect(named.get('2026-04-26')?.vi).toBe('Giỗ Tổ Hùng Vương');
    expect(named.get('2026-04-27')).toEqual({ vi: 'Nghỉ bù Giỗ Tổ Hùng Vương', en: 'Compensatory day off (Hùng Kings’ Commemoration Day)' });
    expect(named.get('2026-04-30')?.vi).toBe('Ngày Chiến thắng');
    expect(named.get('2026-05-01')?.vi).toBe('Ngày Quốc tế Lao động');
    expect(named.get('2026-09-03')).toEqual({ vi: 'Quốc khánh', en: 'National Day' });
  });

  it('2023: compensatory days stack, each on the next working day not already off', () => {
    const y2023 = statutoryHolidays(2023);
    expect(days(y2023)).toEqual([
      ['2023-01-01', 'holiday'], // Sunday…
      ['2023-01-02', 'compensatory'], // …given back on Monday
      ['2023-01-21', 'holiday'], // 30 Tết, Saturday
      ['2023-01-22', 'holiday'], // mùng 1, Sunday
      ['2023-01-23', 'holiday'],
      ['2023-01-24', 'holiday'],
      ['2023-01-25', 'holiday'],
      ['2023-01-26', 'compensatory'], // for the Saturday, after the break
      ['2023-01-27', 'compensatory'], // for the Sunday
      ['2023-04-29', 'holiday'], // Giỗ Tổ, Saturday
      ['2023-04-30', 'holiday'], // Sunday
      ['2023-05-01', 'holiday'], // Monday, itself a holiday
      ['2023-05-02', 'compensatory'], // for Giỗ Tổ
      ['2023-05-03', 'compensatory'], // for 30/4
      ['2023-09-01', 'holiday'], // Friday, the companion of a Saturday 2/9
      ['2023-09-02', 'holiday'],
      ['2023-09-04', 'compensatory'], // Monday
    ]);
    expect(y2023.find((h) => h.date === '2023-05-03')?.name.vi).toBe('Nghỉ bù Ngày Chiến thắng');
  });

  it.each([
    [2021, 'Thursday', '2021-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    [2026, 'Wednesday', '2026-09-03'],
    [2029, 'Sunday', '2029-09-03'],
  ])('Quốc khánh %i on a %s: the default companion day is %s', (year, _weekday, companion) => {
    const september = statutoryHolidays(year).filter((h) => h.date.startsWith(`${year}-09`) && h.kind === 'holiday');
    expect(september.map((h) => h.date).sort()).toEqual([companion, `${year}-09-02`].sort());
  });

  it('Quốc khánh on Sunday 02/09/2029: Monday is the companion, Tuesday the compensatory day', () => {
    expect(days(statutoryHolidays(2029).filter((h) => h.date.startsWith('2029-09')))).toEqual([
      ['2029-09-02', 'holiday'],
      ['2029-09-03', 'holiday'],
      ['2029-09-04', 'compensatory'],
    ]);
  });

  it('lists every year sorted, each date once, eleven holidays and a compensatory day per weekend one', () => {
    for (let year = 2000; year <= 2100; year++) {
      const list = statutoryHolidays(year);
      const dates = list.map((h) => h.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      const holidays = list.filter((h) => h.kind === 'holiday');
      expect(holidays).toHaveLength(11);
      const onWeekends = holidays.filter((h) => [0, 6].includes(new Date(h.date).getUTCDay())).length;
      expect(list.filter((h) => h.kind === 'compensatory')).toHaveLength(onWeekends);
    }
  });
});

describe('the working-day calendar', () => {
  it('rests on weekends and statutory holidays, works other days', () => {
    const calendar = vietnamWorkingDays();
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // 29 Tết
    expect(calendar.isWorkingDay('2026-02-20')).toBe(false); // mùng 4
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // compensatory
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.holidays(2026)).toEqual(statutoryHolidays(2026));
  });

  it('takes the government’s changes: an extra day off, a Saturday worked, a default holiday moved', () => {
    // An announcement of the kind made each year: Monday 27/01/2025 off in exchange for Saturday
    // 08/02/2025 worked, and the default compensatory Monday 03/02 a working day.
    const calendar = vietnamWorkingDays([
      { date: '2025-01-27', kind: 'day_off', name: 'Nghỉ Tết Nguyên đán (hoán đổi)' },
      { date: '2025-02-08', kind: 'working_day', name: 'Làm bù ngày 27/01' },
      { date: '2025-02-03', kind: 'working_day' },
      { date: '2025-12-31', kind: 'day_off' },
    ]);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-09')).toBe(false); // the Sunday stays a rest day
    expect(calendar.isWorkingDay('2025-12-31')).toBe(false);

    const y2025 = calendar.holidays(2025);
    expect(y2025.find((h) => h.date === '2025-01-27')).toEqual({
      date: '2025-01-27',
      name: { vi: 'Nghỉ Tết Nguyên đán (hoán đổi)', en: 'Nghỉ Tết Nguyên đán (hoán đổi)' },
      kind: 'override',
    });
    expect(y2025.find((h) => h.date === '2025-12-31')?.name).toEqual({ vi: 'Ngày nghỉ theo thông báo', en: 'Day off by government notice' });
    expect(y2025.map((h) => h.date)).not.toContain('2025-02-03');
    expect(y2025.map((h) => h.date)).not.toContain('2025-02-08');
    expect(calendar.holidays(2026)).toEqual(statutoryHolidays(2026));

    // Friday 24/01/2025 + 1 working day: Monday 27 is now off, 28/01–01/02 is Tết, Monday 03/02 works.
    expect(addWorkingDays('2025-01-24', 1, calendar)).toBe('2025-02-03');
    expect(addWorkingDays('2025-02-07', 1, calendar)).toBe('2025-02-08');
  });

  it('lists an override on a statutory holiday once, and counts the last override of a date', () => {
    const calendar = vietnamWorkingDays([
      { date: '2026-09-02', kind: 'day_off', name: 'Quốc khánh' },
      { date: '2026-09-04', kind: 'working_day' },
      { date: '2026-09-04', kind: 'day_off' },
    ]);
    const september = calendar.holidays(2026).filter((h) => h.date.startsWith('2026-09'));
    expect(days(september)).toEqual([
      ['2026-09-02', 'holiday'],
      ['2026-09-03', 'holiday'],
      ['2026-09-04', 'override'],
    ]);
    expect(calendar.isWorkingDay('2026-09-04')).toBe(false);
  });

  it('hands out copies, and refuses a malformed override date', () => {
    const calendar = vietnamWorkingDays();
    calendar.holidays(2026)[0]!.date = '2026-01-02';
    expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
    expect(calendar.holidays(2026)[0]!.date).toBe('2026-01-01');
    expect(() => vietnamWorkingDays([{ date: '01/09/2026', kind: 'day_off' }])).toThrow(RangeError);
  });

  it('agrees with its holiday list on every day of a year', () => {
    const calendar = vietnamWorkingDays();
    const off = new Set(calendar.holidays(2027).map((h) => h.date));
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const weekend = [0, 6].includes(new Date(d).getUTCDay());
      expect(calendar.isWorkingDay(d)).toBe(!weekend && !off.has(d));
    }
  });
});
