/**
 * Dynamic self-consistency (issue 12 §1): a substance with a human single-dose oral profile, simulated alone at the
 * profile's dose, should reproduce that profile's own Cmax, tmax and AUC (within 1.5-fold). A substance that fails
 * shows where the one-compartment disposition or the derived clearance does not hold — a reason to distrust its
 * dynamic answers. Pure: KB in, rows out.
 */
import { isCrosstalkError } from '../errors.js';
import { planSimulation } from '../inputs/simulation-plan.js';
import { choosePkProfile } from '../inputs/sim-drug-clearance.js';
import type { KbIndex } from '../kb/kb-index.js';
import { simulateInteraction } from '../models/dynamic/interaction.js';

/** The tolerance of the self-consistency check (issue 12 §1). */
export const SELF_CONSISTENCY_FOLD = 1.5;

export interface SelfConsistencyRow {
  substance: string;
  profile: string;
  doseMg: number;
  /** Simulated / recorded (null when the profile has no such figure). */
  cmaxFold: number | null;
  tmaxFold: number | null;
  aucFold: number | null;
  pass: boolean;
  /** True when the checked profile is the one the parameters were built on: its figures were inputs, not checks. */
  fitted: boolean;
  /** True when the substance was given a second compartment (two-compartment-fit.ts). */
  twoCompartment: boolean;
  error?: string;
}

const fold = (sim: number, obs: number | undefined): number | null => (obs === undefined || !(obs > 0) || !(sim > 0) ? null : sim / obs);
const within = (x: number | null): boolean => x === null || (x <= SELF_CONSISTENCY_FOLD && x >= 1 / SELF_CONSISTENCY_FOLD);

/**
 * One row per default human single-dose oral profile with dose and Cmax; with `allProfiles`, the non-default ones too
 * (other doses, fed arms, other studies): those are checks of parameters built on another profile, not fits.
 */
export function selfConsistency(kb: KbIndex, opts: { allProfiles?: boolean } = {}): SelfConsistencyRow[] {
  const rows: SelfConsistencyRow[] = [];
  for (const p of kb.data.pk) {
    if (p.species !== 'human' || p.route !== 'po' || (!p.default && !opts.allProfiles) || p.steadyState || p.regimen !== 'single') continue;
    if (!p.cmax || !p.dose || p.dose.unit !== 'mg') continue;
    // A metabolite measured after its parent's dose is not a single-dose profile of the metabolite itself.
    if (p.dosedAs) continue;
    let fitted = false;
    try { fitted = choosePkProfile(kb, p.substance, 'human').id === p.id; } catch { /* reported below */ }
    const base = { substance: p.substance, profile: p.id ?? p.substance, doseMg: p.dose.value, fitted, twoCompartment: false };
    try {
      const plan = planSimulation(kb, [{ substance: p.substance, regimen: `${p.dose.value} mg`, startH: 0 }], { species: 'human', days: 4 });
      const res = simulateInteraction({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: Math.max(plan.tEndH, 96) });
      const c = res.compounds.find((x) => x.id === p.substance);
      if (!c) throw new Error(`${p.substance} was not simulated`);
      const cmaxFold = fold(c.combined.cmaxUM, p.cmax.value);
      const tmaxFold = fold(c.combined.tmaxH, p.tmax?.value);
      const aucFold = fold(c.combined.aucInfUMH ?? c.combined.aucUMH, p.auc?.value);
      const twoCompartment = plan.drugs.some((d) => d.id === p.substance && d.k12PerH > 0);
      rows.push({ ...base, twoCompartment, cmaxFold, tmaxFold, aucFold, pass: within(cmaxFold) && within(tmaxFold) && within(aucFold) });
    } catch (e) {
      if (!isCrosstalkError(e) && !(e instanceof Error)) throw e;
      rows.push({ ...base, cmaxFold: null, tmaxFold: null, aucFold: null, pass: false, error: (e as Error).message });
    }
  }
  return rows.sort((a, b) => a.substance.localeCompare(b.substance));
}
