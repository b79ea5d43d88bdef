/**
 * The HTTP app: Fastify with JSON schemas (→ OpenAPI at /openapi.json, docs at /docs), security headers,
 * rate limiting, body limits, one error shape, and the built web app at /. It stores nothing about its
 * users: no request logs, no accounts; only anonymous per-route counts in memory (see /health).
 *
 * @example const app = await buildApp({ kb: loadKb() }); const r = await app.inject('/health');
 */
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { crosstalkError, MAX_BODY_BYTES, RATE_LIMIT_PER_MIN, REQUEST_TIMEOUT_MS, type KbIndex } from '../core/index.js';
import { createContext, type ServerContext } from './context.js';
import { CostLimiter, poolOptionsFrom, requestCost, UNLIMITED_PATHS } from './operations.js';
import { WorkPool, type PoolOptions } from './work-pool.js';
import { clientErrorResponse, errorHandler, frameworkErrorHandler } from './error-map.js';
import { addComponents } from './schemas.js';
import { engineRoutes } from './routes/engine.js';
import { lookupRoutes } from './routes/lookup.js';
import { simulateRoutes } from './routes/simulate.js';
import { benchmarkRoutes } from './routes/benchmark.js';
import { ROOT } from '../store/kb-store.js';

/** One structured log line per request: no body, no query, no address, nothing that identifies a person. */
export interface RequestLogLine {
  time: string;
  reqId: string;
  method: string;
  /** The route's pattern ('/api/substances/:id'), never the URL as sent. */
  route: string;
  status: number;
  ms: number;
  cost: number;
}

export interface AppOptions {
  kb: KbIndex;
  /**
   * Cost units per minute per client, or false to switch limiting off (benchmarks). Default RATE_LIMIT_PER_MIN;
   * a cheap request costs 1, heavy ones more (operations.ts). /health and /ready are never limited.
   */
  rateLimit?: false | { max: number; timeWindowMs?: number };
  /** Heavy requests on worker threads (default: operations.ts poolOptionsFrom), or false to run them inline. */
  pool?: false | Partial<PoolOptions>;
  /**
   * Proxies whose X-Forwarded-For is believed (Fastify's trustProxy: true, or addresses/CIDRs, comma-separated), so
   * each client behind them has its own rate limit. Default: none (the connecting address is the client).
   */
  trustProxy?: boolean | string | string[];
  /** Where request log lines go (default: nowhere). */
  log?: (line: RequestLogLine) => void;
  /** Folder of the built web app; null serves the API alone. Default: src/web/dist when it exists. */
  webDist?: string | null;
  today?: () => string;
  checkCacheSize?: number;
}

export const API_VERSION = '0.1.0';
// From the repository root, not this file: the server also runs compiled, from dist/server.
const DEFAULT_WEB_DIST = join(ROOT, 'src', 'web', 'dist');

/** Content-Security-Policy: scripts only from this origin (no inline scripts), no framing, no plugins. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Plot and cytoscape set style attributes and Plot adds a <style> element to each SVG; styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * The security headers (Helmet's, for these options), worked out once. @fastify/helmet built the whole Helmet
 * middleware again for every request (parsing the CSP each time): about a tenth of the event loop's time under a
 * flood. The headers never vary per request here (no CSP nonces), so one fixed set is the same answer.
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // Pages link out to journal sites; send no referrer with them (nothing about the user leaves).
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, res as unknown as ServerResponse, (e?: unknown) => {
    if (e) throw e;
  });
  return headers;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: ServerContext;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Fail fast instead of holding sockets: no request may take longer than this.
    requestTimeout: REQUEST_TIMEOUT_MS,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, strict: false } },
    trustProxy: opts.trustProxy ?? false,
    // A fresh id per request, on the response (x-request-id) and in every log line; a client's id is not trusted.
    genReqId: () => randomUUID(),
    // Errors Fastify finds before routing (a bad URL, an over-long parameter) and before it has a request at
    // all (HTTP syntax, header size, timeouts) get the one error shape too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      const response = socket.destroyed ? null : clientErrorResponse(err.code);
      if (response && socket.writable) socket.write(response);
      socket.destroy(err);
    },
  });
  // Only JSON bodies: Fastify's text/plain parser would hand a string to a route that expects an object.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  const pool = opts.pool === false ? null : new WorkPool(opts.kb.data, { ...poolOptionsFrom(process.env), ...opts.pool });
  const ctx = createContext(opts.kb, { today: opts.today, checkCacheSize: opts.checkCacheSize, pool });
  app.addHook('onClose', async () => pool?.close());
  app.decorate('ctx', ctx);
  app.setErrorHandler(errorHandler);
  // Response schemas document the answers (and test/api checks every answer against their zod source); they must
  // not reshape them. Fastify's schema serializer would silently drop fields a schema lacks: plain JSON instead.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const security = securityHeaders();
  app.addHook('onRequest', async (_req, reply) => {
    void reply.headers(security);
  });
  if (opts.rateLimit !== false) {
    const rl = opts.rateLimit ?? { max: RATE_LIMIT_PER_MIN };
    const limiter = new CostLimiter(rl.max, rl.timeWindowMs ?? 60_000);
    const window = `${Math.round((rl.timeWindowMs ?? 60_000) / 1000)} s`;
    const limited = (retryAfterS: number) => crosstalkError('HTTP_RATE_LIMITED', { max: rl.max, window }, { retryAfterS });
    // Every request but the probes costs one unit on arrival (so a flood of bad requests is limited too) …
    app.addHook('onRequest', async (req) => {
      if (UNLIMITED_PATHS.has(req.url.split('?')[0] ?? '')) return;
      const wait = limiter.charge(req.ip, 1);
      if (wait !== null) throw limited(wait);
    });
    // … and a heavy one the rest of its cost once its body is known to be valid.
    app.addHook('preHandler', async (req) => {
      const extra = requestCost(req.routeOptions.url, req.body) - 1;
      if (extra <= 0 || UNLIMITED_PATHS.has(req.url.split('?')[0] ?? '')) return;
      const wait = limiter.charge(req.ip, extra);
      if (wait !== null) throw limited(wait);
    });
  }
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'other';
    ctx.counts.set(route, (ctx.counts.get(route) ?? 0) + 1);
    opts.log?.({ time: new Date().toISOString(), reqId: req.id, method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, cost: requestCost(req.routeOptions.url, req.body) });
  });

  addComponents(app);
  await app.register(swagger, {
    // Components keep their names (Prediction, CheckResult …) instead of def-0, def-1.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Crosstalk API',
        version: API_VERSION,
        description:
          'How two substances are connected in the body: shared receptors, shared liver enzymes, predicted exposure changes and evidence levels, every statement cited. Educational use only; not medical advice.',
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'engine', description: 'Interaction analysis' },
        { name: 'lookup', description: 'Substances and search' },
        { name: 'meta', description: 'Health and knowledge-base version' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  lookupRoutes(app, ctx);
  engineRoutes(app, ctx);
  simulateRoutes(app, ctx);
  benchmarkRoutes(app);

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  const hasWeb = !!webDist && existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist!, prefix: '/', wildcard: false, index: ['index.html'],
      // Hashed assets may be cached; index.html must not be, so a rebuilt app is picked up at once.
      setHeaders: (res, path) => res.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path))
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    const e = crosstalkError('HTTP_NOT_FOUND', { method: req.method, path }, { field: 'path' });
    return reply.code(e.status).send(e.toJSON());
  });

  await app.ready();
  return app;
}
