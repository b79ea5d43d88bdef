/**
 * Species physiology for the dynamic model (params/physiology.md §A–C). Every value is returned
 * with its source and whether it is an assumption, so outputs can list what they used.
 */
import { ALLOMETRIC_EXPONENT, type EnzymeTurnover, type Physiology, type Species } from '../models/dynamic/types.js';
import { DEFAULT_QENT_L_PER_H, DEFAULT_QH_L_PER_H } from '../models/static/static-ddi.js';

export interface UsedParameter {
  /** Substance or "physiology". */
  owner: string;
  name: string;
  value: number;
  unit: string;
  /** KB source id, record id or a named default. */
  source: string;
  assumption: boolean;
  note?: string;
}

/** FDA 2020 / ICH M12 default hepatic blood flow, 1.616 L/min (params/physiology.md §A, verified via ddir). */
export const HUMAN_QH_L_PER_H: number = DEFAULT_QH_L_PER_H;
/** FDA 2020 default enterocyte blood flow, 0.3 L/min (params/physiology.md §A). */
export const HUMAN_QENT_L_PER_H: number = DEFAULT_QENT_L_PER_H;
/** Liver volume of the dynamic model, ≈ 21 g/kg (params/physiology.md §A: assumption). */
export const HUMAN_VLIVER_L = 1.5;
/** Reference adult (params/physiology.md §A: the constants are for a 70 kg adult). */
export const HUMAN_BODY_WEIGHT_KG = 70;
/** mL/min → L/h (60 min/h ÷ 1000 mL/L). */
const L_PER_H_PER_ML_PER_MIN = 0.06;
/** Rat hepatic blood flow 55.2 mL/min/kg (Davies & Morris 1993; params/physiology.md §B, verified=false). */
export const RAT_QH_L_PER_H_PER_KG = 55.2 * L_PER_H_PER_ML_PER_MIN;
/** Rat liver weight 40 g/kg (Davies & Morris 1993; params/physiology.md §B, verified=false), density 1 g/mL. */
export const RAT_VLIVER_L_PER_KG = 0.04;
/** Berthold 2024 rats: 250 ± 25 g (params/physiology.md §B). */
export const RAT_BODY_WEIGHT_KG = 0.25;
/** Rat CYP turnover = human × 2 (params/physiology.md §B: assumption, "faster rodent turnover"). */
export const RAT_KDEG_FACTOR = 2;
/**
 * Enzyme without turnover data: CYP3A4 liver value (t½ 36 h; Yang et al. 2008, physiology.md §C, UGT note) as the
 * generic default. Assumption; the static inputs use the same value (static-perpetrator.ts FALLBACK_KDEG_PER_H).
 */
export const DEFAULT_KDEG_LIVER_PER_H = 0.0193;

/**
 * Physiology of a reference individual. Flows scale with (BW/ref)^0.75 and the liver with BW/ref
 * when a body weight other than the reference is given (allometric assumption, listed as such).
 */
export function physiologyFor(
  species: Species,
  enzymes: Record<string, EnzymeTurnover>,
  bodyWeightKg?: number,
): { physiology: Physiology; used: UsedParameter[] } {
  const used: UsedParameter[] = [];
  const note = (name: string, value: number, unit: string, source: string, assumption: boolean, n?: string): number => {
    used.push({ owner: 'physiology', name, value, unit, source, assumption, ...(n ? { note: n } : {}) });
    return value;
  };
  const scaledEnzymes: Record<string, EnzymeTurnover> = {};
  const f = species === 'rat' ? RAT_KDEG_FACTOR : 1;
  for (const [id, t] of Object.entries(enzymes)) {
    scaledEnzymes[id] = { kdegLiverPerH: t.kdegLiverPerH * f, ...(t.kdegGutPerH !== undefined ? { kdegGutPerH: t.kdegGutPerH * f } : {}) };
  }
  if (species === 'rat') {
    const bw = note('bodyWeight', bodyWeightKg ?? RAT_BODY_WEIGHT_KG, 'kg', bodyWeightKg ? 'user' : 'berthold-2024 (params/physiology.md §B)', false);
    const qh = note('Qh', RAT_QH_L_PER_H_PER_KG * bw, 'L/h', 'Davies & Morris 1993, 55.2 mL/min/kg (params/physiology.md §B)', true,
      'verified=false; an ultrasound study found ~2-fold higher flow (sensitivity bound)');
    const qent = note('Qent', qh * (HUMAN_QENT_L_PER_H / HUMAN_QH_L_PER_H), 'L/h', 'assumption: human Qent/Qh ratio (18/97) applied to the rat', true);
    const vl = note('Vliver', RAT_VLIVER_L_PER_KG * bw, 'L', 'Davies & Morris 1993, 40 g/kg (params/physiology.md §B)', true, 'verified=false; density 1 g/mL');
    if (f !== 1) note('kdegFactor', f, 'ratio', 'assumption: rat CYP kdeg = human × 2 (params/physiology.md §B)', true, 'translation human → rat is indirect');
    return { physiology: { species, bodyWeightKg: bw, qhLPerH: qh, qentLPerH: qent, vLiverL: vl, enzymes: scaledEnzymes }, used };
  }
  const bw = note('bodyWeight', bodyWeightKg ?? HUMAN_BODY_WEIGHT_KG, 'kg', bodyWeightKg ? 'user' : 'reference adult', false);
  const s = bw / HUMAN_BODY_WEIGHT_KG;
  const allo = bw !== HUMAN_BODY_WEIGHT_KG;
  const qh = note('Qh', HUMAN_QH_L_PER_H * (allo ? s ** ALLOMETRIC_EXPONENT : 1), 'L/h', 'FDA 2020 default 1.616 L/min (params/physiology.md §A)', allo, allo ? 'scaled by (BW/70)^0.75 (assumption)' : undefined);
  const qent = note('Qent', HUMAN_QENT_L_PER_H * (allo ? s ** ALLOMETRIC_EXPONENT : 1), 'L/h', 'FDA 2020 default 0.3 L/min (params/physiology.md §A)', allo, allo ? 'scaled by (BW/70)^0.75 (assumption)' : undefined);
  const vl = note('Vliver', HUMAN_VLIVER_L * s, 'L', 'assumption ≈ 21 g/kg (params/physiology.md §A)', true);
  return { physiology: { species, bodyWeightKg: bw, qhLPerH: qh, qentLPerH: qent, vLiverL: vl, enzymes: scaledEnzymes }, used };
}
