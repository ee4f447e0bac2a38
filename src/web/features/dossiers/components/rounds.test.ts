import { describe, expect, it } from 'vitest';
import type { Round } from '../api/dossiers.js';
import { automaticRound, openProvinceRounds, yearForProposal } from './rounds.js';

const round = (id: string, proposalDeadline: string, extra: Partial<Round> = {}): Round => ({
  id,
  level: 'province',
  provinceCode: '82',
  year: Number(proposalDeadline.slice(0, 4)),
  number: 1,
  name: id,
  proposalDeadline,
  resultDeadline: proposalDeadline,
  legalBasis: '26/2026/QĐ-TTg',
  status: 'open',
  dossierCount: 0,
  ...extra,
});

describe('rounds', () => {
  const rounds = [round('2027-2', '2027-10-30'), round('2026-2', '2026-10-30'), round('closed', '2027-04-30', { status: 'closed' }), round('ministry', '2027-01-30', { level: 'ministry' }), round('2027-1', '2027-04-30')];

  it('lists open provincial rounds by deadline', () => {
    expect(openProvinceRounds(rounds).map((r) => r.id)).toEqual(['2026-2', '2027-1', '2027-2']);
  });

  it('picks the first round whose deadline a proposal still meets', () => {
    expect(automaticRound(rounds, '2026-11-29')?.id).toBe('2027-1');
    expect(automaticRound(rounds, '2026-10-30')?.id).toBe('2026-2');
    expect(automaticRound(rounds, '2028-01-01')).toBeUndefined();
  });

  it('suggests next year once the year’s last proposal deadline has passed', () => {
    expect(yearForProposal('2026-11-29')).toBe(2027);
    expect(yearForProposal('2026-10-30')).toBe(2026);
    expect(yearForProposal('2026-03-01')).toBe(2026);
  });
});
