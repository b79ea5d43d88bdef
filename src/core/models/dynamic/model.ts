/**
 * The semi-physiological multi-drug interaction model of MODEL.md §2.1, compiled into flat typed
 * arrays so that the right-hand side allocates nothing.
 *
 * Per drug (stride 7): gut depot, fast (inhaled/oromucosal) depot, liver, central, peripheral,
 * AUC (µM·h), eliminated amount (mass bookkeeping). Then one state per (organ, enzyme) that some drug
 * inactivates or induces. Every drug is victim and perpetrator at once; inhibition by all drugs
 * (including the drug itself) acts on every enzyme pathway simultaneously:
 *
 *   CLint,h,i(t) = Σ_e CLint,h,i,e · E_h,e(t) / (1 + Σ_j Ch,u,j/Ki,u,j,e) + CLint,h,i,other
 *   Fg,i(t)      = Qent / (Qent + CLint,g,i(t)),  Ig,j = ka_j · Xgut_j / Qent
 *   dE/dt        = kdeg·(1 + Σ Emax·I/(EC50 + I)) − kdeg·E − E·Σ kobs(I)
 *
 * With `liverQSS` the liver amount is algebraic: Qh·(Cb − Chv) + Jabs + Jform − fu,b·CLint,h·Chv = 0,
 * solved by fixed-point iteration because CLint,h depends on every drug's Ch,u (mutual inhibition).
 * The QSS liver holds no mass: it differs from the full model by the liver's share of the body
 * amount (Vh·Kp·Chv), which is negligible for drugs with large volumes (measured in bench/sim.ts).
 */
import { fail } from '../../errors.js';
import type { DrugParams, Physiology } from './types.js';

export const STRIDE = 7;
export const GUT = 0, FAST = 1, LIV = 2, CEN = 3, PER = 4, AUC = 5, ELIM = 6;

/** One enzyme state: an (organ, enzyme) pair that some drug inactivates or induces. */
export interface EnzymeStateInfo {
  organ: 'liver' | 'gut';
  enzyme: string;
  index: number;
}

