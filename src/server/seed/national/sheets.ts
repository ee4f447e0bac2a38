import { casesOfSet, listScorableCriteria, optionAppliesToCase } from '../../../domain/criteria/index.js';
import type { CaseKey, CriteriaSet } from '../../../domain/criteria/types.js';
import type { Random } from '../demo-random.js';

/**
 * Council members' answers near a target total, for a set of criteria: the demo's `sheetNear`
 * (demo-round.ts) with the set read once, so that hundreds of thousands of sheets are drawn in
 * seconds. The best option everywhere, then, in a random order, lower options while the total stays
 * at or above the target — criteria without a minimum-star mark first, so a sheet loses points before
 * it loses a star. Every option drawn exists in the set and fits its case; the engine scores the sheet.
 */
export type SheetMaker = {
  readonly set: CriteriaSet;
  readonly caseKey: CaseKey | null;
  readonly codes: readonly string[];
  /** Option indices per criterion (in `codes` order) worth about `target` points. */
  draw(target: number, rnd: Random): Int8Array;
  /** The sheet's choices as the JSON the score sheet stores: `{"1.1":2,…}`. */
  json(chosen: Int8Array): string;
  /** The same as an object, for the engine. */
  choices(chosen: Int8Array): Record<string, number>;
};

export function sheetMaker(set: CriteriaSet): SheetMaker {
  const caseKey = casesOfSet(set)[0] ?? null;
  const criteria = listScorableCriteria(set);
  const codes = criteria.map((c) => c.code);
  // Per criterion: the options that fit the case, cheapest first.
  const options = criteria.map((c) =>
    c.options
      .map((o, i) => ({ points: o.points, i }))
      .filter(({ i }) => optionAppliesToCase(c.options[i]!, caseKey))
      .sort((a, b) => a.points - b.points),
  );
  const best = options.map((o) => o.at(-1)!);
  const maxTotal = best.reduce((n, o) => n + o.points, 0);
  const marked = criteria.map((c) => c.options.some((o) => o.minStar !== null));
  const unmarkedIdx = criteria.map((_, i) => i).filter((i) => !marked[i]);
  const markedIdx = criteria.map((_, i) => i).filter((i) => marked[i]);
  const keys = codes.map((c) => JSON.stringify(c));

  const shuffled = (xs: number[], rnd: Random) => {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd.next() * (i + 1));
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  };

  return {
    set,
    caseKey,
    codes,
    draw(target, rnd) {
      const chosen = new Int8Array(criteria.length);
      const points = new Float64Array(criteria.length);
      for (let i = 0; i < criteria.length; i++) {
        chosen[i] = best[i]!.i;
        points[i] = best[i]!.points;
      }
      let total = maxTotal;
      for (const i of [...shuffled(unmarkedIdx, rnd), ...shuffled(markedIdx, rnd)]) {
        if (total <= target) break;
        const current = points[i]!;
        const lower = options[i]!.find((o) => total - current + o.points >= target);
        if (!lower || lower.points >= current) continue;
        total += lower.points - current;
        chosen[i] = lower.i;
        points[i] = lower.points;
      }
      return chosen;
    },
    json(chosen) {
      let out = '{';
      for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${keys[i]}:${chosen[i]}`;
      return `${out}}`;
    },
    choices(chosen) {
      const out: Record<string, number> = {};
      for (let i = 0; i < codes.length; i++) out[codes[i]!] = chosen[i]!;
      return out;
    },
  };
}
