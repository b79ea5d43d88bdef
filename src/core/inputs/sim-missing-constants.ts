/**
 * Effects the KB records without a size, for the dynamic model: a perpetrator compound (or a circulating metabolite
 * of one) that the KB says inhibits, inactivates or induces an enzyme that clears the victim, with no Ki, KI/kinact
 * or Emax/EC50 for that enzyme. The simulator has nothing to run for such an effect, so without this check it answers
 * "no change" by omission (St John's wort → midazolam ×1.00) where the static model already goes grey.
 * Same rule as the static inputs (static-perpetrator.ts `classNotes`): an enzyme counts as quantified when
 * `perpetratorEffects` gives it any constant.
 */
import type { KbIndex } from '../kb/kb-index.js';
import { statement, type Statement } from '../schema/statement.js';
import { ENZYME_EFFECT_ACTIONS, fmScenarios, perpetratorEffects } from './pk-inputs.js';
import type { Scenario } from './scenario.js';

export interface UnquantifiedEffects {
  /** One MISSING_CONSTANTS statement per (compound, enzyme, action) recorded without constants. */
  missing: Statement[];
  /** Whether any perpetrator compound has constants at an enzyme that clears the victim or the analyte. */
  quantified: boolean;
}

/** Enzymes with fm > 0 for the victim or the analyte (a metabolite's own clearance counts too). */
function clearingEnzymes(kb: KbIndex, sc: Scenario): Set<string> {
  const ids = [...new Set([sc.victim.id, sc.analyte.id])];
  return new Set(ids.flatMap((id) => fmScenarios(kb, id).scenarios.flatMap((s) => Object.keys(s.fm).filter((e) => (s.fm[e] ?? 0) > 0))));
}

/** The scenario's perpetrator compounds and the inhibiting metabolites the KB links to them. */
function perpetratorCompoundIds(kb: KbIndex, sc: Scenario): string[] {
  const ids = sc.perpetratorCompounds.map((c) => c.compoundId);
  for (const id of [...ids]) for (const m of kb.substance(id)?.metabolites ?? []) if (kb.substance(m.substance) && !ids.includes(m.substance)) ids.push(m.substance);
  // The analyte itself (THC asked against cannabis) is dose, not a perpetrator of itself.
  return ids.filter((id) => id !== sc.analyte.id);
}

/**
 * Transporter effects the dynamic model leaves out: it has no transporter path (uptake into the liver, efflux in the gut
 * wall or into bile are static-model terms, MODEL.md §7), so where a perpetrator compound (or a metabolite circulating
 * with it) is recorded to inhibit or induce a transporter that carries the victim or the analyte, its simulation would
 * answer "no change" through that route by omission (ritonavir → fexofenadine ×1.00, a P-gp probe with no enzyme
 * pathway). One MISSING_DYNAMIC_TRANSPORTER statement per (compound, transporter).
 */
export function transporterEffectsLeftOut(kb: KbIndex, sc: Scenario): Statement[] {
  const isTransporter = (id: string): boolean => kb.target(id)?.kind === 'transporter';
  const carriers = new Set([...new Set([sc.victim.id, sc.analyte.id])].flatMap((id) => kb.relationsOf(id).filter((r) => r.action === 'transporter-substrate' && isTransporter(r.object)).map((r) => r.object)));
  if (carriers.size === 0) return [];
  const out: Statement[] = [];
  const seen = new Set<string>();
  for (const id of perpetratorCompoundIds(kb, sc)) {
    for (const r of kb.relationsOf(id)) {
      const acts = r.action === 'transporter-inhibitor' || ENZYME_EFFECT_ACTIONS.has(r.action);
      if (!acts || !carriers.has(r.object) || seen.has(`${id}|${r.object}`)) continue;
      seen.add(`${id}|${r.object}`);
      out.push(statement('MISSING_DYNAMIC_TRANSPORTER', 'missing', { compound: kb.substance(id)?.name ?? id, transporter: kb.target(r.object)?.name ?? r.object, induction: r.action === 'inducer', analyte: sc.analyte.name }, null, r.sources));
    }
  }
  return out;
}

export function unquantifiedEffects(kb: KbIndex, sc: Scenario): UnquantifiedEffects {
  const enzymes = clearingEnzymes(kb, sc);
  const missing: Statement[] = [];
  const seen = new Set<string>();
  let quantified = false;
  for (const id of perpetratorCompoundIds(kb, sc)) {
    const withConstants = Object.keys(perpetratorEffects(kb, id).effects);
    if (withConstants.some((e) => enzymes.has(e))) quantified = true;
    for (const r of kb.relationsOf(id)) {
      if (!ENZYME_EFFECT_ACTIONS.has(r.action) || !enzymes.has(r.object) || withConstants.includes(r.object)) continue;
      const key = `${id}|${r.object}|${r.action === 'inducer'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      missing.push(
        statement('MISSING_CONSTANTS', 'missing', {
          induction: r.action === 'inducer',
          compound: kb.substance(id)?.name ?? id,
          enzyme: kb.target(r.object)?.name ?? r.object,
          clinicalClass: r.clinicalClass ?? null,
        }),
      );
    }
  }
  return { missing, quantified };
}
