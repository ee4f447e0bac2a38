import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createActivityImportsService(_db: Db, _deploymentProvince: string, _clock: () => Date) {
  return {};
}
export type ActivityImportsService = ReturnType<typeof createActivityImportsService>;