/** Structure shared by every individual with the same drugs and mechanisms. */
export class InteractionModel {
  readonly drugIds: string[];
  readonly nDrugs: number;
  readonly enzymeIds: string[];
  readonly enzymeStates: EnzymeStateInfo[];
  readonly nStates: number;
  readonly liverQSS: boolean;
  // per drug
  readonly mw: Float64Array; readonly ka: Float64Array; readonly fa: Float64Array; readonly tlag: Float64Array;
  readonly kaInh: Float64Array; readonly fInh: Float64Array; readonly kaOro: Float64Array; readonly fOro: Float64Array;
  readonly vc: Float64Array; readonly k12: Float64Array; readonly k21: Float64Array;
  readonly fuP: Float64Array; readonly rb: Float64Array; readonly fub: Float64Array; readonly vhKp: Float64Array;
  readonly clr: Float64Array; readonly clintOther: Float64Array;
  /** Absorption rate of the fast depot for the route used in the current run (set by the runner). */
  readonly kaFast: Float64Array;
  /**
   * Analytic depots: when true, the GUT and FAST slots of the state hold the depot amounts at time
   * `depotRefH` and the right-hand side decays them in closed form (X(t) = X(tref)·e^(−ka·(t − tref)),
   * exact because absorption is first order). The depots then impose neither accuracy nor stability
   * limits on the step size (a depot with ka = 30 h⁻¹ would otherwise cap DOPRI5 at h ≈ 0.1 h). The
   * runner moves the reference to each dose time with `advanceDepots` (set by the runner).
   */
  analyticDepots = false;
  depotRefH = 0;
  /** Depot decay factors at the time of the current right-hand-side call (1 outside it). */
  private readonly gs: Float64Array; private readonly fs: Float64Array;
  private depotScaled = false;
  /** Drug order with parents before metabolites (for Gauss–Seidel in the QSS liver). */
  readonly order: Int32Array;
  // enzyme-clearance entries, grouped by drug
  private readonly ecStart: Int32Array; readonly ecEnz: Int32Array;
  readonly ecClintL: Float64Array; readonly ecClintG: Float64Array;
  private readonly ecStateL: Int32Array; private readonly ecStateG: Int32Array;
  // metabolite formation entries: from an enzyme-clearance entry to a metabolite drug
  private readonly mfEc: Int32Array; private readonly mfTo: Int32Array; private readonly mfFrac: Float64Array;
  private readonly mfFromDrug: Int32Array;
  /** For each drug, the index of the drug that forms it (a metabolite's parent), or −1. */
  readonly formedFrom: Int32Array;
  // reversible inhibition entries
  private readonly inhEnz: Int32Array; private readonly inhDrug: Int32Array; readonly inhInvKi: Float64Array;
  private readonly inhLiver: Uint8Array; private readonly inhGut: Uint8Array;
  // enzyme-state mechanisms
  readonly esKdeg: Float64Array; private readonly esOrgan: Uint8Array;
  private readonly tdiState: Int32Array; private readonly tdiDrug: Int32Array;
  readonly tdiKinact: Float64Array; readonly tdiKI: Float64Array; readonly tdiSlope: Float64Array; readonly tdiCap: Float64Array;
  private readonly indState: Int32Array; private readonly indDrug: Int32Array;
  readonly indEmax: Float64Array; readonly indEc50: Float64Array;
  qh = 0; qent = 0; vLiver = 0;
  // scratch
  private readonly chv: Float64Array; private readonly chu: Float64Array; private readonly ig: Float64Array;
  private readonly invH: Float64Array; private readonly invG: Float64Array;
  private readonly clintH: Float64Array; private readonly clintG: Float64Array; private readonly fg: Float64Array;
  private readonly jIn: Float64Array; private readonly jGut: Float64Array;
  private readonly jac: Float64Array; private readonly piv: Int32Array; private readonly rhsLu: Float64Array;
  private readonly gx: Float64Array;
  /** Σ 1/Ki,u of drug j on enzyme e in the liver (constant per individual). */
  private readonly sEJ: Float64Array;
  private readonly hasGut: Uint8Array;
  private readonly nInhL: number; private readonly nInhG: number; private readonly nMf: number;
  /** Relative convergence tolerance of the QSS liver iteration (well below any rtol used). */
  qssTol = 1e-12;
  /** Fixed-point iterations used by the QSS liver (diagnostic). */
  qssIterations = 0;
  qssNonConverged = 0;

