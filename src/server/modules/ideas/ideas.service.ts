import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createIdeasService(_db: Db, _deploymentProvince: string, _clock: () => Date) {
  return {};
}
export type IdeasService = ReturnType<typeof createIdeasService>;
