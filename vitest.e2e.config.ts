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
  },
});
