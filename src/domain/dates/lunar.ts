import { addDays, daysBetween, type IsoDate } from './calendar.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), needed because two public holidays of the Labour Code
 * 2019, Art. 112.1 (Tết Nguyên đán and Giỗ Tổ Hùng Vương, 10/3) are lunar dates.
 *
 * Computed astronomically, not read from a table: the public-domain algorithm of Hồ Ngọc Đức
 * ("Âm lịch Việt Nam"), which finds new moons and the sun's longitude (Meeus' series) and places the
 * months by the rules of the Vietnamese calendar: a month begins on the day of the new moon, month 11
 * holds the winter solstice, and in a year of 13 months the first month without a major solar term
 * (trung khí) is the leap month. Days are reckoned in Vietnam's time zone, UTC+7 — the reason the
 * Vietnamese calendar sometimes differs from the Chinese one (UTC+8): Tết 1968, 1985, 2007 and 2030
 * fall on other days. The series are accurate to minutes for roughly 1800–2199; a new moon within a
 * minute or so of midnight can land on the wrong day (between 2000 and 2100: 09/12/2072, 19/10/2085).
 */

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** The intercalary (nhuận) month that repeats `month`. */
  leapMonth: boolean;
}

/** Vietnam's time zone, in hours: the calendar day of a new moon is the day in Hà Nội. */
const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

// Julian day numbers through the ISO helpers: JDN 2440588 is 1970-01-01 (proleptic Gregorian).
const UNIX_EPOCH: IsoDate = '1970-01-01';
const UNIX_EPOCH_JDN = 2440588;
const jdn = (d: IsoDate) => UNIX_EPOCH_JDN + daysBetween(UNIX_EPOCH, d);
const fromJdn = (n: number): IsoDate => addDays(UNIX_EPOCH, n - UNIX_EPOCH_JDN);

/** Julian day (TT, fractional) of the k-th new moon after January 1900 (Meeus, ch. 49, abridged). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG; // sun's mean anomaly
  const mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG; // moon's mean anomaly
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG; // moon's argument of latitude
  const c1 =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mpr) +
    0.0161 * Math.sin(2 * mpr) -
    0.0004 * Math.sin(3 * mpr) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mpr) -
    0.0074 * Math.sin(m - mpr) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mpr) +
    0.001 * Math.sin(2 * f - mpr) +
    0.0005 * Math.sin(2 * mpr + m);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - deltaT;
}

/** The sun's apparent longitude in radians, in [0, 2π), at Julian day `jd` (Meeus, ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.00029 * Math.sin(3 * m);
  const l = (l0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** The day number (JDN) on which the k-th new moon falls in Vietnam. */
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** Which of the 12 major solar terms (0–11, 30° each from the vernal equinox) the sun is in at the start of a day. */
const solarTerm = (day: number) => Math.floor((sunLongitude(day - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** The first day (JDN) of lunar month 11 — the month holding the winter solstice — that begins in Gregorian `year`. */
function month11Start(year: number): number {
  const k = Math.floor((jdn(`${year}-12-31`) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Past 270° the solstice is already behind this new moon, so month 11 began at the previous one.
  return solarTerm(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/**
 * In a 13-month year starting at month 11 on `a11`, the index (counted in months after month 11) of
 * the leap month: the first month in which no major solar term begins, so the sun stays in one term.
 */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let term = solarTerm(newMoonDay(k + i));
  let last: number;
  do {
    last = term;
    i++;
    term = solarTerm(newMoonDay(k + i));
  } while (term !== last && i < 14);
  return i - 1;
}

const isoYear = (d: IsoDate) => Number(d.slice(0, 4));

/**
 * The lunar date of a Gregorian date, as Vietnamese calendars print it (Labour Code 2019, Art. 112.1
 * names two holidays by it). `leapMonth` marks the repeated month of a 13-month year.
 */
export function solarToLunar(date: IsoDate): LunarDate {
  const day = jdn(date); // also validates `date`
  const year = isoYear(date);
  // The month began at the last new moon on or before `day`. The estimate of k uses the mean month,
  // which a true new moon can miss by more than half a day, so step back until it is not after `day`
  // (the original took at most one step back and so gave a day 0 on rare dates, e.g. 2054-05-07).
  let k = Math.floor((day - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k);
  while (monthStart > day) monthStart = newMoonDay(--k);

  let a11 = month11Start(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11Start(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1);
  }

  const diff = Math.floor((monthStart - a11) / 29); // months since month 11
  let month = diff + 11;
  let leapMonth = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (diff >= leapOffset) {
      month = diff + 10;
      leapMonth = diff === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day: day - monthStart + 1, leapMonth };
}

/**
 * The Gregorian date of a lunar date, e.g. Tết (1/1) or Giỗ Tổ Hùng Vương (10/3), the lunar public
 * holidays of the Labour Code 2019, Art. 112.1. Throws a RangeError for a date the lunar year does not
 * have: a leap month that year does not repeat, or a 30th day of a 29-day month.
 */
export function lunarToSolar(year: number, month: number, day: number, leapMonth = false): IsoDate {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30)
    throw new RangeError(`No such lunar date: ${day}/${month}/${year}`);
  const [a11, b11] = month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leap = ((leapOffset + 9) % 12) + 1; // the month it repeats: the one before it, counted from 11
    if (leapMonth && month !== leap) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leapMonth || offset >= leapOffset) offset += 1;
  } else if (leapMonth) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + offset);
  if (day > newMoonDay(k + offset + 1) - monthStart) throw new RangeError(`Lunar month ${month}/${year} has no day ${day}`);
  return fromJdn(monthStart + day - 1);
}
