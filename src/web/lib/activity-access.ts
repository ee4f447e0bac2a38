import {
  activitiesProvince,
  canEditActivity,
  canEditProductMarket,
  canManageSupport,
  canReviewListing,
  mayCreateActivity,
  type ActivityRef,
} from '../../domain/policies/index.js';
import { useAppInfo, useCommunes, type Commune } from './reference.js';
import { useActor } from './session.js';

type Producer = { subjectId: string; communeCode: string | null };
const subjectRef = ({ subjectId, communeCode }: Producer, provinceCode: string) => ({ id: subjectId, provinceCode, communeCode });

/**
 * What the signed-in user may do with the market and programme records, asked of the domain
 * policies (src/domain/policies/activities.ts) so the pages offer exactly what the server allows.
 * Until the deployment's province is known nothing is offered.
 */
export function useActivityAccess() {
  const actor = useActor();
  const deployment = useAppInfo().data?.provinceCode ?? null;
  const communes = useCommunes().data ?? [];
  const province = deployment === null ? null : activitiesProvince(actor, deployment);
  const canRecordIn = (communeCode: string | null) =>
    deployment !== null && province !== null && canEditActivity(actor, { provinceCode: province, communeCode }, deployment);
  const recordableCommunes: readonly Commune[] = communes.filter((c) => canRecordIn(c.code));
  return {
    actor,
    /** The province whose records the user keeps, for records created here. */
    province,
    /** Whether the user may create a sales point or event somewhere (mayCreateActivity). */
    canCreate: deployment !== null && mayCreateActivity(actor, deployment),
    canEdit: (record: ActivityRef) => deployment !== null && canEditActivity(actor, record, deployment),
    /** Whether a record may be created in this commune (null: province-wide). */
    canRecordIn,
    /** The communes the user records activities in: the whole province for the office, their own for a commune officer. */
    recordableCommunes,
    /** Whether the user records anything at all, in some commune or province-wide. */
    recordsSomewhere: canRecordIn(null) || recordableCommunes.length > 0,
    /** Policies, grants and province-wide communication: the office's. */
    managesSupport: deployment !== null && province !== null && canManageSupport(actor, province, deployment),
    /** The same, for a record of a given province. */
    canManageSupportOf: (provinceCode: string) => deployment !== null && canManageSupport(actor, provinceCode, deployment),
    // A listing names its product's producer and commune; the producer is of the deployment's province.
    canEditListing: (listing: Producer) => deployment !== null && canEditProductMarket(actor, subjectRef(listing, deployment)),
    canReview: (listing: Producer) => deployment !== null && canReviewListing(actor, subjectRef(listing, deployment)),
  };
}
