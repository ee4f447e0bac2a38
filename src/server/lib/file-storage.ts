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
    /**
     * Writes beside the final name, then renames: a full disk or a crash mid-write leaves no truncated
     * file under a key, and the partial file is removed when the write fails.
     */
    async put(key: string, data: Buffer) {
      const file = resolve(key);
      const partial = `${file}.${randomUUID()}.partial`;
      await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        await fs.writeFile(partial, data);
        await fs.rename(partial, file);
      } catch (err) {
        await fs.rm(partial, { force: true });
        throw err;
      }
    },
    get: (key: string) => fs.readFile(resolve(key)),
    async remove(key: string) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
export type FileStorage = ReturnType<typeof createFileStorage>;
