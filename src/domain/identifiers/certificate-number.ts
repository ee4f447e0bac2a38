/**
 * A certificate's number: `OCOP-<scope>-<year>-<serial>`, the scope being the province's code (or
 * `TW` for the ministry's 5★), the serial counted per scope and year from 0001, e.g. OCOP-82-2027-0001.
 */
export const formatCertificateNumber = (scope: string, year: number, serial: number) => `OCOP-${scope}-${year}-${String(serial).padStart(4, '0')}`;
