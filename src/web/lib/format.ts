import dayjs from 'dayjs';

/**
 * Display formats fixed by the programme's paperwork, whatever the UI language: dates as
 * dd/mm/yyyy, numbers with Vietnamese grouping (1.234.567), money in đồng.
 */

const EMPTY = '—';
const numberFormat = new Intl.NumberFormat('vi-VN');
const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/** "2026-03-05" or an ISO timestamp → "05/03/2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY') : value;
}

/** ISO timestamp → "05/03/2026 14:07" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY HH:mm') : value;
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : numberFormat.format(value);
}

/** Scores: whole points as they are, council means with up to two decimals and a comma (72,5). */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : pointsFormat.format(value);
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
