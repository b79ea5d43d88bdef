import { fail } from '../errors.js';
import { levenshtein } from './units.js';
import { DOSE_CAPS, MAX_DURATION_D, MAX_SINGLE_DOSE_MG, MIN_DURATION_D, type DoseCap } from '../limits.js';

/**
 * Dosing regimens as clinicians write them: `<amount> <unit>[/kg] [route] [frequency] [duration]`,
 * e.g. `7.5 mg`, `2 g`, `400 mg qd 5d`, `10 mg/kg bid 14d`, `20 mg q8h 2d`, `0.9 g inhaled tid 14d`,
 * `600 mg iv`, `0.8 mL/kg`, `4 sprays oromucosal`.
 */
export type DoseUnit = 'mg' | 'g' | 'µg' | 'mL' | 'mg/kg' | 'µg/kg' | 'g/kg' | 'mL/kg' | 'actuation';
export type Route = 'po' | 'iv' | 'inhaled' | 'oromucosal' | 'sublingual';

export interface Regimen {
  text: string;
  amount: number;
  unit: DoseUnit;
  route: Route;
  /** Whether the route was written or defaulted to `po`. */
  routeGiven: boolean;
  /** Hours between doses; null for a single dose. */
  intervalH: number | null;
  frequency: string;
  /** Days of dosing; null when not given (single dose, or "to steady state" for a repeated regimen). */
  durationD: number | null;
}

const UNITS: Record<string, DoseUnit> = {
  mg: 'mg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  µg: 'µg',
  μg: 'µg',
  ug: 'µg',
  mcg: 'µg',
  ml: 'mL',
  'mg/kg': 'mg/kg',
  'µg/kg': 'µg/kg',
  'μg/kg': 'µg/kg',
  'ug/kg': 'µg/kg',
  'mcg/kg': 'µg/kg',
  'g/kg': 'g/kg',
  'ml/kg': 'mL/kg',
  spray: 'actuation',
  sprays: 'actuation',
  actuation: 'actuation',
  actuations: 'actuation',
  puff: 'actuation',
  puffs: 'actuation',
};
const ROUTES: Record<string, Route> = {
  po: 'po',
  oral: 'po',
  orally: 'po',
  iv: 'iv',
  inhaled: 'inhaled',
  smoked: 'inhaled',
  vaped: 'inhaled',
  inh: 'inhaled',
  oromucosal: 'oromucosal',
  buccal: 'oromucosal',
  sublingual: 'sublingual',
  sl: 'sublingual',
};
const FREQ: Record<string, number | null> = {
  once: null,
  single: null,
  qd: 24,
  od: 24,
  daily: 24,
  qday: 24,
  bid: 12,
  tid: 8,
  qid: 6,
};


function unreadable(field: string, text: string, word: string, index: number, expected: string, suggestion = ''): never {
  fail('INPUT_BAD_REGIMEN', { field, word, position: index + 1, text, expected, suggestion }, { field, word, position: index, ...(suggestion ? { suggestions: [suggestion] } : {}) });
}

/** The dose unit one or two typos away from `word` ('mgg' → 'mg'), or '' when none is that close. */
function nearestUnit(word: string): string {
  const w = word.toLowerCase();
  const best = Object.keys(UNITS)
    .map((u) => ({ u, d: levenshtein(w, u) }))
    .sort((a, b) => a.d - b.d || a.u.length - b.u.length)[0];
  return best && best.d <= Math.min(2, Math.floor(w.length / 2)) ? UNITS[best.u]!.replace('actuation', 'sprays') : '';
}

