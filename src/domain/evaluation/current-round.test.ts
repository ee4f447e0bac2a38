import { describe, expect, it } from 'vitest';
import { currentRound } from './current-round.js';
import { defaultRounds } from './rounds.js';

const named = (year: number) => defaultRounds(year, 'province').map((r) => ({ ...r, name: `${r.number}/${year}` }));
const rounds = [...named(2025), ...named(2026)];

describe('currentRound (Art. 5: rounds follow their dates)', () => {
  it.each<[string, string, string | undefined]>([
    ['taking proposals for round 1', '2026-03-01', '1/2026'],
    ['round 1 evaluating', '2026-05-15', '1/2026'],
    ['round 1 on its result deadline', '2026-06-30', '1/2026'],
    ['the day after: round 2', '2026-07-01', '2/2026'],
    ['round 2 on its result deadline', '2026-12-30', '2/2026'],
    ['every round closed: the last one', '2027-02-01', '2/2026'],
  ])('%s (%s)', (_label, today, expected) => expect(currentRound(rounds, today)?.name).toBe(expected));

  it('none without rounds', () => expect(currentRound([], '2026-01-01')).toBeUndefined());
});
