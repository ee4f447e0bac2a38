#!/usr/bin/env node
// The `ocop` command. It runs the compiled server (dist/server, made by `ocop build` and `npm start`)
// when that build is of the sources as they are now, and the TypeScript sources through tsx's loader
// otherwise, so a changed source is never run stale and no build is needed to try a change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_BUILD, buildIsCurrent } from './builds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadCli() {
  if (process.env.OCOP_FROM_SOURCES !== '1' && buildIsCurrent(root, SERVER_BUILD)) return import('../dist/server/main.js');
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { run } = await loadCli();
process.exitCode = await run(process.argv.slice(2));
