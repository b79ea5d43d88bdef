/**
 * Plain-language reasons for a change in one compound's exposure between the combined and alone arms
 * (MODEL.md §2.4). The figures come from models/dynamic/diagnostics.ts; this file holds only the text.
 */
import { diagnoseExposure, type ArmDiagnostics, type ExposureDiagnostics } from '../models/dynamic/diagnostics.js';
import type { Physiology } from '../models/dynamic/types.js';

export type { ArmDiagnostics } from '../models/dynamic/diagnostics.js';

const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;

/**
 * Sentences for one compound's mechanism figures.
 * @example renderExposureDiagnostics(d) // ['Hepatic intrinsic clearance fell to 40 % of its value alone by cbd …', …]
 */
export function renderExposureDiagnostics(d: ExposureDiagnostics): string[] {
  const { combined: c, alone: a, clintRatio: cl } = d;
  const out: string[] = [];
  const shift = d.tmaxShiftH ?? 0;
  const by = d.perpetrators.length ? ` by ${d.perpetrators.join(', ')}` : '';
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
  if (out.length === 1 && (d.aucRatio ?? 1) > 0.98 && (d.aucRatio ?? 1) < 1.02)
    out.unshift('No mechanism in the model changed this compound’s kinetics by more than 2 %.');
  return out;
}

/** Plain-language reasons for the change in one compound's exposure between the arms (figures, then text). */
export function explain(
  id: string,
  combined: ArmDiagnostics,
  alone: ArmDiagnostics,
  r: { tmaxShiftH: number | null; aucRatio: number | null },
  phys: Physiology,
): string[] {
  const d = diagnoseExposure(id, combined, alone, r, phys);
  return d ? renderExposureDiagnostics(d) : [];
}
