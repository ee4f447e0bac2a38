import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createSalesPointsService(_db: Db, _deploymentProvince: string, _clock: () => Date, _onPublicChange: () => void) {
  return {};
}
export type SalesPointsService = ReturnType<typeof createSalesPointsService>;
