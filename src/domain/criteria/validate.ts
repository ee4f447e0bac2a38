import { CriteriaVersionFileSchema, toCriteriaVersion, type CriterionFile } from './schema.js';
import { casesOfSet, maxReachableTotals, walkCriteria } from './queries.js';
import { MIN_STAR_LEVELS, PART_CODES, type CriteriaSet, type CriteriaVersion, type Criterion, type CriterionNode, type MinStar, type Star } from './types.js';

/**
 * Checks a criteria file before anything scores against it. A wrong number in reference data
 * silently mis-ranks every product evaluated with it, so the loader refuses a version unless the
 * arithmetic the decision states holds exactly:
 *
 * - Art. 3.1, Decision 26/2026/QĐ-TTg: parts A 40 / B 25 / C 35 (1048/QĐ-TTg: 35 / 25 / 40), and
 *   Art. 3.3: "Tổng điểm … tối đa là 100 điểm" — part maxima add up to 100, each set's parts match
 *   them, groups add up to their part, criteria to their group, and the best answers reach exactly 100;
 * - Phụ lục II footnote: minimum markers are *** / **** / ***** only (3, 4, 5);
 * - no option scores more than its criterion's maximum, and codes are unique within a set, since a
 *   score sheet addresses criteria by code.
 *
 * Every problem is listed (path + message), not just the first: the file is fixed by hand against
 * the legal text, and one round trip per typo wastes the checker's time.
 */

export type CriteriaValidationResult = { ok: true; version: CriteriaVersion } | { ok: false; problems: string[] };

export class CriteriaValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Bộ tiêu chí không hợp lệ / Invalid criteria version:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CriteriaValidationError';
  }
}

/** Sums of small decimals need a tolerance; the data uses integers today but the check must not depend on it. */
const EPSILON = 1e-9;
const same = (a: number, b: number): boolean => Math.abs(a - b) < EPSILON;
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

export function validateCriteriaVersion(json: unknown): CriteriaValidationResult {
  const parsed = CriteriaVersionFileSchema.safeParse(json);
  if (!parsed.success) {
    // Structure is broken: arithmetic on a half-parsed tree would only add noise, so report the
    // schema issues (all of them) and stop here.
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`),
    };
  }

  const problems: string[] = [];
  parsed.data.sets.forEach((set, si) => {
    set.sections.forEach((section, pi) => {
      section.criteria.forEach((c, ci) =>
        checkFileNode(c, `set ${set.number} (${set.code}) › part ${section.code} › ${c.code}`, `sets.${si}.sections.${pi}.criteria.${ci}`, problems),
      );
    });
  });

  const version = toCriteriaVersion(parsed.data);
  checkVersion(version, problems);
  for (const set of version.sets) checkSet(version, set, problems);

  return problems.length === 0 ? { ok: true, version } : { ok: false, problems };
}

/** Like validateCriteriaVersion, for callers that cannot continue without a valid version. */
export function loadCriteriaVersion(json: unknown): CriteriaVersion {
  const result = validateCriteriaVersion(json);
  if (!result.ok) throw new CriteriaValidationError(result.problems);
  return result.version;
}

/**
 * `is_scorable` and the presence of options/children must agree; the domain conversion keeps one or
 * the other, so a disagreement would silently drop data.
 */
function checkFileNode(node: CriterionFile, readable: string, raw: string, problems: string[]): void {
  if (node.is_scorable) {
    if (node.options.length === 0) problems.push(`${readable}: scorable criterion has no options (${raw})`);
    if (node.children.length > 0) problems.push(`${readable}: scorable criterion also has ${node.children.length} children (${raw})`);
  } else {
    if (node.children.length === 0) problems.push(`${readable}: group has no children and is not scorable (${raw})`);
    if (node.options.length > 0) problems.push(`${readable}: group is not scorable but lists ${node.options.length} options (${raw})`);
  }
  node.children.forEach((child, i) => checkFileNode(child, `${readable} › ${child.code}`, `${raw}.children.${i}`, problems));
}

function checkVersion(version: CriteriaVersion, problems: string[]): void {
  const partSum = PART_CODES.reduce((sum, p) => sum + version.partMaxima[p], 0);
  if (!same(partSum, 100)) {
    problems.push(
      `partMaxima: A ${fmt(version.partMaxima.A)} + B ${fmt(version.partMaxima.B)} + C ${fmt(version.partMaxima.C)} = ${fmt(partSum)}, expected 100`,
    );
  }

  // Bands must tile [0, 100] without gaps or overlaps, otherwise some total has no star or two.
  const bands = [...version.starBands].sort((a, b) => a.min - b.min);
  for (const star of [1, 2, 3, 4, 5] as const) {
    const count = version.starBands.filter((b) => b.star === star).length;
    if (count !== 1) problems.push(`starBands: star ${star} appears ${count} times, expected once`);
  }
  bands.forEach((band, i) => {
    if (!(band.min < band.max)) problems.push(`starBands: ${band.star}★ has min ${fmt(band.min)} ≥ max ${fmt(band.max)}`);
    if (i === 0 && !same(band.min, 0)) problems.push(`starBands: lowest band (${band.star}★) starts at ${fmt(band.min)}, expected 0`);
    const previous = bands[i - 1];
    if (previous && !same(previous.max, band.min)) {
      problems.push(`starBands: ${previous.star}★ ends at ${fmt(previous.max)} but ${band.star}★ starts at ${fmt(band.min)}`);
    }
    if (previous && previous.star >= band.star) problems.push(`starBands: ${band.star}★ covers higher totals than ${previous.star}★`);
    const isTop = i === bands.length - 1;
    if (isTop && !same(band.max, 100)) problems.push(`starBands: highest band (${band.star}★) ends at ${fmt(band.max)}, expected 100`);
    if (isTop && !band.maxInclusive) problems.push(`starBands: highest band (${band.star}★) must include 100 (maxInclusive)`);
    if (!isTop && band.maxInclusive) problems.push(`starBands: ${band.star}★ includes its upper bound ${fmt(band.max)}, which the next band starts at`);
  });

  const certified = new Set<Star>();
  for (const star of version.certifiedStars) {
    if (certified.has(star)) problems.push(`certifiedStars: ${star} listed twice`);
    certified.add(star);
  }

  const numbers = new Map<number, string>();
  const codes = new Set<string>();
  for (const set of version.sets) {
    const other = numbers.get(set.number);
    if (other !== undefined) problems.push(`set ${set.number} (${set.code}): number already used by ${other}`);
    numbers.set(set.number, set.code);
    if (codes.has(set.code)) problems.push(`set ${set.number} (${set.code}): code used by another set`);
    codes.add(set.code);
  }
}

function checkSet(version: CriteriaVersion, set: CriteriaSet, problems: string[]): void {
  const at = `set ${set.number} (${set.code})`;

  for (const code of PART_CODES) {
    const count = set.parts.filter((p) => p.code === code).length;
    if (count !== 1) problems.push(`${at}: part ${code} appears ${count} times, expected once`);
  }
  for (const part of set.parts) {
    const expected = version.partMaxima[part.code];
    if (!same(part.maxPoints, expected)) {
      problems.push(`${at} › part ${part.code}: maximum ${fmt(part.maxPoints)} differs from the version's ${fmt(expected)}`);
    }
    const sum = part.items.reduce((s, item) => s + item.maxPoints, 0);
    if (!same(sum, part.maxPoints)) {
      problems.push(`${at} › part ${part.code}: its groups add up to ${fmt(sum)}, not the part maximum ${fmt(part.maxPoints)}`);
    }
  }

  const seen = new Set<string>();
  walkCriteria(set, (node, part, ancestors) => {
    const path = `${at} › part ${part} › ${[...ancestors.map((a) => a.code), node.code].join(' › ')}`;
    if (seen.has(node.code)) problems.push(`${path}: code ${node.code} is used twice in this set`);
    seen.add(node.code);
    if (!(node.maxPoints > 0)) problems.push(`${path}: maximum must be positive, got ${fmt(node.maxPoints)}`);
    if (node.kind === 'group') checkGroup(node, path, problems);
    else checkCriterion(node, path, problems);
  });

  // The decisive check (Art. 3.3: maximum 100): ticking the best option everywhere must give exactly
  // 100. With alternative cases, the best case must reach 100; a case may stay below (1048 criterion
  // 3.2 gives a household at most 1 of 2 points), but none may exceed it.
  const totals = maxReachableTotals(set);
  const best = Math.max(...totals.map((t) => t.total));
  if (!same(best, 100)) {
    const detail = totals.map((t) => (t.case === null ? fmt(t.total) : `case ${t.case}: ${fmt(t.total)}`)).join(', ');
    problems.push(`${at}: the best option on every criterion totals ${detail}, expected exactly 100`);
  }
  if (casesOfSet(set).length === 1) problems.push(`${at}: only one case is used; cases are alternatives and need at least two`);
}

