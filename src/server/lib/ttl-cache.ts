/**
 * A small in-process cache for public answers: each entry lives `ttlMs`, the oldest go first past
 * `maxEntries`, and `clear()` drops everything when the data behind it changes (a certificate
 * issued or revoked). With several processes, each keeps its own; the TTL bounds how stale any is.
 */
export function createTtlCache<T>(ttlMs: number, maxEntries = 2_000) {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    /** The cached value of `key`, or `load()`'s (shared by concurrent callers; a failure is not kept). */
    get(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (hit) entries.delete(key);
      const value = load();
      entries.set(key, { value, expires: now + ttlMs });
      value.catch(() => entries.delete(key));
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    /** Whether `key` holds a live value (one `get` would answer without loading). */
    has(key: string): boolean {
      const hit = entries.get(key);
      return !!hit && hit.expires > Date.now();
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
export type TtlCache<T> = ReturnType<typeof createTtlCache<T>>;
