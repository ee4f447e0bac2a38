/**
 * Calendar dates as ISO strings (YYYY-MM-DD): legal deadlines are counted in days, not instants, and
 * an ISO date compares correctly as a string. Arithmetic goes through day numbers (days since
 * 1970-01-01 in the proleptic Gregorian calendar), so time zones and daylight saving never shift a
 * day, and no Date object is made: the label check works out each certificate's standing from its
 * dates on every scan.
 */
export type IsoDate = string;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!);

/** The number written by the digits of `d` from `start` to `end`; NaN if any is not a digit. */
function digits(d: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = d.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * The year, month and day of an ISO date, read character by character: every label check parses a
 * handful of dates, and matching a regular expression cost two and a half times as much.
 */
export function parseIsoDate(d: IsoDate): { year: number; month: number; day: number } {
  const year = d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45 ? digits(d, 0, 4) : NaN;
  const month = digits(d, 5, 7);
  const day = digits(d, 8, 10);
  if (Number.isNaN(year + month + day)) throw new RangeError(`Not an ISO date: ${d}`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`No such date: ${d}`);
  return { year, month, day };
}

/**
 * The day number of a date: days since 1970-01-01 (negative before). The years are counted from
 * March, so that the leap day ends a year (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * days_from_civil).
 */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number (civil_from_days, the inverse of `dayNumberOf`). */
function dateOfDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (d: IsoDate): number => {
  const { year, month, day } = parseIsoDate(d);
  return dayNumberOf(year, month, day);
};

/** A date from its year, month and day; a day or month past the end runs on into the next (31/04 is 01/05), as Date.UTC does. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const months = year * 12 + month - 1;
  const y = Math.floor(months / 12);
  return dateOfDayNumber(dayNumberOf(y, months - y * 12 + 1, 1) + day - 1);
}

export const addDays = (d: IsoDate, days: number): IsoDate => dateOfDayNumber(dayNumber(d) + days);

/** Adds calendar months; a day missing in the target month becomes its last day (31/05 + 1 month = 30/06). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(d);
  const target = year * 12 + month - 1 + months;
  const y = Math.floor(target / 12);
  const m = target - y * 12 + 1;
  return dateOfDayNumber(dayNumberOf(y, m, Math.min(day, daysInMonth(y, m))));
}

export const daysBetween = (from: IsoDate, to: IsoDate) => dayNumber(to) - dayNumber(from);

/** The day last asked for, and its date: every request of a day asks for the same one. */
let lastVietnamDay = NaN;
let lastVietnamDate = '' as IsoDate;

/** The date in Vietnam (UTC+7) at an instant: a deadline falls on Vietnamese calendar days. */
export function vietnamDate(at: Date): IsoDate {
  const day = Math.floor((at.getTime() + 7 * 3_600_000) / 86_400_000);
  if (day !== lastVietnamDay) {
    lastVietnamDate = dateOfDayNumber(day);
    lastVietnamDay = day;
  }
  return lastVietnamDate;
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function formatDateVn(d: IsoDate): string {
  parseIsoDate(d);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (d: IsoDate) => (((dayNumber(d) + 4) % 7) + 7) % 7; // 01/01/1970 was a Thursday

/** Saturday or Sunday: the weekly rest days of public agencies (40-hour week, Decision 188/1999/QĐ-TTg). */
export const isWeekend = (d: IsoDate) => [0, 6].includes(dayOfWeek(d));

/**
 * Which days count as working days (ngày làm việc). An interface rather than a set of dates: public
 * holidays include lunar ones and days the government moves each year, so the calendar is computed
 * (see `vietnamWorkingDays` in holidays.ts) and handed in, not a rule fixed here.
 */
export interface WorkingDays {
  isWorkingDay(date: IsoDate): boolean;
}

/** Monday to Friday, no holidays: the plain week, for callers that know of no holiday calendar. */
export const weekdaysOnly: WorkingDays = { isWorkingDay: (d) => !isWeekend(d) };

/**
 * Adds working days (ngày làm việc), as legal deadlines count them: the count starts the day after
 * `d` and only days that `calendar` calls working days count, so a deadline of one or more working
 * days falls on a working day. Without a calendar only Saturdays and Sundays are skipped; pass
 * `vietnamWorkingDays()` (holidays.ts) for public holidays.
 */
export function addWorkingDays(d: IsoDate, days: number, calendar: WorkingDays = weekdaysOnly): IsoDate {
  let current = d;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (calendar.isWorkingDay(current)) left--;
  }
  return current;
}