function checkGroup(group: Extract<CriterionNode, { kind: 'group' }>, path: string, problems: string[]): void {
  const sum = group.children.reduce((s, child) => s + child.maxPoints, 0);
  if (!same(sum, group.maxPoints)) {
    problems.push(`${path}: its criteria add up to ${fmt(sum)}, not the group maximum ${fmt(group.maxPoints)}`);
  }
}

function checkCriterion(criterion: Criterion, path: string, problems: string[]): void {
  let best = Number.NEGATIVE_INFINITY;
  criterion.options.forEach((option, i) => {
    const at = `${path} › options[${i}] "${shorten(option.label)}"`;
    if (option.points < 0) problems.push(`${at}: ${fmt(option.points)} points is negative`);
    if (option.points > criterion.maxPoints + EPSILON) {
      problems.push(`${at}: ${fmt(option.points)} points exceeds the criterion maximum ${fmt(criterion.maxPoints)}`);
    }
    if (option.minStar !== null && !MIN_STAR_LEVELS.includes(option.minStar)) {
      problems.push(`${at}: min_star ${String(option.minStar)} is not 3, 4 or 5 (the sheets mark ***, ****, *****)`);
    }
    best = Math.max(best, option.points);
  });
  if (criterion.options.length > 0 && !same(best, criterion.maxPoints)) {
    problems.push(`${path}: the best option gives ${fmt(best)}, but the criterion maximum is ${fmt(criterion.maxPoints)}`);
  }

  // A gate compares the chosen option with *the* marked option of a level, so a level may be marked
  // once per case, and a higher level must not ask for fewer points than a lower one.
  const marked = criterion.options.filter((o): o is typeof o & { minStar: MinStar } => o.minStar !== null);
  for (let i = 0; i < marked.length; i++) {
    for (let j = i + 1; j < marked.length; j++) {
      const a = marked[i]!;
      const b = marked[j]!;
      const overlap = a.case === null || b.case === null || a.case === b.case;
      if (!overlap) continue;
      if (a.minStar === b.minStar) problems.push(`${path}: ${a.minStar}★ minimum is marked on two options`);
      const [low, high] = a.minStar < b.minStar ? [a, b] : [b, a];
      if (low.minStar !== high.minStar && low.points > high.points) {
        problems.push(
          `${path}: the ${high.minStar}★ minimum (${fmt(high.points)} points) asks for less than the ${low.minStar}★ minimum (${fmt(low.points)} points)`,
        );
      }
    }
  }
}

function shorten(label: string): string {
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}
