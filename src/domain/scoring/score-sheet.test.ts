import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { findSet, listScorableCriteria } from '../criteria/queries.js';
import { bestChoices, loadShippedVersion, optionWorth, worstChoices } from '../criteria/test-support.js';
import type { CriteriaSet } from '../criteria/types.js';
import { ScoringInputError } from './errors.js';
import { scoreSheet } from './score-sheet.js';
import type { ScoreSheet } from './types.js';

const v26 = loadShippedVersion('qd26');
const v1048 = loadShippedVersion('qd1048');
const set1 = findSet(v26, 1)!;
const set7 = findSet(v26, 7)!;
const set26 = findSet(v26, 26)!;

/** Best options everywhere, then the given criteria set to the option worth the given points. */
function sheetWith(set: CriteriaSet, points: Record<string, number>): Record<string, number> {
  const choices = bestChoices(set);
  for (const [code, p] of Object.entries(points)) choices[code] = optionWorth(set, code, p);
  return choices;
}

function inputIssues(fn: () => unknown): ScoringInputError['issues'] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScoringInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a ScoringInputError');
}

describe('every set of 26/2026 reaches 100 and 5★ with the best option everywhere', () => {
  it.each(v26.sets.map((s) => [s.number, s.code, s] as const))('set %i (%s)', (_n, _code, set) => {
    for (const caseKey of set.number === 26 ? (['a', 'b'] as const) : [undefined]) {
      const result = scoreSheet(v26, set, { choices: bestChoices(set, caseKey ?? null), ...(caseKey ? { case: caseKey } : {}) });
      expect(result.total).toBe(100);
      expect(result.parts.map((p) => p.points)).toEqual([40, 25, 35]);
      expect(result.bandStar).toBe(5);
      expect(result.star).toBe(5);
      expect(result.failedGates).toEqual([]);
      expect(result.certifiable).toBe(true);
      expect(result.recognisingLevel).toBe('ministry');
      expect(result.next).toBeNull();
    }
  });
});

describe('the 1048 legacy set', () => {
  const set = v1048.sets[0]!;

  it('scores 100 and 5★ with the best options (A 35 / B 25 / C 40)', () => {
    const result = scoreSheet(v1048, set, { choices: bestChoices(set) });
    expect(result.total).toBe(100);
    expect(result.parts.map((p) => [p.code, p.points])).toEqual([
      ['A', 35],
      ['B', 25],
      ['C', 40],
    ]);
    expect(result.star).toBe(5);
  });

  it('ranks by band alone, having no minimum markers', () => {
    const result = scoreSheet(v1048, set, { choices: worstChoices(set) });
    expect(result.failedGates).toEqual([]);
    expect(result.star).toBe(result.bandStar);
    // 1.1, 1.3, 1.5, 3.1, 3.2 (case a), 4.1, 5.3 and 11 have no 0-point option.
    expect(result.total).toBe(8);
    expect(result.star).toBe(1);
  });

  it('sums groups, including the sensory sub-items of 6 and the two items of 9', () => {
    const result = scoreSheet(v1048, set, { choices: bestChoices(set) });
    const group = (code: string) => result.groups.find((g) => g.code === code)!;
    expect(group('6').points).toBe(18);
    expect(group('9').points).toBe(5);
    expect(result.criteria.find((c) => c.code === '7')!.points).toBe(2);
  });
});

