import { defineConfig } from 'vitest/config';

/**
 * End-to-end specs: the real server (child process, fresh PGlite folder) and the built web app,
 * driven in Debian's Chromium by playwright-core. One spec at a time: each starts its own server
 * and browser, and the machine has two cores.
 * Run: `npx vite build && npx vitest run -c vitest.e2e.config.ts`.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page of the web app loads its chunk and asks the API before it shows anything: on a busy
    // two-core machine that took longer than expect.poll's default second (a list of accounts
    // polled for its cards failed so). Polls wait up to 15 s; a condition that holds ends them at once.
    expect: { poll: { timeout: 15_000 } },
  },
});
