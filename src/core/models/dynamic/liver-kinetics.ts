/**
 * The liver and gut kinetics of the interaction model (MODEL.md §2.1): enterocyte and liver concentrations,
 * reversible inhibition, time-varying CLint,h, CLint,g and Fg, metabolite formation, and the algebraic
 * (quasi-steady-state) liver:
 *
 *   CLint,h,i(t) = Σ_e CLint,h,i,e · E_h,e(t) / (1 + Σ_j Ch,u,j/Ki,u,j,e) + CLint,h,i,other
 *   Fg,i(t)      = Qent / (Qent + CLint,g,i(t)),  Ig,j = ka_j · Xgut_j / Qent
 *
 * With `liverQSS` the liver amount is algebraic: Qh·(Cb − Chv) + Jabs + Jform − fu,b·CLint,h·Chv = 0,
 * solved by Newton's method (fixed-point passes as the fallback) because CLint,h depends on every drug's
 * Ch,u (mutual inhibition). These loops run inside every right-hand-side call: solver inner loops, kept
 * flat and allocation-free on purpose (scratch arrays below), not split further.
 */
import { luFactor, luSolve } from './dense-lu.js';
import { CEN, GUT, LIV, ModelLayout, STRIDE } from './model-layout.js';

/** Newton iterations on the coupled QSS liver before falling back to fixed-point passes (1–2 suffice when warm). */
const QSS_NEWTON_MAX_ITERATIONS = 30;
/** Fixed-point passes of the fallback (monotone; reached only far from the warm start). */
const QSS_FIXED_POINT_MAX_PASSES = 200;
/** Added to a denominator so that a relative change of 0/0 is 0, not NaN. */
const TINY = 1e-300;

export class LiverKinetics extends ModelLayout {
  /** Depot decay factors at the time of the current right-hand-side call (1 outside it). */
  protected readonly gs = new Float64Array(this.nDrugs).fill(1);
  protected readonly fs = new Float64Array(this.nDrugs).fill(1);
  // scratch (allocated once; the right-hand side allocates nothing)
  protected readonly chu = new Float64Array(this.nDrugs);
  protected readonly ig = new Float64Array(this.nDrugs);
  protected readonly invH = new Float64Array(this.enzymeIds.length);
  protected readonly invG = new Float64Array(this.enzymeIds.length);
  protected readonly clintH = new Float64Array(this.nDrugs);
  protected readonly clintG = new Float64Array(this.nDrugs);
  protected readonly fg = new Float64Array(this.nDrugs);
  protected readonly jIn = new Float64Array(this.nDrugs);
  private readonly jGut = new Float64Array(this.nDrugs);
  private readonly jac = new Float64Array(this.nDrugs * this.nDrugs);
  private readonly piv = new Int32Array(this.nDrugs);
  private readonly rhsLu = new Float64Array(this.nDrugs);
  private readonly gx = new Float64Array(this.nDrugs);
  /** Relative convergence tolerance of the QSS liver iteration (well below any rtol used). */
  qssTol = 1e-12;
  /** Fixed-point iterations used by the QSS liver (diagnostic). */
  qssIterations = 0;
  qssNonConverged = 0;

  /**
   * Algebraic quantities at state y: enterocyte and liver concentrations, inhibition factors,
   * time-varying CLint,h, CLint,g and Fg of every drug. Public so diagnostics use the same code.
   */
  auxiliaries(y: Float64Array): void {
    this.gs.fill(1); this.fs.fill(1);
    this.aux(y);
  }

  /** The algebraic quantities of the right-hand side, with the depot decay factors of the current call. */
  protected aux(y: Float64Array): void {
    const n = this.nDrugs, qent = this.qent;
    const { ig, invG, clintG, fg, ecStart, ecEnz, ecClintG, ecStateG, nInhG, gs, ka, hasGut, inhEnz, inhDrug, inhInvKi, inhGut } = this;
    const ne = invG.length;
    for (let i = 0; i < n; i++) ig[i] = (ka[i]! * y[i * STRIDE + GUT]! * gs[i]!) / qent;
    for (let e = 0; e < ne; e++) invG[e] = 1;
    if (nInhG > 0) {
      for (let q = 0; q < inhEnz.length; q++) if (inhGut[q] !== 0) { const e = inhEnz[q]!; invG[e] = invG[e]! + ig[inhDrug[q]!]! * inhInvKi[q]!; }
      for (let e = 0; e < ne; e++) invG[e] = 1 / invG[e]!;
    }
    for (let i = 0; i < n; i++) {
      let cg = 0;
      if (hasGut[i] !== 0) {
        const kEnd = ecStart[i + 1]!;
        for (let k = ecStart[i]!; k < kEnd; k++) {
          const cgk = ecClintG[k]!, sG = ecStateG[k]!;
          if (cgk > 0) cg += cgk * (sG >= 0 ? y[sG]! : 1) * invG[ecEnz[k]!]!;
        }
      }
      clintG[i] = cg;
      fg[i] = qent / (qent + cg);
    }
    this.gutFormation(y);
    if (!this.liverQSS) {
      for (let i = 0; i < n; i++) { this.chv[i] = y[i * STRIDE + LIV]! / this.vhKp[i]!; this.chu[i] = this.fub[i]! * this.chv[i]!; }
      this.liverClearances(y);
      this.hepaticFormation(y);
      return;
    }
    this.solveQssLiver(y);
  }

