import { CHECK_CACHE_ENTRIES, type KbIndex } from '../core/index.js';
import { Lru } from './lru.js';
import type { WorkPool } from './work-pool.js';

/** What every route module gets: the KB, the clock read at the edge, and the check-result cache. */
export interface ServerContext {
  kb: KbIndex;
  /** Today's date (YYYY-MM-DD), read per request so a long-running server does not freeze the date. */
  today: () => string;
  /** Serialized /api/check answers keyed by KB version and resolved substance ids. */
  checkCache: Lru<string>;
  /** Anonymous request counts per route: no addresses, no queries, no bodies. */
  counts: Map<string, number>;
  /** Worker threads for heavy requests, or null to run them on the event loop (tests, tools). */
  pool: WorkPool | null;
}

export function createContext(kb: KbIndex, opts: { today?: () => string; checkCacheSize?: number; pool?: WorkPool | null } = {}): ServerContext {
  return {
    kb,
    today: opts.today ?? (() => new Date().toISOString().slice(0, 10)),
    checkCache: new Lru<string>(opts.checkCacheSize ?? CHECK_CACHE_ENTRIES),
    counts: new Map(),
    pool: opts.pool ?? null,
  };
}
