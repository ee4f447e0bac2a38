import { forbidden } from '../../domain/errors.js';
import { activitiesProvince, type Actor } from '../../domain/policies/index.js';

/**
 * The province whose market and programme records the actor works with (activitiesProvince), or a
 * refusal for accounts that have none (council members, producers on the office's lists).
 */
export function requireActivitiesProvince(actor: Actor, deploymentProvince: string): string {
  const province = activitiesProvince(actor, deploymentProvince);
  if (!province) throw forbidden();
  return province;
}
