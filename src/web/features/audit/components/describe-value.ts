import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/u;

/** A recorded value as a person reads it: dates in dd/mm/yyyy, lists summarised, nothing as "—". */
export function describeValue(value: unknown, texts: { yes: string; no: string; items: (count: number) => string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? texts.yes : texts.no;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIMESTAMP.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return texts.items(value.length);
  }
  return JSON.stringify(value);
}
