import { describe, expect, it } from 'vitest';
import { checkHistoricalResult, type HistoricalResult } from './historical-results.js';

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
    ['a star without a score (decisions often list only stars)', { score: null, star: 3 }, 0],
    ['not recognised', { score: 45, star: null }, 0],
  ])('%s', (_label, over, problems) => expect(checkHistoricalResult(r(over))).toHaveLength(problems));
});
