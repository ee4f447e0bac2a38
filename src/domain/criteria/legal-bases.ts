/**
 * The legal bases the programme's records are classified under, as constants: code names them from
 * here, never as a string of its own.
 */

/**
 * The criteria version in force for new records: Decision 26/2026/QĐ-TTg (in force from 22/05/2026,
 * replacing 1048/QĐ-TTg, 148/QĐ-TTg and 1489/QĐ-TTg). A product registered or imported today is placed
 * in one of its sets (Phụ lục I), and the reference lists, the import and the dashboards name its sets.
 */
export const CURRENT_CRITERIA_BASIS = '26/2026/QĐ-TTg';
export type CurrentCriteriaBasis = typeof CURRENT_CRITERIA_BASIS;
