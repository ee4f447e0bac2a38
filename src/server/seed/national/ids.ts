import { createHash } from 'node:crypto';

/** What an id names: the second group of a generated id, so ids of two tables never meet. */
export const ID_KINDS = {
  subject: 1,
  product: 2,
  round: 3,
  dossier: 4,
  council: 5,
  member: 6,
  session: 7,
  sheet: 8,
  decision: 9,
  certificate: 10,
  salesPoint: 11,
  event: 12,
  listing: 13,
  policy: 14,
  grant: 15,
} as const;
export type IdKind = keyof typeof ID_KINDS;

/**
 * Ids derived from the seed, never random: the n-th row of a kind always has the same UUID for the
 * same seed (a prefix hashed from the seed, the kind, the counter), so two runs write the same bytes.
 */
export function seededIds(seed: number) {
  const prefix = createHash('sha256').update(`ocop-seed:${seed}`).digest('hex').slice(0, 8);
  const counters = new Map<IdKind, number>();
  return (kind: IdKind): string => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const c = n.toString(16).padStart(15, '0');
    return `${prefix}-${ID_KINDS[kind].toString(16).padStart(4, '0')}-4${c.slice(0, 3)}-8${c.slice(3, 6)}-000${c.slice(6)}`;
  };
}
export type IdSource = ReturnType<typeof seededIds>;
