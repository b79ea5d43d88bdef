import { createRng, lognormalFactor, percentile, type Rng } from '../random.js';
import { staticAucRatio, type ConcentrationOption, type EnzymeEffect, type PerpetratorInput, type Physiology, type VictimInput } from './static-ddi.js';
import type { Interval } from '../model.js';
import { asMicromolar } from '../../units/branded.js';
import type { Fraction, TransporterEffect, VictimTransport } from './transporters.js';

/** Victim fm scenario as the sampler needs it: point values and the source's range per enzyme. */
export interface FmDraw {
  fm: Record<string, number>;
  fmLow: Record<string, number>;
  fmHigh: Record<string, number>;
}

/**
 * Between-subject and between-source spreads sampled for the static model's uncertainty range (MODEL.md §3.4
 * defaults; modelling assumptions, not measurements): CV of Ki, KI, EC50 and kdeg 50 %, kinact and Emax−1 30 %,
 * fu 20 %, perpetrator exposure 30 %, fm within its source range (5 % when none), Fg on the logit scale SD 0.5.
 */
export const STATIC_SPREAD = { constantCv: 0.5, kinactCv: 0.3, emaxCv: 0.3, fuCv: 0.2, exposureCv: 0.3, kdegCv: 0.5, fmCv: 0.05, fgLogitSd: 0.5 } as const;

export interface MonteCarloInputs {
  route: VictimInput['route'];
  fmScenarios: FmDraw[];
  fg: number;
  /** Transporter fractions of the victim (MODEL.md §7), drawn within their ranges. */
  transport?: VictimTransport;
  perpetrators: PerpetratorInput[];
  alternatives: Record<string, Record<string, EnzymeEffect[]>>;
  physiology: Physiology;
  option: ConcentrationOption;
  draws: number;
  seed: number;
  /**
   * Model-structure uncertainty: each draw's AUC ratio is multiplied by exp(σ·z), z standard normal. It stands for
   * what the parameter draws cannot see — missing mechanisms, unbound versus total constants, enzyme-site
   * concentrations — and its width is the model's own error on studies it was not asked about (the benchmark's
   * tune split). 0 = parameters only.
   */
  structuralLogSd: number;
}

function drawFm(rng: Rng, sc: FmDraw): Record<string, number> {
  const fm: Record<string, number> = {};
  for (const [e, v] of Object.entries(sc.fm)) {
    const lo = sc.fmLow[e] ?? v;
    const hi = sc.fmHigh[e] ?? v;
    fm[e] = lo === hi ? Math.min(1, v * lognormalFactor(rng, STATIC_SPREAD.fmCv)) : lo + (hi - lo) * rng.next();
  }
  const total = Object.values(fm).reduce((a, b) => a + b, 0);
  if (total > 1) for (const e of Object.keys(fm)) fm[e] = fm[e]! / total;
  return fm;
}

/** A fraction drawn uniformly within its range (its point when it has none). */
function drawFraction(rng: Rng, f: Fraction): number {
  return f.low === f.high ? f.value : f.low + (f.high - f.low) * rng.next();
}

function drawTransport(rng: Rng, t: VictimTransport): NonNullable<Parameters<typeof staticAucRatio>[0]['transportDraw']> {
  const each = (m: Record<string, Fraction>): Record<string, number> => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, drawFraction(rng, f)]));
  return { hepaticUptake: each(t.hepaticUptake), gutEfflux: each(t.gutEfflux), eliminationEfflux: each(t.eliminationEfflux), fHepatic: drawFraction(rng, t.fHepatic) };
}

function drawEffect(rng: Rng, eff: EnzymeEffect, options: EnzymeEffect[]): EnzymeEffect {
  const pick = options.length > 1 ? options[Math.floor(rng.next() * options.length)]! : eff;
  const f = lognormalFactor(rng, STATIC_SPREAD.constantCv);
  const KI = pick.KIuM ?? eff.KIuM;
  const kinact = pick.kinactPerH ?? eff.kinactPerH;
  const emax = pick.emaxFold ?? eff.emaxFold;
  const ec50 = pick.ec50UM ?? eff.ec50UM;
  return {
    ...eff,
    kiUM: pick.kiUM !== undefined ? pick.kiUM * f : eff.kiUM !== undefined ? eff.kiUM * f : undefined,
    KIuM: KI !== undefined ? KI * lognormalFactor(rng, STATIC_SPREAD.constantCv) : undefined,
    kinactPerH: kinact !== undefined ? kinact * lognormalFactor(rng, STATIC_SPREAD.kinactCv) : undefined,
    kinactOverKIPerHPerUM: eff.kinactOverKIPerHPerUM !== undefined ? eff.kinactOverKIPerHPerUM * lognormalFactor(rng, STATIC_SPREAD.constantCv) : undefined,
    emaxFold: emax !== undefined ? 1 + (emax - 1) * lognormalFactor(rng, STATIC_SPREAD.emaxCv) : undefined,
    ec50UM: ec50 !== undefined ? ec50 * lognormalFactor(rng, STATIC_SPREAD.constantCv) : undefined,
  };
}

