import type { Actor, RouteAccess, UserActor } from './actors.js';

/**
 * People's own pages: the first page after signing in is about the caller's own work. A producer
 * sees its own products, certificates and dossiers (one subject, Decision 26/2026/QĐ-TTg Art. 6–7);
 * a council member the sittings and sheets assigned to them (Art. 7.3); everyone else the office's
 * dashboard.
 */
export type HomeKind = 'producer' | 'council' | 'office';

export function homeOf(actor: Actor): HomeKind {
  if (actor.kind !== 'user') return 'office';
  if (actor.role === 'producer' && actor.subjectId !== null) return 'producer';
  if (actor.role === 'council') return 'council';
  return 'office';
}

/** Route access of the two own pages: only the role the page is about (anyone else is refused). */
export const PRODUCER_HOME_ACCESS: RouteAccess = ['producer'];
export const COUNCIL_HOME_ACCESS: RouteAccess = ['council'];

/** The account whose council seats a council member's home lists; null for anyone else. */
export const homeSeatsOf = (actor: Actor): UserActor['userId'] | null => (actor.kind === 'user' && actor.role === 'council' ? actor.userId : null);
