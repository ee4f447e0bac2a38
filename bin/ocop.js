#!/usr/bin/env node
// The `ocop` command. TypeScript sources run through tsx's loader, so no separate server build is needed.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
