import { describe, expect, it } from 'vitest';
import { formatCertificateNumber } from './certificate-number.js';

describe('certificate number', () => {
  it.each([
    ['82', 2027, 1, 'OCOP-82-2027-0001'],
    ['TW', 2026, 42, 'OCOP-TW-2026-0042'],
    ['01', 2030, 12345, 'OCOP-01-2030-12345'],
  ])('%s %i #%i → %s', (scope, year, serial, expected) => expect(formatCertificateNumber(scope, year, serial)).toBe(expected));
});
