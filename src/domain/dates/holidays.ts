import { addDays, dayOfWeek, isoDate, isWeekend, parseIsoDate, type IsoDate, type WorkingDays } from './calendar.js';
import { lunarToSolar } from './lunar.js';

/**
 * Vietnam's public holidays (ngày nghỉ lễ, tết), Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14):
 * Art. 112.1 lists them, Art. 111.3 gives a compensatory day off (nghỉ bù) for one that falls on the
 * weekly rest day, and Art. 112.3 leaves the exact Tết days and the day next to Quốc khánh to the
 * Prime Minister each year. The days computed here are therefore defaults; the office records the
 * year's announced changes as overrides (`CalendarOverride`).
 */

export type Holiday = {
  date: IsoDate;
  name: { vi: string; en: string };
  /** 'holiday': Art. 112.1; 'compensatory': Art. 111.3; 'override': a day off the government announced. */
  kind: 'holiday' | 'compensatory' | 'override';
};

/**
 * A day the government moves (Art. 112.3 and the yearly notices swapping working days): an extra day
 * off, or a day made a working day, typically a Saturday worked in exchange for a bridge day off.
 */
export type CalendarOverride = { date: IsoDate; kind: 'day_off' | 'working_day'; name?: string | null };

const NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: 'New Year’s Day' },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration Day' },
  victory: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  national: { vi: 'Quốc khánh', en: 'National Day' },
  override: { vi: 'Ngày nghỉ theo thông báo', en: 'Day off by government notice' },
} as const;

const byDate = (a: Holiday, b: Holiday) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The day next to Quốc khánh (Art. 112.1đ: 2/9 "and one day immediately before or after it"), which
 * the government picks each year. The default picks the side that extends a weekend: 1/9 when 2/9 is
 * a Tuesday (Saturday–Tuesday off), a Friday (Thursday–Sunday) or a Saturday (Friday–Sunday, and the
 * Monday in compensation); otherwise 3/9 (2/9 on a Sunday or a Monday: Saturday–Tuesday off; on a
 * Wednesday or a Thursday the day after, which leaves at most a lone Friday).
 * A heuristic, not a rule: the office overrides it with the year's announcement.
 */
function nationalDayCompanion(year: number): IsoDate {
  const national = isoDate(year, 9, 2);
  return [2, 5, 6].includes(dayOfWeek(national)) ? addDays(national, -1) : addDays(national, 1);
}

/**
 * The statutory days off of `year` (Art. 112.1) with their compensatory days (Art. 111.3), sorted by
 * date, no date twice:
 * - Tết Dương lịch 1/1; Ngày Chiến thắng 30/4; Ngày Quốc tế Lao động 1/5 (one day each);
 * - Tết Nguyên đán, 5 days: by default the last day of the lunar year and the first four of the new
 *   one (the government announces the actual days, Art. 112.3);
 * - Giỗ Tổ Hùng Vương, 10/3 lunar;
 * - Quốc khánh 2/9 and a day next to it (see `nationalDayCompanion`).
 * Each holiday on a Saturday or Sunday (the weekly rest days of public agencies) gives a compensatory
 * day: the next day that is neither a weekend nor already a day off. Holidays are taken in date order,
 * so consecutive ones stack: Giỗ Tổ on Saturday 29/4/2023 and 30/4 on Sunday, with 1/5 on Monday, give
 * Tuesday 2/5 and Wednesday 3/5. Two holidays on one date count as one day off (Giỗ Tổ fell on 30/4
 * in 1947; it does not again before 2200).
 */
export function statutoryHolidays(year: number): Holiday[] {
  const holiday = (date: IsoDate, name: Holiday['name']): Holiday => ({ date, name, kind: 'holiday' });
  const tet = lunarToSolar(year, 1, 1);
  const found = [
    holiday(isoDate(year, 1, 1), NAMES.newYear),
    ...[-1, 0, 1, 2, 3].map((n) => holiday(addDays(tet, n), NAMES.tet)),
    holiday(lunarToSolar(year, 3, 10), NAMES.hungKings),
    holiday(isoDate(year, 4, 30), NAMES.victory),
    holiday(isoDate(year, 5, 1), NAMES.labour),
    holiday(isoDate(year, 9, 2), NAMES.national),
    holiday(nationalDayCompanion(year), NAMES.national),
  ].sort(byDate);
  const holidays = found.filter((h, i) => i === 0 || h.date !== found[i - 1]!.date);

  const off = new Set(holidays.map((h) => h.date));
  const compensatory: Holiday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let date = addDays(h.date, 1);
    while (isWeekend(date) || off.has(date)) date = addDays(date, 1);
    off.add(date);
    compensatory.push({
      date,
      name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Compensatory day off (${h.name.en})` },
      kind: 'compensatory',
    });
  }
  return [...holidays, ...compensatory].sort(byDate);
}

/**
 * The working-day calendar of a Vietnamese public agency, for deadlines counted in working days:
 * Saturdays, Sundays and the statutory holidays of the year (`statutoryHolidays`) are days off, and
 * `overrides` — the year's announced changes (Art. 112.3) — win over both: 'working_day' makes a day
 * a working day (a swapped Saturday, or a default holiday the government placed elsewhere), 'day_off'
 * makes it a day off. The last override given for a date counts. A year's days are computed once.
 * `holidays(year)` lists that year's days off other than weekends, with the overrides applied; an
 * override without a name is listed as 'Ngày nghỉ theo thông báo' (its name, when given, is used in
 * both languages).
 */
export function vietnamWorkingDays(overrides: readonly CalendarOverride[] = []): WorkingDays & { holidays(year: number): Holiday[] } {
  const moved = new Map<IsoDate, CalendarOverride>();
  for (const o of overrides) {
    parseIsoDate(o.date); // refuse a malformed date now rather than never match it
    moved.set(o.date, o);
  }
  const years = new Map<number, { list: Holiday[]; off: Set<IsoDate> }>();

  const year = (y: number) => {
    let cached = years.get(y);
    if (!cached) {
      const statutory = statutoryHolidays(y).filter((h) => moved.get(h.date)?.kind !== 'working_day');
      const taken = new Set(statutory.map((h) => h.date));
      const extra = [...moved.values()]
        .filter((o) => o.kind === 'day_off' && parseIsoDate(o.date).year === y && !taken.has(o.date))
        .map((o): Holiday => ({ date: o.date, name: o.name ? { vi: o.name, en: o.name } : NAMES.override, kind: 'override' }));
      const list = [...statutory, ...extra].sort(byDate);
      cached = { list, off: new Set(list.map((h) => h.date)) };
      years.set(y, cached);
    }
    return cached;
  };

  return {
    isWorkingDay(date) {
      const o = moved.get(date);
      if (o) return o.kind === 'working_day';
      return !isWeekend(date) && !year(parseIsoDate(date).year).off.has(date);
    },
    holidays: (y) => year(y).list.map((h) => ({ ...h, name: { ...h.name } })),
  };
}
