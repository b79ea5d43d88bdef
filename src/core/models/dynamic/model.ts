/**
 * The semi-physiological multi-drug interaction model of MODEL.md §2.1, compiled into flat typed
 * arrays so that the right-hand side allocates nothing. Three layers: the layout and one individual's
 * numbers (model-layout.ts), the liver and gut kinetics with the QSS liver (liver-kinetics.ts), and here
 * the right-hand side with the analytic depots and the enzyme turnover.
 *
 * Every drug is victim and perpetrator at once; inhibition by all drugs (including the drug itself) acts
 * on every enzyme pathway simultaneously:
 *
 *   dE/dt        = kdeg·(1 + Σ Emax·I/(EC50 + I)) − kdeg·E − E·Σ kobs(I)
 *
 * The QSS liver holds no mass: it differs from the full model by the liver's share of the body
 * amount (Vh·Kp·Chv), which is negligible for drugs with large volumes (measured in bench/sim.ts).
 * `rhs` and `enzymeRhs` are solver inner loops: flat, allocation-free, and deliberately not split. The arm runner
 * integrates with the straight-line copy generated for the model's structure (rhs-codegen.ts) where it applies; this
 * one is the reference it is tested against, and serves every other case.
 */
import { LiverKinetics } from './liver-kinetics.js';
import { AUC, CEN, ELIM, FAST, GUT, LIV, PER, STRIDE } from './model-layout.js';

export { STRIDE, GUT, FAST, LIV, CEN, PER, AUC, ELIM, type EnzymeStateInfo } from './model-layout.js';

/** Structure shared by every individual with the same drugs and mechanisms, and its right-hand side. */
export class InteractionModel extends LiverKinetics {
  /**
   * Analytic depots: when true, the GUT and FAST slots of the state hold the depot amounts at time
   * `depotRefH` and the right-hand side decays them in closed form (X(t) = X(tref)·e^(−ka·(t − tref)),
   * exact because absorption is first order). The depots then impose neither accuracy nor stability
   * limits on the step size (a depot with ka = 30 h⁻¹ would otherwise cap DOPRI5 at h ≈ 0.1 h). The
   * runner moves the reference to each dose time with `advanceDepots` (set by the runner).
   */
  analyticDepots = false;
  /** −0 rather than 0: a double from the start, as it stays (see ModelLayout.qh). */
  depotRefH = -0;
  private depotScaled = false;

  /** Initial state: empty depots and compartments, every enzyme at baseline 1. */
  initialState(y: Float64Array): void {
    y.fill(0);
    for (const s of this.enzymeStates) y[s.index] = 1;
  }

