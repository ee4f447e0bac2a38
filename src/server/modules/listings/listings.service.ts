import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createListingsService(_db: Db, _deploymentProvince: string, _clock: () => Date, _onPublicChange: () => void) {
  return {};
}
export type ListingsService = ReturnType<typeof createListingsService>;
