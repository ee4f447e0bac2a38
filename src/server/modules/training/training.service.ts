import type { Db } from '../../db/client.js';

// Being built: the service of this module.
export function createTrainingService(_db: Db, _deploymentProvince: string, _clock: () => Date) {
  return {};
}
export type TrainingService = ReturnType<typeof createTrainingService>;
