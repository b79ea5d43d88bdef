/**
 * Pharmacogenomic phenotypes and their CLint multipliers (MODEL.md §3; params/physiology.md §E).
 * Frequencies are data with sources; where an ancestry lacks a table, everyone is NM and a note says so.
 */
import { fail } from '../errors.js';
import type { Rng } from '../models/dynamic/rng.js';

export const PHENOTYPES = ['PM', 'IM', 'NM', 'RM', 'UM'] as const;
export type Phenotype = (typeof PHENOTYPES)[number];

export interface PhenotypeTable {
  frequencies: Partial<Record<Phenotype, number>>;
  source: string;
  verified: boolean | 'partial';
  note?: string;
}

/**
 * The metaboliser phenotype a study group's free text names ("CYP2D6 PM", "CYP2C9 *3/*3", "CYP2D6 EM2 (two functional
 * genes)", "CYP2C19 homozygous EM"), or undefined when the text does not say (mixed groups such as "loss-of-function
 * allele carriers", CYP3A5 expression). One reading for the benchmark's study populations and the anchored model's
 * poor-vs-normal contrasts, so the two never disagree about a group.
 */
export function phenotypeOfGroup(text: string | undefined): Phenotype | undefined {
  if (!text) return undefined;
  const g = text.toLowerCase();
  // A group spanning several diplotypes ("*1/*1 or *1/*3") is mixed: no one phenotype.
  if (new Set(g.match(/\*\d+\/\*\d+/g) ?? []).size > 1) return undefined;
  if (/poor|\bpm\b|\*3\/\*3|activity score 0\b/.test(g)) return 'PM';
  if (/intermediate|\bim\b|\bem1\b|activity score (0\.5|1)\b/.test(g)) return 'IM';
  if (/ultra-?rapid|\bum\b/.test(g)) return 'UM';
  if (/normal|extensive|\bem2?\b|\bnm\b|\*1\/\*1|non-carriers?\b/.test(g)) return 'NM';
  return undefined;
}

/** Default phenotype → CLint multipliers (params/physiology.md §E4; engine assumptions, verified=false). */
export const PHENOTYPE_MULTIPLIERS: Record<string, Partial<Record<Phenotype, number>>> = {
  cyp2d6: { PM: 0, IM: 0.4, NM: 1, UM: 1.6 },
  cyp2c19: { PM: 0, IM: 0.5, NM: 1, RM: 1.25, UM: 1.5 },
  cyp2c9: { PM: 0.3, IM: 0.6, NM: 1 },
};

/** CYP2C9 phenotype frequencies from allele frequencies by Hardy–Weinberg (*2 0.11, *3 0.10: midpoints of Wolowich 2019 ranges). */
function cyp2c9European(): Partial<Record<Phenotype, number>> {
  const p2 = 0.11, p3 = 0.1, p1 = 1 - p2 - p3;
  // AS: *1/*1 2 (NM); *1/*2 1.5, *1/*3 1, *2/*2 1 (IM); *2/*3 0.5, *3/*3 0 (PM) — CPIC 2020 (Theken)
  return { NM: p1 * p1, IM: 2 * p1 * p2 + 2 * p1 * p3 + p2 * p2, PM: 2 * p2 * p3 + p3 * p3 };
}

export const ANCESTRY_TABLES: Record<string, Record<string, PhenotypeTable>> = {
  european: {
    cyp2c19: {
      frequencies: { UM: 0.047, RM: 0.276, NM: 0.406, IM: 0.248, PM: 0.021 },
      source: 'Personalized Medicine 2022;19:327, doi:10.2217/pme-2021-0175, Table 3 (Europeans, n = 1,689,246)',
      verified: true,
      note: 'normalised to sum 1 (printed values sum to 99.8 %)',
    },
    cyp2d6: {
      frequencies: { PM: 0.054, IM: 0.11, UM: 0.02, NM: 0.816 },
      source: 'Gaedigk 2017 (PMID 27388693) world ranges: PM 5.4 % (upper bound; highest in Europeans), IM 11 % (upper bound), UM 2 %',
      verified: 'partial',
      note: 'assumption: European frequencies taken at the ends of the world-population ranges; not an ancestry-specific table',
    },
    cyp2c9: {
      frequencies: cyp2c9European(),
      source: 'Hardy–Weinberg from *2 0.08–0.14 and *3 0.04–0.16 (midpoints), Wolowich 2019 doi:10.1007/s13318-019-00559-7',
      verified: 'partial',
      note: 'assumption: range midpoints',
    },
  },
  'east-asian': {
    cyp2c19: {
      frequencies: { UM: 0, RM: 0.016, NM: 0.321, IM: 0.44, PM: 0.157 },
      source: 'Personalized Medicine 2022;19:327, Table 3 (Japanese, n = 184)',
      verified: true,
      note: 'PM printed as ≥ 15.7 %; normalised to sum 1',
    },
  },
};

