/**
 * Why exposure and Tmax moved (MODEL.md §2.4, "How Tmax can be delayed"), as numbers: compares
 * time-averaged mechanism quantities of one compound between its combined and alone arms, evaluated
 * with the model's own algebra on the output grid (no separate approximations). The sentences that
 * explain these numbers live in render/dynamic-diagnostics.ts.
 */
import type { InteractionModel } from './model.js';
import type { ArmResult } from './run.js';
import type { DrugParams, Physiology } from './types.js';

export interface ArmDiagnostics {
  model: InteractionModel;
  arm: ArmResult;
  drugs: DrugParams[];
}

/** Time averages over one arm, from the compound's last dose to the end of the grid. */
export interface ArmAverages {
  /** Hepatic intrinsic clearance as a fraction of its uninhibited, uninduced value. */
  clintFraction: number;
  fg: number;
  fh: number;
  /** The most inactivated of the compound's own enzymes (fraction of baseline), if it has any. */
  minEnzyme: { enzyme: string; organ: string; value: number } | null;
}

/** Mechanism figures for one compound: combined arm vs alone arm, and the ratios they explain. */
export interface ExposureDiagnostics {
  combined: ArmAverages;
  alone: ArmAverages;
  /** Combined / alone hepatic intrinsic clearance. */
  clintRatio: number;
  /** Substances of the combined arm, absent from the alone arm, acting on one of the compound's enzymes. */
  perpetrators: string[];
  tmaxShiftH: number | null;
  aucRatio: number | null;
}

function averages(d: ArmDiagnostics, id: string, fromH: number, phys: Physiology): ArmAverages | null {
  const i = d.model.drugIds.indexOf(id);
  const grid = d.arm.gridH, states = d.arm.gridStates;
  if (i < 0 || !grid || !states) return null;
  const p = d.drugs[i]!;
  const base = p.clintOtherLPerH + p.enzymes.reduce((a, e) => a + e.clintLiverLPerH, 0);
  const fub = p.fuP / p.rb;
  let n = 0, cf = 0, fg = 0, fh = 0;
  let minE: ArmAverages['minEnzyme'] = null;
  const mine = new Set(p.enzymes.map((e) => e.enzyme));
  for (let k = 0; k < grid.length; k++) {
    if (grid[k]! < fromH) continue;
    const y = states[k]!;
    d.model.auxiliaries(y);
    const cur = d.model.current;
    const ch = cur.clintH[i]!;
    cf += base > 0 ? ch / base : 1;
    fg += cur.fg[i]!;
    fh += phys.qhLPerH / (phys.qhLPerH + fub * ch);
    n++;
    for (const s of d.model.enzymeStates)
      if (mine.has(s.enzyme) && (!minE || y[s.index]! < minE.value)) minE = { enzyme: s.enzyme, organ: s.organ, value: y[s.index]! };
  }
  if (n === 0) return null;
  return { clintFraction: cf / n, fg: fg / n, fh: fh / n, minEnzyme: minE };
}

/** The mechanism figures behind one compound's ratios, or null when either arm has no output grid. */
export function diagnoseExposure(
  id: string,
  combined: ArmDiagnostics,
  alone: ArmDiagnostics,
  ratios: { tmaxShiftH: number | null; aucRatio: number | null },
  phys: Physiology,
): ExposureDiagnostics | null {
  const i = combined.model.drugIds.indexOf(id);
  const from = combined.arm.drugs[i]?.lastDoseH ?? 0;
  const c = averages(combined, id, from, phys), a = averages(alone, id, from, phys);
  if (!c || !a) return null;
  const mine = new Set(combined.drugs[i]?.enzymes.map((e) => e.enzyme) ?? []);
  const perpetrators = combined.drugs
    .filter((d) => d.id !== id && !alone.drugs.some((x) => x.id === d.id))
    .filter((d) => [...d.inhibits, ...d.inactivates, ...d.induces].some((m) => mine.has(m.enzyme)))
    .map((d) => d.id);
  return {
    combined: c,
    alone: a,
    clintRatio: c.clintFraction / a.clintFraction,
    perpetrators,
    tmaxShiftH: ratios.tmaxShiftH,
    aucRatio: ratios.aucRatio,
  };
}