  constructor(drugs: readonly DrugParams[], phys: Physiology, liverQSS: boolean) {
    const n = drugs.length;
    if (n === 0) fail('INPUT_REQUIRED', { field: 'sim.drugs', how: 'at least one drug is needed' }, { field: 'drugs' });
    this.liverQSS = liverQSS;
    this.drugIds = drugs.map((d) => d.id);
    this.nDrugs = n;
    const idx = new Map(this.drugIds.map((id, i) => [id, i]));
    if (idx.size !== n) fail('INPUT_INVALID', { field: 'sim.drugs', problem: 'duplicate drug id' }, { field: 'drugs' });
    const F = (): Float64Array => new Float64Array(n);
    this.mw = F(); this.ka = F(); this.fa = F(); this.tlag = F(); this.kaInh = F(); this.fInh = F(); this.kaOro = F(); this.fOro = F();
    this.vc = F(); this.k12 = F(); this.k21 = F(); this.fuP = F(); this.rb = F(); this.fub = F(); this.vhKp = F();
    this.clr = F(); this.clintOther = F(); this.kaFast = F(); this.gs = F().fill(1); this.fs = F().fill(1);
    this.chv = F(); this.chu = F(); this.ig = F(); this.clintH = F(); this.clintG = F(); this.fg = F(); this.jIn = F(); this.jGut = F();
    this.jac = new Float64Array(n * n); this.piv = new Int32Array(n); this.rhsLu = F(); this.gx = F();

    // enzymes: every enzyme that clears some drug (inhibiting an enzyme nobody uses changes nothing)
    const enz = [...new Set(drugs.flatMap((d) => d.enzymes.map((e) => e.enzyme)))].sort();
    this.enzymeIds = enz;
    const eIdx = new Map(enz.map((e, i) => [e, i]));
    this.invH = new Float64Array(enz.length); this.invG = new Float64Array(enz.length);
    const usesGut = new Set(drugs.flatMap((d) => d.enzymes.filter((e) => e.clintGutLPerH > 0).map((e) => e.enzyme)));

    // enzyme states for organs where an inactivator or inducer acts
    const states: EnzymeStateInfo[] = [];
    const stateOf = new Map<string, number>();
    const addState = (organ: 'liver' | 'gut', e: string): void => {
      const key = `${organ}:${e}`;
      if (stateOf.has(key) || !eIdx.has(e)) return;
      if (organ === 'gut' && (!usesGut.has(e) || phys.enzymes[e]?.kdegGutPerH === undefined)) return;
      const index = n * STRIDE + states.length;
      stateOf.set(key, index);
      states.push({ organ, enzyme: e, index });
    };
    for (const d of drugs)
      for (const m of [...d.inactivates, ...d.induces]) {
        if (m.site !== 'gut') addState('liver', m.enzyme);
        if (m.site !== 'liver') addState('gut', m.enzyme);
      }
    this.enzymeStates = states;
    this.nStates = n * STRIDE + states.length;
    this.esKdeg = new Float64Array(states.length);
    this.esOrgan = Uint8Array.from(states.map((s) => (s.organ === 'gut' ? 1 : 0)));

    const ecs = drugs.flatMap((d, i) => d.enzymes.map((e) => ({ i, e })));
    this.ecStart = new Int32Array(n + 1);
    let acc = 0;
    drugs.forEach((d, i) => { this.ecStart[i] = acc; acc += d.enzymes.length; });
    this.ecStart[n] = acc;
    this.ecEnz = Int32Array.from(ecs.map((x) => eIdx.get(x.e.enzyme)!));
    this.ecClintL = new Float64Array(ecs.length); this.ecClintG = new Float64Array(ecs.length);
    this.ecStateL = Int32Array.from(ecs.map((x) => stateOf.get(`liver:${x.e.enzyme}`) ?? -1));
    this.ecStateG = Int32Array.from(ecs.map((x) => stateOf.get(`gut:${x.e.enzyme}`) ?? -1));

    const mfs: { ec: number; to: number; frac: number; from: number }[] = [];
    drugs.forEach((d, i) => {
      for (const m of d.metabolites) {
        const to = idx.get(m.metaboliteId);
        if (to === undefined) continue; // metabolite not simulated
        for (let k = this.ecStart[i]!; k < this.ecStart[i + 1]!; k++)
          if (enz[this.ecEnz[k]!] === m.enzyme) mfs.push({ ec: k, to, frac: m.fraction, from: i });
      }
    });
    this.mfEc = Int32Array.from(mfs.map((m) => m.ec)); this.mfTo = Int32Array.from(mfs.map((m) => m.to));
    this.mfFrac = Float64Array.from(mfs.map((m) => m.frac)); this.mfFromDrug = Int32Array.from(mfs.map((m) => m.from));
    this.order = topoOrder(n, mfs);
    this.formedFrom = new Int32Array(n).fill(-1);
    for (const f of mfs) if (this.formedFrom[f.to]! < 0) this.formedFrom[f.to] = f.from;

    const inh = drugs.flatMap((d, j) => d.inhibits.filter((x) => eIdx.has(x.enzyme)).map((x) => ({ j, x })));
    this.inhEnz = Int32Array.from(inh.map((q) => eIdx.get(q.x.enzyme)!));
    this.inhDrug = Int32Array.from(inh.map((q) => q.j));
    this.inhInvKi = new Float64Array(inh.length);
    this.inhLiver = Uint8Array.from(inh.map((q) => (q.x.site !== 'gut' ? 1 : 0)));
    this.inhGut = Uint8Array.from(inh.map((q) => (q.x.site !== 'liver' ? 1 : 0)));
    this.nInhL = inh.filter((q) => q.x.site !== 'gut').length;
    this.nInhG = inh.filter((q) => q.x.site !== 'liver').length;
    this.nMf = mfs.length;
    this.sEJ = new Float64Array(enz.length * n);
    this.hasGut = Uint8Array.from(drugs.map((d) => (d.enzymes.some((e) => e.clintGutLPerH > 0) ? 1 : 0)));

    const tdi = drugs.flatMap((d, j) => d.inactivates.flatMap((x) => (['liver', 'gut'] as const)
      .filter((o) => x.site === 'both' || x.site === o)
      .map((o) => ({ j, x, s: stateOf.get(`${o}:${x.enzyme}`) }))
      .filter((q) => q.s !== undefined)));
    this.tdiState = Int32Array.from(tdi.map((q) => q.s! - n * STRIDE));
    this.tdiDrug = Int32Array.from(tdi.map((q) => q.j));
    this.tdiKinact = new Float64Array(tdi.length); this.tdiKI = new Float64Array(tdi.length);
    this.tdiSlope = new Float64Array(tdi.length); this.tdiCap = new Float64Array(tdi.length);
    const ind = drugs.flatMap((d, j) => d.induces.flatMap((x) => (['liver', 'gut'] as const)
      .filter((o) => x.site === 'both' || x.site === o)
      .map((o) => ({ j, x, s: stateOf.get(`${o}:${x.enzyme}`) }))
      .filter((q) => q.s !== undefined)));
    this.indState = Int32Array.from(ind.map((q) => q.s! - n * STRIDE));
    this.indDrug = Int32Array.from(ind.map((q) => q.j));
    this.indEmax = new Float64Array(ind.length); this.indEc50 = new Float64Array(ind.length);
    this.load(drugs, phys);
  }

