// Lint: typescript-eslint on the type-checked code, the module boundaries of docs/architecture.md as
// rules (so a breach fails `npm test`), no import cycles, and Prettier for layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { flatConfigs as importConfigs } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = [
  'market',
  'programme',
  'audit',
  'auth',
  'calendar',
  'certificates',
  'councils',
  'criteria',
  'dashboard',
  'home',
  'decisions',
  'dossiers',
  'imports',
  'notifications',
  'plans',
  'products',
  'self-assessments',
  'subjects',
  'users',
];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'reports/**', 'node_modules/**', 'src/server/db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  importConfigs.recommended,
  importConfigs.typescript,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // The code asserts non-null where a preceding check or a database constraint guarantees it.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/server', './src/web', './src/cli', './src/contracts'],
              message: 'The domain is pure: it imports nothing from the server, the web app, the CLI or the contracts.',
            },
            {
              target: './src/contracts',
              from: ['./src/server', './src/web', './src/cli'],
              message: 'Contracts are shared by server and web: they import only the domain.',
            },
            { target: './src/web', from: ['./src/server', './src/cli'], message: 'The web app talks to the server through the API and the contracts only.' },
            {
              target: './src/portal-map',
              from: ['./src/server', './src/web', './src/cli'],
              message: "The portal's map script reads the public API through its contract only.",
            },
            { target: './src/server/db', from: ['./src/server/modules', './src/server/plugins', './src/cli'], message: 'The database layer knows no module.' },
            ...FEATURES.map((feature) => ({
              target: `./src/web/features/${feature}`,
              from: './src/web/features',
              except: [`./${feature}`, ...FEATURES.filter((f) => f !== feature).map((f) => `./${f}/index.ts`)],
              message: 'Features use each other only through their index.ts.',
            })),
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repositories and the database layer (docs/architecture.md).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/server/db/**', 'src/server/**/*.repository.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Queries belong in a repository (<area>.repository.ts) or src/server/db.' },
            { group: ['**/db/schema', '**/db/schema/*', '**/db/schema/index.js'], message: 'Tables are read and written by repositories only.' },
          ],
        },
      ],
    },
  },
  { files: ['src/web/**/*.{ts,tsx}', 'src/portal-map/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // Tests (and the fault scenarios) read response bodies as untyped JSON, the way a client of the API does.
  { files: ['test/**/*.ts', '**/*.test.ts', 'e2e/**/*.ts', 'scripts/faults/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
);