/** Parse a regimen string; errors name the field and point at the word that could not be read. */
export function parseRegimen(text: string, field = 'regimen'): Regimen {
  const src = text.trim();
  if (!src) fail('INPUT_EMPTY_REGIMEN', { field }, { field });
  // Split "200mg" into "200 mg" and "7 days" into "7d"; an exponent stays with its number ("1e-3mg" is 1e-3 mg).
  const words = src
    .replace(/(\d)(?![eE][+-]?\d)([a-zA-Zµμ])/g, '$1 $2')
    .replace(/(\d+)\s*(d|day|days)\b/gi, '$1d')
    .replace(/(\d+)\s*(w|wk|week|weeks)\b/gi, (_, n: string) => `${Number(n) * 7}d`)
    .replace(/\bq\s*(\d+)\s*h\b/gi, 'q$1h')
    .replace(/\s*\/\s*kg\b/gi, '/kg')
    .split(/\s+/);
  let i = 0;
  const amountWord = words[i]!;
  const amount = Number(amountWord.replace(',', '.'));
  if (!/^\d*[.,]?\d+(e[+-]?\d+)?$/i.test(amountWord) || !Number.isFinite(amount))
    unreadable(field, src, amountWord, i, 'an amount such as 200 or 0.5');
  if (amount <= 0)
    fail('INPUT_BAD_DOSE', { field, amount: amountWord, unit: words[i + 1] ?? '' }, { field });
  i++;
  const unitWord = words[i];
  if (unitWord === undefined) unreadable(field, src, '(end)', i, 'a unit: mg, g, µg, mL, mg/kg or sprays');
  const unit = UNITS[unitWord.toLowerCase()];
  if (!unit && /\/(day|d)$/i.test(unitWord)) {
    // A daily total ("20 mg/kg/day") does not say how it is split, which changes the peak: ask for the regimen.
    const per = unitWord.replace(/\/(day|d)$/i, '');
    unreadable(field, src, unitWord, i, `a unit per dose, not per day: write the regimen, e.g. '${words[i - 1]} ${per} qd' for once daily or '${Number(words[i - 1]) / 2} ${per} bid' for the same daily total in two doses`);
  }
  if (!unit) unreadable(field, src, unitWord, i, 'a unit: mg, g, µg, mL, mg/kg or sprays', nearestUnit(unitWord));
  i++;
  let route: Route = 'po';
  let routeGiven = false;
  let intervalH: number | null = null;
  let frequency = 'once';
  let durationD: number | null = null;
  let seenFreq = false;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const lw = w.toLowerCase();
    if (ROUTES[lw] && !routeGiven && !seenFreq && durationD === null) {
      route = ROUTES[lw];
      routeGiven = true;
    } else if (lw in FREQ && !seenFreq && durationD === null) {
      intervalH = FREQ[lw]!;
      frequency = lw === 'od' || lw === 'qday' || lw === 'daily' ? 'qd' : lw === 'single' ? 'once' : lw;
      seenFreq = true;
    } else if (/^q\d+h$/.test(lw) && !seenFreq && durationD === null) {
      const h = Number(lw.slice(1, -1));
      if (h < 1 || h > 168) unreadable(field, src, w, i, 'an interval from q1h to q168h');
      intervalH = h;
      frequency = lw;
      seenFreq = true;
    } else if (/^\d+(\.\d+)?d$/.test(lw) && durationD === null) {
      durationD = Number(lw.slice(0, -1));
      if (!(durationD >= MIN_DURATION_D) || durationD > MAX_DURATION_D)
        unreadable(field, src, w, i, `a duration from ${MIN_DURATION_D}d to ${MAX_DURATION_D}d`);
    } else {
      const expected = !seenFreq
        ? 'a route (po, iv, inhaled, oromucosal, sublingual), a frequency (once, qd, bid, tid, qid, q8h) or a duration (7d)'
        : durationD === null
          ? 'a duration such as 7d'
          : 'nothing more';
      unreadable(field, src, w, i, expected);
    }
  }
  if (durationD !== null && intervalH === null) {
    // "600 mg 10d" most often means daily dosing for 10 days.
    intervalH = 24;
    frequency = 'qd';
  }
  const regimen: Regimen = { text: src, amount, unit, route, routeGiven, intervalH, frequency, durationD };
  checkDoseCaps(regimen, field);
  return regimen;
}

/** Each unit's family in src/core/limits.ts DOSE_CAPS and its factor to the family's unit. */
const FAMILY: Record<DoseUnit, [keyof typeof DOSE_CAPS, number]> = {
  mg: ['mass', 1],
  g: ['mass', 1000],
  µg: ['mass', 1e-3],
  'mg/kg': ['massPerKg', 1],
  'g/kg': ['massPerKg', 1000],
  'µg/kg': ['massPerKg', 1e-3],
  mL: ['volume', 1],
  'mL/kg': ['volumePerKg', 1],
  actuation: ['actuation', 1],
};

