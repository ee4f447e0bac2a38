#!/usr/bin/env node
// `npm run lint`: ESLint (type-aware rules, module boundaries, no cycles) with no warning allowed, and
// Prettier's check of the layout. Exits non-zero on any problem.
import { spawnSync } from 'node:child_process';

const steps = [
  ['node_modules/eslint/bin/eslint.js', ['.', '--max-warnings=0']],
  [
    'node_modules/prettier/bin/prettier.cjs',
    [
      '--check',
      '--log-level=warn',
      'src/**/*.{ts,tsx,css}',
      'e2e/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{mjs,ts}',
      'bin/**/*.js',
      '*.ts',
      'eslint.config.js',
    ],
  ],
];
let status = 0;
for (const [bin, args] of steps) status = spawnSync('node', [bin, ...args], { stdio: 'inherit' }).status || status;
process.exit(status);
