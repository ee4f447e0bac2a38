import { servesCommune, type Actor, type SubjectRef, type UserActor } from './actors.js';
import { registryScope, scopeIncludes } from './registry.js';

/**
 * Who keeps the records of market access and programme activities (sales points, listings, events,
 * support, communication, training, ideas and business plans). Issue "market and programme
 * activities": the office edits all of its province's; a commune officer edits what lies in their
 * communes; a producer sees its own listings, grants and trainings and may propose e-commerce
 * listings of its own products, which the office or the commune's officer approves.
 */

/** A record as far as access is concerned: its province and, when it lies in one, its commune. */
export type ActivityRef = { provinceCode: string; communeCode: string | null };

/** The province whose activity records an account reads, or null: its office and its commune officers. */
export function activitiesProvince(actor: Actor, deploymentProvince: string): string | null {
  if (actor.kind !== 'user') return null;
  if (actor.role === 'admin') return actor.provinceCode ?? deploymentProvince;
  if (actor.role === 'officer') return actor.provinceCode;
  return null;
}

/** Reading a record of the province's activities: the office and the province's commune officers. */
export const canReadActivity = (actor: Actor, record: ActivityRef, deploymentProvince: string): boolean =>
  activitiesProvince(actor, deploymentProvince) === record.provinceCode;

/**
 * Creating or changing a record: the office of its province; a commune officer only when the record
 * lies in one of their communes (a province-wide record, e.g. a radio series, is the office's).
 */
export function canEditActivity(actor: Actor, record: ActivityRef, deploymentProvince: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return (actor.provinceCode ?? deploymentProvince) === record.provinceCode;
  if (actor.role === 'officer') return actor.provinceCode === record.provinceCode && servesCommune(actor, record.communeCode);
  return false;
}

/**
 * Whether an account may record a new sales point or event at all, before it says where: the office
 * anywhere in its province, a commune officer in one of their communes (canEditActivity decides the
 * record itself once its commune is chosen).
 */
export function mayCreateActivity(actor: UserActor, deploymentProvince: string): boolean {
  const provinceCode = activitiesProvince(actor, deploymentProvince);
  if (provinceCode === null) return false;
  const places = [null, ...actor.communeCodes];
  return places.some((communeCode) => canEditActivity(actor, { provinceCode, communeCode }, deploymentProvince));
}

/**
 * Money decisions (support policies and grants) and province-wide communication are the office's:
 * a commune officer reads them but does not grant.
 */
export function canManageSupport(actor: Actor, provinceCode: string, deploymentProvince: string): boolean {
  return actor.kind === 'user' && actor.role === 'admin' && (actor.provinceCode ?? deploymentProvince) === provinceCode;
}

/**
 * A product's market records (chain listings, approved e-commerce listings, the sales points that
 * carry it) are kept by those who keep the product's record and are not its producer: the office
 * and the commune's officer.
 */
export function canEditProductMarket(actor: Actor, subject: SubjectRef): boolean {
  if (actor.kind !== 'user' || (actor.role !== 'admin' && actor.role !== 'officer')) return false;
  return scopeIncludes(registryScope(actor), subject);
}

/** A producer proposes e-commerce listings of its own products; they wait for approval. */
export const canProposeListing = (actor: Actor, subject: SubjectRef): boolean =>
  actor.kind === 'user' && actor.role === 'producer' && actor.subjectId === subject.id;

/** Approving or rejecting a proposed listing: the office and the commune's officer. */
export const canReviewListing = canEditProductMarket;

/**
 * A producer's consent to be carried by a sales point: given or refused by the producer's own
 * account, or recorded by the office or the commune's officer from a signed paper.
 */
export const canAnswerConsent = (actor: Actor, subject: SubjectRef): boolean => canProposeListing(actor, subject) || canEditProductMarket(actor, subject);

/** A producer's own records among the activities (its listings, grants, trainings, ideas). */
export const ownSubjectOf = (actor: Actor): string | null => (actor.kind === 'user' && actor.role === 'producer' ? actor.subjectId : null);
