/** The committed OpenAPI document matches the routes (regenerate on purpose with `npm run openapi`). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, openApiText } from '../../src/server/write-openapi.js';
import { loadKbWithRetry } from './helpers.js';

describe('docs/openapi.json (server-and-web-app)', () => {
  it('is up to date with the route schemas', async () => {
    const fresh = await openApiText(await loadKbWithRetry());
    expect(existsSync(OPENAPI_PATH), 'docs/openapi.json is missing: run npm run openapi').toBe(true);
    expect(readFileSync(OPENAPI_PATH, 'utf8'), 'docs/openapi.json is stale: run npm run openapi and review the diff').toBe(fresh);
  });
});
