import type { Message } from '../errors.js';
import { foldVietnamese } from '../text/vietnamese.js';

export const COUNCIL_POSITIONS = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];

/**
 * A secretary keeps the minutes and does not score unless also appointed a member (ủy viên thư ký);
 * the chair, vice-chairs and members score (Art. 7.3b: the council is its chair and its members).
 */
export const votesByDefault = (position: CouncilPosition) => position !== 'secretary';

export type ScoringStanding = 'yes' | 'not_voting' | 'declare_first' | 'conflicted' | 'own_organisation';

/**
 * Whether a member may score a dossier: only voting members; not when they declared a conflict of
 * interest, nor when they belong to the producer's own organisation (compared accent- and
 * case-insensitively), nor before they have declared at all.
 */
export function mayScore(
  member: { organisation: string; voting: boolean },
  producerName: string,
  declaration: { hasConflict: boolean } | undefined,
): ScoringStanding {
  if (!member.voting) return 'not_voting';
  if (foldVietnamese(member.organisation) === foldVietnamese(producerName)) return 'own_organisation';
  if (!declaration) return 'declare_first';
  return declaration.hasConflict ? 'conflicted' : 'yes';
}

/**
 * Independence: until the session closes nobody — chair, secretary and the office included — sees
 * another member's choices or totals, nor the council's mean; those who run the session see only
 * who has submitted. Afterwards every member sees every sheet.
 */
export const maySeeOthersScores = (sessionStatus: 'open' | 'closed') => sessionStatus === 'closed';

/** The chair and the secretary run a sitting (attendance, paper sheets, closing); so does the office. */
export const mayRunSession = (position: CouncilPosition | null, isAdmin: boolean) => isAdmin || position === 'chair' || position === 'secretary';

export type CouncilMemberDraft = { position: CouncilPosition; voting: boolean; userId: string | null; userRole: string | null };

/** Accounts that may sit on a council: the programme's staff and council members, never a producer. */
const SEATED_ROLES = ['admin', 'officer', 'council'];

/**
 * A council as the Chair's establishing decision sets it up (Art. 7.3b, 7.4b): one chair, a
 * secretary who keeps the minutes, at least `minVoting` members who score (the province's rules),
 * each account once, and only staff or council accounts. An advisory team (which does not score)
 * needs only its head. Every problem is listed, by member index.
 */
export function checkCouncilComposition(
  members: readonly CouncilMemberDraft[],
  rules: { minVoting: number; needsSecretary: boolean },
): { ok: true } | { ok: false; problems: Record<string, Message> } {
  const { minVoting } = rules;
  const problems: Record<string, Message> = {};
  const chairs = members.filter((m) => m.position === 'chair').length;
  if (chairs !== 1) problems.members = { vi: 'Hội đồng có đúng một chủ tịch.', en: 'A council has exactly one chair.' };
  else if (rules.needsSecretary && !members.some((m) => m.position === 'secretary'))
    problems.members = { vi: 'Hội đồng cần có thư ký.', en: 'A council needs a secretary.' };
  const voting = members.filter((m) => m.voting).length;
  if (voting < minVoting && !problems.members)
    problems.members = {
      vi: `Hội đồng cần ít nhất ${minVoting} thành viên chấm điểm (hiện có ${voting}) theo quy chế của tỉnh.`,
      en: `The council needs at least ${minVoting} scoring members (it has ${voting}), per the province's rules.`,
    };
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.position === 'chair' && !m.voting) problems[`members.${i}.voting`] = { vi: 'Chủ tịch hội đồng chấm điểm.', en: 'The chair scores.' };
    if (!m.userId) return;
    if (seen.has(m.userId)) problems[`members.${i}.userId`] = { vi: 'Tài khoản này đã có trong hội đồng.', en: 'This account is already on the council.' };
    seen.add(m.userId);
    if (!m.userRole || !SEATED_ROLES.includes(m.userRole))
      problems[`members.${i}.userId`] = {
        vi: 'Chỉ tài khoản cán bộ hoặc thành viên hội đồng được tham gia hội đồng.',
        en: 'Only staff or council accounts sit on a council.',
      };
  });
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true };
}
