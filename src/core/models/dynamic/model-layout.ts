/**
 * The compiled layout of the interaction model (MODEL.md §2.1): state indices, and flat typed arrays of
 * every per-drug value and every mechanism entry, so that the right-hand side (model.ts) allocates
 * nothing. `ModelLayout` is built once per set of drugs and mechanisms; `load` writes one individual's
 * numbers into it. The kinetics live in the subclasses (liver-kinetics.ts, model.ts).
 *
 * Per drug (stride 7): gut depot, fast (inhaled/oromucosal) depot, liver, central, peripheral,
 * AUC (µM·h), eliminated amount (mass bookkeeping). Then one state per (organ, enzyme) that some drug
 * inactivates or induces.
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

type Organ = 'liver' | 'gut';
const ORGANS = ['liver', 'gut'] as const;
type StateKey = `${Organ}:${string}`;

/** Formation of a metabolite from an enzyme-clearance entry of its parent (ec −1: its 'other' hepatic clearance). */
interface Formation { ec: number; to: number; frac: number; from: number }

/**
 * Enzyme states for the organs where an inactivator or inducer acts: only for enzymes that clear some drug
 * (inhibiting an enzyme nobody uses changes nothing), and in the gut only where a drug uses the enzyme there
 * and its gut turnover is known.
 */
