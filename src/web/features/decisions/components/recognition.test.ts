import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/client.js';
import { itemErrors, proposedStar, recognisableStars } from './recognition.js';

describe('recognition choices', () => {
  it('follows the bands: 4★ from 70, 3★ from 50, never 5★ at the province', () => {
    expect(recognisableStars(98.3)).toEqual([4, 3]);
    expect(recognisableStars(70)).toEqual([4, 3]);
    expect(recognisableStars(69.99)).toEqual([3]);
    expect(recognisableStars(50)).toEqual([3]);
    expect(recognisableStars(49.5)).toEqual([]);
    expect(recognisableStars(null)).toEqual([]);
  });

  it('proposes the highest star allowed, or not recognised', () => {
    expect(proposedStar(92)).toBe(4);
    expect(proposedStar(55)).toBe(3);
    expect(proposedStar(40)).toBeNull();
  });

  it('maps the server’s item errors back to the dossiers sent', () => {
    const error = new ApiError(400, 'decision_invalid', 'Quyết định có hồ sơ không hợp lệ.', { 'items.1.star': 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.', number: 'x' });
    expect(itemErrors(error, [{ dossierId: 'a' }, { dossierId: 'b' }])).toEqual({ b: 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.' });
    expect(itemErrors(new Error('x'), [{ dossierId: 'a' }])).toEqual({});
  });
});