/** A number short enough for a message (1e-300, 2400, 0.0001). */
const shortNumber = (x: number): string => (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e9) ? x.toExponential(2).replace(/\.?0+e/, 'e') : String(Number(x.toPrecision(6))));

/**
 * The amount per administration and per day inside its unit family's plausible range (limits.ts DOSE_CAPS), so
 * every path that reads a regimen — static, dynamic, anchored, simulate, the CLI — rejects the same inputs,
 * naming the field. Per day counts the doses a day holds (at least one).
 */
export function checkDoseCaps(r: Regimen, field: string): void {
  const [family, factor] = FAMILY[r.unit];
  const cap: DoseCap = DOSE_CAPS[family];
  const perDose = r.amount * factor;
  const perDay = perDose * (r.intervalH === null ? 1 : Math.max(1, 24 / r.intervalH));
  const out = (value: number, per: string, max: number): never =>
    fail('INPUT_DOSE_IMPLAUSIBLE', { field, value: shortNumber(value), unit: cap.unit, per, min: shortNumber(cap.minPerDose), max: shortNumber(max) }, { field, cap: max });
  if (perDose < cap.minPerDose) out(perDose, 'per dose', cap.maxPerDose);
  if (perDose > cap.maxPerDose) {
    if (family === 'mass') fail('INPUT_DOSE_TOO_LARGE', { field, doseMg: Math.round(perDose), capG: MAX_SINGLE_DOSE_MG / 1000 }, { field, cap: MAX_SINGLE_DOSE_MG });
    out(perDose, 'per dose', cap.maxPerDose);
  }
  if (perDay > cap.maxPerDay) out(perDay, 'per day', cap.maxPerDay);
}

/** Dose times in hours after the first dose. A repeated regimen without a duration gets `defaultDays`. */
export function doseTimesH(r: Regimen, defaultDays = 1): number[] {
  if (r.intervalH === null) return [0];
  const days = r.durationD ?? defaultDays;
  const n = Math.max(1, Math.round((days * 24) / r.intervalH));
  return Array.from({ length: n }, (_, k) => k * r.intervalH!);
}

/** Number of administrations per day (0 for a single dose). */
export function dosesPerDay(r: Regimen): number {
  return r.intervalH === null ? 0 : 24 / r.intervalH;
}

/**
 * The amount of one administration in mg of the named product or compound, given body weight and,
 * for mL or sprays, the product's content per mL or per actuation (mg).
 */
export function amountMg(
  r: Regimen,
  opts: { weightKg: number; mgPerMl?: number; mgPerActuation?: number; field?: string },
): number {
  const field = opts.field ?? 'regimen';
  let mg: number;
  switch (r.unit) {
    case 'mg':
      mg = r.amount;
      break;
    case 'g':
      mg = r.amount * 1000;
      break;
    case 'µg':
      mg = r.amount / 1000;
      break;
    case 'mg/kg':
      mg = r.amount * opts.weightKg;
      break;
    case 'µg/kg':
      mg = (r.amount / 1000) * opts.weightKg;
      break;
    case 'g/kg':
      mg = r.amount * 1000 * opts.weightKg;
      break;
    case 'mL':
    case 'mL/kg': {
      if (opts.mgPerMl === undefined)
        fail('INPUT_BAD_UNIT', { field, unit: r.unit, product: 'liquid product', content: 'strength (mg/mL)' }, { field });
      const ml = r.unit === 'mL' ? r.amount : r.amount * opts.weightKg;
      mg = ml * opts.mgPerMl;
      break;
    }
    case 'actuation':
      if (opts.mgPerActuation === undefined)
        fail('INPUT_BAD_UNIT', { field, unit: 'sprays', product: 'spray product', content: 'content per actuation (mg)' }, { field });
      mg = r.amount * opts.mgPerActuation;
      break;
  }
  if (!Number.isFinite(mg) || mg <= 0)
    fail('INPUT_BAD_DOSE', { field, amount: mg, unit: 'mg' }, { field });
  if (mg > MAX_SINGLE_DOSE_MG)
    fail('INPUT_DOSE_TOO_LARGE', { field, doseMg: Math.round(mg), capG: MAX_SINGLE_DOSE_MG / 1000 }, { field, cap: MAX_SINGLE_DOSE_MG });
  return mg;
}
