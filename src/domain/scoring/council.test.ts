import { describe, expect, it } from 'vitest';
import { findSet, listScorableCriteria } from '../criteria/queries.js';
import { bestChoices, loadShippedVersion, optionWorth } from '../criteria/test-support.js';
import { aggregateCouncil, type CouncilAttendance } from './council.js';
import { ScoringInputError } from './errors.js';
import type { ScoreSheet } from './types.js';

const v26 = loadShippedVersion('qd26');
const set1 = findSet(v26, 1)!;
const criteria = listScorableCriteria(set1);

/**
 * A set-1 sheet worth `total` points with every minimum met: starts from the best options and lowers
 * only criteria that carry no marker (35 points of room), largest cut that still fits first.
 */
function sheetAt(total: number, extra: Partial<ScoreSheet> = {}): ScoreSheet {
  const choices = bestChoices(set1);
  let remaining = 100 - total;
  for (const c of criteria) {
    if (remaining === 0) break;
    if (c.options.some((o) => o.minStar !== null)) continue;
    let pick = choices[c.code]!;
    c.options.forEach((o, i) => {
      const cut = c.maxPoints - o.points;
      if (cut <= remaining && cut > c.maxPoints - c.options[pick]!.points) pick = i;
    });
    remaining -= c.maxPoints - c.options[pick]!.points;
    choices[c.code] = pick;
  }
  if (remaining !== 0) throw new Error(`cannot build a ${total}-point sheet`);
  return { choices, ...extra };
}

/** Best options, with criterion 5.1 (4★ minimum = 5 points) at 3 points when `miss` is true. */
function storySheet(miss: boolean): ScoreSheet {
  return { choices: { ...bestChoices(set1), '5.1': optionWorth(set1, '5.1', miss ? 3 : 5) } };
}

const fullHouse: CouncilAttendance = { councilSize: 3, chairPresent: true };

describe('aggregateCouncil: score = mean of the members’ totals (Art. 3.3)', () => {
  it('averages totals and parts, and ranks on the mean', () => {
    const result = aggregateCouncil(v26, set1, [sheetAt(80), sheetAt(75), sheetAt(70)], {}, fullHouse);
    expect(result.memberTotals).toEqual([80, 75, 70]);
    expect(result.score).toBe(75);
    expect(result.parts.reduce((s, p) => s + p.meanPoints, 0)).toBeCloseTo(75, 9);
    expect(result.spread).toBe(10);
    expect(result.rescoreRequired).toBe(false);
    expect(result.bandStar).toBe(4);
    expect(result.star).toBe(4);
    expect(result.recognisingLevel).toBe('province');
    expect(result.decisionReady).toBe(true);
    expect(result.memberScores).toHaveLength(3);
  });

  it('does not round the mean: 70, 70, 69 → 69.67 is 3★', () => {
    const result = aggregateCouncil(v26, set1, [sheetAt(70), sheetAt(70), sheetAt(69)]);
    expect(result.score).toBeCloseTo(69.6667, 4);
    expect(result.bandStar).toBe(3);
    expect(result.next?.targetStar).toBe(4);
    expect(result.next?.pointsMissing).toBeCloseTo(1 / 3, 9);
  });

  it.each([
    [[81, 75, 70], 10, 11, true],
    [[80, 75, 70], 10, 10, false],
    [[80, 78, 76], 3, 4, true],
    [[90], 10, 0, false],
  ] as const)('totals %j with threshold %i: spread %i, rescore %s', (totals, spreadThreshold, spread, rescore) => {
    const result = aggregateCouncil(
      v26,
      set1,
      totals.map((t) => sheetAt(t)),
      { spreadThreshold },
    );
    expect(result.spread).toBe(spread);
    expect(result.rescoreRequired).toBe(rescore);
  });
});

describe('quorum (provincial Quy chế: ≥ 3/4 of the members, chair included)', () => {
  const sheets = (n: number) => Array.from({ length: n }, () => sheetAt(80));
  it.each([
    ['6 of 8 with the chair', 6, { councilSize: 8, chairPresent: true }, {}, 'met', 6],
    ['5 of 8', 5, { councilSize: 8, chairPresent: true }, {}, 'not-met', 6],
    ['7 of 9 (needs 7)', 7, { councilSize: 9, chairPresent: true }, {}, 'met', 7],
    ['6 of 8 without the chair', 6, { councilSize: 8, chairPresent: false }, {}, 'not-met', 6],
    ['6 of 8 without the chair, chair not required', 6, { councilSize: 8, chairPresent: false }, { requireChair: false }, 'met', 6],
    ['5 sheets, 6 present of 8', 5, { councilSize: 8, present: 6, chairPresent: true }, {}, 'met', 6],
    ['2 of 3 at a 2/3 ratio', 2, { councilSize: 3, chairPresent: true }, { quorumRatio: 2 / 3 }, 'met', 2],
  ] as const)('%s → %s', (_label, n, attendance, settings, status, required) => {
    const result = aggregateCouncil(v26, set1, sheets(n), settings, attendance);
    expect(result.quorum.status).toBe(status);
    expect(result.quorum.required).toBe(required);
    expect(result.decisionReady).toBe(status === 'met');
    expect(result.quorum.reasons.length > 0).toBe(status === 'not-met');
  });

  it('is unknown without attendance, so the result is not ready for a decision', () => {
    const result = aggregateCouncil(v26, set1, sheets(3));
    expect(result.quorum.status).toBe('unknown');
    expect(result.decisionReady).toBe(false);
  });
});

