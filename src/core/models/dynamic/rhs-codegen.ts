/**
 * The interaction model's right-hand side as straight-line code, generated once per model structure (issue 12 §12).
 * The generic right-hand side (model.ts) walks index tables on every call: which enzymes clear which drug, who
 * inhibits whom, which enzyme states exist. For a given structure those loops are the same on every call, so here
 * they are unrolled into JavaScript source and compiled with `new Function`: every table index becomes a literal,
 * every per-individual number a closure variable set once per run (`load`), the small Newton system of the QSS liver
 * is solved in closed form (n ≤ 3), and no call leaves the function.
 *
 * Same equations and the same algorithm as the generic path (liver-kinetics.ts: Newton on the QSS liver, warm-started
 * from the last call, converged on the residual |G(x) − x|/|G(x)| < qssTol); results differ from it by rounding only
 * (rhs-codegen.test.ts compares both on random states of several structures). Where the fast path does not apply —
 * full liver state, integrated depots, a metabolite cycle, a singular Newton matrix, no convergence in
 * `NEWTON_MAX_ITERATIONS` — it hands the call to the generic right-hand side, which also owns every diagnostic.
 *
 * Pure and deterministic: the source depends only on the structure. Where code generation is not allowed (a
 * browser page whose CSP forbids eval) `compileRhs` returns null and the generic right-hand side is used.
 */
import type { Rhs } from '../../ode/index.js';
import { CEN, ELIM, FAST, GUT, LIV, PER, AUC, STRIDE, type RhsTables } from './model-layout.js';
import type { InteractionModel } from './model.js';

/** Newton iterations in the fast path before the generic solver (with its fixed-point fallback) takes the call. */
const NEWTON_MAX_ITERATIONS = 30;
/** Largest drug count whose Newton system is solved in closed form (Cramer's rule); larger ones use the generic path. */
const MAX_CLOSED_FORM_DRUGS = 3;

/** Structures whose factory is kept (a population builds its arms again for every batch of subjects). */
const MAX_CACHED_STRUCTURES = 64;

type Factory = (m: InteractionModel, generic: Rhs, tables: RhsTables) => CompiledRhs;
/**
 * One factory per structure, so every model of a structure shares one compiled function: V8 then optimises the
 * right-hand side once, not again for each batch of a population (a fresh `new Function` starts in the interpreter,
 * and optimising it costs 10–50 ms of CPU). Deterministic: the cache holds only what the structure determines.
 */
const factories = new Map<string, Factory>();

/**
 * A generated right-hand side, valid while the model's depots are analytic (`analyticDepots`): `load` reads the model's
 * current individual and tolerance (call it after `model.load` and the run's dosing setup, before integrating).
 */
export interface CompiledRhs {
  rhs: Rhs;
  load: () => void;
  /** Evaluations of the QSS liver balance G so far, with liver inhibition (Newton); 0 without it (diagnostic). */
  iterations: () => number;
}

/** Drugs in `order` come before every metabolite they form (no cycle, no self-formation). */
function isTopological(t: RhsTables): boolean {
  const pos = new Int32Array(t.nDrugs);
  t.order.forEach((d, r) => { pos[d] = r; });
  for (let m = 0; m < t.mfTo.length; m++) if (pos[t.mfFromDrug[m]!]! >= pos[t.mfTo[m]!]!) return false;
  return true;
}

/** Index helpers over one structure, shared by the emitters below. */
class Structure {
  readonly n: number; readonly nS: number;
  /** Enzymes inhibited reversibly in the liver and in the gut (only these get a 1/(1 + Σ I/Ki) factor). */
  readonly liverInh: number[]; readonly gutInh: number[];
  readonly consts: string[] = []; readonly load: string[] = []; readonly body: string[] = [];
  /** Gut formation terms into each drug (names of emitted constants). */
  readonly jGut: string[][];

