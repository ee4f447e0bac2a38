import type { Entry } from './matrix-entry.js';

/** The authorization matrix's entries for the market routes (records from fixtures-market.ts). */
export const MARKET_MATRIX: Record<string, Entry> = {};
