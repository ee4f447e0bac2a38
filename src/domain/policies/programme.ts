import type { RoundLevel } from '../evaluation/rounds.js';
import { isMinistryOffice, isOcopOffice as isOffice, type Actor, type Role, type UserActor } from './actors.js';
import { canManageProgramme } from './registry.js';

/**
 * Who may run the programme's records: rounds, the working-day calendar, accounts, criteria versions,
 * scoring rules and the programme's figures. Pure functions of the actor and the record, used by the
 * server to refuse and by the web app to show or hide an action.
 */

/**
 * Art. 5, Decision 26/2026/QĐ-TTg: the rounds of each level are set by the authority that evaluates
 * at that level — a province's office opens and edits the province's rounds (the ministry's office
 * may act for the deployment's province), and only the ministry's office opens the national (5★)
 * rounds of Art. 7.4.
 */
export function canManageRounds(actor: Actor, level: RoundLevel): boolean {
  return isOffice(actor) && (level === 'province' || isMinistryOffice(actor));
}

/**
 * The province a round opened by this office belongs to: none for a national round, the office's
 * province (the deployment's for the ministry) for a provincial one. Only meaningful when
 * canManageRounds allows the actor.
 */
export function roundOwnerProvince(actor: Actor, level: RoundLevel, deploymentProvince: string): string | null {
  if (level === 'ministry' || actor.kind !== 'user') return null;
  return actor.provinceCode ?? deploymentProvince;
}

/**
 * Editing an existing round (Art. 5): a provincial office edits its own province's rounds only; the
 * ministry's office edits any, national ones included.
 */
export function canEditRound(actor: Actor, round: { level: RoundLevel; provinceCode: string | null }): boolean {
  if (!canManageRounds(actor, round.level) || actor.kind !== 'user') return false;
  return isMinistryOffice(actor) || round.provinceCode === actor.provinceCode;
}

/**
 * The rounds an account sees: a provincial account its own province's and the ministry's (its
 * dossiers go on to them); a national account every round. The province returned filters the list;
 * null means no filter.
 */
export const roundsVisibleProvince = (actor: Actor): string | null => (actor.kind === 'user' ? actor.provinceCode : null);

/**
 * The working-day calendar legal deadlines are counted on (Art. 7.2): the ministry records the days
 * the government moves for the whole country, a province's office the days of its own province.
 */
export const canEditCalendar = (actor: Actor): boolean => isOffice(actor);

/**
 * The calendar an actor reads and, as an office, edits: their province's (the national days and the
 * province's own), or the national one for accounts without a province and the public.
 */
export const calendarProvince = (actor: Actor): string | null => (actor.kind === 'user' ? actor.provinceCode : null);

/**
 * Accounts are managed by the OCOP office (issue "Foundation", roles); which accounts an office
 * manages is canManageUser's rule (its own province's, or all for the ministry).
 */
export const canManageUsers = (actor: Actor): boolean => isOffice(actor);

/**
 * Art. 7.4b: the ministry's own people are national — its office (admin) and the members of the
 * central council. Every other role works in a province and needs one.
 */
export const mayHaveNationalScope = (role: Role): boolean => role === 'admin' || role === 'council';

/**
 * What an account reaches within its province, by role (issue "Foundation", roles): the office its
 * whole area (the province, or the country for the ministry), a commune officer the communes assigned
 * to them, a producer its own subject, a council member only the seats it is given.
 */
export type AccountReach = 'area' | 'communes' | 'subject' | 'seats';
const REACH: Record<Role, AccountReach> = { admin: 'area', officer: 'communes', producer: 'subject', council: 'seats' };
export const accountReach = (role: Role): AccountReach => REACH[role];

/**
 * An administrator neither deactivates their own account nor takes away its administrator role:
 * another office account does that, so nobody locks the office out of its accounts by a slip.
 */
export const locksOutSelf = (actor: UserActor, accountId: string, change: { role: Role; active: boolean }): boolean =>
  accountId === actor.userId && (change.role !== 'admin' || !change.active);

/** A deactivation or a change of role changes what the account may do: its sessions end at once, not when they expire. */
export const changesAccess = (before: { role: Role }, after: { role: Role; active: boolean }): boolean => !after.active || after.role !== before.role;

/**
 * A criteria version decides every score recorded under it (Art. 3): importing or replacing one is
 * the office's act, never a producer's or a council member's.
 */
export const canImportCriteria = (actor: Actor): boolean => isOffice(actor);

/**
 * The province's scoring rules (gate policy, quorum, council size: Art. 7.3–7.6 and the council's
 * operating rules) are set by the office that runs the province's programme.
 */
export const canChangeScoringSettings = (actor: Actor, provinceCode: string): boolean => canManageProgramme(actor, provinceCode);
