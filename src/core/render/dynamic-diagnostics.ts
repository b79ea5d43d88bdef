/**
 * Why exposure and Tmax moved (MODEL.md §2.4, "How Tmax can be delayed"): compares time-averaged
 * mechanism quantities of one compound between its combined and alone arms, evaluated with the
 * model's own algebra on the output grid (no separate approximations).
 */
import type { InteractionModel } from '../models/dynamic/model.js';
import type { ArmResult } from '../models/dynamic/run.js';
import type { DrugParams, Physiology } from '../models/dynamic/types.js';
import type { Ratios } from '../models/dynamic/interaction.js';

export interface ArmDiagnostics {
  model: InteractionModel;
  arm: ArmResult;
  drugs: DrugParams[];
}

interface Averages {
  clintFraction: number;
  fg: number;
  fh: number;
  minEnzyme: { enzyme: string; organ: string; value: number } | null;
}

function averages(d: ArmDiagnostics, id: string, fromH: number, phys: Physiology): Averages | null {
  const i = d.model.drugIds.indexOf(id);
  const grid = d.arm.gridH, states = d.arm.gridStates;
  if (i < 0 || !grid || !states) return null;
  const p = d.drugs[i]!;
  const base = p.clintOtherLPerH + p.enzymes.reduce((a, e) => a + e.clintLiverLPerH, 0);
  const fub = p.fuP / p.rb;
  let n = 0, cf = 0, fg = 0, fh = 0;
  let minE: Averages['minEnzyme'] = null;
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

const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;

/** Plain-language reasons for the change in one compound's exposure between the arms. */
export function explain(id: string, combined: ArmDiagnostics, alone: ArmDiagnostics, r: Ratios, phys: Physiology): string[] {
  const i = combined.model.drugIds.indexOf(id);
  const from = combined.arm.drugs[i]?.lastDoseH ?? 0;
  const c = averages(combined, id, from, phys), a = averages(alone, id, from, phys);
  if (!c || !a) return [];
  const out: string[] = [];
  const shift = r.tmaxShiftH ?? 0;
  const cl = c.clintFraction / a.clintFraction;
  const perps = combined.drugs
    .filter((d) => d.id !== id && !alone.drugs.some((x) => x.id === d.id))
    .filter((d) => {
      const mine = new Set(combined.drugs[i]!.enzymes.map((e) => e.enzyme));
      return [...d.inhibits, ...d.inactivates, ...d.induces].some((m) => mine.has(m.enzyme));
    })
    .map((d) => d.id);
  const by = perps.length ? ` by ${perps.join(', ')}` : '';
  if (cl < 0.98)
    out.push(`Hepatic intrinsic clearance fell to ${pct(cl)} of its value alone${by} (inhibition/inactivation): slower elimination gives a higher peak that comes later (Bateman tmax = ln(ka/k)/(ka − k) rises as k falls).`);
  else if (cl > 1.02)
    out.push(`Hepatic intrinsic clearance rose to ${pct(cl)} of its value alone${by} (induction): faster elimination gives a lower, earlier peak.`);
  if (c.fg / a.fg > 1.02)
    out.push(`Gut-wall extraction fell (Fg ${a.fg.toFixed(2)} → ${c.fg.toFixed(2)}): more of each dose escapes first pass during absorption, raising the peak.`);
  if (c.fh / a.fh > 1.02)
    out.push(`Hepatic first pass fell (FH ${a.fh.toFixed(2)} → ${c.fh.toFixed(2)}): more of the absorbed dose reaches the circulation.`);
  if (c.minEnzyme && c.minEnzyme.value < 0.9 && (!a.minEnzyme || a.minEnzyme.value - c.minEnzyme.value > 0.05))
    out.push(`${c.minEnzyme.enzyme.toUpperCase()} in the ${c.minEnzyme.organ} was inactivated down to ${pct(c.minEnzyme.value)} of baseline (time-dependent inhibition builds over hours to days, so exposure shifts later in the dosing interval and across days).`);
  if (Math.abs(shift) > 0.05) {
    if (shift > 0 && out.length === 0) out.push(`Tmax moved ${shift.toFixed(2)} h later without a change in clearance or first pass above 2 %.`);
    else if (shift < 0 && cl >= 0.98) out.push(`Tmax moved ${(-shift).toFixed(2)} h earlier: faster elimination or a higher early input makes the peak arrive sooner.`);
    else out.push(`Tmax moved ${shift > 0 ? 'later' : 'earlier'} by ${Math.abs(shift).toFixed(2)} h.`);
  } else out.push('Tmax did not move by more than 0.05 h.');
  if (out.length === 1 && (r.aucRatio ?? 1) > 0.98 && (r.aucRatio ?? 1) < 1.02)
    out.unshift('No mechanism in the model changed this compound’s kinetics by more than 2 %.');
  return out;
}
