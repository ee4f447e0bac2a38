import { formatNumber, formatPoints } from '../../../lib/format.js';

/**
 * A figure as an indicator card shows it: a share with its sign, money shortened to millions or
 * billions (the exact amount is in the annual report), counts as they are; no figure (a share of
 * nothing) is a dash. `words` are the words for billion and million in the page's language.
 */
export function formatIndicator(value: number | null, unit: string, words: { billion: string; million: string }): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${formatPoints(value)}\u00a0%`;
  if (unit === 'vnd' && Math.abs(value) >= 1e9) return `${formatPoints(Math.round(value / 1e7) / 100)}\u00a0${words.billion}`;
  if (unit === 'vnd' && Math.abs(value) >= 1e6) return `${formatPoints(Math.round(value / 1e4) / 100)}\u00a0${words.million}`;
  return formatNumber(value);
}