describe('minimum markers on a council: met when a strict majority of sheets reach them', () => {
  it('one of three missing the 4★ story minimum: met, 5★', () => {
    const result = aggregateCouncil(v26, set1, [storySheet(false), storySheet(false), storySheet(true)]);
    expect(result.failedGates).toEqual([]);
    expect(result.star).toBe(5);
  });

  it('two of three missing it: failed, capped at 3★ with the count and mean reported', () => {
    const result = aggregateCouncil(v26, set1, [storySheet(true), storySheet(false), storySheet(true)]);
    expect(result.score).toBeCloseTo(98.6667, 4);
    expect(result.bandStar).toBe(5);
    expect(result.failedGates).toEqual([
      {
        star: 4,
        criterion: '5.1',
        criterionLabel: 'Câu chuyện sản phẩm',
        required: expect.objectContaining({ index: 4, points: 5 }),
        reachedBy: 1,
        members: 3,
        meanPoints: 11 / 3,
      },
    ]);
    expect(result.star).toBe(3);
    expect(result.next?.targetStar).toBe(4);
    expect(result.next?.gates.map((g) => [g.criterion, g.closingOptions.map((o) => o.points)])).toEqual([['5.1', [5]]]);
  });

  it('a tie (2 of 4) is not a majority: failed', () => {
    const result = aggregateCouncil(v26, set1, [storySheet(true), storySheet(false), storySheet(true), storySheet(false)]);
    expect(result.failedGates.map((g) => [g.criterion, g.reachedBy, g.members])).toEqual([['5.1', 2, 4]]);
  });

  it('one dissenting sheet does not fail a minimum the others reach (unlike averaging points)', () => {
    const dissent: ScoreSheet = { choices: { ...bestChoices(set1), '5.1': optionWorth(set1, '5.1', 0) } };
    const result = aggregateCouncil(v26, set1, [storySheet(false), storySheet(false), storySheet(false), storySheet(false), dissent]);
    expect(result.criteria.find((c) => c.code === '5.1')).toMatchObject({ meanPoints: 4, lowest: 0, highest: 5 });
    expect(result.failedGates).toEqual([]);
    expect(result.star).toBe(5);
  });

  it("passes the gate policy through: 'not-achieved' refuses the capped council", () => {
    const result = aggregateCouncil(v26, set1, [storySheet(true), storySheet(true), storySheet(false)], { gatePolicy: 'not-achieved' });
    expect(result.star).toBeNull();
    expect(result.outcome).toBe('not-achieved');
  });
});

describe('disqualification on a council', () => {
  it('one member’s flag stops the ranking and is reported with its member', () => {
    const result = aggregateCouncil(v26, set1, [sheetAt(95), sheetAt(95, { disqualified: { reason: 'Giấy chứng nhận ATTP hết hạn' } }), sheetAt(95)]);
    expect(result.score).toBe(95);
    expect(result.outcome).toBe('disqualified');
    expect(result.star).toBeNull();
    expect(result.certifiable).toBe(false);
    expect(result.disqualified).toEqual({ reasons: [{ member: 1, reason: 'Giấy chứng nhận ATTP hết hạn' }] });
    expect(result.next).toBeNull();
  });
});

describe('council input errors', () => {
  function issues(fn: () => unknown): ScoringInputError {
    try {
      fn();
    } catch (error) {
      if (error instanceof ScoringInputError) return error;
      throw error;
    }
    throw new Error('expected a ScoringInputError');
  }

  it('rejects an empty council', () => {
    expect(issues(() => aggregateCouncil(v26, set1, [])).issues.map((i) => i.code)).toEqual(['no_members']);
  });

  it('collects every member’s problems, tagged with the member', () => {
    const broken: ScoreSheet = { choices: { ...bestChoices(set1), '1.1': 7 } };
    const missing = { ...bestChoices(set1) };
    delete missing['12'];
    const error = issues(() => aggregateCouncil(v26, set1, [sheetAt(90), broken, { choices: missing }]));
    expect(error.issues.map((i) => [i.member, i.code, i.criterion])).toEqual([
      [1, 'option_out_of_range', '1.1'],
      [2, 'missing_choice', '12'],
    ]);
    expect(error.issues[0]!.message.en).toMatch(/^Sheet 2: Criterion 1\.1/);
    expect(Object.keys(error.fields)).toEqual(['members.1.choices.1.1', 'members.2.choices.12']);
  });

  it('rejects impossible attendance and settings', () => {
    const error = issues(() =>
      aggregateCouncil(v26, set1, [sheetAt(80), sheetAt(80)], { quorumRatio: 0, spreadThreshold: -1 }, { councilSize: 1, chairPresent: true }),
    );
    expect(error.issues.map((i) => i.code)).toEqual(['invalid_settings', 'invalid_settings', 'invalid_attendance']);
  });
});
