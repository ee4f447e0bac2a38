import { isMinistryOffice, isOcopOffice, type Actor, type Role } from './actors.js';

/**
 * What the web app shows an actor before any record is open: which sections it offers, which pages
 * it guards, which buttons a page carries. The server decides the same questions per route and per
 * record (actors.ts, registry.ts, evaluation.ts, programme.ts); these functions keep the web app from
 * offering what the server would refuse. Roles and scopes are those of index.ts.
 */

const hasRole = (actor: Actor, roles: readonly Role[]): boolean => actor.kind === 'user' && roles.includes(actor.role);

/**
 * The registry — subjects, products, their self-assessments, dossiers and certificates — is for the
 * office, the commune officers and the producers. A council member reads only the dossiers of a
 * sitting they are assigned to, through the council's pages.
 */
export const seesRegistry = (actor: Actor): boolean => hasRole(actor, ['admin', 'officer', 'producer']);

/** Councils and their sittings: the office that sets them up and runs them, and the members who sit on them. */
export const seesCouncils = (actor: Actor): boolean => hasRole(actor, ['admin', 'council']);

/**
 * The programme's follow-up — its figures on the dashboard, the annual plans, the working-day
 * calendar, the certificates due for re-rating and the work list — is for the office and the commune
 * officers (the server's reportingArea then decides which area's figures they see).
 */
export const seesProgramme = (actor: Actor): boolean => hasRole(actor, ['admin', 'officer']);

/**
 * Registering a new subject at all is the office's and the commune officers' work (a producer is
 * registered for them); canCreateSubject decides in which commune.
 */
export const canCreateSubjects = (actor: Actor): boolean => hasRole(actor, ['admin', 'officer']);

/**
 * The level an office drafts councils and decisions for (Art. 7.3b/7.4b, 7.3e/7.4e, Decision
 * 26/2026/QĐ-TTg): the ministry's office (no province) for the central council and 5★, a province's
 * office for its own; null for anyone who is not an office.
 */
export function officeLevel(actor: Actor): 'ministry' | 'province' | null {
  if (!isOcopOffice(actor) || actor.kind !== 'user') return null;
  return actor.provinceCode === null ? 'ministry' : 'province';
}

/** The year's plan (targets and budget) is written by the office; commune officers read it. */
export const canEditPlans = (actor: Actor): boolean => isOcopOffice(actor);

/**
 * The office runs councils: sets them up, opens their sittings, takes attendance, closes them and may
 * order re-scoring; other accounts only sit on the councils they are members of.
 */
export const runsCouncils = (actor: Actor): boolean => isOcopOffice(actor);

/** A producer acts for its own subject only: what it registers is registered for that subject. */
export const isProducer = (actor: Actor): boolean => hasRole(actor, ['producer']);

/**
 * The national figures — every province's results, certificates and dossiers side by side — are the
 * ministry's: its OCOP office follows the programme across the country (Art. 7.4, 9 of Decision
 * 26/2026/QĐ-TTg); a province's office sees its own province on the dashboard.
 */
export const seesNationalFigures = (actor: Actor): boolean => isMinistryOffice(actor);

/** Sections of the web app that are not for everyone (the dashboard and the criteria are). */
export const AREAS = ['registry', 'councils', 'programme', 'subject-registration', 'office', 'national'] as const;
export type Area = (typeof AREAS)[number];

const AREA_RULES: Record<Area, (actor: Actor) => boolean> = {
  registry: seesRegistry,
  councils: seesCouncils,
  programme: seesProgramme,
  'subject-registration': canCreateSubjects,
  office: isOcopOffice,
  national: seesNationalFigures,
};

/** Whether the navigation offers a section and its pages open; the server refuses the same routes. */
export const mayUseArea = (actor: Actor, area: Area): boolean => AREA_RULES[area](actor);
