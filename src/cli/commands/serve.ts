import type { Command } from 'commander';
import { fail } from '../../core/index.js';
import { startServer } from '../../server/start.js';
import { ensureWebBuilt } from '../../server/web-build.js';
import type { CliDeps } from '../io.js';

/** `crosstalk serve [--port]`: the API and the web app on 127.0.0.1 (PORT env or 8080). */
export function registerServe(program: Command, deps: CliDeps): void {
  program
    .command('serve')
    .description('start the HTTP API and web app on http://127.0.0.1:8080 (port from --port or PORT)')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080)')
    .option('--no-web', 'serve the API only (do not build or serve the web app)')
    .option('--no-rate-limit', 'switch rate limiting off (benchmarks only)')
    .option('--trust-proxy <proxies>', "believe X-Forwarded-For from these proxies: 'true' or addresses/CIDRs, comma-separated (default: $CROSSTALK_TRUST_PROXY or none)")
    .option('--no-log', 'no request log lines on stdout')
    .action(async (opts: { port?: string; web: boolean; rateLimit: boolean; trustProxy?: string; log: boolean }) => {
      const raw = opts.port ?? deps.env.PORT ?? '8080';
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        fail('INPUT_OUT_OF_RANGE', { field: '--port', value: raw, expected: 'a port number (0–65535)' }, { field: 'port' });
      const kb = deps.getKb();
      if (opts.web) await ensureWebBuilt((s) => deps.warn(s));
      const proxies = opts.trustProxy ?? deps.env.CROSSTALK_TRUST_PROXY;
      const trustProxy = proxies === undefined || proxies === '' || proxies === 'false' ? false : proxies === 'true' ? true : proxies.split(',').map((p) => p.trim());
      const { url } = await startServer(kb, {
        port,
        webDist: opts.web ? undefined : null,
        rateLimit: opts.rateLimit ? undefined : false,
        trustProxy,
        // One JSON line per request (no body, query or address: see src/server/app.ts RequestLogLine).
        ...(opts.log ? { log: (line) => deps.write(`${JSON.stringify(line)}\n`) } : {}),
      });
      deps.write(`Crosstalk is running at ${url} (KB ${kb.data.version}; API docs at ${url}docs). Ctrl-C to stop.\n`);
    });
}
