import { loadConfig, type AppConfig } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.js';

export const log = (message: string) => console.log(message);

/** Opens and prepares the configured database for one command, and always closes it. */
export async function withDatabase<T>(fn: (database: Database, config: AppConfig) => Promise<T>, opts: { log?: (message: string) => void } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, config, opts.log ?? log);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
