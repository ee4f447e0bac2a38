import { describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion } from '../criteria/test-support.js';
import { scoreDraft } from './draft.js';
import { ScoringInputError } from './errors.js';
import { scoreSheet } from './score-sheet.js';

const version = loadShippedVersion('qd26');
const set1 = version.sets.find((s) => s.number === 1)!;

describe('scoreDraft', () => {
  it('counts an empty sheet as nothing answered, 0 points, 1★ band', () => {
    const d = scoreDraft(version, set1, {});
    expect(d).toMatchObject({ answered: 0, total: 0, maxTotal: 100, bandStar: 1 });
    expect(d.missing).toHaveLength(d.of);
  });

  it('adds up what is answered, part by part, and agrees with the full engine when complete', () => {
    const best = bestChoices(set1);
    const codes = Object.keys(best);
    const half = Object.fromEntries(codes.slice(0, 10).map((c) => [c, best[c]!]));
    const partial = scoreDraft(version, set1, half);
    expect(partial.answered).toBe(10);
    expect(partial.missing).toEqual(codes.slice(10));
    const full = scoreDraft(version, set1, best);
    const engine = scoreSheet(version, set1, { choices: best });
    expect(full.total).toBe(engine.total);
    expect(full.parts.map((p) => p.points)).toEqual(engine.parts.map((p) => p.points));
    expect(full.bandStar).toBe(5);
    expect(full.groups.map((g) => g.points)).toEqual(engine.groups.map((g) => g.points));
  });

  it('still refuses unknown criteria and options out of range', () => {
    expect(() => scoreDraft(version, set1, { '99.1': 0 })).toThrow(ScoringInputError);
    expect(() => scoreDraft(version, set1, { '1.1': 99 })).toThrow(ScoringInputError);
  });
});
