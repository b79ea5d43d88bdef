/**
 * Units: every curated or user-supplied number is converted once, at the edge, into the canonical
 * unit of its dimension (STYLE.md "Units"). An unknown unit is an error, never a guess.
 *
 * Canonical units: concentration µM, time h, rate 1/h, second-order rate 1/(h·µM), clearance L/h,
 * volume L, amount mg, AUC µM·h, fractions 0–1, molecular weight g/mol.
 */

export type Dimension =
  | 'concentration'
  | 'time'
  | 'rate'
  | 'secondOrderRate'
  | 'clearance'
  | 'clearancePerKg'
  | 'volume'
  | 'volumePerKg'
  | 'amount'
  | 'amountPerKg'
  | 'fraction'
  | 'ratio'
  | 'logScale'
  | 'percent'
  | 'mw'
  | 'auc'
  | 'content'
  | 'relativeShare';

interface UnitDef {
  dim: Dimension;
  /** Multiply by this to reach the canonical unit (for mass concentrations: to mg/L, then ÷ MW). */
  factor: number;
  /** Mass-based concentration or AUC that needs a molecular weight to reach molar units. */
  mass?: boolean;
}

const MU = ['µ', 'μ', 'u'];
function micro(name: string): string[] {
  return MU.map((m) => name.replace('µ', m));
}

const TABLE: Record<string, UnitDef> = {};
function def(names: string[], d: UnitDef): void {
  for (const n of names) for (const v of n.includes('µ') ? micro(n) : [n]) TABLE[v] = d;
}