function drawTransporterEffect(rng: Rng, e: TransporterEffect): TransporterEffect {
  const kiUM = e.kiUM !== undefined ? e.kiUM * lognormalFactor(rng, STATIC_SPREAD.constantCv) : undefined;
  const ind = e.induction;
  if (!ind) return { kiUM };
  return { kiUM, induction: { ...ind, emaxFold: 1 + (ind.emaxFold - 1) * lognormalFactor(rng, STATIC_SPREAD.emaxCv), ec50UM: ind.ec50UM * lognormalFactor(rng, STATIC_SPREAD.constantCv) } };
}

function drawPerpetrator(rng: Rng, p: PerpetratorInput, alts: Record<string, EnzymeEffect[]>): PerpetratorInput {
  const enzymes: Record<string, EnzymeEffect> = {};
  for (const [e, eff] of Object.entries(p.enzymes)) enzymes[e] = drawEffect(rng, eff, alts[e] ?? []);
  // Peak and average move together: one exposure draw scales both.
  const exposure = lognormalFactor(rng, STATIC_SPREAD.exposureCv);
  // Transporter constants spread like the enzyme constants: Ki and EC50 (CV 50 %), Emax − 1 (emaxCv). The Ki is drawn
  // first so that an inhibition-only perpetrator draws the same sequence as before induction was modelled.
  const transporters = p.transporters ? Object.fromEntries(Object.entries(p.transporters).map(([t, e]) => [t, drawTransporterEffect(rng, e)])) : undefined;
  return { ...p, transporters, cmaxUM: asMicromolar(p.cmaxUM * exposure), cavUM: p.cavUM === undefined ? undefined : asMicromolar(p.cavUM * exposure), fuP: Math.min(1, p.fuP * lognormalFactor(rng, STATIC_SPREAD.fuCv)), enzymes };
}

/**
 * 5th–95th percentile of the static AUC ratio over sampled inputs (seeded, deterministic): `total` with the
 * structural term, `parameters` without it (what the evidence-based uncertainty label reads, MODEL.md §4.3).
 */
export function staticUncertainty(x: MonteCarloInputs): { total: Interval; parameters: Interval } {
  const rng = createRng(x.seed);
  const samples: number[] = [];
  const paramSamples: number[] = [];
  for (let i = 0; i < x.draws; i++) {
    const sc = x.fmScenarios[Math.floor(rng.next() * x.fmScenarios.length)]!;
    const fm = drawFm(rng, sc);
    const fg = x.fg >= 1 ? 1 : 1 / (1 + ((1 - x.fg) / x.fg) * Math.exp(STATIC_SPREAD.fgLogitSd * rng.normal()));
    const perps = x.perpetrators.map((p) => drawPerpetrator(rng, p, x.alternatives[p.name] ?? {}));
    const kd = lognormalFactor(rng, STATIC_SPREAD.kdegCv);
    const scale = (r: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * kd]));
    const phys: Physiology = { ...x.physiology, kdegLiverPerH: scale(x.physiology.kdegLiverPerH), kdegGutPerH: scale(x.physiology.kdegGutPerH) };
    const transportDraw = x.transport ? drawTransport(rng, x.transport) : undefined;
    const r = staticAucRatio({ route: x.route, fm, fg, transport: x.transport, transportDraw }, perps, phys, x.option, false).aucRatio;
    const structural = x.structuralLogSd > 0 ? Math.exp(x.structuralLogSd * rng.normal()) : 1;
    if (!(Number.isFinite(r) && r > 0)) continue;
    samples.push(r * structural);
    paramSamples.push(r);
  }
  samples.sort((a, b) => a - b);
  paramSamples.sort((a, b) => a - b);
  const parameters = { low: percentile(paramSamples, 0.05), high: percentile(paramSamples, 0.95), method: 'parameter draws only' };
  const total = {
    low: percentile(samples, 0.05),
    high: percentile(samples, 0.95),
    method: `5th–95th percentile of ${samples.length} Monte Carlo draws over Ki/KI/kinact/EC50 (CV 50 %, and between-source spread), fm (source ranges and scenarios), fu (CV 20 %), perpetrator Cmax (CV 30 %), kdeg (CV 50 %), Fg (logit SD 0.5)${x.structuralLogSd > 0 ? `, and model structure (× exp(${x.structuralLogSd}·z), the width that covers 90 % of observed ratios on the benchmark's tune split)` : ''}; seed ${rng.seed}, ${rng.algorithm}`,
  };
  return { total, parameters };
}
