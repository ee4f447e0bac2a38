import { describe, expect, it } from 'vitest';
import { defaultRounds, roundForProposal } from './rounds.js';

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

  it('places a proposal in the first open round whose deadline it meets', () => {
    const rounds = defaultRounds(2027, 'province').map((r, i) => ({ ...r, status: i === 0 ? 'closed' : 'open' }));
    expect(roundForProposal(rounds, '2027-03-01')?.number).toBe(2);
    const open = defaultRounds(2027, 'province').map((r) => ({ ...r, status: 'open' }));
    expect(roundForProposal(open, '2027-04-30')?.number).toBe(1);
    expect(roundForProposal(open, '2027-05-01')?.number).toBe(2);
    expect(roundForProposal(open, '2027-11-01')).toBeUndefined();
  });
});
