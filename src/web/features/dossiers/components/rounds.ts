import type { Round } from '../api/dossiers.js';

/** Provincial rounds still taking dossiers, soonest deadline first. */
export function openProvinceRounds(rounds: readonly Round[]): Round[] {
  return rounds.filter((r) => r.level === 'province' && r.status !== 'closed').sort((a, b) => a.proposalDeadline.localeCompare(b.proposalDeadline));
}

/** The round the server assigns when none is chosen (roundForProposal): the first whose deadline the dossier still meets. */
export function automaticRound(rounds: readonly Round[], proposedOn: string): Round | undefined {
  return openProvinceRounds(rounds).find((r) => r.proposalDeadline >= proposedOn);
}

/** The year whose Art. 5 rounds would take a dossier proposed on that day (the second round closes proposals on 30/10). */
export function yearForProposal(proposedOn: string): number {
  const year = Number(proposedOn.slice(0, 4));
  return proposedOn.slice(5) > '10-30' ? year + 1 : year;
}
