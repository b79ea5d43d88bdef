/** Start the server on 127.0.0.1 and return the URL (used by `crosstalk serve` and `npm start`). */
import type { FastifyInstance } from 'fastify';
import type { KbIndex } from '../core/index.js';
import { buildApp, type AppOptions } from './app.js';

export async function startServer(kb: KbIndex, opts: { port?: number; host?: string } & Omit<AppOptions, 'kb'> = {}): Promise<{ app: FastifyInstance; url: string }> {
  const { port = 8080, host = '127.0.0.1', ...rest } = opts;
  const app = await buildApp({ kb, ...rest });
  const address = await app.listen({ port, host });
  return { app, url: `${address}/` };
}
