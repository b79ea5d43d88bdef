/**
 * Vitest global setup: compile the KB once, before any test file loads it, when the YAML changed since the
 * last build (tests then read build/kb.json through the read-only store). Curators may be mid-edit: an
 * invalid KB is retried a few times before the run fails with KB_NOT_BUILT.
 */
import { isCrosstalkError } from '../../src/core/index.js';
import { ensureKb } from '../../src/node/ensure-kb.js';

export default async function setup(): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      ensureKb();
      return;
    } catch (e) {
      if (!(isCrosstalkError(e) && e.code === 'KB_NOT_BUILT') || i >= 5) throw e;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}