describe('minimum-star gates on set 1 (Rau, củ, quả, hạt tươi)', () => {
  // 75 points, in the 4★ band, but 5.1 "Câu chuyện sản phẩm" stops at 3 points where 4★ requires the
  // 5-point option (story also in electronic traceability).
  const choices = sheetWith(set1, {
    '5.1': 3,
    '4.3': 0,
    '4.2': 0,
    '12': 1,
    '3.3': 1,
    '6.3': 0,
    '6.4': 0,
    '1.1': 1,
    '1.2': 0,
    '11': 1,
  });

  it('caps a 75-point sheet that misses a 4★ minimum at 3★', () => {
    const result = scoreSheet(v26, set1, { choices });
    expect(result.total).toBe(75);
    expect(result.bandStar).toBe(4);
    expect(result.gateCeiling).toBe(3);
    expect(result.star).toBe(3);
    expect(result.outcome).toBe('ranked');
    expect(result.certifiable).toBe(true);
    expect(result.recognisingLevel).toBe('province');
    const fourStar = result.failedGates.filter((g) => g.star === 4);
    expect(fourStar).toEqual([
      {
        star: 4,
        criterion: '5.1',
        criterionLabel: 'Câu chuyện sản phẩm',
        required: { index: 4, label: expect.stringContaining('truy xuất nguồn gốc điện tử'), points: 5 },
        chosen: { index: 3, label: expect.stringContaining('website'), points: 3 },
      },
    ]);
  });

  it('does not recognise the same sheet under the not-achieved policy', () => {
    const result = scoreSheet(v26, set1, { choices }, { gatePolicy: 'not-achieved' });
    expect(result.bandStar).toBe(4);
    expect(result.star).toBeNull();
    expect(result.outcome).toBe('not-achieved');
    expect(result.certifiable).toBe(false);
    expect(result.recognisingLevel).toBeNull();
    expect(result.next?.targetStar).toBe(4);
  });

  it('advises how to reach 4★: no points missing, the 5.1 minimum to close with its 5-point option', () => {
    const next = scoreSheet(v26, set1, { choices }).next!;
    expect(next.targetStar).toBe(4);
    expect(next.pointsMissing).toBe(0);
    expect(next.pointGains).toEqual([]);
    expect(next.gates.map((g) => [g.star, g.criterion, g.currentPoints, g.closingOptions.map((o) => [o.index, o.points, o.gain])])).toEqual([
      [4, '5.1', 3, [[4, 5, 2]]],
    ]);
  });

  it('a 98-point sheet missing two 5★ minimums is 4★', () => {
    const result = scoreSheet(v26, set1, { choices: sheetWith(set1, { '1.3': 2, '1.5': 2 }) }); // 98 points
    expect(result.total).toBe(98);
    expect(result.failedGates.map((g) => [g.star, g.criterion])).toEqual([
      [5, '1.3'],
      [5, '1.5'],
    ]);
    expect(result.star).toBe(4);
  });

  it('a sheet in the 3★ band missing a 3★ minimum is capped at 2★ and not certifiable', () => {
    // 2.2 packaging at "bao bì đơn giản" (1 point) where 3★ requires "bao bì đẹp" (2 points).
    const result = scoreSheet(v26, set1, { choices: sheetWith(set1, { '2.2': 1, '4.3': 0, '5.1': 0, '5.3': 0, '8': 0, '12': 1, '6.2': 0, '10': 1 }) });
    expect(result.bandStar).toBe(3);
    expect(result.failedGates.some((g) => g.star === 3 && g.criterion === '2.2')).toBe(true);
    expect(result.star).toBe(2);
    expect(result.certifiable).toBe(false);
    expect(result.next?.targetStar).toBe(3);
  });

  it('points advice names the criteria with the largest gains, just enough of them', () => {
    // 68 points with every minimum met: 3★, 2 points short of 4★.
    const low = scoreSheet(v26, set1, {
      choices: sheetWith(set1, { '4.3': 0, '5.3': 1, '4.2': 0, '6.2': 3, '6.3': 0, '6.4': 0, '12': 1, '3.5': 2, '1.1': 1, '9': 2, '10': 3, '7': 0 }),
    });
    expect(low.total).toBe(100 - 5 - 4 - 3 - 1 - 3 - 3 - 2 - 1 - 2 - 3 - 2 - 3);
    expect(low.total).toBe(68);
    expect(low.star).toBe(3);
    const next = low.next!;
    expect(next.targetStar).toBe(4);
    expect(next.pointsMissing).toBe(2);
    // The single largest gain (4.3, +5) covers the 2 missing points.
    expect(next.pointGains.map((g) => [g.criterion, g.gain])).toEqual([['4.3', 5]]);
  });
});

