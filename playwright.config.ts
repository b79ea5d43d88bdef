import { defineConfig } from '@playwright/test';

/**
 * Browser tests with Debian's Chromium (never `npx playwright install`). Two servers: the real app on
 * 4173 (built first by `crosstalk serve` when src/web/dist is stale) and one on a poisoned KB copy on
 * 4174 for the XSS test.
 */
const CHROMIUM = process.env.CROSSTALK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  use: {
    baseURL: 'http://127.0.0.1:4173',
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: 'node bin/crosstalk.js serve --port 4173',
      url: 'http://127.0.0.1:4173/health',
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    {
      command: 'npx tsx test/e2e/serve-poisoned.ts',
      url: 'http://127.0.0.1:4174/health',
      env: { PORT: '4174' },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
