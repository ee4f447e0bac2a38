import { describe, expect, it } from 'vitest';
import { attendeePeople, barValue, budgetUse, courseDates, funnelRows, percentOf } from './figures.js';

describe('percentOf', () => {
  it('rounds to one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 7)).toBe(0);
  });

  it('has no share of nothing', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, null)).toBeNull();
    expect(percentOf(3, undefined)).toBeNull();
  });
});

describe('funnelRows', () => {
  it('gives each stage its share of the ideas and of the stage before', () => {
    const rows = funnelRows({ ideas: 40, accepted: 30, plans: 12, evaluated: 9, recognised: 6 });
    expect(rows).toEqual([
      { stage: 'ideas', count: 40, ofIdeas: 100, ofPrevious: null },
      { stage: 'accepted', count: 30, ofIdeas: 75, ofPrevious: 75 },
      { stage: 'plans', count: 12, ofIdeas: 30, ofPrevious: 40 },
      { stage: 'evaluated', count: 9, ofIdeas: 22.5, ofPrevious: 75 },
      { stage: 'recognised', count: 6, ofIdeas: 15, ofPrevious: 66.7 },
    ]);
  });

  it('has counts but no rates in a year without ideas', () => {
    const rows = funnelRows({ ideas: 0, accepted: 0, plans: 0, evaluated: 0, recognised: 0 });
    expect(rows.map((r) => [r.count, r.ofIdeas, r.ofPrevious])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
  });

  it('has no rate after a stage nobody reached', () => {
    const rows = funnelRows({ ideas: 4, accepted: 2, plans: 0, evaluated: 0, recognised: 0 });
    expect(rows[3]).toEqual({ stage: 'evaluated', count: 0, ofIdeas: 0, ofPrevious: null });
  });
});

describe('budgetUse', () => {
  it('shares committed and disbursed money of the budget, and what is left', () => {
    expect(budgetUse({ budgetVnd: 800_000_000, committedVnd: 500_000_000, disbursedVnd: 200_000_000 })).toEqual({
      committedPercent: 62.5,
      disbursedPercent: 25,
      remainingVnd: 300_000_000,
      over: false,
    });
  });

  it('says when the grants exceed the budget', () => {
    expect(budgetUse({ budgetVnd: 100_000_000, committedVnd: 120_000_000, disbursedVnd: 0 })).toEqual({
      committedPercent: 120,
      disbursedPercent: 0,
      remainingVnd: -20_000_000,
      over: true,
    });
  });

  it('has no shares without a budget, nor with a budget of nothing', () => {
    expect(budgetUse({ budgetVnd: null, committedVnd: 50_000_000, disbursedVnd: 0 })).toEqual({
      committedPercent: null,
      disbursedPercent: null,
      remainingVnd: null,
      over: false,
    });
    expect(budgetUse({ budgetVnd: 0, committedVnd: 0, disbursedVnd: 0 })).toEqual({
      committedPercent: null,
      disbursedPercent: null,
      remainingVnd: 0,
      over: false,
    });
  });
});

describe('barValue', () => {
  it('holds the bar between empty and full', () => {
    expect(barValue(null)).toBe(0);
    expect(barValue(42.5)).toBe(42.5);
    expect(barValue(120)).toBe(100);
    expect(barValue(-5)).toBe(0);
  });
});

describe('attendeePeople', () => {
  it('adds the people of every line, an empty input counting none', () => {
    expect(attendeePeople([{ people: 3 }, { people: '2' }, { people: '' }])).toBe(5);
    expect(attendeePeople([])).toBe(0);
  });
});

describe('courseDates', () => {
  it('shows one day once, and several as a span, dd/mm/yyyy', () => {
    expect(courseDates({ startsOn: '2026-04-10', endsOn: '2026-04-10' })).toBe('10/04/2026');
    expect(courseDates({ startsOn: '2026-04-10', endsOn: '2026-04-12' })).toBe('10/04/2026 – 12/04/2026');
  });
});
