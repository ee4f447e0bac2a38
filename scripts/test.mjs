#!/usr/bin/env node
// `npm test`: lint (ESLint with the module boundaries, Prettier), unit and API suites (PGlite), then
// end-to-end in headless Chromium against the built app. Each run writes a Vitest JSON report to
// reports/, which .ci/run adds up; a lint problem fails the run.
//   --no-e2e     lint, unit and API only
//   --e2e-only   end-to-end only
//   --no-lint    skip the lint step (it also runs alone: npm run lint)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const reports = path.resolve('reports');
fs.mkdirSync(reports, { recursive: true });

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/**
 * Debian packages the suites use: Chromium for end-to-end, poppler-utils to read generated PDFs,
 * zbar to decode their QR codes, faketime to restart the server years later and see expiry.
 */
const SYSTEM_PACKAGES = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/pdftotext', 'poppler-utils'],
  ['/usr/bin/zbarimg', 'zbar-tools'],
  ['/usr/bin/faketime', 'faketime'],
];

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter(([bin]) => !fs.existsSync(bin)).map(([, pkg]) => pkg);
  if (!missing.length) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing ${missing.join(', ')}. Install with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`Installing ${missing.join(', ')} (Debian packages)…`);
  return run('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`]) === 0;
}

function summary(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0) };
  } catch {
    return { passed: 0, failed: 1 }; // no report means the run itself failed
  }
}

const packagesReady = ensureSystemPackages();
let status = packagesReady ? 0 : 1;
const results = [];

if (!args.has('--e2e-only') && !args.has('--no-lint')) {
  console.log('Lint: ESLint and Prettier…');
  const lint = run('node', ['scripts/lint.mjs']);
  if (lint !== 0) console.error('Lint failed: see the problems above (npm run lint).');
  status = lint || status;
}
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json'];

if (!args.has('--e2e-only')) {
  const out = path.join(reports, 'unit-api.json');
  fs.rmSync(out, { force: true });
  status = run('node', [...vitest, `--outputFile=${out}`]) || status;
  results.push(['unit + api', summary(out)]);
}

if (!args.has('--no-e2e')) {
  const out = path.join(reports, 'e2e.json');
  fs.rmSync(out, { force: true });
  // A missing browser or a failed build leaves no report, which counts as a failure below.
  // The web app and the compiled server, as `npm start` builds them: the end-to-end suites start
  // `bin/ocop.js serve`, which runs the compiled server when it is current.
  if (packagesReady && run('node', ['bin/ocop.js', 'build', '--if-changed']) === 0) {
    status = run('node', [...vitest, '-c', 'vitest.e2e.config.ts', `--outputFile=${out}`]) || status;
  } else status = 1;
  results.push(['e2e', summary(out)]);
}

const passed = results.reduce((n, [, r]) => n + r.passed, 0);
const failed = results.reduce((n, [, r]) => n + r.failed, 0);
for (const [name, r] of results) console.log(`${name}: ${r.passed} passed, ${r.failed} failed`);
if (passed + failed === 0) {
  console.error('No test ran.');
  status = 1;
}
process.exit(status || (failed ? 1 : 0));
