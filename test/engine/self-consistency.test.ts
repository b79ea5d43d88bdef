/**
 * Dynamic self-consistency over the whole KB (issue 12 §1): each substance with a human single-dose oral profile,
 * simulated alone at that dose, reproduces the profile's own Cmax, tmax and AUC within 1.5-fold. Lipophilic compounds
 * whose one-compartment peak was far too low (mitragynine ×0.07, THC ×0.15, CBD ×0.16) now get the two-compartment
 * fit of models/dynamic/two-compartment-fit.ts — on the same profile, so their Cmax and tmax are fitted, not checked
 * (`fitted` on each row). A systemic CL recorded on an oral profile is no longer read as CL/F, and with a recorded F it
 * gives CL/F = CL/F (inputs/sim-drug.ts `oralFromSystemic`; buspirone ×14 and valsartan ×2.2 came from that). The
 * substances listed below fail today for want of a clearance in the KB: bergamottin (Goosen 2004's abstract gives only
 * Cmax and tmax) and two glucuronides whose profiles hold only an unbound Cmax from a DDI table; see
 * `npx tsx scripts/self-consistency.ts`.
 * The list may only shrink: a new failure fails the test, and a listed substance that now passes must leave the list.
 */
import { describe, expect, it } from 'vitest';
import { selfConsistency } from '../../src/core/index.js';
import { loadKb } from '../../src/store/kb-store.js';

// Bergamottin: its 6 mg profile has no clearance, AUC or V/F (a gap in the KB, not a model failure).
// (The two glucuronides left the list in session 4: their profiles were measured after the parent's dose, which is
// now recorded as `dosedAs`, so they are not single-dose profiles of the glucuronides at all.)
const TOLERATED = new Set(['bergamottin']);

describe('dynamic self-consistency (REQ-12.self-consistency)', () => {
  const rows = selfConsistency(loadKb());
  it('covers the KB’s single-dose oral profiles', () => {
    expect(rows.length).toBeGreaterThan(40);
  });
  it('no substance outside the tolerated list misses its own profile by more than 1.5-fold', () => {
    expect(rows.filter((r) => !r.pass && !TOLERATED.has(r.substance)).map((r) => `${r.substance}: ${r.error ?? `Cmax ×${r.cmaxFold?.toFixed(2)}, tmax ×${r.tmaxFold?.toFixed(2)}, AUC ×${r.aucFold?.toFixed(2)}`}`)).toEqual([]);
  });
  it('the tolerated list only shrinks: a listed substance that now passes, or is no longer checked, must be removed from it', () => {
    expect(rows.filter((r) => r.pass && TOLERATED.has(r.substance)).map((r) => r.substance)).toEqual([]);
    expect([...TOLERATED].filter((s) => !rows.some((r) => r.substance === s))).toEqual([]);
  });
  it('a metabolite profile measured after its parent\'s dose (dosedAs) is not treated as the metabolite\'s own single dose', () => {
    const kb = loadKb();
    const after = kb.data.pk.filter((p) => p.dosedAs).map((p) => p.id);
    expect(after).toContain('gemfibrozil-glucuronide-human-po-after-gemfibrozil');
    expect(rows.some((r) => after.includes(r.profile))).toBe(false);
  });
}, 300_000);
