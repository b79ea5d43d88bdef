/**
 * `npm run bench:load`: the server under load, as `crosstalk serve` runs it (a child process, loopback, rate limit
 * off, no request log): throughput and p99 of a cheap request (a cached /api/check) and of the heaviest allowed
 * request (a simulation at the caps), then /health's p99 while 50 clients flood that heavy request, and the
 * server's idle and peak resident memory (VmRSS, VmHWM from /proc). Bounded: about 40 s in all
 * (BENCH_DURATION_S per phase). Reports figures; asserts nothing (the /health goal is < 50 ms).
 * Last line: one JSON object with every figure.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const PORT = 4100 + Math.floor(Math.random() * 800);
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = join(import.meta.dirname, '..');

const CHEAP = JSON.stringify({ substances: ['cannabis', 'kratom'] });
/** The heaviest request the caps allow: hourly doses for two weeks and a population at the person-hours cap. */
const HEAVY = JSON.stringify({ victim: 'midazolam', perpetrator: 'ketoconazole', victimDose: '7.5 mg q1h 14d', perpetratorDose: '200 mg q1h 14d', horizonH: 336, population: 11 });

const memKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One connection on /health for `durationS`, run by autocannon in a child process; its latency figures. */
function probeHealth(durationS: number): Promise<{ latency: { p50: number; p99: number; max: number }; requests: { total: number }; non2xx: number }> {
  const code = `require('autocannon')({ url: ${JSON.stringify(`${BASE}/health`)}, connections: 1, duration: ${durationS} }).then((r) => console.log(JSON.stringify({ latency: r.latency, requests: r.requests, non2xx: r.non2xx })))`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the /health probe exited with ${status}`))));
  });
}

const server = spawn(process.execPath, [join(ROOT, 'bin/crosstalk.js'), 'serve', '--port', String(PORT), '--no-web', '--no-rate-limit', '--no-log'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('the server did not become ready within 60 s');
    await sleep(100);
  }
  await sleep(2000);
  const idleRssMb = memKb(server.pid!, 'VmRSS') / 1024;

  const post = (body: string, connections: number, duration: number) =>
    autocannon({ url: `${BASE}/api/check`, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections, duration });
  const heavy = (connections: number, duration: number) =>
    autocannon({ url: `${BASE}/api/simulate`, method: 'POST', body: HEAVY, headers: { 'content-type': 'application/json' }, connections, duration });

  // Warm-up: the worker thread starts and the check answer is cached by the first of each request.
  for (const [path, body] of [['/api/check', CHEAP], ['/api/simulate', HEAVY]] as const)
    await fetch(`${BASE}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  await post(CHEAP, 10, 1);
  const cheap = await post(CHEAP, 10, DURATION_S);
  const heavyRun = await heavy(4, DURATION_S);
  // 50 clients flood the heavy request; one client probes /health meanwhile, from its own process: in this one its
  // latencies would include the flood client's own event loop (thousands of responses a second), not the server's.
  const [flood, health] = await Promise.all([heavy(50, DURATION_S), (async () => { await sleep(500); return probeHealth(DURATION_S - 1); })()]);
  const peakRssMb = memKb(server.pid!, 'VmHWM') / 1024;
  const ready = (await (await fetch(`${BASE}/ready`)).json()) as { pool: unknown };

  const figures = {
    cheap: { route: 'POST /api/check (cached pair)', rps: Math.round(cheap.requests.average), p99Ms: cheap.latency.p99, non2xx: cheap.non2xx },
    heavy: { route: 'POST /api/simulate at the caps', connections: 4, rps: Number(heavyRun.requests.average.toFixed(2)), p99Ms: heavyRun.latency.p99, ok2xx: heavyRun['2xx'], non2xx: heavyRun.non2xx },
    flood: { connections: 50, ok2xx: flood['2xx'], non2xx: flood.non2xx, note: 'non-2xx are 503 HTTP_OVERLOADED (queue full) or 422 HTTP_CPU_BUDGET' },
    healthUnderFlood: { p50Ms: health.latency.p50, p99Ms: health.latency.p99, maxMs: health.latency.max, requests: health.requests.total, non2xx: health.non2xx, goalMs: 50 },
    idleRssMb: Math.round(idleRssMb),
    peakRssMb: Math.round(peakRssMb),
    pool: ready.pool,
  };
  console.log(`cheap   ${figures.cheap.route}: ${figures.cheap.rps} req/s, p99 ${figures.cheap.p99Ms} ms`);
  console.log(`heavy   ${figures.heavy.route}: ${figures.heavy.rps} req/s, p99 ${figures.heavy.p99Ms} ms (${figures.heavy.ok2xx} ok, ${figures.heavy.non2xx} refused)`);
  console.log(`flood   50 clients on the heavy request: ${figures.flood.ok2xx} ok, ${figures.flood.non2xx} refused at once`);
  console.log(`/health under the flood: p50 ${figures.healthUnderFlood.p50Ms} ms, p99 ${figures.healthUnderFlood.p99Ms} ms, max ${figures.healthUnderFlood.maxMs} ms, ${figures.healthUnderFlood.requests} probes (goal p99 < 50 ms)`);
  console.log(`memory  idle ${figures.idleRssMb} MB, peak ${figures.peakRssMb} MB (server process; worker threads included)`);
  console.log(JSON.stringify(figures));
} finally {
  server.kill('SIGTERM');
}