function enzymeStateLayout(drugs: readonly DrugParams[], phys: Physiology, eIdx: Map<string, number>): { states: EnzymeStateInfo[]; stateOf: Map<string, number> } {
  const n = drugs.length;
  const usesGut = new Set(drugs.flatMap((d) => d.enzymes.filter((e) => e.clintGutLPerH > 0).map((e) => e.enzyme)));
  const states: EnzymeStateInfo[] = [];
  const stateOf = new Map<string, number>();
  const addState = (organ: Organ, e: string): void => {
    const key: StateKey = `${organ}:${e}`;
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
  return { states, stateOf };
}

/** Metabolite formation entries: each enzyme-clearance entry of a parent that forms a simulated metabolite. */
function formationEntries(drugs: readonly DrugParams[], idx: Map<string, number>, ecStart: Int32Array, ecEnz: Int32Array, enz: string[]): Formation[] {
  const mfs: Formation[] = [];
  drugs.forEach((d, i) => {
    for (const m of d.metabolites) {
      const to = idx.get(m.metaboliteId);
      if (to === undefined) continue; // metabolite not simulated
      if (m.enzyme === null) { mfs.push({ ec: -1, to, frac: m.pathwayShare, from: i }); continue; }
      for (let k = ecStart[i]!; k < ecStart[i + 1]!; k++)
        if (enz[ecEnz[k]!] === m.enzyme) mfs.push({ ec: k, to, frac: m.pathwayShare, from: i });
    }
  });
  return mfs;
}

/** (drug, enzyme-state) pairs of a state mechanism (inactivation or induction), one per organ it acts in. */
function stateMechanismEntries(drugs: readonly DrugParams[], kind: 'inactivates' | 'induces', stateOf: Map<string, number>): { state: Int32Array; drug: Int32Array } {
  const n = drugs.length;
  const xs = drugs.flatMap((d, j) => d[kind].flatMap((x) => ORGANS
    .filter((o) => x.site === 'both' || x.site === o)
    .map((o) => ({ j, s: stateOf.get(`${o}:${x.enzyme}`) }))
    .filter((q) => q.s !== undefined)));
  return { state: Int32Array.from(xs.map((q) => q.s! - n * STRIDE)), drug: Int32Array.from(xs.map((q) => q.j)) };
}

/** Parents before metabolites (Kahn's algorithm over formation edges); drugs in a cycle keep their given order. */
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

/** The index tables of a compiled model, read by the right-hand-side generator (rhs-codegen.ts). */
export interface RhsTables {
  nDrugs: number; nEnzymes: number; nStateBase: number;
  ecStart: Int32Array; ecEnz: Int32Array; ecStateL: Int32Array; ecStateG: Int32Array;
  inhEnz: Int32Array; inhDrug: Int32Array; inhLiver: Uint8Array; inhGut: Uint8Array;
  mfEc: Int32Array; mfTo: Int32Array; mfFromDrug: Int32Array; mfFrac: Float64Array;
  tdiState: Int32Array; tdiDrug: Int32Array; indState: Int32Array; indDrug: Int32Array;
  esOrgan: Uint8Array; order: Int32Array; hasGut: Uint8Array; sEJ: Float64Array; chv: Float64Array;
}

/** Structure shared by every individual with the same drugs and mechanisms. */
export class ModelLayout {
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
  /** Drug order with parents before metabolites (for Gauss–Seidel in the QSS liver). */
  readonly order: Int32Array;
  // enzyme-clearance entries, grouped by drug
  protected readonly ecStart: Int32Array; readonly ecEnz: Int32Array;
  readonly ecClintL: Float64Array; readonly ecClintG: Float64Array;
  protected readonly ecStateL: Int32Array; protected readonly ecStateG: Int32Array;
  // metabolite formation entries: from an enzyme-clearance entry to a metabolite drug
  protected readonly mfEc: Int32Array; protected readonly mfTo: Int32Array; protected readonly mfFrac: Float64Array;
  protected readonly mfFromDrug: Int32Array;
  /** For each drug, the index of the drug that forms it (a metabolite's parent), or −1. */
  readonly formedFrom: Int32Array;
  // reversible inhibition entries
  protected readonly inhEnz: Int32Array; protected readonly inhDrug: Int32Array; readonly inhInvKi: Float64Array;
  protected readonly inhLiver: Uint8Array; protected readonly inhGut: Uint8Array;
  // enzyme-state mechanisms
  readonly esKdeg: Float64Array; protected readonly esOrgan: Uint8Array;
  protected readonly tdiState: Int32Array; protected readonly tdiDrug: Int32Array;
  readonly tdiKinact: Float64Array; readonly tdiKI: Float64Array; readonly tdiSlope: Float64Array; readonly tdiCap: Float64Array;
  protected readonly indState: Int32Array; protected readonly indDrug: Int32Array;
  readonly indEmax: Float64Array; readonly indEc50: Float64Array;
  // NaN, not 0, until `load`: V8 stores a field first given a small integer as one, and the first fraction then changes
  // the object layout and discards the optimised code of every function that read it (issue 12 §12: the bench's
  // physiology has whole-number flows, each subject's are scaled).
  qh = NaN; qent = NaN; vLiver = NaN;
  /** Σ 1/Ki,u of drug j on enzyme e in the liver (constant per individual). */
  protected readonly sEJ: Float64Array;
  protected readonly hasGut: Uint8Array;
  protected readonly nInhL: number; protected readonly nInhG: number; protected readonly nMf: number;
  /** Liver concentrations (µM): the state's, or the QSS solution warm-started from the last call. */
  protected readonly chv: Float64Array;

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
    this.clr = F(); this.clintOther = F(); this.kaFast = F(); this.chv = F();

    // enzymes: every enzyme that clears some drug (inhibiting an enzyme nobody uses changes nothing)
    const enz = [...new Set(drugs.flatMap((d) => d.enzymes.map((e) => e.enzyme)))].sort();
    this.enzymeIds = enz;
    const eIdx = new Map(enz.map((e, i) => [e, i]));
    const { states, stateOf } = enzymeStateLayout(drugs, phys, eIdx);
    this.enzymeStates = states;
    this.nStates = n * STRIDE + states.length;
    this.esKdeg = new Float64Array(states.length);
    this.esOrgan = Uint8Array.from(states.map((s) => (s.organ === 'gut' ? 1 : 0)));

    const ecs = drugs.flatMap((d) => d.enzymes);
    this.ecStart = new Int32Array(n + 1);
    let acc = 0;
    drugs.forEach((d, i) => { this.ecStart[i] = acc; acc += d.enzymes.length; });
    this.ecStart[n] = acc;
    this.ecEnz = Int32Array.from(ecs.map((e) => eIdx.get(e.enzyme)!));
    this.ecClintL = new Float64Array(ecs.length); this.ecClintG = new Float64Array(ecs.length);
    this.ecStateL = Int32Array.from(ecs.map((e) => stateOf.get(`liver:${e.enzyme}`) ?? -1));
    this.ecStateG = Int32Array.from(ecs.map((e) => stateOf.get(`gut:${e.enzyme}`) ?? -1));

    const mfs = formationEntries(drugs, idx, this.ecStart, this.ecEnz, enz);
    this.mfEc = Int32Array.from(mfs.map((m) => m.ec)); this.mfTo = Int32Array.from(mfs.map((m) => m.to));
    this.mfFrac = Float64Array.from(mfs.map((m) => m.frac)); this.mfFromDrug = Int32Array.from(mfs.map((m) => m.from));
    this.nMf = mfs.length;
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
    this.sEJ = new Float64Array(enz.length * n);
    this.hasGut = Uint8Array.from(drugs.map((d) => (d.enzymes.some((e) => e.clintGutLPerH > 0) ? 1 : 0)));

    ({ state: this.tdiState, drug: this.tdiDrug } = stateMechanismEntries(drugs, 'inactivates', stateOf));
    const nTdi = this.tdiState.length;
    this.tdiKinact = new Float64Array(nTdi); this.tdiKI = new Float64Array(nTdi); this.tdiSlope = new Float64Array(nTdi); this.tdiCap = new Float64Array(nTdi);
    ({ state: this.indState, drug: this.indDrug } = stateMechanismEntries(drugs, 'induces', stateOf));
    this.indEmax = new Float64Array(this.indState.length); this.indEc50 = new Float64Array(this.indState.length);
    this.load(drugs, phys);
  }

  /** The index tables (and the arrays the generated right-hand side reads by reference), for rhs-codegen.ts. */
  rhsTables(): RhsTables {
    return {
      nDrugs: this.nDrugs, nEnzymes: this.enzymeIds.length, nStateBase: this.nDrugs * STRIDE,
      ecStart: this.ecStart, ecEnz: this.ecEnz, ecStateL: this.ecStateL, ecStateG: this.ecStateG,
      inhEnz: this.inhEnz, inhDrug: this.inhDrug, inhLiver: this.inhLiver, inhGut: this.inhGut,
      mfEc: this.mfEc, mfTo: this.mfTo, mfFromDrug: this.mfFromDrug, mfFrac: this.mfFrac,
      tdiState: this.tdiState, tdiDrug: this.tdiDrug, indState: this.indState, indDrug: this.indDrug,
      esOrgan: this.esOrgan, order: this.order, hasGut: this.hasGut, sEJ: this.sEJ, chv: this.chv,
    };
  }

  /**
   * Write one individual's numbers into the compiled arrays. The drugs must have the structure the
   * model was built with (same ids, enzymes and mechanisms in the same order); only values change.
   */
  load(drugs: readonly DrugParams[], phys: Physiology): void {
    this.qh = phys.qhLPerH; this.qent = phys.qentLPerH; this.vLiver = phys.vLiverL;
    drugs.forEach((d, i) => this.loadDrug(d, i, phys));
    this.loadInhibition(drugs);
    this.loadStateMechanisms(drugs);
    this.enzymeStates.forEach((s, k) => {
      const t = phys.enzymes[s.enzyme];
      const kd = s.organ === 'liver' ? t?.kdegLiverPerH : t?.kdegGutPerH;
      if (kd === undefined || !(kd > 0))
        fail('SIM_MISSING_PARAMETER', { field: `physiology.enzymes.${s.enzyme}.kdeg${s.organ === 'liver' ? 'Liver' : 'Gut'}PerH`, parameter: `${s.organ} turnover (kdeg)`, substance: s.enzyme, why: 'an enzyme state is simulated for it' }, { field: `enzymes.${s.enzyme}` });
      this.esKdeg[k] = kd;
    });
    this.chv.fill(0);
  }

  private loadDrug(d: DrugParams, i: number, phys: Physiology): void {
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
  }

  /** 1/Ki,u of each inhibition entry, and their per-(enzyme, drug) liver sums for the Newton Jacobian. */
  private loadInhibition(drugs: readonly DrugParams[]): void {
    let q = 0;
    for (const d of drugs) for (const x of d.inhibits) if (this.enzymeIds.includes(x.enzyme)) this.inhInvKi[q++] = 1 / x.kiUnboundUM;
    this.sEJ.fill(0);
    for (let k = 0; k < this.inhEnz.length; k++)
      if (this.inhLiver[k]) this.sEJ[this.inhEnz[k]! * this.nDrugs + this.inhDrug[k]!] = this.sEJ[this.inhEnz[k]! * this.nDrugs + this.inhDrug[k]!]! + this.inhInvKi[k]!;
  }

  /** Inactivation (saturable: kinact, KI; linear: slope with a kobs cap) and induction constants, per entry. */
  private loadStateMechanisms(drugs: readonly DrugParams[]): void {
    const simulated = (o: Organ, enzyme: string): boolean => this.enzymeStates.some((s) => s.organ === o && s.enzyme === enzyme);
    let q = 0;
    for (const d of drugs)
      for (const x of d.inactivates)
        for (const o of ORGANS) {
          if (!(x.site === 'both' || x.site === o) || !simulated(o, x.enzyme)) continue;
          if (x.kind === 'saturable') { this.tdiKinact[q] = x.kinactPerH; this.tdiKI[q] = x.kIUnboundUM; this.tdiSlope[q] = 0; this.tdiCap[q] = Infinity; }
          else { this.tdiKinact[q] = 0; this.tdiKI[q] = 0; this.tdiSlope[q] = x.kinactOverKIPerHPerUM; this.tdiCap[q] = x.kobsCapPerH; }
          q++;
        }
    q = 0;
    for (const d of drugs)
      for (const x of d.induces)
        for (const o of ORGANS) {
          if (!(x.site === 'both' || x.site === o) || !simulated(o, x.enzyme)) continue;
          this.indEmax[q] = x.emaxFold - 1; this.indEc50[q] = x.ec50UnboundUM; q++;
        }
  }
}
