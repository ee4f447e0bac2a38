import type { Entry } from './matrix-entry.js';

/** The authorization matrix's entries for the programme routes (records from fixtures-programme.ts). */
export const PROGRAMME_MATRIX: Record<string, Entry> = {};
