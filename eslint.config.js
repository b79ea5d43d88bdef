import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/**', 'build/**', 'src/web/dist/**', 'reports/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The pure core knows nothing of files, network, processes or terminals (STYLE.md).
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'os', 'worker_threads', 'better-sqlite3'] },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // Layers outside the core use its public entry point only (src/core/index.ts), so the core can be rearranged
    // without touching them. Tests beside core files and cross-module suites in test/ may reach deeper.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/*/**', '**/core/*', '!**/core/index.js'], message: 'import from src/core/index.ts, the core\'s public entry point' }] }],
    },
  },
  {
    // A population worker thread starts with an empty module graph: it imports the core's narrow population entry point
    // (src/core/population.ts, a subset of index.ts), because loading the whole core cost ~300 ms of CPU per worker (issue 12 §12).
    files: ['src/node/population-worker.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/*/**', '**/core/*', '!**/core/index.js', '!**/core/population.js'], message: 'import from src/core/index.ts (or, in the population worker, src/core/population.ts)' }] }],
    },
  },
);
