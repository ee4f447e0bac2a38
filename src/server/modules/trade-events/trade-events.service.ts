import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';

// Being built: the service of this module.
export function createTradeEventsService(_db: Db, _deploymentProvince: string, _storage: FileStorage, _clock: () => Date) {
  return {};
}
export type TradeEventsService = ReturnType<typeof createTradeEventsService>;