  constructor(readonly t: RhsTables) {
    this.n = t.nDrugs; this.nS = t.esOrgan.length;
    const enzymes = [...Array(t.nEnzymes).keys()];
    this.liverInh = enzymes.filter((e) => this.range(this.n).some((j) => this.inhibitsInLiver(e, j)));
    this.gutInh = enzymes.filter((e) => [...t.inhEnz].some((x, q) => x === e && t.inhGut[q]));
    this.jGut = Array.from({ length: this.n }, () => []);
  }
  range(k: number): number[] { return [...Array(k).keys()]; }
  /** A per-individual constant: a closure variable set by `load`. */
  c(name: string, expr: string): void { this.consts.push(name); this.load.push(`${name} = ${expr};`); }
  L(line: string): void { this.body.push(line); }
  inhibitsInLiver(e: number, j: number): boolean { return [...this.t.inhEnz].some((x, q) => x === e && this.t.inhDrug[q] === j && this.t.inhLiver[q] !== 0); }
  /** Enzyme-clearance entries of drug i. */
  ecs(i: number): number[] { const r: number[] = []; for (let k = this.t.ecStart[i]!; k < this.t.ecStart[i + 1]!; k++) r.push(k); return r; }
  /** Enzyme state factor of entry k (" * y[s]", or nothing at baseline 1), liver and gut. */
  eL(k: number): string { return this.t.ecStateL[k]! >= 0 ? ` * y[${this.t.ecStateL[k]}]` : ''; }
  eG(k: number): string { return this.t.ecStateG[k]! >= 0 ? ` * y[${this.t.ecStateG[k]}]` : ''; }
  ivH(e: number): string { return this.liverInh.includes(e) ? ` * ivH${e}` : ''; }
  ivG(e: number): string { return this.gutInh.includes(e) ? ` * ivG${e}` : ''; }
  /** CLint,h of drug i at the current ivH factors. */
  clint(i: number): string { return [`oth${i}`, ...this.ecs(i).map((k) => `cL${k}${this.eL(k)}${this.ivH(this.t.ecEnz[k]!)}`)].join(' + '); }
  /** Current CLint of formation entry q's pathway (an enzyme entry, or 'other'). */
  pathClint(q: number): string { const k = this.t.mfEc[q]!; return k < 0 ? `oth${this.t.mfFromDrug[q]}` : `cL${k}${this.eL(k)}${this.ivH(this.t.ecEnz[k]!)}`; }
  hepForm(q: number): string { const p = this.t.mfFromDrug[q]; return `mf${q} * fub${p} * ${this.pathClint(q)} * x${p}`; }
  /** Input into drug i's liver from metabolite formation (gut and liver). */
  jIn(i: number): string {
    const terms = [...this.jGut[i]!, ...this.range(this.t.mfTo.length).filter((q) => this.t.mfTo[q] === i).map((q) => this.hepForm(q))];
    return terms.length ? terms.join(' + ') : '0';
  }
}

function emitConstants(g: Structure): void {
  const { t, n } = g;
  g.c('qh', 'm.qh'); g.c('tol', 'm.qssTol'); g.c('qent', 'm.qent'); g.c('iqent', '1 / m.qent');
  for (let i = 0; i < n; i++) {
    g.c(`ka${i}`, `m.ka[${i}]`); g.c(`kaF${i}`, `m.kaFast[${i}]`); g.c(`ivc${i}`, `1 / m.vc[${i}]`); g.c(`rb${i}`, `m.rb[${i}]`);
    g.c(`qrv${i}`, `m.qh * m.rb[${i}] / m.vc[${i}]`); g.c(`fub${i}`, `m.fub[${i}]`); g.c(`clr${i}`, `m.clr[${i}]`);
    g.c(`k12_${i}`, `m.k12[${i}]`); g.c(`k21_${i}`, `m.k21[${i}]`); g.c(`oth${i}`, `m.clintOther[${i}]`);
  }
  for (let k = 0; k < t.ecEnz.length; k++) { g.c(`cL${k}`, `m.ecClintL[${k}]`); g.c(`cG${k}`, `m.ecClintG[${k}]`); }
  for (let q = 0; q < t.inhEnz.length; q++) if (t.inhGut[q]) g.c(`iki${q}`, `m.inhInvKi[${q}]`);
  for (const e of g.liverInh) for (let j = 0; j < n; j++) if (g.inhibitsInLiver(e, j)) g.c(`a${e}_${j}`, `T.sEJ[${e * n + j}] * m.fub[${j}]`);
  for (let q = 0; q < t.mfTo.length; q++) g.c(`mf${q}`, `T.mfFrac[${q}]`);
  for (let q = 0; q < t.tdiState.length; q++) { g.c(`tin${q}`, `m.tdiKinact[${q}]`); g.c(`tki${q}`, `m.tdiKI[${q}]`); g.c(`tsl${q}`, `m.tdiSlope[${q}]`); g.c(`tcap${q}`, `m.tdiCap[${q}]`); }
  for (let q = 0; q < t.indState.length; q++) { g.c(`iem${q}`, `m.indEmax[${q}]`); g.c(`iec${q}`, `m.indEc50[${q}]`); }
  for (let s = 0; s < g.nS; s++) g.c(`kd${s}`, `m.esKdeg[${s}]`);
}

