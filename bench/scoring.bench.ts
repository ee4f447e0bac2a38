/**
 * Scoring engine benchmark. Run: node --import tsx bench/scoring.bench.ts [sheets] [seed]
 *
 * Loads the 26/2026 criteria, generates random valid sheets for all 26 sets (seeded, so runs are
 * comparable), and times `scoreSheet` per sheet after a warm-up. A baseline measured in the same run
 * — summing the chosen options' points, the least any scorer must do — puts the number in context
 * on whatever machine runs it. Target: median under 50 µs per sheet.
 */
import { readFileSync } from 'node:fs';
import { listScorableCriteria, loadCriteriaVersion, optionAppliesToCase } from '../src/domain/criteria/index.js';
import type { CaseKey, CriteriaSet, Criterion } from '../src/domain/criteria/index.js';
import { aggregateCouncil, scoreSheet, type ScoreSheet } from '../src/domain/scoring/index.js';

const SHEETS = Number(process.argv[2] ?? 20_000);
const SEED = Number(process.argv[3] ?? 2026);
const WARMUP = 5_000;
const TARGET_MEDIAN_US = 50;

/** mulberry32: a tiny seeded PRNG; the bench must not depend on Math.random to be repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const version = loadCriteriaVersion(JSON.parse(readFileSync(new URL('../data/criteria/qd26-2026.json', import.meta.url), 'utf8')));
const leaves = new Map<CriteriaSet, Criterion[]>(version.sets.map((s) => [s, listScorableCriteria(s)]));
const random = prng(SEED);

interface Job {
  set: CriteriaSet;
  sheet: ScoreSheet;
}

function randomSheet(set: CriteriaSet): ScoreSheet {
  const caseKey: CaseKey = random() < 0.5 ? 'a' : 'b';
  const choices: Record<string, number> = {};
  for (const criterion of leaves.get(set)!) {
    const applicable = criterion.options.flatMap((o, i) => (optionAppliesToCase(o, caseKey) ? [i] : []));
    choices[criterion.code] = applicable[Math.floor(random() * applicable.length)]!;
  }
  return { choices };
}

const jobs: Job[] = Array.from({ length: SHEETS }, (_, i) => {
  const set = version.sets[i % version.sets.length]!;
  return { set, sheet: randomSheet(set) };
});

/** The baseline: look up each chosen option and add its points. */
function sumChosen(job: Job): number {
  let total = 0;
  for (const criterion of leaves.get(job.set)!) total += criterion.options[job.sheet.choices[criterion.code]!]!.points;
  return total;
}

function time(label: string, fn: (job: Job) => number): { label: string; median: number; p95: number; mean: number } {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += fn(jobs[i % jobs.length]!);
  const samples = new Float64Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const start = process.hrtime.bigint();
    sink += fn(jobs[i]!);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000; // µs
  }
  if (sink === Number.MIN_SAFE_INTEGER) console.log(sink); // keeps the work observable to the JIT
  samples.sort();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { label, median: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

const baseline = time('baseline: sum of chosen points', sumChosen);
const engine = time('scoreSheet (gates, advice)', (job) => {
  const r = scoreSheet(version, job.set, job.sheet);
  return r.total + (r.star ?? 0) + (r.next?.pointGains.length ?? 0);
});
const engineNoAdvice = time('scoreSheet (includeNext: false)', (job) => scoreSheet(version, job.set, job.sheet, { includeNext: false }).total);
// A seven-member council per sheet's set: the job's sheet plus six neighbours of the same set.
const councils = new Map<CriteriaSet, ScoreSheet[]>(version.sets.map((s) => [s, Array.from({ length: 7 }, () => randomSheet(s))]));
const council = time('aggregateCouncil (7 sheets)', (job) => aggregateCouncil(version, job.set, councils.get(job.set)!).score);

const fmt = (n: number) => n.toFixed(2).padStart(8);
console.log(
  `OCOP scoring benchmark — ${version.legalBasis}, ${version.sets.length} sets, ${SHEETS} sheets (seed ${SEED}), warm-up ${WARMUP}, Node ${process.version}`,
);
console.log(`${'measure'.padEnd(36)}${'median µs'.padStart(10)}${'p95 µs'.padStart(10)}${'mean µs'.padStart(10)}${'× base'.padStart(9)}`);
for (const r of [baseline, engine, engineNoAdvice, council]) {
  console.log(`${r.label.padEnd(36)}${fmt(r.median)}  ${fmt(r.p95)}  ${fmt(r.mean)}  ${(r.median / baseline.median).toFixed(1).padStart(6)}`);
}
const met = engine.median < TARGET_MEDIAN_US;
console.log(`target: scoreSheet median < ${TARGET_MEDIAN_US} µs → ${met ? 'met' : 'NOT met'} (${engine.median.toFixed(2)} µs)`);
if (!met) process.exitCode = 1;
