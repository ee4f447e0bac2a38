/**
 * What the chair and the secretary need to know before scoring starts (conflict-of-interest rule of
 * the council's operating rules: a member with a conflict does not score the dossier): how many
 * scoring members have declared, out of how many, and how many of them declared a conflict. A
 * declaration of "no conflict" is a declaration, not a conflict.
 */
export type DeclarationSummary = { declared: number; total: number | null; conflicted: number; conflictedNames: string[] };

export function summariseDeclarations(
  declarations: readonly { memberId: string; memberName: string; hasConflict: boolean }[],
  votingMemberIds?: readonly string[],
): DeclarationSummary {
  const counted = votingMemberIds ? declarations.filter((d) => votingMemberIds.includes(d.memberId)) : declarations;
  const conflicts = counted.filter((d) => d.hasConflict);
  return {
    declared: counted.length,
    total: votingMemberIds ? votingMemberIds.length : null,
    conflicted: conflicts.length,
    conflictedNames: conflicts.map((d) => d.memberName),
  };
}