/** Depots in closed form, enterocyte concentrations, gut inhibition, CLint,g and Fg, the liver inflow A, gut formation. */
function emitGut(g: Structure): void {
  const { t, n } = g;
  g.L('const ref = m.depotRefH;');
  for (let i = 0; i < n; i++) {
    const o = i * STRIDE;
    // The decay factor is cached per (time, reference) (stages 6 and 7 of a step share t), in a Float64Array: a mutated
    // closure variable would box a new heap number on every write.
    const [tg, rg, eg, tf, rf, ef] = [0, 1, 2, 3, 4, 5].map((k) => `S[${6 * i + k}]`);
    g.L(`let xg${i} = y[${o + GUT}];`);
    g.L(`if (xg${i} !== 0) { if (t !== ${tg} || ref !== ${rg}) { ${tg} = t; ${rg} = ref; ${eg} = Math.exp(-ka${i} * (t - ref)); } xg${i} *= ${eg}; }`);
    g.L(`let xf${i} = y[${o + FAST}];`);
    g.L(`if (xf${i} !== 0) { if (t !== ${tf} || ref !== ${rf}) { ${tf} = t; ${rf} = ref; ${ef} = Math.exp(-kaF${i} * (t - ref)); } xf${i} *= ${ef}; }`);
    g.L(`const xc${i} = y[${o + CEN}], xp${i} = y[${o + PER}], ab${i} = ka${i} * xg${i}, ig${i} = ab${i} * iqent;`);
  }
  for (const e of g.gutInh) {
    const terms = g.range(t.inhEnz.length).filter((q) => t.inhEnz[q] === e && t.inhGut[q]).map((q) => `ig${t.inhDrug[q]} * iki${q}`);
    g.L(`const ivG${e} = 1 / (1 + ${terms.join(' + ')});`);
  }
  for (let i = 0; i < n; i++) {
    if (t.hasGut[i]) {
      g.L(`const cg${i} = ${g.ecs(i).map((k) => `cG${k}${g.eG(k)}${g.ivG(t.ecEnz[k]!)}`).join(' + ') || '0'};`);
      g.L(`const fg${i} = qent / (qent + cg${i});`);
    } else g.L(`const cg${i} = 0, fg${i} = 1;`);
    g.L(`const A${i} = qrv${i} * xc${i} + ab${i} * fg${i};`);
  }
  for (let q = 0; q < t.mfTo.length; q++) {
    const k = t.mfEc[q]!, p = t.mfFromDrug[q]!;
    if (k < 0 || !t.hasGut[p]) continue; // 'other' clearance has no gut part
    g.L(`const gf${q} = cg${p} > 0 && cG${k} > 0 ? mf${q} * ab${p} * (1 - fg${p}) * (cG${k}${g.eG(k)}${g.ivG(t.ecEnz[k]!)} / cg${p}) : 0;`);
    g.jGut[t.mfTo[q]!]!.push(`gf${q}`);
  }
}

/**
 * The QSS liver: without reversible inhibition in the liver one explicit pass, parents before metabolites; with it,
 * Newton on x − G(x) warm-started from the model's last liver concentrations (liver-kinetics.ts `solveQssLiver`).
 */
