/**
 * A small seeded generator (mulberry32) for the demo data: the same seed gives the same province on
 * every machine and every run, so screenshots and walkthroughs stay stable. Never used for anything
 * outside the demo.
 */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  bytes(n: number): Uint8Array;
  fork(salt: number): Random;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** One of the items, each as likely as its weight. */
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let r = next() * items.reduce((n, [, w]) => n + w, 0);
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1]![0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
    /** A fresh generator for one part of the data, so adding to one part never reshuffles another. */
    fork: (salt: number) => seededRandom((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0),
  };
}
