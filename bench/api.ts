/**
 * `npm run bench:api`: throughput and p99 latency of POST /api/check (cannabis + kratom) against a bare
 * Fastify endpoint in the same run (autocannon, loopback, same process and settings for both).
 *
 * - Rate limiting is OFF for the run (it would cap the request rate by design).
 * - /api/check caches each answer, already serialized, in an LRU keyed by KB version and the resolved
 *   substance ids, so a repeated question costs a lookup, not a ~70 ms analysis plus JSON.stringify.
 * - The reference is a bare Fastify POST route (no plugins, no hooks) that parses the same JSON body and
 *   sends the same ~90 kB answer as a constant string: the ratio is the cost of everything Crosstalk adds
 *   (validation, name resolution, cache, security headers, rate-limit plugin registration, counts),
 *   not of moving bytes. A tiny {"ok":true} endpoint is reported too, for scale.
 * Last line: one JSON object {"ratio", "rps", "bareRps", "p99Ms", ...}.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { checkJson } from '../src/server/routes/engine.js';
import { loadCurrentKb as loadKb } from '../src/node/ensure-kb.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const CONNECTIONS = 10;
const BODY = JSON.stringify({ substances: ['cannabis', 'kratom'] });

const kb = loadKb();
const app = await buildApp({ kb, rateLimit: false, webDist: null });
const payload = checkJson(app.ctx, ['cannabis', 'kratom']);

const bare = Fastify({ logger: false });
bare.post('/bare', async (_req, reply) => reply.type('application/json; charset=utf-8').send(payload));
bare.post('/ping', async () => ({ ok: true }));

const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

async function run(url: string): Promise<{ rps: number; p99Ms: number; errors: number; non2xx: number }> {
  const opts = { url, method: 'POST', body: BODY, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS };
  await autocannon({ ...opts, duration: 1 }); // warm-up
  const r = await autocannon({ ...opts, duration: DURATION_S });
  return { rps: r.requests.average, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const log = (s: string) => process.stdout.write(`${s}\n`);
log(`bench:api — autocannon ${CONNECTIONS} connections × ${DURATION_S} s per endpoint, loopback, rate limiting OFF for this run`);
log(`/api/check answers are cached (serialized JSON) in an LRU keyed by KB version + resolved substance ids; payload ${payload.length} bytes`);
const check = await run(`${appUrl}/api/check`);
const ref = await run(`${bareUrl}/bare`);
const ping = await run(`${bareUrl}/ping`);
await app.close();
await bare.close();

const ratio = check.rps / ref.rps;
log(`POST /api/check (cannabis+kratom): ${check.rps.toFixed(0)} req/s, p99 ${check.p99Ms} ms, errors ${check.errors}, non-2xx ${check.non2xx}`);
log(`bare Fastify, same payload:        ${ref.rps.toFixed(0)} req/s, p99 ${ref.p99Ms} ms`);
log(`bare Fastify, {"ok":true}:          ${ping.rps.toFixed(0)} req/s, p99 ${ping.p99Ms} ms (for scale)`);
log(`ratio ${(ratio * 100).toFixed(0)} % of the bare endpoint (goal ≥ 50 %): ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
log(
  JSON.stringify({
    ratio: Math.round(ratio * 1000) / 1000,
    rps: Math.round(check.rps),
    bareRps: Math.round(ref.rps),
    p99Ms: check.p99Ms,
    bareP99Ms: ref.p99Ms,
    pingRps: Math.round(ping.rps),
    payloadBytes: payload.length,
    rateLimit: 'off',
    cache: 'lru(kbVersion+ids)',
  }),
);
