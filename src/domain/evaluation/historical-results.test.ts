import { describe, expect, it } from 'vitest';
import { vietnamDate } from '../dates/calendar.js';
import {
  checkHistoricalDates,
  checkHistoricalResult,
  duplicatedDecision,
  isRecognisingResult,
  legalBasisInForce,
  parseLegalBasis,
  type HistoricalResult,
} from './historical-results.js';

const r = (over: Partial<HistoricalResult>): HistoricalResult => ({ year: 2022, level: 'province', legalBasis: '1048/QĐ-TTg', score: 75, star: 4, ...over });

describe('historical results', () => {
  it.each<[string, Partial<HistoricalResult>, number]>([
    ['4★ at 75 points by the province', {}, 0],
    ['4★ at 92 points by the province (below its band is fine)', { score: 92 }, 0],
    ['4★ at 65 points', { score: 65 }, 1],
    ['5★ by a province', { score: 95, star: 5 }, 1],
    ['5★ by the centre', { score: 95, star: 5, level: 'central' }, 0],
    ['3★ by a district under 148', { level: 'district', legalBasis: '148/QĐ-TTg', star: 3, score: 60 }, 0],
    ['3★ by a district under 1048', { level: 'district', star: 3, score: 60 }, 1],
    ['a district screening under 1048 (score, no star)', { level: 'district', star: null, score: 60 }, 0],
    ['a commune pre-assessment with a score', { level: 'commune', star: null, score: 55 }, 0],
    ['a commune giving a star', { level: 'commune', star: 3, score: 55 }, 1],
    ['a star without a score (decisions often list only stars)', { score: null, star: 3 }, 0],
    ['not recognised', { score: 45, star: null }, 0],
    ['a star of 6', { score: null, star: 6 }, 1],
    ['an unknown basis', { legalBasis: 'QĐ 999' }, 1],
  ])('%s', (_label, over, problems) => expect(checkHistoricalResult(r(over))).toHaveLength(problems));
});

describe('legal bases', () => {
  it.each([
    ['1048/QĐ-TTg', '1048/QĐ-TTg'],
    ['QĐ 1048', '1048/QĐ-TTg'],
    ['Quyết định số 148/QĐ-TTg ngày 24/02/2023', '148/QĐ-TTg'],
    ['1489/QĐ-TTg', '1489/QĐ-TTg'],
    ['26/2026/QĐ-TTg', '26/2026/QĐ-TTg'],
    ['Quyết định 26/2026/QĐ-TTg', '26/2026/QĐ-TTg'],
    ['14890', null],
    ['', null],
  ])('"%s" → %s', (text, basis) => expect(parseLegalBasis(text)).toBe(basis));

  it.each([
    ['2020-06-01', '1048/QĐ-TTg'],
    ['2023-02-23', '1048/QĐ-TTg'],
    ['2023-02-24', '148/QĐ-TTg'],
    ['2025-07-05', '148/QĐ-TTg'],
    ['2025-07-06', '1489/QĐ-TTg'],
    ['2026-05-21', '1489/QĐ-TTg'],
    ['2026-05-22', '26/2026/QĐ-TTg'],
  ])('in force on %s: %s', (date, basis) => expect(legalBasisInForce(date)).toBe(basis));

  it.each<[HistoricalResult['level'], string, number | null, boolean]>([
    ['province', '1048/QĐ-TTg', 4, true],
    ['province', '1048/QĐ-TTg', null, true],
    ['district', '1048/QĐ-TTg', null, false],
    ['district', '148/QĐ-TTg', 3, true],
    ['district', '1489/QĐ-TTg', null, false],
    ['commune', '26/2026/QĐ-TTg', null, false],
    ['central', '148/QĐ-TTg', 5, true],
    ['central', '26/2026/QĐ-TTg', null, false],
  ])('%s under %s (star %s) counts: %s', (level, legalBasis, star, counts) => expect(isRecognisingResult({ level, legalBasis, star })).toBe(counts));
});

describe('dates of an earlier result', () => {
  const today = '2026-12-04';
  it.each<[string, { year: number; decisionDate: string | null }, string[]]>([
    ['a decision dated before today', { year: 2026, decisionDate: '2026-12-03' }, []],
    ['a decision dated today', { year: 2026, decisionDate: '2026-12-04' }, []],
    ['a decision dated tomorrow', { year: 2026, decisionDate: '2026-12-05' }, ['decisionDate']],
    ['last year, without a decision date', { year: 2025, decisionDate: null }, []],
    ['this year', { year: 2026, decisionDate: null }, []],
    ['next year', { year: 2027, decisionDate: null }, ['year']],
    ['next year, decided next year', { year: 2027, decisionDate: '2027-01-02' }, ['year', 'decisionDate']],
  ])('%s', (_label, r, fields) => expect(checkHistoricalDates(r, today).map((p) => p.field)).toEqual(fields));

  it('counts the year in Vietnam: on 31/12 at 18:00 UTC it is already the next year there', () => {
    expect(checkHistoricalDates({ year: 2027, decisionDate: '2027-01-01' }, vietnamDate(new Date('2026-12-31T18:00:00Z')))).toEqual([]);
  });
});

describe('a result the platform decided', () => {
  const decided = [
    { level: 'province' as const, signedOn: '2027-06-20', number: '101/QĐ-UBND' },
    { level: 'ministry' as const, signedOn: '2028-08-15', number: '812/QĐ-BNNMT' },
  ];
  it.each<[string, { year: number; level: HistoricalResult['level'] }, boolean]>([
    ['the province, the same year', { year: 2027, level: 'province' }, true],
    ['the province, another year', { year: 2026, level: 'province' }, false],
    ['the centre, the year of the Minister’s decision', { year: 2028, level: 'central' }, true],
    ['the centre, the year of the province’s decision', { year: 2027, level: 'central' }, false],
    ['a commune pre-assessment of that year', { year: 2027, level: 'commune' }, false],
  ])('%s: duplicate %s', (_label, r, duplicate) => expect(duplicatedDecision(r, decided) !== null).toBe(duplicate));
  it('names the decision', () => expect(duplicatedDecision({ year: 2027, level: 'province' }, decided)?.vi).toContain('101/QĐ-UBND ngày 20/06/2027'));
});
