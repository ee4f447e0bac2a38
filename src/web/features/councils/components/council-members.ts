import { votesByDefault, type CouncilPosition } from '../../../../domain/evaluation/council-rules.js';

/** A member as the council form edits them: `voting` null means "as the position has it by default". */
export type MemberVoting = { position: CouncilPosition | null; voting: boolean | null };

/**
 * Whether a member scores (and counts in the quorum): the chair always; otherwise as ticked, or by
 * default everyone but the secretary (a secretary appointed a member, "ủy viên thư ký", is ticked).
 */
export const scoresOnCouncil = (member: MemberVoting): boolean =>
  member.position === 'chair' ? true : (member.voting ?? (member.position ? votesByDefault(member.position) : false));
