import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/client.js';
import { itemErrors, proposedStar, recognisableStars } from './recognition.js';

describe('recognition choices', () => {
  it('follows the bands: 4★ from 70, 3★ from 50, never 5★ at the province', () => {
    const paper = (councilScore: number | null) => ({ councilScore, councilStar: null });
    expect(recognisableStars(paper(98.3))).toEqual([4, 3]);
    expect(recognisableStars(paper(70))).toEqual([4, 3]);
    expect(recognisableStars(paper(69.99))).toEqual([3]);
    expect(recognisableStars(paper(50))).toEqual([3]);
    expect(recognisableStars(paper(49.5))).toEqual([]);
    expect(recognisableStars(paper(null))).toEqual([]);
  });

  it('never offers more than the council’s star after its minimum-star gates', () => {
    expect(recognisableStars({ councilScore: 79, councilStar: 3 })).toEqual([3]);
    expect(recognisableStars({ councilScore: 79, councilStar: 2 })).toEqual([]);
  });

  it('proposes the highest star allowed, or not recognised', () => {
    expect(proposedStar({ councilScore: 92, councilStar: null })).toBe(4);
    expect(proposedStar({ councilScore: 55, councilStar: null })).toBe(3);
    expect(proposedStar({ councilScore: 40, councilStar: null })).toBeNull();
    expect(proposedStar({ councilScore: 92, councilStar: 3 })).toBe(3);
  });

  it('maps the server’s item errors back to the dossiers sent', () => {
    const error = new ApiError(400, 'decision_invalid', 'Quyết định có hồ sơ không hợp lệ.', { 'items.1.star': 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.', number: 'x' });
    expect(itemErrors(error, [{ dossierId: 'a' }, { dossierId: 'b' }])).toEqual({ b: 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.' });
    expect(itemErrors(new Error('x'), [{ dossierId: 'a' }])).toEqual({});
  });
});
