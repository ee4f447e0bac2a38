import { describe, expect, it } from 'vitest';
import { pastDateProblem, periodProblems } from './periods.js';

const names = { start: 'startsOn', end: 'endsOn' };

describe('periods of programme records', () => {
  it.each([
    ['one day', '2026-05-01', '2026-05-01', true, []],
    ['three days', '2026-05-01', '2026-05-03', true, []],
    ['end before start', '2026-05-03', '2026-05-01', true, ['endsOn']],
    ['held in the past', '2026-05-01', '2026-05-03', false, []],
    ['starting today', '2026-06-01', '2026-06-02', false, []],
    ['starting tomorrow, not allowed', '2026-06-02', '2026-06-03', false, ['startsOn']],
    ['starting tomorrow, planned', '2026-06-02', '2026-06-03', true, []],
  ])('%s', (_name, start, end, mayBeFuture, errors) => {
    expect(Object.keys(periodProblems({ start, end }, names, '2026-06-01', { mayBeFuture }))).toEqual(errors);
  });

  it('dates of things done are not after today: before, equal, after', () => {
    expect(pastDateProblem('2026-05-31', '2026-06-01')).toBeNull();
    expect(pastDateProblem('2026-06-01', '2026-06-01')).toBeNull();
    expect(pastDateProblem('2026-06-02', '2026-06-01')).not.toBeNull();
    expect(pastDateProblem(null, '2026-06-01')).toBeNull();
  });
});
