import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InteractionModel } from '../../src/core/models/dynamic/model.js';
import { ArmRunner } from '../../src/core/models/dynamic/run.js';
import { DEFAULT_SOLVE, type DoseEvent, type DrugParams, type Physiology } from '../../src/core/models/dynamic/types.js';

// Fixtures made by test/reference/make-fixtures.sh (SciPy LSODA, rtol 1e-10; full liver state and QSS liver).
const spec = JSON.parse(readFileSync(new URL('./interaction-spec.json', import.meta.url), 'utf8')) as {
  drugs: DrugParams[]; physiology: Physiology; doses: DoseEvent[]; tEndH: number;
};
const ref = JSON.parse(readFileSync(new URL('./interaction-scipy.json', import.meta.url), 'utf8')) as {
  methods: { LSODA: { auc: number[]; cmax: number[] } };
};
// Same spec solved by bench/ref/interaction_qss_ref.py: algebraic (QSS) liver, Newton inside the RHS.
const refQss = JSON.parse(readFileSync(new URL('./interaction-scipy-qss.json', import.meta.url), 'utf8')) as typeof ref;

describe('two-drug interaction model vs SciPy solve_ivp (LSODA)', () => {
  it('AUC and Cmax of both drugs agree to 1e-6 relative (full liver, rtol 1e-10)', () => {
    const m = new InteractionModel(spec.drugs, spec.physiology, false);
    const r = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-10, atolUmol: 1e-14, liverQSS: false }).run(spec.doses, spec.tEndH);
    r.drugs.forEach((d, i) => {
      const ea = Math.abs(d.aucUMH / ref.methods.LSODA.auc[i]! - 1);
      const ec = Math.abs(d.cmaxUM / ref.methods.LSODA.cmax[i]! - 1);
      expect(ea, `AUC rel diff ${ea.toExponential(2)} for ${d.aucUMH} vs ${ref.methods.LSODA.auc[i]}`).toBeLessThan(1e-6);
      expect(ec, `Cmax rel diff ${ec.toExponential(2)} for ${d.cmaxUM} vs ${ref.methods.LSODA.cmax[i]}`).toBeLessThan(1e-6);
    });
  });

  it('AUC and Cmax of both drugs agree to 1e-6 relative (QSS liver, the default formulation, rtol 1e-10)', () => {
    const m = new InteractionModel(spec.drugs, spec.physiology, true);
    const r = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-10, atolUmol: 1e-14, liverQSS: true }).run(spec.doses, spec.tEndH);
    r.drugs.forEach((d, i) => {
      const ea = Math.abs(d.aucUMH / refQss.methods.LSODA.auc[i]! - 1);
      const ec = Math.abs(d.cmaxUM / refQss.methods.LSODA.cmax[i]! - 1);
      expect(ea, `AUC rel diff ${ea.toExponential(2)} for ${d.aucUMH} vs ${refQss.methods.LSODA.auc[i]}`).toBeLessThan(1e-6);
      expect(ec, `Cmax rel diff ${ec.toExponential(2)} for ${d.cmaxUM} vs ${refQss.methods.LSODA.cmax[i]}`).toBeLessThan(1e-6);
    });
  });
});