export const ANCESTRIES = Object.keys(ANCESTRY_TABLES);

export interface PgxPlan {
  enzyme: string;
  /** Fixed phenotype for everyone (from --phenotype), or sampled from the table. */
  fixed?: Phenotype;
  table?: PhenotypeTable;
  multipliers: Partial<Record<Phenotype, number>>;
  notes: string[];
}

/** Which PGx enzymes to sample for a set of enzymes that clear the simulated drugs. */
export function planPgx(enzymes: readonly string[], ancestry: string, fixed: Record<string, Phenotype>): PgxPlan[] {
  const tables = ANCESTRY_TABLES[ancestry];
  if (!tables) fail('INPUT_NOT_ONE_OF', { field: 'ancestry', value: ancestry, allowed: ANCESTRIES }, { field: 'ancestry', suggestions: ANCESTRIES });
  const plans: PgxPlan[] = [];
  for (const e of enzymes) {
    const mult = PHENOTYPE_MULTIPLIERS[e];
    if (!mult) continue;
    const notes: string[] = [];
    const f = fixed[e];
    if (f !== undefined) {
      if (mult[f] === undefined) fail('INPUT_NOT_ONE_OF', { field: `phenotype.${e.toUpperCase()}`, value: f, allowed: Object.keys(mult) }, { field: 'phenotype', suggestions: Object.keys(mult) });
      plans.push({ enzyme: e, fixed: f, multipliers: mult, notes: [`${e.toUpperCase()} fixed to ${f} for every subject`] });
      continue;
    }
    const t = tables[e];
    if (!t) notes.push(`no ${ancestry} phenotype table for ${e.toUpperCase()}: every subject is NM`);
    else {
      for (const ph of Object.keys(mult) as Phenotype[]) if (t.frequencies[ph] === undefined) notes.push(`${ancestry} table for ${e.toUpperCase()} lacks ${ph}`);
      if (t.note) notes.push(t.note);
    }
    plans.push({ enzyme: e, ...(t ? { table: t } : {}), multipliers: mult, notes });
  }
  for (const e of Object.keys(fixed)) if (!enzymes.includes(e)) fail('INPUT_PHENOTYPE_UNUSED', { enzyme: e.toUpperCase() }, { field: 'phenotype' });
  return plans;
}

export function samplePhenotype(plan: PgxPlan, rng: Rng): Phenotype {
  if (plan.fixed) return plan.fixed;
  if (!plan.table) return 'NM';
  const entries = (Object.entries(plan.table.frequencies) as [Phenotype, number][]).filter(([p]) => plan.multipliers[p] !== undefined);
  const total = entries.reduce((a, [, f]) => a + f, 0);
  let u = rng.uniform() * total;
  for (const [p, f] of entries) { if (u < f) return p; u -= f; }
  return entries[entries.length - 1]![0];
}

export function parsePhenotype(text: string): { enzyme: string; phenotype: Phenotype } {
  const m = /^\s*([A-Za-z0-9]+)\s*=\s*([A-Za-z]+)\s*$/.exec(text);
  const ph = m?.[2]?.toUpperCase();
  if (!m || !ph || !(PHENOTYPES as readonly string[]).includes(ph))
    fail('INPUT_BAD_PHENOTYPE', { text, phenotypes: PHENOTYPES }, { field: 'phenotype' });
  return { enzyme: m[1]!.toLowerCase(), phenotype: ph as Phenotype };
}