function emitLiver(g: Structure): void {
  const { t, n } = g, all = g.range(n);
  for (const i of all) g.L(`let x${i} = T.chv[${i}], cl${i} = 0, g${i} = 0, iD${i} = 0;`);
  if (g.liverInh.length === 0) {
    for (const i of t.order) g.L(`cl${i} = ${g.clint(i)}; x${i} = (A${i} + ${g.jIn(i)}) / (qh + fub${i} * cl${i});`);
    return;
  }
  const toGeneric = `{ ${all.map((i) => `T.chv[${i}] = x${i};`).join(' ')} generic(t, y, d); return; }`;
  for (const i of all) g.L(`if (!(x${i} >= 0)) x${i} = 0;`);
  for (const e of g.liverInh) g.L(`let ivH${e} = 1;`);
  g.L('let it = 0;');
  g.L('for (;; it++) {');
  for (const e of g.liverInh) g.L(`ivH${e} = 1 / (1 + ${all.filter((j) => g.inhibitsInLiver(e, j)).map((j) => `a${e}_${j} * x${j}`).join(' + ')});`);
  for (const i of all) g.L(`cl${i} = ${g.clint(i)}; iD${i} = 1 / (qh + fub${i} * cl${i}); g${i} = (A${i} + ${g.jIn(i)}) * iD${i};`);
  // converged when every |G(x) − x| < tol·|G(x)| (the generic relative residual, without its divisions)
  g.L(`if (${all.map((i) => `Math.abs(g${i} - x${i}) < tol * (Math.abs(g${i}) + 1e-300)`).join(' && ')}) break;`);
  g.L(`if (it >= ${NEWTON_MAX_ITERATIONS - 1}) ${toGeneric}`);
  // Jacobian of G: ∂G_i/∂x_j = −g_i·fub_i·∂CLint,h,i/∂x_j / D_i (+ formation terms); the Newton matrix M = I − J
  for (const i of all)
    for (const j of all) {
      const inh = g.ecs(i).filter((k) => g.inhibitsInLiver(t.ecEnz[k]!, j)).map((k) => `cL${k}${g.eL(k)} * ivH${t.ecEnz[k]} * ivH${t.ecEnz[k]} * a${t.ecEnz[k]}_${j}`);
      const form = g.range(t.mfTo.length).filter((q) => t.mfTo[q] === i && t.mfFromDrug[q] === j).map((q) => `mf${q} * fub${j} * ${g.pathClint(q)}`);
      const terms = [...(inh.length ? [`g${i} * fub${i} * (${inh.join(' + ')})`] : []), ...form];
      const jac = terms.length ? `(${terms.join(' + ')}) * iD${i}` : null;
      g.L(`const M${i}${j} = ${i === j ? (jac ? `1 - ${jac}` : '1') : (jac ? `-${jac}` : '0')};`);
    }
  for (const i of all) g.L(`const r${i} = g${i} - x${i};`);
  g.L(cramer(n));
  g.L(`if (!(det !== 0) || !(Math.abs(det) < Infinity)) ${toGeneric}`);
  // a Newton step must not leave the physical domain: fall back to the (positive) fixed-point value
  for (const i of all) g.L(`x${i} += dx${i}; if (!(x${i} >= 0) || !(x${i} < Infinity)) x${i} = g${i};`);
  g.L('}');
  g.L(`S[${6 * n}] += it + 1;`);
}

/** Derivatives: compartments and bookkeeping per drug, then enzyme turnover (synthesis with induction − degradation − inactivation). */
function emitDerivatives(g: Structure): void {
  const { t, n } = g;
  for (let i = 0; i < n; i++) g.L(`T.chv[${i}] = x${i};`);
  const formedOut: string[][] = Array.from({ length: n }, () => []);
  for (let q = 0; q < t.mfTo.length; q++) formedOut[t.mfFromDrug[q]!]!.push(g.hepForm(q), ...(g.jGut[t.mfTo[q]!]!.includes(`gf${q}`) ? [`gf${q}`] : []));
  for (let i = 0; i < n; i++) {
    const o = i * STRIDE;
    g.L(`const cp${i} = xc${i} * ivc${i}, renal${i} = clr${i} * cp${i};`);
    g.L(`d[${o + GUT}] = 0; d[${o + FAST}] = 0; d[${o + LIV}] = 0;`);
    g.L(`d[${o + CEN}] = qh * (x${i} - rb${i} * cp${i}) - renal${i} - k12_${i} * xc${i} + k21_${i} * xp${i} + kaF${i} * xf${i};`);
    g.L(`d[${o + PER}] = k12_${i} * xc${i} - k21_${i} * xp${i};`);
    g.L(`d[${o + AUC}] = cp${i};`);
    g.L(`d[${o + ELIM}] = fub${i} * cl${i} * x${i} + renal${i} + (ab${i} - ab${i} * fg${i})${formedOut[i]!.map((f) => ` - ${f}`).join('')};`);
  }
  for (let s = 0; s < g.nS; s++) {
    const conc = (j: number): string => (t.esOrgan[s] ? `ig${j}` : `fub${j} * x${j}`);
    const ind = g.range(t.indState.length).filter((q) => t.indState[q] === s).map((q) => ` + iem${q} * ${conc(t.indDrug[q]!)} / (iec${q} + ${conc(t.indDrug[q]!)})`);
    const tdi = g.range(t.tdiState.length).filter((q) => t.tdiState[q] === s)
      .map((q) => `(tsl${q} > 0 ? Math.min(tsl${q} * ${conc(t.tdiDrug[q]!)}, tcap${q}) : tin${q} * ${conc(t.tdiDrug[q]!)} / (tki${q} + ${conc(t.tdiDrug[q]!)}))`);
    const E = `y[${t.nStateBase + s}]`;
    g.L(`d[${t.nStateBase + s}] = kd${s} * (1${ind.join('')} - ${E})${tdi.length ? ` - (${tdi.join(' + ')}) * ${E}` : ''};`);
  }
}

