import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * Files kept under `DATA_DIR/files`, so backing up the data folder backs up uploads too.
 * Keys are generated here (never taken from the client), so no path can escape the folder.
 */
export function createFileStorage(dataDir: string) {
  const root = path.join(dataDir, 'files');
  const resolve = (key: string) => {
    if (!/^[a-z0-9-]+\/[a-z0-9-]+\.[a-z0-9]+$/.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    newKey: (folder: string, ext: string) => `${folder}/${randomUUID()}.${ext}`,
    async put(key: string, data: Buffer) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    },
    get: (key: string) => fs.readFile(resolve(key)),
    async remove(key: string) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
export type FileStorage = ReturnType<typeof createFileStorage>;
