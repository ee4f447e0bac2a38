import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/client.js';
import { itemErrors, modeOf, outcomeOf, proposedStar, recognisableStars, type DecidableDossier } from './recognition.js';

const dossier = (extra: Partial<DecidableDossier>): DecidableDossier => ({
  state: 'scored',
  councilScore: null,
  councilStar: null,
  centralScore: null,
  centralStar: null,
  decidedStar: null,
  availableActions: ['decide', 'approve', 'ministry_decide'],
  ...extra,
});

describe('recognition choices', () => {
  it('follows the bands at the province: 4★ from 70, 3★ from 50, never 5★', () => {
    const paper = (score: number | null) => ({ score, star: null });
    expect(recognisableStars('recognition', paper(98.3))).toEqual([4, 3]);
    expect(recognisableStars('recognition', paper(70))).toEqual([4, 3]);
    expect(recognisableStars('recognition', paper(69.99))).toEqual([3]);
    expect(recognisableStars('recognition', paper(50))).toEqual([3]);
    expect(recognisableStars('recognition', paper(49.5))).toEqual([]);
    expect(recognisableStars('recognition', paper(null))).toEqual([]);
  });

  it('never offers more than the council’s star after its minimum-star gates', () => {
    expect(recognisableStars('recognition', { score: 79, star: 3 })).toEqual([3]);
    expect(recognisableStars('recognition', { score: 79, star: 2 })).toEqual([]);
    expect(recognisableStars('ministry', { score: 93, star: 4 })).toEqual([]);
  });

  it('offers the ministry 5★ from 90 points only, and an approval no star', () => {
    expect(recognisableStars('ministry', { score: 91.5, star: 5 })).toEqual([5]);
    expect(recognisableStars('ministry', { score: 88, star: 4 })).toEqual([]);
    expect(recognisableStars('approval', { score: 95, star: 5 })).toEqual([]);
  });

  it('proposes the highest star allowed, or not recognised', () => {
    expect(proposedStar('recognition', { score: 92, star: null })).toBe(4);
    expect(proposedStar('recognition', { score: 55, star: null })).toBe(3);
    expect(proposedStar('recognition', { score: 40, star: null })).toBeNull();
    expect(proposedStar('recognition', { score: 92, star: 3 })).toBe(3);
    expect(proposedStar('ministry', { score: 92, star: 5 })).toBe(5);
    expect(proposedStar('approval', { score: 92, star: 5 })).toBeNull();
  });

  it('maps the server’s item errors back to the dossiers sent', () => {
    const error = new ApiError(400, 'decision_invalid', 'Quyết định có hồ sơ không hợp lệ.', {
      'items.1.star': 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.',
      number: 'x',
    });
    expect(itemErrors(error, [{ dossierId: 'a' }, { dossierId: 'b' }])).toEqual({ b: 'Nem Lai Vung: 65 điểm chỉ đạt mức 3 sao.' });
    expect(itemErrors(new Error('x'), [{ dossierId: 'a' }])).toEqual({});
  });
});

describe('the decision a dossier waits for', () => {
  it('approves a 90-point result meeting the 5★ minimums for the ministry, recognises the others', () => {
    expect(modeOf(dossier({ councilScore: 92, councilStar: 5 }))).toBe('approval');
    expect(modeOf(dossier({ councilScore: 92, councilStar: 4 }))).toBe('recognition');
    expect(modeOf(dossier({ councilScore: 77.5, councilStar: 4 }))).toBe('recognition');
  });

  it('gives the ministry its central council’s results, and the province a recognition after a ministry that did not give 5★', () => {
    expect(modeOf(dossier({ state: 'central_scored', centralScore: 91, centralStar: 5 }))).toBe('ministry');
    expect(modeOf(dossier({ state: 'ministry_decided', centralScore: 86, centralStar: 4, decidedStar: null }))).toBe('recognition');
    expect(modeOf(dossier({ state: 'ministry_decided', centralScore: 95, centralStar: 5, decidedStar: 5 }))).toBeNull();
    expect(outcomeOf(dossier({ state: 'ministry_decided', councilScore: 92, councilStar: 5, centralScore: 86, centralStar: 4 }))).toEqual({
      score: 86,
      star: 4,
    });
    expect(outcomeOf(dossier({ councilScore: 77.5, councilStar: 4 }))).toEqual({ score: 77.5, star: 4 });
  });

  it('offers only what the server lets this user decide', () => {
    expect(modeOf(dossier({ councilScore: 92, councilStar: 5, availableActions: ['decide'] }))).toBeNull();
    expect(modeOf(dossier({ state: 'in_council', availableActions: [] }))).toBeNull();
  });
});
