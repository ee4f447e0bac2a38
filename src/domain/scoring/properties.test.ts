import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listScorableCriteria, optionAppliesToCase } from '../criteria/queries.js';
import { loadShippedVersion } from '../criteria/test-support.js';
import type { CaseKey, CriteriaSet, CriteriaVersion } from '../criteria/types.js';
import { scoreSheet } from './score-sheet.js';

const v26 = loadShippedVersion('qd26');
const v1048 = loadShippedVersion('qd1048');
const targets: ReadonlyArray<{ version: CriteriaVersion; set: CriteriaSet }> = [
  ...v26.sets.map((set) => ({ version: v26, set })),
  { version: v1048, set: v1048.sets[0]! },
];

interface Generated {
  version: CriteriaVersion;
  set: CriteriaSet;
  caseKey: CaseKey;
  choices: Record<string, number>;
  /** A criterion to raise, and the raw draw used to pick the better option. */
  raise: { slot: number; draw: number };
}

/** A random valid sheet: any set, one case, any applicable option on every criterion. */
const sheetArb: fc.Arbitrary<Generated> = fc
  .record({
    target: fc.nat(targets.length - 1),
    caseKey: fc.constantFrom<CaseKey>('a', 'b'),
    draws: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    raise: fc.record({ slot: fc.nat(), draw: fc.nat() }),
  })
  .map(({ target, caseKey, draws, raise }) => {
    const { version, set } = targets[target]!;
    const choices: Record<string, number> = {};
    listScorableCriteria(set).forEach((criterion, i) => {
      const applicable = criterion.options.flatMap((o, index) => (optionAppliesToCase(o, caseKey) ? [index] : []));
      choices[criterion.code] = applicable[draws[i]! % applicable.length]!;
    });
    return { version, set, caseKey, choices, raise };
  });

describe('scoring properties (fast-check)', () => {
  it('the total is the sum of the chosen options, and parts and top-level groups add up to it', () => {
    fc.assert(
      fc.property(sheetArb, ({ version, set, choices }) => {
        const result = scoreSheet(version, set, { choices });
        const expected = listScorableCriteria(set).reduce((sum, c) => sum + c.options[choices[c.code]!]!.points, 0);
        expect(result.total).toBe(expected);
        expect(result.parts.reduce((s, p) => s + p.points, 0)).toBe(expected);
        const topLevel = result.groups.filter((g) => g.depth === 0).reduce((s, g) => s + g.points, 0);
        const directlyScored = result.criteria
          .filter((c) => set.parts.some((p) => p.items.some((item) => item.kind === 'criterion' && item.code === c.code)))
          .reduce((s, c) => s + c.points, 0);
        expect(topLevel + directlyScored).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the total stays within 0–100 and every part within its maximum', () => {
    fc.assert(
      fc.property(sheetArb, ({ version, set, choices }) => {
        const result = scoreSheet(version, set, { choices });
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(100);
        for (const part of result.parts) expect(part.points).toBeLessThanOrEqual(part.maxPoints);
        expect(result.star).not.toBeNull();
        expect(result.star!).toBeLessThanOrEqual(result.bandStar);
      }),
      { numRuns: 300 },
    );
  });

  it("raising one choice to an option with more points never lowers the awarded star (policy 'cap')", () => {
    let raised = 0;
    fc.assert(
      fc.property(sheetArb, ({ version, set, caseKey, choices, raise }) => {
        const criteria = listScorableCriteria(set);
        const criterion = criteria[raise.slot % criteria.length]!;
        const current = criterion.options[choices[criterion.code]!]!.points;
        const better = criterion.options.flatMap((o, index) => (optionAppliesToCase(o, caseKey) && o.points > current ? [index] : []));
        fc.pre(better.length > 0);
        raised++;
        const before = scoreSheet(version, set, { choices });
        const after = scoreSheet(version, set, { choices: { ...choices, [criterion.code]: better[raise.draw % better.length]! } });
        expect(after.total).toBeGreaterThan(before.total);
        expect(after.bandStar).toBeGreaterThanOrEqual(before.bandStar);
        expect(after.gateCeiling).toBeGreaterThanOrEqual(before.gateCeiling);
        expect(after.star!).toBeGreaterThanOrEqual(before.star!);
      }),
      { numRuns: 500 },
    );
    expect(raised).toBeGreaterThan(100);
  });

  it("'not-achieved' is not monotone: more points can move a product into a band whose minimum it misses", () => {
    // Documents why 'cap' is the default. Set 1 (choices are option indices): 68 points, 3★ with every
    // 3★ minimum met but the 4★ minimum of 5.1 missed; raising 4.3 by 5 points enters the 4★ band, and
    // the product is refused.
    const set = v26.sets[0]!;
    const criteria = listScorableCriteria(set);
    const best = (code: string) => {
      const c = criteria.find((x) => x.code === code)!;
      return c.options.reduce((bi, o, i) => (o.points > c.options[bi]!.points ? i : bi), 0);
    };
    const choices: Record<string, number> = Object.fromEntries(criteria.map((c) => [c.code, best(c.code)]));
    Object.assign(choices, {
      '5.1': 3,
      '4.3': 0,
      '4.2': 0,
      '6.3': 0,
      '6.4': 0,
      '12': 0,
      '3.3': 0,
      '1.1': 0,
      '1.2': 0,
      '11': 0,
      '3.1': 0,
      '6.2': 3,
      '4.1': 2,
      '5.2': 0,
    });
    const before = scoreSheet(v26, set, { choices }, { gatePolicy: 'not-achieved' });
    const after = scoreSheet(v26, set, { choices: { ...choices, '4.3': 4 } }, { gatePolicy: 'not-achieved' });
    expect([before.total, before.star]).toEqual([68, 3]);
    expect([after.total, after.star, after.outcome]).toEqual([73, null, 'not-achieved']);
  });
});