describe('minimum-star gates on set 7 (Chế biến từ rau, củ, quả, hạt)', () => {
  it('caps at 4★ when the taste (6.5) stops at the 4★ marker instead of the 5★ one', () => {
    const result = scoreSheet(v26, set7, { choices: sheetWith(set7, { '6.5': 3 }) });
    expect(result.total).toBe(98);
    expect(result.bandStar).toBe(5);
    expect(result.failedGates.map((g) => [g.star, g.criterion, g.required.points, g.chosen.points])).toEqual([[5, '6.5', 5, 3]]);
    expect(result.star).toBe(4);
    expect(result.recognisingLevel).toBe('province');
    expect(result.next?.gates[0]?.closingOptions.map((o) => o.points)).toEqual([5]);
  });

  it('a 3★ miss (2.2 simple packaging) caps even a 98-point sheet at 2★; not-achieved refuses it', () => {
    const choices = sheetWith(set7, { '2.2': 1 });
    const capped = scoreSheet(v26, set7, { choices });
    expect(capped.total).toBe(98);
    expect(capped.failedGates.map((g) => [g.star, g.criterion])).toEqual([[3, '2.2']]);
    expect(capped.star).toBe(2);
    expect(capped.next?.targetStar).toBe(3);
    const refused = scoreSheet(v26, set7, { choices }, { gatePolicy: 'not-achieved' });
    expect(refused.star).toBeNull();
    expect(refused.next?.targetStar).toBe(5);
  });

  it('counts an option above the marked one as reaching that minimum', () => {
    // 2.3 labelling: 3★ marks the 1-point option, 4★ the 3-point one; 2 points meets 3★ only.
    const result = scoreSheet(v26, set7, { choices: sheetWith(set7, { '2.3': 2 }) });
    expect(result.failedGates.map((g) => [g.star, g.criterion])).toEqual([[4, '2.3']]);
    expect(result.star).toBe(3);
  });
});

describe('disqualification', () => {
  it('keeps the points but does not rank a flagged sheet', () => {
    const result = scoreSheet(v26, set1, { choices: bestChoices(set1), disqualified: { reason: ' Giả mạo hồ sơ ' } });
    expect(result.total).toBe(100);
    expect(result.bandStar).toBe(5);
    expect(result.star).toBeNull();
    expect(result.outcome).toBe('disqualified');
    expect(result.disqualified).toEqual({ reason: 'Giả mạo hồ sơ' });
    expect(result.certifiable).toBe(false);
    expect(result.recognisingLevel).toBeNull();
    expect(result.next).toBeNull();
  });
});

describe('case criteria (set 26: 8, 9, 15)', () => {
  const base = bestChoices(set26, 'a');
  const caseB = (code: string) =>
    listScorableCriteria(set26)
      .find((c) => c.code === code)!
      .options.findIndex((o) => o.case === 'b' && o.points > 1);

  it('infers the case from the first case criterion answered', () => {
    expect(scoreSheet(v26, set26, { choices: base }).case).toBe('a');
    expect(scoreSheet(v26, set26, { choices: bestChoices(set26, 'b') }).case).toBe('b');
  });

  it('rejects a sheet mixing cases, naming where the case was set', () => {
    const issues = inputIssues(() => scoreSheet(v26, set26, { choices: { ...base, '9': caseB('9') } }));
    expect(issues).toEqual([
      {
        code: 'case_mismatch',
        criterion: '9',
        message: { vi: expect.stringContaining('tiêu chí 8'), en: 'Criterion 9: the option belongs to case b, but case a was chosen at criterion 8.' },
      },
    ]);
  });

  it('checks every case criterion against a declared case', () => {
    const issues = inputIssues(() => scoreSheet(v26, set26, { choices: base, case: 'b' }));
    expect(issues.map((i) => [i.code, i.criterion])).toEqual([
      ['case_mismatch', '8'],
      ['case_mismatch', '9'],
      ['case_mismatch', '15'],
    ]);
  });

  it('rejects an unknown case, and a case on a set that has none', () => {
    expect(inputIssues(() => scoreSheet(v26, set26, { choices: base, case: 'c' as 'a' })).map((i) => i.code)).toEqual(['unknown_case']);
    expect(inputIssues(() => scoreSheet(v26, set1, { choices: bestChoices(set1), case: 'a' })).map((i) => i.code)).toEqual(['case_not_applicable']);
  });
});

