/**
 * Metabolite formation for the dynamic model, per clearance pathway (issue 12 §2). The KB's `fraction` on a metabolite
 * link is the share of the parent's whole clearance that forms the metabolite (schema/records.ts MetaboliteLink; e.g.
 * codeine → morphine 0.075, caffeine → paraxanthine 0.80). The model forms a metabolite from the flux through named
 * pathways, so the fraction is turned into pathway shares (documented rule, not biology):
 *
 * 1. A link naming an enzyme the parent is cleared by (fm_e): that pathway carries share min(1, F/fm_e) of its flux.
 * 2. What the named pathway cannot carry (F − share·fm_e), and the whole of F for a link whose enzyme has no fm in the
 *    KB, comes from the parent's hepatic clearance not assigned to an enzyme ('other', f_other = 1 − fe − Σ fm): share
 *    min(1, R/f_other). This is where the minor routes the KB names without a number sit (e.g. clobazam's CYP2C19 and
 *    CYP2B6 N-demethylation).
 * 3. A link without an enzyme: formed pro rata from every hepatic pathway (share F/(1 − fe) of each, capped at 1).
 * 4. What no pathway can carry is dropped with a warning, and no pathway gives more than its whole flux over all links.
 *
 * So a metabolite formed by CYP3A4 and cleared by CYP2C19 falls only by CYP3A4's part of its formation when CYP3A4 is
 * inhibited and rises when CYP2C19 is inhibited (its own clearance, from its own enzyme roles).
 */
import type { PathwayInput } from '../models/dynamic/parameterise.js';
import type { MetaboliteFormation } from '../models/dynamic/types.js';
import type { Substance } from '../kb/types.js';
import type { ParamLog } from './param-log.js';

/** A formation fraction the pathways cannot carry beyond this (absolute) is reported. */
const UNCARRIED_WARN = 0.01;

/**
 * Pathway shares of each metabolite link to a compound in the run. `pathways` are the parent's fm (after any scaling
 * of Σ fm to the hepatic share), `fe` its renal share.
 */
export function metaboliteFormation(log: ParamLog, sub: Substance, simulated: readonly string[], pathways: readonly PathwayInput[], fe: number): MetaboliteFormation[] {
  const fhep = Math.max(0, 1 - fe);
  const fmSum = pathways.reduce((a, p) => a + p.fm, 0);
  const scale = fmSum > fhep && fmSum > 0 ? fhep / fmSum : 1;
  const fm = new Map(pathways.map((p) => [p.enzyme, p.fm * scale]));
  const rawOther = fhep - fmSum * scale;
  const fOther = rawOther > 1e-9 ? rawOther : 0; // rounding of Σ fm leaves no real unassigned clearance
  const used = new Map<string | null, number>(); // pathway share already given, per pathway (null: other)
  const out: MetaboliteFormation[] = [];
  const give = (metaboliteId: string, enzyme: string | null, want: number): number => {
    const room = 1 - (used.get(enzyme) ?? 0);
    const share = Math.max(0, Math.min(room, want));
    if (share > 0) { used.set(enzyme, (used.get(enzyme) ?? 0) + share); out.push({ metaboliteId, enzyme, pathwayShare: share }); }
    return share;
  };
  for (const m of sub.metabolites) {
    if (!simulated.includes(m.substance) || !m.fraction) continue;
    const F = log.put(`fraction → ${m.substance}${m.enzyme ? ` (${m.enzyme})` : ''}`, m.fraction.value, 'fraction', m.fraction.source, !m.fraction.verified, 'share of the parent\'s clearance');
    let rest = F;
    if (m.enzyme === undefined) {
      if (!(fhep > 0)) continue;
      const want = F / fhep;
      let carried = 0;
      for (const p of pathways) carried += give(m.substance, p.enzyme, want) * (fm.get(p.enzyme) ?? 0);
      if (fOther > 0) carried += give(m.substance, null, want) * fOther;
      rest = F - carried;
    } else {
      const fmE = fm.get(m.enzyme) ?? 0;
      if (fmE > 0) rest -= give(m.substance, m.enzyme, F / fmE) * fmE;
      if (rest > 1e-12 && fOther > 0) rest -= give(m.substance, null, rest / fOther) * fOther;
    }
    if (rest > UNCARRIED_WARN)
      log.warn(`${log.owner} → ${m.substance}: formation fraction ${F} exceeds what its pathways can carry (fm and unassigned clearance); ${rest.toPrecision(2)} of it is not formed`);
  }
  return out;
}
