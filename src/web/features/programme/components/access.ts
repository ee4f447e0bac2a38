import { activitiesProvince, canEditActivity, canManageSupport, type ActivityRef } from '../../../../domain/policies/index.js';
import { useAppInfo, useCommunes, type Commune } from '../../../lib/reference.js';
import { useActor } from '../../../lib/session.js';

/**
 * What the signed-in user may do with the programme's records, asked of the domain policies
 * (src/domain/policies/activities.ts) so the pages offer exactly what the server allows. Until the
 * deployment's province is known nothing is offered.
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
    /** The province whose records the user keeps, for records created here. */
    province,
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
  };
}
