import type { AppConfig } from '../config.js';
import { createFileStorage, type FileStorage } from './file-storage.js';
import { createS3Storage } from './s3-storage.js';

/**
 * The storage the configuration names: an S3-compatible bucket when `STORAGE_URL` is set, else the
 * data folder (`DATA_DIR/files`). The server, the seeds and `ocop backup`/`restore` all open it here.
 */
export function openFileStorage(config: Pick<AppConfig, 'dataDir' | 'storage'>): FileStorage {
  return config.storage?.kind === 's3' ? createS3Storage(config.storage) : createFileStorage(config.dataDir);
}
