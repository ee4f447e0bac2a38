import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database) and `api` (modules through app.inject against a
 * real database: PGlite by default, PostgreSQL when DATABASE_URL is set). End-to-end specs in
 * Chromium have their own config (vitest.e2e.config.ts) because they need a built web app.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/contracts/**/*.test.ts', 'src/web/**/*.test.ts', 'src/server/lib/**/*.test.ts', 'src/architecture.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          exclude: ['src/server/lib/**'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
