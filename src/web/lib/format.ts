/**
 * Display formats fixed by the programme's paperwork, whatever the UI language: dates as
 * dd/mm/yyyy, numbers with Vietnamese grouping (1.234.567), money in đồng.
 */

const EMPTY = '—';
const numberFormat = new Intl.NumberFormat('vi-VN');
const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/**
 * The programme's clock: every date and time is shown as the province lives it (Asia/Ho_Chi_Minh,
 * UTC+7, no daylight saving), whatever the zone of the browser — a decision signed at 14:41 in
 * Đồng Tháp must not read 21:41 on a laptop set to another zone.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type WallClock = { year: string; month: string; day: string; hour: string; minute: string };

/** Date and time of an instant on the programme's clock; null when the text is no date. */
function vietnamWallClock(value: string | Date): WallClock | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-05" (a calendar date, shown as is) or an ISO timestamp (its day in Việt Nam) → "05/03/2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const day = DATE_ONLY.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const c = vietnamWallClock(value);
  return c ? `${c.day}/${c.month}/${c.year}` : value;
}

/** ISO timestamp → "05/03/2026 14:07" on the programme's clock (Asia/Ho_Chi_Minh). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const c = vietnamWallClock(value);
  return c ? `${c.day}/${c.month}/${c.year} ${c.hour}:${c.minute}` : value;
}

/** Time of day only ("14:07") on the programme's clock. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const c = vietnamWallClock(value);
  return c ? `${c.hour}:${c.minute}` : value;
}

/** Today's date in Việt Nam as "YYYY-MM-DD" (for defaults and "not after today" limits). */
export function todayInVietnam(now: Date = new Date()): string {
  const c = vietnamWallClock(now)!;
  return `${c.year}-${c.month}-${c.day}`;
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : numberFormat.format(value);
}

/**
 * Scores, the one way every page prints them: whole points as they are ("79", never "79.00"),
 * council means with only the decimals needed, at most two, and a comma (77,5; 66,67). Accepts the
 * decimal text PostgreSQL returns for numeric columns ("79.00").
 */
export function formatPoints(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? pointsFormat.format(n) : String(value);
}

export function formatVnd(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : vndFormat.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${numberFormat.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(Math.round(bytes / 102.4) / 10)} KB`;
  return `${numberFormat.format(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** Text for an optional field: the value, or a dash. */
export function orDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return typeof value === 'number' ? formatNumber(value) : value;
}