// concentration → µM (mass units → mg/L first; divided by MW g/mol gives mmol/L ×1000 = µM)
def(['µM'], { dim: 'concentration', factor: 1 });
def(['nM'], { dim: 'concentration', factor: 1e-3 });
def(['pM'], { dim: 'concentration', factor: 1e-6 });
def(['mM'], { dim: 'concentration', factor: 1e3 });
def(['ng/mL', 'µg/L'], { dim: 'concentration', factor: 1e-3, mass: true });
def(['µg/mL', 'mg/L'], { dim: 'concentration', factor: 1, mass: true });
// g/L for solubilities (mg/mL is a product-content unit here, see below)
def(['g/L'], { dim: 'concentration', factor: 1e3, mass: true });
def(['pg/mL', 'ng/L'], { dim: 'concentration', factor: 1e-6, mass: true });
// time → h
def(['h', 'hr', 'hours'], { dim: 'time', factor: 1 });
def(['min'], { dim: 'time', factor: 1 / 60 });
def(['s'], { dim: 'time', factor: 1 / 3600 });
def(['d', 'day', 'days'], { dim: 'time', factor: 24 });
// rate → 1/h
def(['1/h', 'h-1', '/h', 'h^-1'], { dim: 'rate', factor: 1 });
def(['1/min', 'min-1', '/min', 'min^-1'], { dim: 'rate', factor: 60 });
def(['1/d', 'd-1', '/d'], { dim: 'rate', factor: 1 / 24 });
// second-order inactivation efficiency kinact/KI → 1/(h·µM)
def(['1/min/µM', 'min-1·µM-1', '1/(min·µM)', 'mL/min/µmol'], { dim: 'secondOrderRate', factor: 60 });
def(['1/h/µM', 'h-1·µM-1', '1/(h·µM)'], { dim: 'secondOrderRate', factor: 1 });
// clearance → L/h
def(['L/h'], { dim: 'clearance', factor: 1 });
def(['mL/min'], { dim: 'clearance', factor: 0.06 });
def(['L/min'], { dim: 'clearance', factor: 60 });
def(['mL/h'], { dim: 'clearance', factor: 1e-3 });
def(['L/h/kg'], { dim: 'clearancePerKg', factor: 1 });
def(['mL/min/kg'], { dim: 'clearancePerKg', factor: 0.06 });
def(['mL/h/kg'], { dim: 'clearancePerKg', factor: 1e-3 });
// volume → L
def(['L'], { dim: 'volume', factor: 1 });
def(['mL'], { dim: 'volume', factor: 1e-3 });
def(['L/kg'], { dim: 'volumePerKg', factor: 1 });
def(['mL/kg'], { dim: 'volumePerKg', factor: 1e-3 });
// amount → mg
def(['mg'], { dim: 'amount', factor: 1 });
def(['g'], { dim: 'amount', factor: 1e3 });
def(['µg', 'mcg'], { dim: 'amount', factor: 1e-3 });
def(['ng'], { dim: 'amount', factor: 1e-6 });
def(['mg/kg'], { dim: 'amountPerKg', factor: 1 });
def(['µg/kg', 'mcg/kg'], { dim: 'amountPerKg', factor: 1e-3 });
// dimensionless
def(['fraction', '1'], { dim: 'fraction', factor: 1 });
def(['%'], { dim: 'fraction', factor: 0.01 });
def(['fold', 'ratio', 'x'], { dim: 'ratio', factor: 1 });
def(['% of max', '% Emax'], { dim: 'percent', factor: 1 });
def(['g/mol', 'Da'], { dim: 'mw', factor: 1 });
// lipophilicity and ionisation (logP, logD, pKa): log10 units, kept as written
def(['log units', 'log10'], { dim: 'logScale', factor: 1 });
// AUC → µM·h
def(['µM·h', 'µM*h', 'µM h', 'h·µM'], { dim: 'auc', factor: 1 });
def(['nM·h', 'nM*h', 'nM h', 'h·nM'], { dim: 'auc', factor: 1e-3 });
def(['ng·h/mL', 'ng*h/mL', 'h·ng/mL', 'h*ng/mL', 'µg·h/L'], { dim: 'auc', factor: 1e-3, mass: true });
def(['µg·h/mL', 'µg*h/mL', 'mg·h/L', 'mg*h/L'], { dim: 'auc', factor: 1, mass: true });
// product content (kept as written; the engine converts per product unit)
def(['% w/w'], { dim: 'content', factor: 10 }); // → mg/g
def(['mg/g'], { dim: 'content', factor: 1 });
def(['mg/mL', 'mg/actuation', 'mg/spray', 'mg/capsule', 'mg/tablet'], { dim: 'content', factor: 1 });
def(['% of alkaloids', '% of cannabinoids', '% of total'], { dim: 'relativeShare', factor: 0.01 });

/** Canonical unit name per dimension. */
export const CANONICAL: Record<Dimension, string> = {
  concentration: 'µM',
  time: 'h',
  rate: '1/h',
  secondOrderRate: '1/(h·µM)',
  clearance: 'L/h',
  clearancePerKg: 'L/h/kg',
  volume: 'L',
  volumePerKg: 'L/kg',
  amount: 'mg',
  amountPerKg: 'mg/kg',
  fraction: 'fraction',
  ratio: 'ratio',
  logScale: 'log units',
  percent: '% of max',
  mw: 'g/mol',
  auc: 'µM·h',
  content: 'content',
  relativeShare: 'fraction',
};

export function knownUnits(): string[] {
  return Object.keys(TABLE);
}

export function lookupUnit(unit: string): UnitDef | undefined {
  return TABLE[unit.trim()];
}

export type ConvertResult =
  | { ok: true; factor: number; dim: Dimension; unit: string }
  | { ok: false; reason: 'unknown-unit' | 'wrong-dimension' | 'needs-mw'; expected: Dimension[]; got?: Dimension };

/**
 * The factor that turns a value in `unit` into the canonical unit of one of `expected` dimensions.
 * Mass concentrations and mass AUCs need `mwGPerMol`.
 */
