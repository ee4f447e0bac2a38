/**
 * What a scenario found: facts (the numbers), failures (broken promises), and how the run is written
 * down — a Vitest-like JSON report for CI and the results section of docs/reliability.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Outcome = 'pass' | 'fail' | 'skip';

export class Scenario {
  readonly facts: string[] = [];
  readonly failures: string[] = [];
  /** Markdown printed under the results table (the load's latency table). */
  readonly details: string[] = [];
  skipped: string | undefined;
  seconds = 0;

  constructor(
    readonly id: string,
    readonly title: string,
    public database: 'PGlite' | 'PostgreSQL',
  ) {}

  fact(text: string): void {
    this.facts.push(text);
    console.log(`    · ${text}`);
  }

  /** Records a promise kept or broken; returns whether it was kept. */
  check(ok: boolean, message: string): boolean {
    if (!ok) {
      this.failures.push(message);
      console.log(`    ✗ ${message}`);
    }
    return ok;
  }

  skip(reason: string): void {
    this.skipped = reason;
    console.log(`    – skipped: ${reason}`);
  }

  get outcome(): Outcome {
    if (this.failures.length) return 'fail';
    return this.skipped ? 'skip' : 'pass';
  }
}

/** The shape .ci/run and scripts/test.mjs read from Vitest's JSON reporter. */
export function writeJsonReport(file: string, scenarios: Scenario[], startTime: number): void {
  const passed = scenarios.filter((s) => s.outcome === 'pass').length;
  const failed = scenarios.filter((s) => s.outcome === 'fail').length;
  const report = {
    numTotalTests: scenarios.length,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: scenarios.length - passed - failed,
    success: failed === 0,
    startTime,
    testResults: [
      {
        name: 'scripts/faults',
        status: failed ? 'failed' : 'passed',
        assertionResults: scenarios.map((s) => ({
          title: s.title,
          fullName: `${s.id}: ${s.title}`,
          status: s.outcome === 'pass' ? 'passed' : s.outcome === 'fail' ? 'failed' : 'pending',
          duration: Math.round(s.seconds * 1000),
          failureMessages: s.failures.length ? s.failures : s.skipped ? [s.skipped] : [],
        })),
      },
    ],
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** `load`: the one-minute load average when the run began (other work on the machine slows the load's latencies). */
export type Machine = { cores: number; cpu: string; memoryGb: number; node: string; postgres: string | null; load: number };

export function machine(postgres: string | null, load: number): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    load,
  };
}

const START = '<!-- faults:results:start -->';
const END = '<!-- faults:results:end -->';
const LABEL: Record<Outcome, string> = { pass: 'PASS', fail: '**FAIL**', skip: 'SKIP' };

/** Replaces the results section of the document (between its markers) with this run's. */
export function updateResults(doc: string, scenarios: Scenario[], m: Machine, totalSeconds: number): void {
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    START,
    `Run of ${date} UTC (\`npm run test:faults\`, ${Math.floor(totalSeconds / 60)} min ${Math.round(totalSeconds % 60)} s): ${m.cores} cores (${m.cpu}), ` +
      `${m.memoryGb} GB memory (load average ${m.load.toFixed(1)} when the run began), Node ${m.node}, PGlite (embedded) and ${m.postgres ?? 'no PostgreSQL server'}. ` +
      'A scenario’s time includes the first start of the shared data folder or database when it was the first to need one.',
    '',
    '| Scenario | Database | Result | Time | What was measured |',
    '|---|---|---|---|---|',
    ...scenarios.map(
      (s) =>
        `| ${cell(s.title)} | ${s.database} | ${LABEL[s.outcome]} | ${s.seconds.toFixed(0)} s | ${cell(
          [...s.facts, ...s.failures.map((f) => `FAILED: ${f}`), ...(s.skipped ? [`skipped: ${s.skipped}`] : [])].join('; '),
        )} |`,
    ),
    ...scenarios.flatMap((s) => (s.details.length ? ['', ...s.details] : [])),
    END,
  ];
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  const next =
    from >= 0 && to > from ? text.slice(0, from) + lines.join('\n') + text.slice(to + END.length) : `${text.trimEnd()}\n\n## Results\n\n${lines.join('\n')}\n`;
  fs.writeFileSync(doc, next);
}
