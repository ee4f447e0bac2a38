/**
 * What a test compares to prove a request wrote nothing: per table, its row count and the newest
 * transaction that wrote one of its visible rows (xmin). An insert or a delete moves the count, an
 * update moves xmin; a write rolled back moves neither. Login sessions are left out: signing in is
 * not what is being checked.
 *
 * The queries are run by the caller (tests may speak SQL; this file may not), through `query`.
 */
export type Query = <T>(text: string) => Promise<T[]>;
export type DatabaseState = Record<string, string>;

const IGNORED = new Set(['sessions']);

export async function stateReader(query: Query): Promise<() => Promise<DatabaseState>> {
  const tables = (
    await query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
  )
    .map((r) => r.name)
    .filter((name) => !IGNORED.has(name))
    .sort();
  const text = tables
    .map((name) => `select '${name}' as t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as s from "${name}"`)
    .join(' union all ');
  return async () => Object.fromEntries((await query<{ t: string; s: string }>(text)).map((r) => [r.t, r.s]));
}

/** The tables whose state differs, with before → after. */
export function changes(before: DatabaseState, after: DatabaseState): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}
