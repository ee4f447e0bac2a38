import { criteriaVersionSlug, loadCriteriaVersion, versionInForce, type CriteriaVersion } from '../../../domain/criteria/index.js';
import type { Db } from '../../db/client.js';
import { criteriaRepository as repo } from './criteria.repository.js';

export type CatalogueEntry = { version: CriteriaVersion; slug: string; source: 'builtin' | 'import' };

/**
 * The criteria versions in the database, validated and held in memory: scoring a sheet must not
 * re-read and re-validate 800 KB of JSON. A cheap stamp query (count and latest change) tells each
 * process when another has imported a version, at most every few seconds.
 */
export function createCriteriaCatalogue(db: Db, opts: { recheckMs?: number; today?: () => string } = {}) {
  const recheckMs = opts.recheckMs ?? 5_000;
  const today = opts.today ?? (() => new Date().toISOString().slice(0, 10));
  let entries: CatalogueEntry[] | undefined;
  let stamp = '';
  let checkedAt = 0;
  let pending: Promise<CatalogueEntry[]> | undefined;

  /** Concurrent callers share one refresh. */
  function load(): Promise<CatalogueEntry[]> {
    if (entries && Date.now() - checkedAt < recheckMs) return Promise.resolve(entries);
    pending ??= refresh().finally(() => (pending = undefined));
    return pending;
  }

  async function refresh(): Promise<CatalogueEntry[]> {
    const now = Date.now();
    const s = await repo.stamp(db);
    const current = `${s?.n}:${s?.at}`;
    checkedAt = now;
    if (entries && current === stamp) return entries;
    const rows = await repo.all(db);
    entries = rows.map((r) => ({ version: loadCriteriaVersion(r.data), slug: r.slug, source: r.source }));
    stamp = current;
    return entries;
  }

  return {
    list: load,
    async find(basisOrSlug: string): Promise<CatalogueEntry | undefined> {
      const key = criteriaVersionSlug(basisOrSlug);
      return (await load()).find((e) => e.slug === key || e.version.legalBasis === basisOrSlug);
    },
    /** The version in force today (Decision 26/2026/QĐ-TTg since 22/05/2026). */
    async current(): Promise<CatalogueEntry | undefined> {
      const all = await load();
      return versionInForce(
        all.map((entry) => ({ entry, effectiveFrom: entry.version.effectiveFrom })),
        today(),
      )?.entry;
    },
    invalidate() {
      entries = undefined;
    },
  };
}
export type CriteriaCatalogue = ReturnType<typeof createCriteriaCatalogue>;
