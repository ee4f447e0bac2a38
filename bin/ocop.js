#!/usr/bin/env -S node --max-semi-space-size=32 --heap-growing-percent=40
// Two V8 settings for a server under load (docs/performance.md). A young generation of 2 × 32 MB
// instead of 2 × 16 MB: a request's objects live across its database round trips, and with the
// smaller one they outlived two scavenges and went to the old generation. And a full collection
// once the old generation is 40 % above what the last one left, instead of up to four times: with
// some 90 MB alive, the server otherwise grew to 540 MB between collections under load, and within
// 300 MB with it, for no measurable CPU. `npm start` passes the same flags, as should any other way
// of starting `node bin/ocop.js serve`.
// The `ocop` command. It runs the compiled server (dist/server, made by `ocop build` and `npm start`)
// when that build is of the sources as they are now, and the TypeScript sources through tsx's loader
// otherwise, so a changed source is never run stale and no build is needed to try a change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_BUILD, buildIsCurrent } from './builds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Not a literal import: the build may not exist (a fresh clone), and then it is never loaded. */
const compiled = new URL('../dist/server/main.js', import.meta.url).href;

async function loadCli() {
  if (process.env.OCOP_FROM_SOURCES !== '1' && buildIsCurrent(root, SERVER_BUILD)) return import(compiled);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { run } = await loadCli();
process.exitCode = await run(process.argv.slice(2));
