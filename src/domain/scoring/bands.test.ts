import { describe, expect, it } from 'vitest';
import { loadShippedVersion } from '../criteria/test-support.js';
import type { Star } from '../criteria/types.js';
import { ART3_STAR_BANDS, decideStar, recognisingLevel, starForTotal } from './bands.js';

describe('starForTotal: Art. 3.3 bands, half-open, 5★ closed at 100', () => {
  const version = loadShippedVersion('qd26');
  it.each([
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ] as const)('%d points → %i★', (total, star) => {
    expect(starForTotal(total, version.starBands)).toBe(star);
    expect(starForTotal(total)).toBe(star);
  });

  it('treats floating-point noise at a bound as the bound (a mean of 70 is 4★)', () => {
    expect(starForTotal(0.1 * 3 * 100 + 40)).toBe(4); // 70.00000000000001
    expect(starForTotal(69.99999999999999)).toBe(4);
  });

  it.each([-0.01, 100.01, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (total) => {
    expect(() => starForTotal(total)).toThrow(RangeError);
  });

  it('the 1048 version uses the same bands', () => {
    expect(loadShippedVersion('qd1048').starBands).toEqual(ART3_STAR_BANDS);
  });
});

describe('recognisingLevel: Art. 4.1', () => {
  const version = loadShippedVersion('qd26');
  it.each([
    [null, null],
    [1, null],
    [2, null],
    [3, 'province'],
    [4, 'province'],
    [5, 'ministry'],
  ] as const)('%s★ → %s', (star, level) => {
    expect(recognisingLevel(star, version)).toBe(level);
  });
});

describe('decideStar', () => {
  const version = loadShippedVersion('qd26');
  type Row = [band: Star, ceiling: Star, policy: 'cap' | 'not-achieved', disqualified: boolean, star: Star | null, outcome: string];
  it.each<Row>([
    [4, 5, 'cap', false, 4, 'ranked'],
    [4, 3, 'cap', false, 3, 'ranked'],
    [5, 2, 'cap', false, 2, 'ranked'],
    [4, 3, 'not-achieved', false, null, 'not-achieved'],
    [3, 3, 'not-achieved', false, 3, 'ranked'],
    [3, 4, 'not-achieved', false, 3, 'ranked'],
    [2, 2, 'not-achieved', false, 2, 'ranked'],
    [5, 5, 'cap', true, null, 'disqualified'],
  ])('band %i★, gates up to %i★, %s, disqualified %s → %s (%s)', (band, ceiling, policy, disqualified, star, outcome) => {
    const d = decideStar(version, band, ceiling, policy, disqualified);
    expect(d.star).toBe(star);
    expect(d.outcome).toBe(outcome);
    expect(d.certifiable).toBe(star !== null && star >= 3);
  });
});
