import { foldVietnamese } from '../text/vietnamese.js';

export const COUNCIL_POSITIONS = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];

/**
 * Whether a member may score a dossier: not when they declared a conflict of interest, nor when
 * they belong to the producer's own organisation (compared accent- and case-insensitively), nor
 * before they have declared at all.
 */
export function mayScore(member: { organisation: string }, producerName: string, declaration: { hasConflict: boolean } | undefined): 'yes' | 'declare_first' | 'conflicted' | 'own_organisation' {
  if (foldVietnamese(member.organisation) === foldVietnamese(producerName)) return 'own_organisation';
  if (!declaration) return 'declare_first';
  return declaration.hasConflict ? 'conflicted' : 'yes';
}

/** Members see each other's sheets only once the session is closed; the chair and secretary run it. */
export const mayReadAllSheets = (position: CouncilPosition | null, sessionStatus: 'open' | 'closed', isAdmin: boolean) =>
  isAdmin || sessionStatus === 'closed' || position === 'chair' || position === 'secretary';

export const mayRunSession = (position: CouncilPosition | null, isAdmin: boolean) => isAdmin || position === 'chair' || position === 'secretary';