  /** CLint,h of every drug at the current liver concentrations: Σ enzyme pathways × state × inhibition + other. */
  private liverClearances(y: Float64Array): void {
    const n = this.nDrugs, { invH, clintH, ecStart, ecEnz, ecClintL, ecStateL, chu, inhEnz, inhDrug, inhInvKi, inhLiver, clintOther } = this;
    const ne = invH.length;
    for (let e = 0; e < ne; e++) invH[e] = 1;
    if (this.nInhL > 0) {
      for (let q = 0; q < inhEnz.length; q++) if (inhLiver[q] !== 0) { const e = inhEnz[q]!; invH[e] = invH[e]! + chu[inhDrug[q]!]! * inhInvKi[q]!; }
      for (let e = 0; e < ne; e++) invH[e] = 1 / invH[e]!;
    }
    for (let i = 0; i < n; i++) {
      let c = clintOther[i]!;
      const kEnd = ecStart[i + 1]!;
      for (let k = ecStart[i]!; k < kEnd; k++) { const s = ecStateL[k]!; c += ecClintL[k]! * (s >= 0 ? y[s]! : 1) * invH[ecEnz[k]!]!; }
      clintH[i] = c;
    }
  }

  /** Gut-formed metabolites: the enzyme's share of the gut extraction (1 − Fg)·ka·Xgut (µmol/h). */
  private gutFormation(y: Float64Array): void {
    const jg = this.jGut;
    for (let i = 0; i < this.nDrugs; i++) jg[i] = 0;
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, clg = this.clintG[p]!;
      if (k < 0 || !(clg > 0) || !(this.ecClintG[k]! > 0)) continue; // 'other' clearance has no gut part
      const e = this.ecEnz[k]!, sG = this.ecStateG[k]!;
      jg[this.mfTo[m]!] = jg[this.mfTo[m]!]! + this.mfFrac[m]! * this.ka[p]! * y[p * STRIDE + GUT]! * this.gs[p]! * (1 - this.fg[p]!) *
        ((this.ecClintG[k]! * (sG >= 0 ? y[sG]! : 1) * this.invG[e]!) / clg);
    }
  }

  /** Hepatic formation of metabolites plus gut formation: total input into each metabolite's liver (µmol/h). */
  private hepaticFormation(y: Float64Array): void {
    const jIn = this.jIn, jg = this.jGut;
    for (let i = 0; i < this.nDrugs; i++) jIn[i] = jg[i]!;
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!;
      jIn[this.mfTo[m]!] = jIn[this.mfTo[m]!]! + this.mfFrac[m]! * this.fub[p]! * this.pathwayClint(y, p, k) * this.chv[p]!;
    }
  }

  /** Current unbound hepatic CLint of one formation pathway: enzyme entry k (state × inhibition), or 'other' (k < 0). */
  protected pathwayClint(y: Float64Array, p: number, k: number): number {
    if (k < 0) return this.clintOther[p]!;
    const sL = this.ecStateL[k]!;
    return this.ecClintL[k]! * (sL >= 0 ? y[sL]! : 1) * this.invH[this.ecEnz[k]!]!;
  }

  /** One Gauss–Seidel pass of the QSS liver balance (parents first); returns the largest relative change. */
  private qssPass(y: Float64Array): number {
    const n = this.nDrugs, qh = this.qh, { chv, chu, fub, clintH, order, fg, ka, rb, vc, jIn } = this;
    this.liverClearances(y);
    this.hepaticFormation(y);
    let change = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r]!, o = i * STRIDE;
      const c = (qh * ((rb[i]! * y[o + CEN]!) / vc[i]!) + ka[i]! * y[o + GUT]! * this.gs[i]! * fg[i]! + jIn[i]!) / (qh + fub[i]! * clintH[i]!);
      const rel = Math.abs(c - chv[i]!) / (Math.abs(c) + TINY);
      if (rel > change) change = rel;
      chv[i] = c;
      chu[i] = fub[i]! * c;
      if (this.nMf > 0) this.hepaticFormation(y); // a metabolite later in the order sees its parent's new value
    }
    return change;
  }

  /**
   * QSS liver. Without reversible inhibition in the liver the balance is explicit (one pass in
   * topological order). With it, the balances of all drugs are coupled: x = G(x), where G is one
   * Jacobi application of the balance at the current clearances. Solved by Newton's method on
   * x − G(x) with the analytic Jacobian of G, warm-started from the previous evaluation (the last
   * stage, so close in time). Termination is on the residual |G(x) − x|/x, so a warm start that
   * already satisfies the balance costs one evaluation of G; otherwise one or two Newton steps
   * (quadratic convergence) reach the tolerance. The accepted x is the last iterate, whose
   * clearances and formation rates are the ones already computed, so no final re-evaluation.
   */
  private solveQssLiver(y: Float64Array): void {
    if (this.nInhL === 0) { this.qssPass(y); this.qssIterations++; return; }
    const n = this.nDrugs, { chv, chu, fub } = this;
    for (let i = 0; i < n; i++) { if (!(chv[i]! >= 0)) chv[i] = 0; chu[i] = fub[i]! * chv[i]!; }
    for (let it = 0; it < QSS_NEWTON_MAX_ITERATIONS; it++) {
      const res = this.evalG(y);
      this.qssIterations++;
      if (res < this.qssTol) return;
      this.newtonStep(y);
    }
    // strongly coupled and far from the warm start: plain fixed-point passes (monotone, positive)
    for (let k = 0; k < QSS_FIXED_POINT_MAX_PASSES && this.qssPass(y) > this.qssTol; k++) this.qssIterations++;
    this.qssNonConverged++;
  }

  /**
   * gx ← G(chv): clearances and formation at chv, then one Jacobi application of the balance. Returns the
   * residual max |G(x) − x|/|G(x)|.
   */
  private evalG(y: Float64Array): number {
    const n = this.nDrugs, qh = this.qh, { fub, clintH, gx, rb, vc, ka, gs, fg, jIn, chv } = this;
    this.liverClearances(y);
    this.hepaticFormation(y);
    let res = 0;
    for (let i = 0; i < n; i++) {
      const o = i * STRIDE;
      const g = (gx[i] = (qh * ((rb[i]! * y[o + CEN]!) / vc[i]!) + ka[i]! * y[o + GUT]! * gs[i]! * fg[i]! + jIn[i]!) / (qh + fub[i]! * clintH[i]!));
      const r = Math.abs(g - chv[i]!) / (Math.abs(g) + TINY);
      if (r > res) res = r;
    }
    return res;
  }

  /**
   * One Newton step on F(x) = x − G(x) at x = chv (with gx = G(chv) and the clearances at chv):
   * ∂G_i/∂x_j = −G_i·fub_i·∂CLint,h,i/∂x_j / D_i (+ formation terms), a small dense n×n solve.
   */
  private newtonStep(y: Float64Array): void {
    const n = this.nDrugs, qh = this.qh, { chv, chu, fub, clintH, jac, gx, ecStart, ecEnz, ecClintL, ecStateL, invH, sEJ } = this;
    for (let q = 0; q < n * n; q++) jac[q] = 0;
    for (let i = 0; i < n; i++) {
      const dI = qh + fub[i]! * clintH[i]!, gi = gx[i]!, fi = fub[i]!, kEnd = ecStart[i + 1]!;
      for (let k = ecStart[i]!; k < kEnd; k++) {
        const e = ecEnz[k]!, sL = ecStateL[k]!, w = ecClintL[k]! * (sL >= 0 ? y[sL]! : 1) * invH[e]! * invH[e]!;
        if (w === 0) continue;
        for (let j = 0; j < n; j++) {
          const sej = sEJ[e * n + j]!;
          if (sej !== 0) jac[i * n + j] = jac[i * n + j]! + (gi * fi * w * sej * fub[j]!) / dI;
        }
      }
    }
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, to = this.mfTo[m]!;
      const dI = qh + fub[to]! * clintH[to]!;
      jac[to * n + p] = jac[to * n + p]! + (this.mfFrac[m]! * fub[p]! * this.pathwayClint(y, p, k)) / dI;
    }
    // A = I − J, LU in place (n is small; partial pivoting)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) jac[i * n + j] = (i === j ? 1 : 0) - jac[i * n + j]!;
    luFactor(jac, this.piv, n);
    for (let i = 0; i < n; i++) this.rhsLu[i] = gx[i]! - chv[i]!;
    luSolve(jac, this.piv, this.rhsLu, n);
    for (let i = 0; i < n; i++) {
      let c = chv[i]! + this.rhsLu[i]!;
      // a Newton step must not leave the physical domain: fall back to the (positive) fixed-point value
      if (!(c >= 0) || !Number.isFinite(c)) c = gx[i]!;
      chv[i] = c;
      chu[i] = fub[i]! * c;
    }
  }

  /** Read-only views of the algebraic quantities after `auxiliaries(y)`. */
  get current(): { chvUM: Float64Array; chuUM: Float64Array; igUM: Float64Array; clintH: Float64Array; clintG: Float64Array; fg: Float64Array } {
    return { chvUM: this.chv, chuUM: this.chu, igUM: this.ig, clintH: this.clintH, clintG: this.clintG, fg: this.fg };
  }

  /** Liver amount of drug i (µmol), state or algebraic. */
  liverAmount(y: Float64Array, i: number): number {
    return this.liverQSS ? this.chv[i]! * this.vhKp[i]! : y[i * STRIDE + LIV]!;
  }
}