  /** The right-hand side (allocation-free). */
  readonly rhs = (t: number, y: Float64Array, d: Float64Array): void => {
    const n = this.nDrugs, qh = this.qh;
    const { fub, clintH, chv, fg, ka, vc, rb, k12, k21, clr, gs, fs } = this;
    const analytic = this.analyticDepots;
    if (!analytic && this.depotScaled) { gs.fill(1); fs.fill(1); this.depotScaled = false; }
    if (analytic) {
      this.depotScaled = true;
      const dt = t - this.depotRefH;
      for (let i = 0; i < n; i++) {
        gs[i] = y[i * STRIDE + GUT]! !== 0 ? Math.exp(-ka[i]! * dt) : 1;
        fs[i] = y[i * STRIDE + FAST]! !== 0 ? Math.exp(-this.kaFast[i]! * dt) : 1;
      }
    }
    this.aux(y);
    for (let i = 0; i < n; i++) {
      const o = i * STRIDE;
      const xg = y[o + GUT]! * gs[i]!, xf = y[o + FAST]! * fs[i]!, xc = y[o + CEN]!, xp = y[o + PER]!;
      const cp = xc / vc[i]!;
      const cb = rb[i]! * cp;
      const absorbed = ka[i]! * xg;
      const jabs = absorbed * fg[i]!;
      const jfast = this.kaFast[i]! * xf;
      const c = chv[i]!;
      const hepElim = fub[i]! * clintH[i]! * c;
      const renal = clr[i]! * cp;
      d[o + GUT] = analytic ? 0 : -absorbed;
      d[o + FAST] = analytic ? 0 : -jfast;
      // QSS: the liver balance is algebraic (everything entering leaves as outflow or elimination)
      d[o + LIV] = this.liverQSS ? 0 : qh * (cb - c) + jabs + this.jIn[i]! - hepElim;
      d[o + CEN] = qh * (c - cb) - renal - k12[i]! * xc + k21[i]! * xp + jfast;
      d[o + PER] = k12[i]! * xc - k21[i]! * xp;
      d[o + AUC] = cp;
      d[o + ELIM] = hepElim + renal + (absorbed - jabs);
    }
    // metabolite formation moves mass from the parent's eliminated pool to the metabolite's liver input
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!;
      const hep = this.mfFrac[m]! * fub[p]! * this.pathwayClint(y, p, k) * chv[p]!;
      const clg = this.clintG[p]!;
      let gut = 0;
      if (k >= 0 && clg > 0) {
        const sG = this.ecStateG[k]!, eG = sG >= 0 ? y[sG]! : 1;
        gut = this.mfFrac[m]! * (ka[p]! * y[p * STRIDE + GUT]! * gs[p]!) * (1 - fg[p]!) * (this.ecClintG[k]! * eG * this.invG[this.ecEnz[k]!]! / clg);
      }
      d[p * STRIDE + ELIM] = d[p * STRIDE + ELIM]! - hep - gut; // the metabolite's liver receives it via jIn
    }
    this.enzymeRhs(y, d);
  };

  /** Bring analytic depots from the reference time to `tH` and make `tH` the new reference. */
  advanceDepots(y: Float64Array, tH: number): void {
    if (!this.analyticDepots) return;
    const dt = tH - this.depotRefH;
    if (dt !== 0)
      for (let i = 0; i < this.nDrugs; i++) {
        const o = i * STRIDE;
        if (y[o + GUT]! !== 0) y[o + GUT] = y[o + GUT]! * Math.exp(-this.ka[i]! * dt);
        if (y[o + FAST]! !== 0) y[o + FAST] = y[o + FAST]! * Math.exp(-this.kaFast[i]! * dt);
      }
    this.depotRefH = tH;
  }

  /** Depot amounts of a state taken at time tH (analytic depots), written into `out` (a copy of y). */
  depotsAt(y: Float64Array, tH: number, out: Float64Array): void {
    if (out !== y) out.set(y);
    if (!this.analyticDepots) return;
    const dt = tH - this.depotRefH;
    for (let i = 0; i < this.nDrugs; i++) {
      const o = i * STRIDE;
      out[o + GUT] = y[o + GUT]! * Math.exp(-this.ka[i]! * dt);
      out[o + FAST] = y[o + FAST]! * Math.exp(-this.kaFast[i]! * dt);
    }
  }

  /** Enzyme turnover with inactivation and induction (MODEL.md §2.1). */
  private enzymeRhs(y: Float64Array, d: Float64Array): void {
    const base = this.nDrugs * STRIDE, ns = this.enzymeStates.length;
    const { esOrgan, ig, chu, indState, indDrug, indEmax, indEc50, esKdeg, tdiState, tdiDrug, tdiSlope, tdiCap, tdiKinact, tdiKI } = this;
    for (let s = 0; s < ns; s++) d[base + s] = 1; // synthesis stimulus S(t), filled below
    for (let q = 0; q < indState.length; q++) {
      const s = indState[q]!, j = indDrug[q]!;
      const I = esOrgan[s] ? ig[j]! : chu[j]!;
      d[base + s] = d[base + s]! + (indEmax[q]! * I) / (indEc50[q]! + I);
    }
    for (let s = 0; s < ns; s++) d[base + s] = esKdeg[s]! * (d[base + s]! - y[base + s]!);
    for (let q = 0; q < tdiState.length; q++) {
      const s = tdiState[q]!, j = tdiDrug[q]!;
      const I = esOrgan[s] ? ig[j]! : chu[j]!;
      const slope = tdiSlope[q]!;
      const kobs = slope > 0 ? Math.min(slope * I, tdiCap[q]!) : (tdiKinact[q]! * I) / (tdiKI[q]! + I);
      d[base + s] = d[base + s]! - kobs * y[base + s]!;
    }
  }
}
