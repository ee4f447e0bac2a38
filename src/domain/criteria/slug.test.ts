import { describe, expect, it } from 'vitest';
import { criteriaVersionSlug, versionInForce } from './slug.js';

describe('criteriaVersionSlug', () => {
  it.each([
    ['26/2026/QĐ-TTg', '26-2026-qd-ttg'],
    ['1048/QĐ-TTg', '1048-qd-ttg'],
    ['148/QĐ-TTg ', '148-qd-ttg'],
  ])('%s → %s', (basis, slug) => expect(criteriaVersionSlug(basis)).toBe(slug));
});

describe('versionInForce', () => {
  const versions = [
    { legalBasis: '1048/QĐ-TTg', effectiveFrom: '2019-08-21' },
    { legalBasis: '148/QĐ-TTg', effectiveFrom: '2023-02-24' },
    { legalBasis: '26/2026/QĐ-TTg', effectiveFrom: '2026-05-22' },
  ];
  it.each([
    ['2020-01-01', '1048/QĐ-TTg'],
    ['2026-05-21', '148/QĐ-TTg'],
    ['2026-05-22', '26/2026/QĐ-TTg'],
    ['2027-01-01', '26/2026/QĐ-TTg'],
  ])('on %s → %s', (date, basis) => expect(versionInForce(versions, date)?.legalBasis).toBe(basis));
  it('is undefined before the first version', () => expect(versionInForce(versions, '2018-01-01')).toBeUndefined());
});
