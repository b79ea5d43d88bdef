/** Shared by the browser tests: where screenshots go, and a collector of page errors a test asserts is empty. */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
