import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'dist/**', 'node_modules/**', 'src/web/**'],
    testTimeout: 30_000,
    // Rebuilds build/kb.json when the YAML changed (the store only reads it).
    globalSetup: ['test/kb/global-setup.ts'],
  },
});
