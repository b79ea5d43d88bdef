import { z } from 'zod';

/** Counts of the KB's records, relations by kind, and the share of numbers someone verified in their source. */
export const KbStatsJson = z
  .object({
    version: z.string(),
    substances: z.number().int(),
    substancesByKind: z.record(z.string(), z.number().int()),
    targets: z.number().int(),
    relations: z.number().int(),
    relationsByAction: z.record(z.string(), z.number().int()),
    pkProfiles: z.number().int(),
    findings: z.number().int(),
    sources: z.number().int(),
    legalStatuses: z.number().int(),
    jurisdictions: z.number().int(),
    effectClasses: z.number().int(),
    clinicalStudies: z.number().int(),
    riskNotes: z.number().int(),
    numbers: z.number().int(),
    verifiedNumbers: z.number().int(),
    verifiedShare: z.number(),
  })
  .strict();
export type KbStatsJson = z.infer<typeof KbStatsJson>;

/** GET /api/kb: the KB version and counts, and the jurisdictions that have a legal status. */
export const KbInfoJson = KbStatsJson.extend({
  jurisdictionList: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
}).strict();
export type KbInfoJson = z.infer<typeof KbInfoJson>;

/** GET /health: liveness, KB version, uptime and anonymous request counts per route (nothing else is kept). */
export const HealthJson = z
  .object({
    ok: z.boolean(),
    kbVersion: z.string(),
    uptimeS: z.number(),
    counts: z.record(z.string(), z.number().int()).meta({ description: 'Requests per route; nothing else is kept' }),
  })
  .strict();
export type HealthJson = z.infer<typeof HealthJson>;

/** GET /ready: the KB is loaded and the work pool alive (503 HTTP_NOT_READY otherwise), with the pool's load. */
export const ReadyJson = z
  .object({
    ready: z.literal(true),
    kbVersion: z.string(),
    pool: z
      .object({ workers: z.number().int(), busy: z.number().int(), queued: z.number().int(), queueCap: z.number().int(), budgetMs: z.number().int(), stoppedOverBudget: z.number().int() })
      .strict()
      .nullable(),
  })
  .strict();
export type ReadyJson = z.infer<typeof ReadyJson>;
