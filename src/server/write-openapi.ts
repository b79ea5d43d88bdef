/**
 * Writes docs/openapi.json from the route schemas. Run on purpose (`npm run openapi`) after changing a
 * route; test/api/openapi.test.ts fails when the committed file differs, and never rewrites it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KbIndex } from '../core/index.js';
import { buildApp } from './app.js';

export const OPENAPI_PATH = join(import.meta.dirname, '..', '..', 'docs', 'openapi.json');

/** The OpenAPI document as committed: stable key order, two-space indent, trailing newline. */
export async function openApiText(kb: KbIndex): Promise<string> {
  const app = await buildApp({ kb, webDist: null, rateLimit: false });
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { loadCurrentKb } = await import('../node/ensure-kb.js');
  const text = await openApiText(loadCurrentKb());
  mkdirSync(dirname(OPENAPI_PATH), { recursive: true });
  writeFileSync(OPENAPI_PATH, text);
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
}
