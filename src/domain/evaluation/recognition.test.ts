import { describe, expect, it } from 'vitest';
import { checkRecognisedStar } from './recognition.js';

describe('recognised star (Art. 4.1)', () => {
  it.each<['province' | 'ministry', 3 | 4 | 5 | null, number | null, boolean]>([
    ['province', 3, 55, true],
    ['province', 4, 69.99, false],
    ['province', 4, 70, true],
    ['province', 4, 92, true],
    ['province', 3, 92, true],
    ['province', 5, 95, false],
    ['ministry', 5, 90, true],
    ['ministry', 5, 89.9, false],
    ['ministry', 4, 85, false],
    ['province', null, 40, true],
    ['province', 3, null, false],
  ])('%s, %s★ at %s points → %s', (level, star, score, ok) => expect(checkRecognisedStar(level, star, score).ok).toBe(ok));

  it('never goes above the star the council awarded after the minimum-star gates', () => {
    expect(checkRecognisedStar('province', 4, 79, 2).ok).toBe(false);
    expect(checkRecognisedStar('province', 3, 79, 3).ok).toBe(true);
    expect(checkRecognisedStar('province', null, 79, 2).ok).toBe(true);
  });

  it('gives no 5★ on a central result whose sheets missed a 5★ minimum', () => {
    expect(checkRecognisedStar('ministry', 5, 93, 4).ok).toBe(false);
    expect(checkRecognisedStar('ministry', 5, 93, 5).ok).toBe(true);
  });
});
