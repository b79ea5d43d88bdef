/**
 * Vitest global setup: compile the KB once, before any test file loads it, when the YAML changed since the
 * last build (tests then read build/kb.json through the read-only store). Curators may be mid-edit: an
 * invalid KB is retried a few times before the run fails with KB_NOT_BUILT.
 */
export default async function setup(): Promise<void> {
  let ensureKb: () => unknown;
  try {
    ({ ensureKb } = await import('../../src/node/ensure-kb.js'));
  } catch {
    // The compiler or the core does not load (a file mid-edit): the test files that import it fail and say why;
    // the others (architecture, lint-like checks) still run instead of the whole suite stopping here.
    return;
  }
  for (let i = 0; ; i++) {
    try {
      ensureKb();
      return;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'KB_NOT_BUILT' || i >= 5) throw e;
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}
