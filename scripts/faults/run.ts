/**
 * `npm run test:faults`: real server processes under faults — killed with SIGKILL in the middle of
 * an import, of council sheet submissions, of certificate issuance and of plain writes; backed up
 * while written to; cut off from PostgreSQL; out of disk space — then a mixed load at 50 connections.
 * Each scenario checks what the platform promises afterwards (docs/reliability.md says what and why).
 *
 * Writes reports/faults.json (Vitest's JSON shape, which .ci/run adds up) and the results section of
 * docs/reliability.md; exits non-zero when a scenario fails.
 *
 *   --only=a,b          run these scenarios only (ids below); the document is then left alone
 *   --small             the load's registry at a quarter of national size (default: 20,000 producers, 50,000 products)
 *   --load-seconds=N    length of the load (default 60)
 *   --keep              keep the working folder (server logs, data folders) for a look afterwards
 *
 * FAULTS_PG_URL: an administrative connection to the PostgreSQL server whose databases the faults
 * create and drop (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupUnderLoad } from './backup-under-load.js';
import { diskFull } from './disk-full.js';
import { evaluationCrash } from './evaluation-crash.js';
import { importCrash } from './import-crash.js';
import { mixedLoad } from './load.js';
import { pgliteKills } from './pglite-kill.js';
import { postgresRestart } from './postgres-restart.js';
import { severalProcesses } from './processes.js';
import { readReplica } from './read-replica.js';
import { Context } from './support/context.js';
import { PostgresServer } from './support/databases.js';
import { machine, Scenario, updateResults, writeJsonReport } from './support/report.js';
import { REPO_ROOT } from './support/server.js';

type Run = (ctx: Context, scenarios: Record<string, Scenario>) => Promise<void>;

/** Scenarios in order; a run may record more than one result (the evaluation crash records two). */
const SCENARIOS: { id: string; results: [string, string, 'PGlite' | 'PostgreSQL'][]; run: Run; postgres?: boolean }[] = [
  {
    id: 'import',
    results: [['import', 'SIGKILL during an import commit', 'PGlite']],
    run: (ctx, r) => importCrash(ctx, r.import!),
  },
  {
    id: 'evaluation',
    results: [
      ['sheets', 'SIGKILL during council members’ sheet submissions', 'PGlite'],
      ['certificates', 'SIGKILL during certificate issuance (decision → certificates)', 'PGlite'],
    ],
    run: (ctx, r) => evaluationCrash(ctx, r.sheets!, r.certificates!),
  },
  {
    id: 'pglite',
    results: [['pglite', 'PGlite data folder after SIGKILLs under write load', 'PGlite']],
    run: (ctx, r) => pgliteKills(ctx, r.pglite!),
  },
  {
    id: 'disk',
    results: [['disk', 'Disk full while writing uploads', 'PGlite']],
    run: (ctx, r) => diskFull(ctx, r.disk!),
  },
  {
    id: 'backup',
    results: [['backup', 'Backup and restore while the server is written to', 'PostgreSQL']],
    run: (ctx, r) => backupUnderLoad(ctx, r.backup!),
    postgres: true,
  },
  {
    id: 'postgres',
    results: [['postgres', 'PostgreSQL restarted under the running server', 'PostgreSQL']],
    run: (ctx, r) => postgresRestart(ctx, r.postgres!),
    postgres: true,
  },
  {
    id: 'replica',
    results: [['replica', 'Public reads from a streaming replica (DATABASE_READ_URL)', 'PostgreSQL']],
    run: (ctx, r) => readReplica(ctx, r.replica!),
  },
  {
    id: 'processes',
    results: [['processes', 'Two web processes and two workers on one PostgreSQL', 'PostgreSQL']],
    run: (ctx, r) => severalProcesses(ctx, r.processes!),
    postgres: true,
  },
  {
    id: 'load',
    results: [['load', 'Mixed load, 50 connections', 'PostgreSQL']],
    run: (ctx, r) => mixedLoad(ctx, r.load!),
    postgres: true,
  },
];

function parseArgs(argv: string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = value('only')?.split(',').filter(Boolean);
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown?.length) throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return { only, small: argv.includes('--small'), keep: argv.includes('--keep'), loadSeconds: Number(value('load-seconds') ?? 60) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startTime = Date.now();
  const loadAverage = os.loadavg()[0]!;
  const pg = new PostgresServer(process.env.FAULTS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const pgAvailable = await pg.reachable();
  const pgVersion = pgAvailable ? `PostgreSQL ${(await pg.run('show server_version')).rows[0].server_version}` : null;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-faults-'));
  const prefix = `ocop_faults_${Date.now().toString(36)}`;
  const ctx = new Context(work, pg, pgAvailable, prefix, { small: args.small, loadSeconds: args.loadSeconds });
  console.log(`Faults: working folder ${work}; ${pgVersion ?? 'no PostgreSQL server reachable'}`);

  const recorded: Scenario[] = [];
  try {
    for (const scenario of SCENARIOS) {
      if (args.only && !args.only.includes(scenario.id)) continue;
      const results = Object.fromEntries(scenario.results.map(([id, title, database]) => [id, new Scenario(id, title, database)]));
      recorded.push(...Object.values(results));
      console.log(`\n▶ ${scenario.results.map(([, title]) => title).join(' / ')}`);
      const started = Date.now();
      if (scenario.postgres && !pgAvailable) {
        for (const r of Object.values(results)) r.check(false, `PostgreSQL is not reachable at ${pg.adminUrl}`);
      } else {
        try {
          await scenario.run(ctx, results);
        } catch (err) {
          // The scenario could not finish: the result it was recording fails with the reason.
          const open = Object.values(results).find((r) => !r.failures.length) ?? Object.values(results)[0]!;
          open.check(false, `stopped: ${(err as Error).message.split('\n')[0]}`);
          console.error(err);
        }
      }
      const seconds = (Date.now() - started) / 1000;
      for (const r of Object.values(results)) {
        if (!r.seconds) r.seconds = seconds / Object.keys(results).length;
        if (!r.failures.length && !r.skipped && !r.facts.length) r.check(false, 'did not run');
        console.log(`  ${r.outcome.toUpperCase()} ${r.title} (${r.seconds.toFixed(0)} s)`);
      }
    }
  } finally {
    await ctx.cleanUp();
    if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
  }

  const totalSeconds = (Date.now() - startTime) / 1000;
  writeJsonReport(path.join(REPO_ROOT, 'reports/faults.json'), recorded, startTime);
  if (!args.only) updateResults(path.join(REPO_ROOT, 'docs/reliability.md'), recorded, machine(pgVersion, loadAverage), totalSeconds);
  const failed = recorded.filter((r) => r.outcome === 'fail');
  const passed = recorded.filter((r) => r.outcome === 'pass');
  console.log(
    `\nFaults: ${passed.length} passed, ${failed.length} failed, ${recorded.length - passed.length - failed.length} skipped in ${totalSeconds.toFixed(0)} s`,
  );
  return failed.length ? 1 : 0;
}

const status = await main().catch((err: unknown) => {
  console.error(err);
  return 1;
});
// Exit even if a scenario left a timer or a socket behind: CI waits for this process.
process.exit(status);