/** JavaScript source of the factory `(m, generic, T) => CompiledRhs` for one structure. */
export function rhsSource(t: RhsTables): string {
  const g = new Structure(t);
  emitConstants(g);
  emitGut(g);
  emitLiver(g);
  emitDerivatives(g);
  const n = t.nDrugs;
  return [
    `let ${g.consts.map((x) => `${x} = 0`).join(', ')};`,
    `const S = new Float64Array(${6 * n + 1});`,
    `function load() { ${g.load.join(' ')} S.fill(NaN, 0, ${6 * n}); }`,
    `function iterations() { return S[${6 * n}]; }`,
    `function rhs(t, y, d) {\n${g.body.join('\n')}\n}`,
    'return { rhs, load, iterations };',
  ].join('\n');
}

/** Closed-form solve of M·dx = r for n ≤ 3 (Cramer's rule); declares `det` and dx0…dx(n−1). */
function cramer(n: number): string {
  if (n === 1) return 'const det = M00, dx0 = r0 / det;';
  if (n === 2) return 'const det = M00 * M11 - M01 * M10, idet = 1 / det, dx0 = (r0 * M11 - M01 * r1) * idet, dx1 = (M00 * r1 - M10 * r0) * idet;';
  return [
    'const C00 = M11 * M22 - M12 * M21, C01 = M12 * M20 - M10 * M22, C02 = M10 * M21 - M11 * M20;',
    'const det = M00 * C00 + M01 * C01 + M02 * C02, idet = 1 / det;',
    'const dx0 = (r0 * C00 + M01 * (M12 * r2 - r1 * M22) + M02 * (r1 * M21 - M11 * r2)) * idet;',
    'const dx1 = (M00 * (r1 * M22 - M12 * r2) + r0 * C01 + M02 * (M10 * r2 - r1 * M20)) * idet;',
    'const dx2 = (M00 * (M11 * r2 - r1 * M21) + M01 * (r1 * M20 - M10 * r2) + r0 * C02) * idet;',
  ].join('\n');
}

/** A key that determines the generated source: every index table and flag the generator reads (not the numbers). */
function structureKey(t: RhsTables): string {
  return [t.nDrugs, t.nEnzymes, t.ecStart, t.ecEnz, t.ecStateL, t.ecStateG, t.inhEnz, t.inhDrug, t.inhLiver, t.inhGut, t.mfEc, t.mfTo,
    t.mfFromDrug, t.tdiState, t.tdiDrug, t.indState, t.indDrug, t.esOrgan, t.order, t.hasGut].join('|');
}

/**
 * The generated right-hand side of `model`, or null where the generic one must serve: full liver state, too many
 * drugs for the closed-form Newton solve, a metabolite cycle, or code generation not allowed here.
 * @example const fast = compileRhs(model); fast?.load(); solver.integrate(fast ? fast.rhs : model.rhs, …)
 */
export function compileRhs(model: InteractionModel): CompiledRhs | null {
  const t = model.rhsTables();
  if (!model.liverQSS || t.nDrugs > MAX_CLOSED_FORM_DRUGS || !isTopological(t)) return null;
  const key = structureKey(t);
  let factory = factories.get(key);
  if (!factory) {
    try {
      factory = new Function('m', 'generic', 'T', rhsSource(t)) as Factory;
    } catch {
      return null; // code generation forbidden (a CSP without 'unsafe-eval'): the generic right-hand side serves
    }
    if (factories.size >= MAX_CACHED_STRUCTURES) factories.delete(factories.keys().next().value!);
    factories.set(key, factory);
    // A second closure now, before V8 optimises the first: the optimised code of a function that has a single closure
    // is specialised to that closure's context, so the next model's closure would need it compiled again (measured:
    // 6 compilations of 12–72 ms for the 3 structures of bench/sim.ts instead of 3; ~50 ms less CPU per thread).
    factory(model, model.rhs, t);
  }
  return factory(model, model.rhs, t);
}
