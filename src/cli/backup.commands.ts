import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../server/db/backup/backup.js';
import { archiveError } from '../server/db/backup/format.js';
import { checkTarget, readBackup, restoreBackup } from '../server/db/backup/restore.js';
import { openFileStorage } from '../server/lib/storage.js';
import { lineOut, withDatabase, type CliIo } from './context.js';

/** The files go from and to the configured storage: the data folder, or the bucket of STORAGE_URL. */
export const backupCommand = (opts: { out: string }, io: CliIo) =>
  withDatabase(io, async (database, config) => {
    const storage = openFileStorage(config);
    try {
      await createBackup({ database, dataDir: config.dataDir, out: opts.out, storage, log: lineOut(io) });
    } finally {
      await storage.close();
    }
  });

export async function restoreCommand(file: string, opts: { force?: boolean }, io: CliIo) {
  const log = lineOut(io);
  const archive = path.resolve(file);
  // Checked before the database is opened, so a mistyped name changes nothing.
  if (!fs.existsSync(archive) || !fs.statSync(archive).isFile())
    throw archiveError('backup_not_found', `Không tìm thấy tệp sao lưu ${archive}.`, `Backup file ${archive} not found.`);
  await withDatabase(io, async (database, config) => {
    const storage = openFileStorage(config);
    try {
      await checkTarget(database, config.dataDir, opts.force === true, storage); // before unpacking a large archive
      const backup = await readBackup(archive, config.dataDir, log);
      try {
        await restoreBackup({ database, dataDir: config.dataDir, backup, storage, force: opts.force === true, log });
      } finally {
        backup.discard();
      }
    } finally {
      await storage.close();
    }
  });
}
