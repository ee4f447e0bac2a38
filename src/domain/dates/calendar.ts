/**
 * Calendar dates as ISO strings (YYYY-MM-DD): legal deadlines are counted in days, not instants, and
 * an ISO date compares correctly as a string. Arithmetic goes through UTC so time zones and
 * daylight saving never shift a day.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(d: IsoDate): { year: number; month: number; day: number } {
  const m = ISO.exec(d);
  if (!m) throw new RangeError(`Not an ISO date: ${d}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new RangeError(`No such date: ${d}`);
  return { year, month, day };
}

const toIso = (t: Date): IsoDate => t.toISOString().slice(0, 10);
const toUtc = (d: IsoDate) => {
  const { year, month, day } = parseIsoDate(d);
  return new Date(Date.UTC(year, month - 1, day));
};

export const isoDate = (year: number, month: number, day: number): IsoDate => toIso(new Date(Date.UTC(year, month - 1, day)));

export function addDays(d: IsoDate, days: number): IsoDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + days);
  return toIso(t);
}

/** Adds calendar months; a day missing in the target month becomes its last day (31/05 + 1 month = 30/06). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(d);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIso(target);
}

export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);

/** The day last asked for, and its date: every request of a day asks for the same one. */
let lastVietnamDay = NaN;
let lastVietnamDate = '' as IsoDate;

/** The date in Vietnam (UTC+7) at an instant: a deadline falls on Vietnamese calendar days. */
export function vietnamDate(at: Date): IsoDate {
  const day = Math.floor((at.getTime() + 7 * 3_600_000) / 86_400_000);
  if (day !== lastVietnamDay) {
    lastVietnamDate = toIso(new Date(day * 86_400_000));
    lastVietnamDay = day;
  }
  return lastVietnamDate;
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function formatDateVn(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (d: IsoDate) => toUtc(d).getUTCDay();

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
