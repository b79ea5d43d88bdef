/**
 * Starts the server on a copy of the KB with one extra substance whose summary and notes hold HTML and a
 * script (the XSS test). The poisoned record lives only in a temp directory; nothing is committed.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const XSS_PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const dir = mkdtempSync(join(tmpdir(), 'crosstalk-xss-'));
const kbDir = join(dir, 'kb');
cpSync(join(import.meta.dirname, '..', '..', 'kb'), kbDir, { recursive: true });
writeFileSync(
  join(kbDir, 'substances', 'zz-xss-test.yaml'),
  `substances:
  - id: xss-test-herb
    name: Xsstest herb
    kind: plant
    summary: ${JSON.stringify(`${XSS_PAYLOAD} must render as text`)}
    notes: ${JSON.stringify(XSS_PAYLOAD)}
    sources: [tanna-2022]
`,
);
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(0));
process.env.CROSSTALK_KB_DIR = kbDir;
process.env.CROSSTALK_BUILD_DIR = join(dir, 'build');
const port = Number(process.env.PORT ?? 4174);
const { loadCurrentKb } = await import('../../src/node/ensure-kb.js');
const { startServer } = await import('../../src/server/start.js');
const { url } = await startServer(loadCurrentKb(), { port });
process.stdout.write(`poisoned KB server at ${url} (${dir})\n`);
