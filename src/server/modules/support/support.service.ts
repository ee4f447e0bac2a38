import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createSupportService(_db: Db, _deploymentProvince: string, _clock: () => Date) {
  return {};
}
export type SupportService = ReturnType<typeof createSupportService>;
