import { describe, expect, it } from 'vitest';
import type { CriteriaVersionFile, CriterionFile } from './schema.js';
import { findSet, listScorableCriteria, maxReachableTotals } from './queries.js';
import { CRITERIA_FILES, readCriteriaJson } from './test-support.js';
import { CriteriaValidationError, loadCriteriaVersion, validateCriteriaVersion } from './validate.js';

const raw26 = (): CriteriaVersionFile => structuredClone(readCriteriaJson(CRITERIA_FILES.qd26)) as CriteriaVersionFile;
const raw1048 = (): CriteriaVersionFile => structuredClone(readCriteriaJson(CRITERIA_FILES.qd1048)) as CriteriaVersionFile;

function node(file: CriteriaVersionFile, setIndex: number, ...codes: string[]): CriterionFile {
  const set = file.sets[setIndex]!;
  let list: CriterionFile[] = set.sections.flatMap((s) => s.criteria);
  let found: CriterionFile | undefined;
  for (const code of codes) {
    found = list.find((c) => c.code === code);
    if (!found) throw new Error(`no ${code}`);
    list = found.children;
  }
  return found!;
}

describe('Decision 26/2026/QĐ-TTg criteria file', () => {
  const result = validateCriteriaVersion(readCriteriaJson(CRITERIA_FILES.qd26));

  it('validates with no problems', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('carries the Art. 3 structure: A 40 / B 25 / C 35, five bands, 3–5★ certified, 26 sets', () => {
    if (!result.ok) throw new Error('invalid');
    const v = result.version;
    expect(v.legalBasis).toBe('26/2026/QĐ-TTg');
    expect(v.partMaxima).toEqual({ A: 40, B: 25, C: 35 });
    expect(v.starBands.map((b) => b.star).sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...v.certifiedStars].sort()).toEqual([3, 4, 5]);
    expect(v.sets.map((s) => s.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it.each(Array.from({ length: 26 }, (_, i) => i + 1))('set %i reaches exactly 100 in every case', (n) => {
    if (!result.ok) throw new Error('invalid');
    const set = findSet(result.version, n)!;
    for (const { total } of maxReachableTotals(set)) expect(total).toBe(100);
  });
});

describe('Decision 1048/QĐ-TTg legacy set "Rau, củ, quả, hạt tươi"', () => {
  const result = validateCriteriaVersion(readCriteriaJson(CRITERIA_FILES.qd1048));

  it('validates with no problems', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has A 35 / B 25 / C 40, one set, no minimum markers', () => {
    if (!result.ok) throw new Error('invalid');
    const v = result.version;
    expect(v.legalBasis).toBe('1048/QĐ-TTg');
    expect(v.partMaxima).toEqual({ A: 35, B: 25, C: 40 });
    expect(v.sets).toHaveLength(1);
    const set = v.sets[0]!;
    expect(set.parts.map((p) => [p.code, p.maxPoints])).toEqual([
      ['A', 35],
      ['B', 25],
      ['C', 40],
    ]);
    expect(
      listScorableCriteria(set)
        .flatMap((c) => c.options)
        .filter((o) => o.minStar !== null),
    ).toEqual([]);
  });

  it('models the sub-items of 6 (sensory, 5 items) and 9 (2 items) as criteria of their group', () => {
    if (!result.ok) throw new Error('invalid');
    const codes = listScorableCriteria(result.version.sets[0]!).map((c) => c.code);
    expect(codes.filter((c) => c.startsWith('6.'))).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5']);
    expect(codes.filter((c) => c.startsWith('9.'))).toEqual(['9.1', '9.2']);
    expect(codes).not.toContain('6');
    expect(codes).toContain('7');
  });

  it('reaches 100 in case a of criterion 3.2 and 99 in case b (households score at most 1 there)', () => {
    if (!result.ok) throw new Error('invalid');
    expect(maxReachableTotals(result.version.sets[0]!)).toEqual([
      { case: 'a', total: 100 },
      { case: 'b', total: 99 },
    ]);
  });
});

describe('validateCriteriaVersion lists every problem', () => {
  it('reports each arithmetic and marker problem with its path', () => {
    const file = raw26();
    node(file, 0, '1', '1.1').options[0]!.points = 7; // exceeds max 3
    node(file, 0, '1', '1.2').options[1]!.min_star = 6; // not a star marker
    node(file, 0, '1', '1.3').code = '1.4'; // duplicate code
    file.sets[1]!.sections[2]!.max_score = 36; // part C of set 2 no longer 35
    node(file, 2, '2').max_score = 11; // group 2 of set 3 no longer sums to its children
    file.partMaxima.C = 30;

    const result = validateCriteriaVersion(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toContain('set 1 (rau-cu-qua-hat-tuoi) › part A › 1 › 1.1 › options[0]');
    expect(text).toMatch(/1\.1 › options\[0\].*7 points exceeds the criterion maximum 3/);
    expect(text).toMatch(/1\.2 › options\[1\].*min_star 6 is not 3, 4 or 5/);
    expect(text).toMatch(/code 1\.4 is used twice in this set/);
    expect(text).toMatch(/set 2 \(thit-thuy-san-trung-sua-tuoi\) › part C: maximum 36 differs from the version's 30/);
    expect(text).toMatch(/set 3 .* › part A › 2: its criteria add up to 10, not the group maximum 11/);
    expect(text).toMatch(/partMaxima: A 40 \+ B 25 \+ C 30 = 95, expected 100/);
    expect(text).toMatch(/set 1 .*: the best option on every criterion totals 104, expected exactly 100/);
    // One change to the version's part C maximum shows on every set that still says 35.
    expect(result.problems.filter((p) => p.includes("differs from the version's 30")).length).toBe(26);
  });

  it('reports all schema problems at once with their JSON paths, before any arithmetic', () => {
    const file = raw26() as unknown as Record<string, unknown> & { sets: Array<Record<string, unknown>> };
    delete file.title;
    file.effectiveFrom = '22/05/2026';
    file.sets[0]!.number = 'one';
    const result = validateCriteriaVersion(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems.some((p) => p.startsWith('title:'))).toBe(true);
    expect(result.problems.some((p) => p.startsWith('effectiveFrom:') && p.includes('ISO date'))).toBe(true);
    expect(result.problems.some((p) => p.startsWith('sets.0.number:'))).toBe(true);
  });

  it('rejects star bands with a gap or an open top', () => {
    const file = raw26();
    file.starBands = file.starBands.map((b) => (b.star === 4 ? { ...b, min: 71 } : b.star === 5 ? { star: 5, min: 90, max: 100 } : b));
    const result = validateCriteriaVersion(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('starBands: 3★ ends at 70 but 4★ starts at 71');
    expect(result.problems).toContain('starBands: highest band (5★) must include 100 (maxInclusive)');
  });

  it('rejects a scorable criterion without options and a higher star asking less than a lower one', () => {
    const file = raw1048();
    node(file, 0, '1', '1.6').options = [];
    const c = node(file, 0, '2', '2.2');
    c.options[3]!.min_star = 3;
    c.options[1]!.min_star = 4;
    const result = validateCriteriaVersion(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => p.includes('1.6: scorable criterion has no options'))).toBe(true);
    expect(result.problems.some((p) => p.includes('the 4★ minimum (1 points) asks for less than the 3★ minimum (3 points)'))).toBe(true);
  });

  it('loadCriteriaVersion throws one error carrying the whole list', () => {
    const file = raw1048();
    file.partMaxima.A = 40;
    try {
      loadCriteriaVersion(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CriteriaValidationError);
      expect((error as CriteriaValidationError).problems.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('lookups', () => {
  const version = loadCriteriaVersion(readCriteriaJson(CRITERIA_FILES.qd26));

  it('listScorableCriteria returns the leaves in sheet order, including headings scored directly and deeper items', () => {
    const set1 = listScorableCriteria(findSet(version, 1)!).map((c) => c.code);
    expect(set1).toHaveLength(32);
    expect(set1.slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
    expect(set1.slice(-6)).toEqual(['7', '8', '9', '10', '11', '12']);
    expect(set1).not.toContain('1');
    const set11 = listScorableCriteria(findSet(version, 11)!).map((c) => c.code);
    expect(set11).toContain('6.1.1');
    expect(set11).not.toContain('6.1');
  });

  it.each([
    [7, 'che-bien-tu-rau-cu-qua-hat'],
    ['7', 'che-bien-tu-rau-cu-qua-hat'],
    [' 26 ', 'dv-du-lich-cong-dong-sinh-thai'],
    ['rau-cu-qua-hat-tuoi', 'rau-cu-qua-hat-tuoi'],
  ] as const)('findSet(%j) → %s', (key, code) => {
    expect(findSet(version, key)?.code).toBe(code);
  });

  it('findSet returns undefined for an unknown set', () => {
    expect(findSet(version, 27)).toBeUndefined();
    expect(findSet(version, 'khong-co')).toBeUndefined();
  });
});