describe('input errors', () => {
  it('lists every problem of a sheet at once', () => {
    const choices: Record<string, number> = { ...bestChoices(set1) };
    delete choices['1.1'];
    delete choices['12'];
    choices['2.1'] = 3; // options 0..2
    choices['3.2'] = -1;
    choices['6.1'] = 1.5;
    choices['99.9'] = 0;
    choices['1'] = 0; // a group, not scorable
    const sheet = { choices, disqualified: { reason: '  ' } } satisfies ScoreSheet;
    const issues = inputIssues(() => scoreSheet(v26, set1, sheet));
    expect(issues.map((i) => [i.code, i.criterion])).toEqual([
      ['missing_choice', '1.1'],
      ['option_out_of_range', '2.1'],
      ['option_out_of_range', '3.2'],
      ['option_out_of_range', '6.1'],
      ['missing_choice', '12'],
      // Object.keys lists integer-like keys first.
      ['unknown_criterion', '1'],
      ['unknown_criterion', '99.9'],
      ['disqualification_reason_required', undefined],
    ]);
    expect(issues[1]!.message).toEqual({
      vi: 'Tiêu chí 2.1: phương án 3 không có (chọn từ 0 đến 2).',
      en: 'Criterion 2.1: option 3 does not exist (expected 0 to 2).',
    });
  });

  it('is an invalid AppError whose fields mirror the request body', () => {
    const choices = { ...bestChoices(set1), '2.1': 9 };
    try {
      scoreSheet(v26, set1, { choices });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as ScoringInputError;
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('invalid_score_sheet');
      expect(Object.keys(e.fields)).toEqual(['choices.2.1']);
      expect(e.messages.vi).toContain('Tiêu chí 2.1');
    }
  });

  it('rejects a string option index and a sheet without choices', () => {
    const choices = { ...bestChoices(set1), '2.1': '2' as unknown as number };
    expect(inputIssues(() => scoreSheet(v26, set1, { choices })).map((i) => i.code)).toEqual(['option_out_of_range']);
    expect(inputIssues(() => scoreSheet(v26, set1, {} as ScoreSheet)).map((i) => i.code)).toEqual(['invalid_sheet']);
  });

  it('treats null case and null disqualified (as JSON clients send them) as absent', () => {
    const sheet = JSON.parse(JSON.stringify({ choices: bestChoices(set1), case: null, disqualified: null })) as ScoreSheet;
    const result = scoreSheet(v26, set1, sheet);
    expect([result.case, result.disqualified, result.star]).toEqual([null, null, 5]);
  });

  it('rejects a set that does not belong to the version', () => {
    const legacy = v1048.sets[0]!;
    expect(inputIssues(() => scoreSheet(v26, legacy, { choices: bestChoices(legacy) })).map((i) => i.code)).toEqual(['set_not_in_version']);
  });

  it('reads only own properties of choices, never inherited ones', () => {
    const choices = Object.assign(Object.create({ '1.1': 0 }) as Record<string, number>, bestChoices(set1));
    delete choices['1.1'];
    expect(inputIssues(() => scoreSheet(v26, set1, { choices })).map((i) => [i.code, i.criterion])).toEqual([['missing_choice', '1.1']]);
  });
});
