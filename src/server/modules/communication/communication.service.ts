import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createCommunicationService(_db: Db, _deploymentProvince: string, _clock: () => Date) {
  return {};
}
export type CommunicationService = ReturnType<typeof createCommunicationService>;
