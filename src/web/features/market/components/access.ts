import {
  activitiesProvince,
  canEditActivity,
  canEditProductMarket,
  canReviewListing,
  type ActivityRef,
  type UserActor,
} from '../../../../domain/policies/index.js';
import { useAppInfo } from '../../../lib/reference.js';
import { useActor } from '../../../lib/session.js';

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

type Producer = { subjectId: string; communeCode: string };
const subjectRef = ({ subjectId, communeCode }: Producer, provinceCode: string) => ({ id: subjectId, provinceCode, communeCode });

/** The signed-in account's rights over the province's market records, as the server decides them. */
export function useActivityAccess() {
  const actor = useActor();
  const deployment = useAppInfo().data?.provinceCode ?? null;
  return {
    actor,
    canCreate: deployment !== null && mayCreateActivity(actor, deployment),
    canEdit: (record: ActivityRef) => deployment !== null && canEditActivity(actor, record, deployment),
    // A listing names its product's producer and commune; the producer is of the deployment's province.
    canEditListing: (listing: Producer) => deployment !== null && canEditProductMarket(actor, subjectRef(listing, deployment)),
    canReview: (listing: Producer) => deployment !== null && canReviewListing(actor, subjectRef(listing, deployment)),
  };
}
