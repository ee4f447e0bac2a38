import { describe, expect, it } from 'vitest';
import { defaultRounds, roundForProposal, roundStatus, roundYearsFor } from './rounds.js';

describe('evaluation rounds (Art. 5, Decision 26/2026/QĐ-TTg)', () => {
  it('gives the province two rounds: 30/04 → 30/06 and 30/10 → 30/12', () => {
    expect(defaultRounds(2027, 'province').map((r) => [r.proposalDeadline, r.resultDeadline])).toEqual([
      ['2027-04-30', '2027-06-30'],
      ['2027-10-30', '2027-12-30'],
    ]);
  });

  it('gives the ministry 30/07 → 30/09 and 30/01 → 30/03 of the next year', () => {
    expect(defaultRounds(2027, 'ministry').map((r) => [r.proposalDeadline, r.resultDeadline])).toEqual([
      ['2027-07-30', '2027-09-30'],
      ['2028-01-30', '2028-03-30'],
    ]);
  });

  it('places a proposal in the first round whose deadline it meets; a late one in the next', () => {
    const rounds = [...defaultRounds(2027, 'province'), ...defaultRounds(2028, 'province').map((r) => ({ ...r, number: r.number + 10 }))];
    expect(roundForProposal(rounds, '2027-03-01')?.number).toBe(1);
    expect(roundForProposal(rounds, '2027-04-30')?.number).toBe(1);
    expect(roundForProposal(rounds, '2027-05-01')?.number).toBe(2);
    expect(roundForProposal(rounds, '2027-10-31')?.number).toBe(11);
    expect(roundForProposal(defaultRounds(2027, 'province'), '2027-11-01')).toBeUndefined();
  });

  it.each([
    ['2027-04-29', 'open'],
    ['2027-04-30', 'open'],
    ['2027-05-01', 'in_progress'],
    ['2027-06-30', 'in_progress'],
    ['2027-07-01', 'closed'],
  ])('round 1 of 2027 on %s is %s', (today, status) => expect(roundStatus(defaultRounds(2027, 'province')[0]!, today)).toBe(status));

  it('looks for rounds this year and the next (and last year’s for the ministry’s January deadline)', () => {
    expect(roundYearsFor('2027-11-02', 'province')).toEqual([2027, 2028]);
    expect(roundYearsFor('2028-01-15', 'ministry')).toEqual([2027, 2028, 2029]);
  });
});
