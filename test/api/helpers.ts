import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { CrosstalkError } from '../../src/core/errors.js';
import type { KbIndex } from '../../src/core/kb/kb-index.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { loadKb } from '../../src/store/kb-store.js';

/** The KB may be mid-edit by curators: retry a few times on KB_NOT_BUILT before giving up. */
export async function loadKbWithRetry(tries = 6): Promise<KbIndex> {
  for (let i = 0; ; i++) {
    try {
      return loadKb();
    } catch (e) {
      if (!(e instanceof CrosstalkError && e.code === 'KB_NOT_BUILT') || i >= tries - 1) throw e;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

export async function testApp(opts: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ kb: await loadKbWithRetry(), webDist: null, today: () => '2026-11-26', ...opts });
}

/**
 * An in-process app for a whole test file: built before its tests (the KB may take a while to load on a cold
 * machine) and closed after them. Returns a getter, since the app exists only once beforeAll has run.
 */
export function useTestApp(opts: Partial<AppOptions> = { rateLimit: false }): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await testApp(opts);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  return () => app!;
}