export function conversionFactor(unit: string, expected: Dimension[], mwGPerMol?: number): ConvertResult {
  const d = lookupUnit(unit);
  if (!d) return { ok: false, reason: 'unknown-unit', expected };
  if (!expected.includes(d.dim)) return { ok: false, reason: 'wrong-dimension', expected, got: d.dim };
  if (d.mass) {
    if (!mwGPerMol || !(mwGPerMol > 0)) return { ok: false, reason: 'needs-mw', expected, got: d.dim };
    // mg/L ÷ g/mol = mmol/m³... : 1 mg/L / (MW g/mol) = 1/MW mmol/L = 1000/MW µM
    return { ok: true, factor: (d.factor * 1000) / mwGPerMol, dim: d.dim, unit: CANONICAL[d.dim] };
  }
  return { ok: true, factor: d.factor, dim: d.dim, unit: d.dim === 'content' ? canonicalContent(unit) : CANONICAL[d.dim] };
}

function canonicalContent(unit: string): string {
  const u = unit.trim();
  return u === '% w/w' ? 'mg/g' : u;
}

/** ng/mL → µM with a molecular weight in g/mol (ng/mL × 1000 / MW = nM). */
export function ngPerMlToMicromolar(ngPerMl: number, mwGPerMol: number): number {
  return ngPerMl / mwGPerMol;
}

/** µM → ng/mL with a molecular weight in g/mol. */
export function micromolarToNgPerMl(uM: number, mwGPerMol: number): number {
  return uM * mwGPerMol;
}

/** Closest known unit names, for "did you mean" hints. */
export function suggestUnits(unit: string, dims?: Dimension[]): string[] {
  const pool = Object.entries(TABLE)
    .filter(([, d]) => !dims || dims.includes(d.dim))
    .map(([n]) => n);
  const scored = pool.map((n) => ({ n, d: levenshtein(unit.toLowerCase(), n.toLowerCase()) }));
  scored.sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  return [...new Set(scored.slice(0, 3).map((s) => s.n))];
}

export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** Which dimension(s) each quantity field of the KB accepts. */
export const FIELD_DIMENSIONS: Record<string, Dimension[]> = {
  mw: ['mw'],
  ki: ['concentration'],
  ic50: ['concentration'],
  ec50: ['concentration'],
  KI: ['concentration'],
  cmax: ['concentration'],
  solubility: ['concentration'],
  kinact: ['rate'],
  ka: ['rate'],
  kdegLiver: ['rate'],
  kdegGut: ['rate'],
  kinactOverKI: ['secondOrderRate'],
  emaxFold: ['ratio'],
  rb: ['ratio', 'fraction'],
  aucRatio: ['ratio'],
  cmaxRatio: ['ratio'],
  fm: ['fraction'],
  fu: ['fraction'],
  fa: ['fraction'],
  fg: ['fraction'],
  f: ['fraction'],
  fe: ['fraction'],
  fuInc: ['fraction'],
  fraction: ['fraction'],
  share: ['fraction', 'relativeShare'],
  tmax: ['time'],
  halfLife: ['time'],
  tlag: ['time'],
  tmaxShift: ['time'],
  cl: ['clearance', 'clearancePerKg'],
  clF: ['clearance', 'clearancePerKg'],
  qF: ['clearance', 'clearancePerKg'],
  v: ['volume', 'volumePerKg'],
  vF: ['volume', 'volumePerKg'],
  vss: ['volume', 'volumePerKg'],
  vpF: ['volume', 'volumePerKg'],
  dose: ['amount', 'amountPerKg'],
  studiedFromDailyDose: ['amount', 'amountPerKg'],
  auc: ['auc'],
  emaxPct: ['percent', 'fraction'],
  content: ['content', 'relativeShare', 'fraction'],
  logP: ['logScale'],
  logD74: ['logScale'],
  pKa: ['logScale'],
  /** Microsomal protein in an inhibition assay (mg/mL), for predicting incubation binding. */
  microsomalProtein: ['content'],
};
