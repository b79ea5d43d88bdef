/**
 * Does a stated dose reach the evidence behind an effect contribution? (issue 14 §3 with issue 17.)
 *
 * Some contributions rest on evidence gathered only at medicine doses — CBD's somnolence and liver-enzyme rises come
 * from trials at 5–20 mg/kg/day, while a joint holds well under 1 mg of CBD. A contributor may record the lowest daily
 * dose its evidence was gathered at (`studiedFromDailyDose`); when the dose a check uses is below it, the contribution
 * is set aside and the answer says so. Setting aside is not a claim of safety at lower doses: the evidence simply does
 * not reach them. Without a recorded threshold, or without a dose, every contribution counts, as before.
 */
import { DEFAULT_WEIGHT_KG } from '../../inputs/scenario.js';
import type { KbIndex } from '../../kb/kb-index.js';
import { parseRegimen } from '../../units/parse-regimen.js';
import type { DoseUsed } from './usage.js';

export interface DailyDose {
  mg: number;
  mgPerKg: number;
}

const MG_PER_UNIT: Record<string, number | undefined> = { mg: 1, g: 1000, 'µg': 0.001 };

/** Daily amount of each compound a check's dose implies (products through their recorded content). */
export function dailyDoses(kb: KbIndex, use: DoseUsed, weightKg = DEFAULT_WEIGHT_KG): Map<string, DailyDose> {
  const out = new Map<string, DailyDose>();
  const add = (id: string, mg: number): void => {
    const prev = out.get(id)?.mg ?? 0;
    out.set(id, { mg: prev + mg, mgPerKg: (prev + mg) / weightKg });
  };
  for (const item of use.doses) {
    let r;
    try {
      r = parseRegimen(item.regimen, 'usage');
    } catch {
      continue; // a dose the grammar cannot read is reported where the dose is used; here it just reaches nothing
    }
    const perDay = r.intervalH ? 24 / r.intervalH : 1;
    const implied = use.implied.length && item.substance === use.substance ? use.implied : [];
    if (implied.length) for (const c of implied) add(c.substance, c.mg * perDay);
    else {
      const mg = r.unit === 'mg/kg' ? r.amount * weightKg : r.unit === 'µg/kg' ? (r.amount * weightKg) / 1000 : (MG_PER_UNIT[r.unit] ?? NaN) * r.amount;
      if (Number.isFinite(mg)) add(item.substance, mg * perDay);
    }
  }
  void kb;
  return out;
}

export interface Unreached {
  member: string;
  effect: string;
  dailyMg: number;
  /** The threshold as recorded (value and unit per day) and its source. */
  studiedFrom: { value: number; unit: string; source: string };
}

/**
 * How far below the studied doses a dose must lie before a contribution is set aside. An assumption, not a cited
 * number: adverse effects are dose-graded, so a dose within an order of magnitude of the studied range (CBD 300 mg a
 * day against 5 mg/kg/day ≈ 350 mg) cannot be ruled out by the studies' lower bound; one more than ten times below
 * (a joint's 0.5 mg, a 25 mg CBD-oil serving) lies outside anything the evidence speaks to. Plausible range 3–30;
 * the choice moves only which everyday doses drop a medicine-dose effect, never a prediction.
 */
export const FAR_BELOW_STUDIED_FACTOR = 10;

/** Is `daily` far below the contributor's studied-from dose? False when either is unknown. */
export function belowStudiedDose(c: { studiedFromDailyDose?: { value: number; unit: string } }, daily: DailyDose | undefined): boolean {
  const t = c.studiedFromDailyDose;
  if (!t || !daily) return false;
  const threshold = t.value / FAR_BELOW_STUDIED_FACTOR;
  return t.unit === 'mg/kg' ? daily.mgPerKg < threshold : daily.mg < threshold;
}
