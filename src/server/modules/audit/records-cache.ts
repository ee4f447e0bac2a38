import type { DbOrTx } from '../../db/client.js';
import { createTtlCache } from '../../lib/ttl-cache.js';
import { auditRepository } from './audit.repository.js';

/**
 * Answers kept until the programme's records change. Every change writes its audit entry in its own
 * transaction, so the log's last entry number (one index lookup) is part of each key: the first
 * request after any change computes afresh, in every process. The lifetime bounds what a
 * transaction that took its entry's number early but committed late could leave unseen for a
 * while. For the heavy figures many people ask for alike: dashboards, the office's work list.
 *
 * Answers of an older number can never be asked for again, so they are dropped as soon as a newer
 * number is seen: while the office is writing, the cache holds one generation, not a minute of them.
 */
export function createRecordsCache<T>(db: DbOrTx, { ttlMs = 60_000, maxEntries = 500 } = {}) {
  const cache = createTtlCache<T>(ttlMs, maxEntries);
  let newest = 0;
  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const version = await auditRepository.lastId(db);
      if (version > newest) {
        if (newest > 0) cache.clear();
        newest = version;
      }
      return cache.get(`${key}|${version}`, load);
    },
  };
}