  /**
   * Write one individual's numbers into the compiled arrays. The drugs must have the structure the
   * model was built with (same ids, enzymes and mechanisms in the same order); only values change.
   */
  load(drugs: readonly DrugParams[], phys: Physiology): void {
    this.qh = phys.qhLPerH; this.qent = phys.qentLPerH; this.vLiver = phys.vLiverL;
    drugs.forEach((d, i) => {
      this.mw[i] = d.mwGPerMol; this.ka[i] = d.kaPerH; this.fa[i] = d.fa; this.tlag[i] = d.tlagH;
      this.kaInh[i] = d.fast.inhaled?.kaPerH ?? 0; this.fInh[i] = d.fast.inhaled?.bioavailability ?? 0;
      this.kaOro[i] = d.fast.oromucosal?.kaPerH ?? 0; this.fOro[i] = d.fast.oromucosal?.bioavailability ?? 0;
      this.vc[i] = d.vcL; this.k12[i] = d.k12PerH; this.k21[i] = d.k21PerH;
      this.fuP[i] = d.fuP; this.rb[i] = d.rb; this.fub[i] = d.fuP / d.rb; this.vhKp[i] = phys.vLiverL * d.kpLiver;
      this.clr[i] = d.clRenalLPerH; this.clintOther[i] = d.clintOtherLPerH;
      d.enzymes.forEach((e, k) => {
        this.ecClintL[this.ecStart[i]! + k] = e.clintLiverLPerH;
        this.ecClintG[this.ecStart[i]! + k] = e.clintGutLPerH;
      });
    });
    let q = 0;
    for (const d of drugs) for (const x of d.inhibits) if (this.enzymeIds.includes(x.enzyme)) this.inhInvKi[q++] = 1 / x.kiUnboundUM;
    this.sEJ.fill(0);
    for (let k = 0; k < this.inhEnz.length; k++)
      if (this.inhLiver[k]) this.sEJ[this.inhEnz[k]! * this.nDrugs + this.inhDrug[k]!] = this.sEJ[this.inhEnz[k]! * this.nDrugs + this.inhDrug[k]!]! + this.inhInvKi[k]!;
    q = 0;
    for (const d of drugs)
      for (const x of d.inactivates)
        for (const o of ['liver', 'gut'] as const) {
          if (!(x.site === 'both' || x.site === o)) continue;
          if (!this.enzymeStates.some((s) => s.organ === o && s.enzyme === x.enzyme)) continue;
          if (x.kind === 'saturable') { this.tdiKinact[q] = x.kinactPerH; this.tdiKI[q] = x.kIUnboundUM; this.tdiSlope[q] = 0; this.tdiCap[q] = Infinity; }
          else { this.tdiKinact[q] = 0; this.tdiKI[q] = 0; this.tdiSlope[q] = x.kinactOverKIPerHPerUM; this.tdiCap[q] = x.kobsCapPerH; }
          q++;
        }
    q = 0;
    for (const d of drugs)
      for (const x of d.induces)
        for (const o of ['liver', 'gut'] as const) {
          if (!(x.site === 'both' || x.site === o)) continue;
          if (!this.enzymeStates.some((s) => s.organ === o && s.enzyme === x.enzyme)) continue;
          this.indEmax[q] = x.emaxFold - 1; this.indEc50[q] = x.ec50UnboundUM; q++;
        }
    this.enzymeStates.forEach((s, k) => {
      const t = phys.enzymes[s.enzyme];
      const kd = s.organ === 'liver' ? t?.kdegLiverPerH : t?.kdegGutPerH;
      if (kd === undefined || !(kd > 0))
        fail('SIM_MISSING_PARAMETER', { field: `physiology.enzymes.${s.enzyme}.kdeg${s.organ === 'liver' ? 'Liver' : 'Gut'}PerH`, parameter: `${s.organ} turnover (kdeg)`, substance: s.enzyme, why: 'an enzyme state is simulated for it' }, { field: `enzymes.${s.enzyme}` });
      this.esKdeg[k] = kd;
    });
    this.chv.fill(0);
  }

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
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, e = this.ecEnz[k]!;
      const sL = this.ecStateL[k]!, sG = this.ecStateG[k]!;
      const eL = sL >= 0 ? y[sL]! : 1, eG = sG >= 0 ? y[sG]! : 1;
      const hep = this.mfFrac[m]! * fub[p]! * this.ecClintL[k]! * eL * this.invH[e]! * chv[p]!;
      const clg = this.clintG[p]!;
      const gut = clg > 0 ? this.mfFrac[m]! * (ka[p]! * y[p * STRIDE + GUT]! * gs[p]!) * (1 - fg[p]!) * (this.ecClintG[k]! * eG * this.invG[e]! / clg) : 0;
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
    for (let s = 0; s < ns; s++) d[base + s] = 1; // synthesis stimulus S(t), filled below
    for (let q = 0; q < this.indState.length; q++) {
      const s = this.indState[q]!, j = this.indDrug[q]!;
      const I = this.esOrgan[s] ? this.ig[j]! : this.chu[j]!;
      d[base + s] = d[base + s]! + (this.indEmax[q]! * I) / (this.indEc50[q]! + I);
    }
    for (let s = 0; s < ns; s++) d[base + s] = this.esKdeg[s]! * (d[base + s]! - y[base + s]!);
    for (let q = 0; q < this.tdiState.length; q++) {
      const s = this.tdiState[q]!, j = this.tdiDrug[q]!;
      const I = this.esOrgan[s] ? this.ig[j]! : this.chu[j]!;
      const kobs = this.tdiSlope[q]! > 0 ? Math.min(this.tdiSlope[q]! * I, this.tdiCap[q]!) : (this.tdiKinact[q]! * I) / (this.tdiKI[q]! + I);
      d[base + s] = d[base + s]! - kobs * y[base + s]!;
    }
  }

  /**
   * Algebraic quantities at state y: enterocyte and liver concentrations, inhibition factors,
   * time-varying CLint,h, CLint,g and Fg of every drug. Public so diagnostics use the same code.
   */
  auxiliaries(y: Float64Array): void {
    this.gs.fill(1); this.fs.fill(1);
    this.aux(y);
  }

  private aux(y: Float64Array): void {
    const n = this.nDrugs, qent = this.qent;
    const { ig, invG, clintG, fg, ecStart, ecEnz, ecClintG, ecStateG, nInhG, gs } = this;
    for (let i = 0; i < n; i++) ig[i] = (this.ka[i]! * y[i * STRIDE + GUT]! * gs[i]!) / qent;
    for (let e = 0; e < invG.length; e++) invG[e] = 1;
    if (nInhG > 0) {
      for (let q = 0; q < this.inhEnz.length; q++)
        if (this.inhGut[q]) invG[this.inhEnz[q]!] = invG[this.inhEnz[q]!]! + ig[this.inhDrug[q]!]! * this.inhInvKi[q]!;
      for (let e = 0; e < invG.length; e++) invG[e] = 1 / invG[e]!;
    }
    for (let i = 0; i < n; i++) {
      let cg = 0;
      if (this.hasGut[i]) {
        for (let k = ecStart[i]!; k < ecStart[i + 1]!; k++) {
          const cgk = ecClintG[k]!;
          if (cgk > 0) cg += cgk * (ecStateG[k]! >= 0 ? y[ecStateG[k]!]! : 1) * invG[ecEnz[k]!]!;
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

  private liverClearances(y: Float64Array): void {
    const n = this.nDrugs, { invH, clintH, ecStart, ecEnz, ecClintL, ecStateL, chu } = this;
    for (let e = 0; e < invH.length; e++) invH[e] = 1;
    if (this.nInhL > 0) {
      for (let q = 0; q < this.inhEnz.length; q++)
        if (this.inhLiver[q]) invH[this.inhEnz[q]!] = invH[this.inhEnz[q]!]! + chu[this.inhDrug[q]!]! * this.inhInvKi[q]!;
      for (let e = 0; e < invH.length; e++) invH[e] = 1 / invH[e]!;
    }
    for (let i = 0; i < n; i++) {
      let c = this.clintOther[i]!;
      for (let k = ecStart[i]!; k < ecStart[i + 1]!; k++)
        c += ecClintL[k]! * (ecStateL[k]! >= 0 ? y[ecStateL[k]!]! : 1) * invH[ecEnz[k]!]!;
      clintH[i] = c;
    }
  }

  /** Gut-formed metabolites: the enzyme's share of the gut extraction (1 − Fg)·ka·Xgut (µmol/h). */
  private gutFormation(y: Float64Array): void {
    const jg = this.jGut;
    for (let i = 0; i < this.nDrugs; i++) jg[i] = 0;
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, clg = this.clintG[p]!;
      if (!(clg > 0) || !(this.ecClintG[k]! > 0)) continue;
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
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, sL = this.ecStateL[k]!;
      jIn[this.mfTo[m]!] = jIn[this.mfTo[m]!]! +
        this.mfFrac[m]! * this.fub[p]! * this.ecClintL[k]! * (sL >= 0 ? y[sL]! : 1) * this.invH[this.ecEnz[k]!]! * this.chv[p]!;
    }
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
      const rel = Math.abs(c - chv[i]!) / (Math.abs(c) + 1e-300);
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
    const n = this.nDrugs, { chv, chu, fub, gx } = this;
    for (let i = 0; i < n; i++) { if (!(chv[i]! >= 0)) chv[i] = 0; chu[i] = fub[i]! * chv[i]!; }
    for (let it = 0; it < 30; it++) {
      this.evalG(y);
      this.qssIterations++;
      let res = 0;
      for (let i = 0; i < n; i++) {
        const r = Math.abs(gx[i]! - chv[i]!) / (Math.abs(gx[i]!) + 1e-300);
        if (r > res) res = r;
      }
      if (res < this.qssTol) return;
      this.newtonStep(y);
    }
    // strongly coupled and far from the warm start: plain fixed-point passes (monotone, positive)
    for (let k = 0; k < 200 && this.qssPass(y) > this.qssTol; k++) this.qssIterations++;
    this.qssNonConverged++;
  }

  /** gx ← G(chv): clearances and formation at chv, then one Jacobi application of the balance. */
  private evalG(y: Float64Array): void {
    const n = this.nDrugs, qh = this.qh, { fub, clintH, gx, rb, vc, ka, gs, fg, jIn } = this;
    this.liverClearances(y);
    this.hepaticFormation(y);
    for (let i = 0; i < n; i++) {
      const o = i * STRIDE;
      gx[i] = (qh * ((rb[i]! * y[o + CEN]!) / vc[i]!) + ka[i]! * y[o + GUT]! * gs[i]! * fg[i]! + jIn[i]!) / (qh + fub[i]! * clintH[i]!);
    }
  }

  /**
   * One Newton step on F(x) = x − G(x) at x = chv (with gx = G(chv) and the clearances at chv):
   * ∂G_i/∂x_j = −G_i·fub_i·∂CLint,h,i/∂x_j / D_i (+ formation terms), a small dense n×n solve.
   */
  private newtonStep(y: Float64Array): void {
    const n = this.nDrugs, qh = this.qh, { chv, chu, fub, clintH, jac, gx, ecStart, ecEnz, ecClintL, ecStateL, invH, sEJ } = this;
    for (let q = 0; q < n * n; q++) jac[q] = 0;
    for (let i = 0; i < n; i++) {
      const dI = qh + fub[i]! * clintH[i]!;
      for (let k = ecStart[i]!; k < ecStart[i + 1]!; k++) {
        const e = ecEnz[k]!, w = ecClintL[k]! * (ecStateL[k]! >= 0 ? y[ecStateL[k]!]! : 1) * invH[e]! * invH[e]!;
        if (w === 0) continue;
        for (let j = 0; j < n; j++) {
          const sej = sEJ[e * n + j]!;
          if (sej !== 0) jac[i * n + j] = jac[i * n + j]! + (gx[i]! * fub[i]! * w * sej * fub[j]!) / dI;
        }
      }
    }
    for (let m = 0; m < this.mfEc.length; m++) {
      const k = this.mfEc[m]!, p = this.mfFromDrug[m]!, to = this.mfTo[m]!, sL = this.ecStateL[k]!;
      const dI = qh + fub[to]! * clintH[to]!;
      jac[to * n + p] = jac[to * n + p]! + (this.mfFrac[m]! * fub[p]! * ecClintL[k]! * (sL >= 0 ? y[sL]! : 1) * invH[ecEnz[k]!]!) / dI;
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

function topoOrder(n: number, edges: { from: number; to: number }[]): Int32Array {
  const indeg = new Int32Array(n);
  for (const e of edges) if (e.from !== e.to) indeg[e.to] = indeg[e.to]! + 1;
  const out: number[] = [];
  const queue = [...Array(n).keys()].filter((i) => indeg[i] === 0);
  while (queue.length) {
    const i = queue.shift()!;
    out.push(i);
    for (const e of edges) if (e.from === i && e.to !== i && (indeg[e.to] = indeg[e.to]! - 1) === 0) queue.push(e.to);
  }
  for (let i = 0; i < n; i++) if (!out.includes(i)) out.push(i); // cycles: keep given order
  return Int32Array.from(out);
}

/** In-place LU factorisation with partial pivoting of a row-major n×n matrix. */
function luFactor(a: Float64Array, piv: Int32Array, n: number): void {
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) { const v = Math.abs(a[i * n + k]!); if (v > best) { best = v; p = i; } }
    piv[k] = p;
    if (p !== k) for (let j = 0; j < n; j++) { const t = a[k * n + j]!; a[k * n + j] = a[p * n + j]!; a[p * n + j] = t; }
    const d = a[k * n + k]!;
    if (d === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] = a[i * n + k]! / d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] = a[i * n + j]! - f * a[k * n + j]!;
    }
  }
}

function luSolve(a: Float64Array, piv: Int32Array, b: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) { const p = piv[k]!; if (p !== k) { const t = b[k]!; b[k] = b[p]!; b[p] = t; } }
  for (let i = 1; i < n; i++) { let s = b[i]!; for (let j = 0; j < i; j++) s -= a[i * n + j]! * b[j]!; b[i] = s; }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= a[i * n + j]! * b[j]!;
    const d = a[i * n + i]!;
    b[i] = d === 0 ? 0 : s / d;
  }
}
