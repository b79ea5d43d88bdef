/**
 * Mechanistic static model (MSM) of a victim's AUC ratio, after Fahmi et al. 2008/2009 in the FDA 2020
 * table form (MODEL.md §1.1–1.4): reversible inhibition (C), time-dependent inactivation (A) and
 * induction (B), in gut and liver, summed over every enzyme with its fm, with several precipitants
 * adding inside each term. Pure arithmetic on canonical units: µM, 1/h, L/h, µmol.
 *
 * Special cases (MODEL.md §1.4 pitfalls): an enzyme with no gut kdeg gives a gut factor of 1; an IV
 * victim or a metabolite has no gut term; induction is stored as fold change and used as Emax = fold − 1.
 */

import { asLitresPerHour, asPerHour, type LitresPerHour, type Micromolar, type PerHour } from '../../units/branded.js';
import { clearanceScale, transporterTerms, type TransporterEffect, type UptakeConcentration, type VictimTransport } from './transporters.js';

/** Hepatic blood flow, FDA 2020 / ddir default 1.616 L/min (params/physiology.md §A). */
export const DEFAULT_QH_L_PER_H = asLitresPerHour(97);
/** Enterocyte blood flow, FDA 2020 / ddir default 0.3 L/min (params/physiology.md §A). */
export const DEFAULT_QENT_L_PER_H = asLitresPerHour(18);
/** Igut = dose / 250 mL (FDA 2020 basic model). */
export const GUT_VOLUME_L = 0.25;
/** Absorption rate when none is known: the FDA 2020 default 0.1 min⁻¹ (MODEL.md §1.1). */
export const DEFAULT_KA_PER_H = asPerHour(6);
/** The concentration the hepatic uptake (OATP1B) term reads: the unbound hepatic inlet peak (MODEL.md §7; docs/model-choices.md). */
export const DEFAULT_UPTAKE_CONCENTRATION: UptakeConcentration = 'inlet_max_total';
/** Basic-model concentration multipliers (ICH M12 via ddir; params/physiology.md §D): R2 at 5×Imax,u, R3 at 10×Imax,u. */
export const R2_IMAX_MULTIPLIER = 5;
export const R3_IMAX_MULTIPLIER = 10;
/**
 * FDA classification of an AUC ratio (MODEL.md §1.4; params/physiology.md §D, numbers unverified there): inhibitors
 * strong ≥ 5, moderate ≥ 2, weak ≥ 1.25; inducers weak, moderate, strong below 0.8, 0.5 and 0.2 (AUC falls 20/50/80 %).
 */
export const MAGNITUDE_BANDS = { strongInhibition: 5, moderateInhibition: 2, weakInhibition: 1.25, noInduction: 0.8, weakInduction: 0.5, moderateInduction: 0.2 } as const;

export interface EnzymeEffect {
  /** Reversible inhibition constant, unbound (µM). */
  kiUM?: number;
  /** Time-dependent inactivation: KI unbound (µM) and kinact (1/h), or only kinact/KI (1/(h·µM)). */
  KIuM?: number;
  kinactPerH?: number;
  kinactOverKIPerHPerUM?: number;
  /** Gut-specific TDI constants where measured in intestinal microsomes. */
  KIGutUM?: number;
  kinactGutPerH?: number;
  /** Induction: maximal fold change and unbound EC50 (µM). */
  emaxFold?: number;
  ec50UM?: number;
}

export interface PerpetratorInput {
  name: string;
  /** `systemic` for a circulating metabolite: no absorption term, Ig = Ih = fu·Cmax. */
  route: 'oral' | 'iv' | 'systemic';
  doseUmol?: number;
  cmaxUM: Micromolar;
  /**
   * Total average steady-state plasma concentration over a dosing interval (µM), for the `average_u`
   * option; undefined for a single dose, where the option falls back to the unbound systemic Cmax.
   */
  cavUM?: Micromolar;
  fuP: number;
  rb?: number;
  fa?: number;
  fg?: number;
  kaPerH?: PerHour;
  /**
   * Aqueous solubility (µM): the enterocyte (Ig) and luminal (Igut) concentrations of an oral dose cannot exceed it —
   * undissolved drug does not inhibit (MODEL.md §1.1, issue 12 §6). Undefined = no cap.
   */
  solubilityUM?: number;
  /** Override the computed concentrations (used by published examples and tests). */
  ihUM?: number;
  igUM?: number;
  enzymes: Record<string, EnzymeEffect>;
  /** Inhibition constants and induction at transporters (OATP1B1, P-gp, BCRP…), MODEL.md §7. */
  transporters?: Record<string, TransporterEffect>;
  /**
   * Fraction of the steady-state enzyme effect reached by the time the victim is given (0–1), per
   * mechanism. Enzyme turnover takes days, so a short TDI or induction regimen has not reached its
   * full effect. 1 = steady state (the FDA static model).
   */
  inductionOnset?: Record<string, number>;
  /**
   * Hours of exposure to this precipitant when the victim's exposure is judged, for inactivation: the enzyme
   * approaches its steady state at rate kdeg + Σ kobs (a strong inactivator gets there in hours, not days).
   * Undefined = steady state (the FDA static model).
   */
  tdiTimeH?: number;
}

export interface VictimInput {
  route: 'oral' | 'iv';
  /** Fraction of the victim's total clearance through each enzyme (0–1). */
  fm: Record<string, number>;
  /** Intestinal availability of the victim (CYP3A substrates). */
  fg: number;
  /** How transporters carry the victim (MODEL.md §7); undefined = enzymes only. */
  transport?: VictimTransport;
  /** Point fractions of `transport` drawn by the Monte Carlo sampler (else the point values). */
  transportDraw?: { hepaticUptake: Record<string, number>; gutEfflux: Record<string, number>; eliminationEfflux: Record<string, number>; fHepatic: number };
}

export interface Physiology {
  qhLPerH: LitresPerHour;
  qentLPerH: LitresPerHour;
  kdegLiverPerH: Record<string, number>;
  /** Enzymes expressed in enterocytes with their gut kdeg; others get a gut factor of 1. */
  kdegGutPerH: Record<string, number>;
  /** Induction calibration factor d (1 unless an inducer calibration set says otherwise). */
  d: number;
}

/**
 * Which unbound perpetrator concentration the liver terms use (MODEL.md §1.1). `by_mechanism_u`: the hepatic inlet
 * peak for reversible inhibition (competitive inhibition acts on the blood arriving during absorption, Fahmi 2009)
 * and the systemic peak for inactivation and induction (both integrate exposure over days of enzyme turnover,
 * where the inlet peak over-predicts: Tseng 2021).
 */
export type ConcentrationOption = 'inlet_max_u' | 'systemic_max_u' | 'average_u' | 'by_mechanism_u';

export interface PerpetratorConcentrations {
  ihUM: number;
  /** Liver concentration for the reversible term when it differs from ihUM (option by_mechanism_u). */
  ihReversibleUM?: number;
  igUM: number;
  imaxUUM: number;
  igutUM?: number;
  /** Unbound hepatic inlet peak whatever the option (the hepatic uptake term reads it, MODEL.md §7). */
  inletUM: number;
  /** The same inlet peak, bound + unbound (inletUM / fu,p). */
  inletTotalUM: number;
}

/** Bound + unbound from an unbound concentration (fu,p 0 would be a record error; the unbound value stands then). */
const totalOf = (unboundUM: number, fuP: number): number => (fuP > 0 ? unboundUM / fuP : unboundUM);

/** Unbound hepatic inlet (Ih), enterocyte (Ig) and systemic (Imax,u) concentrations (MODEL.md §1.1). */
export function perpetratorConcentrations(
  p: PerpetratorInput,
  phys: Pick<Physiology, 'qhLPerH' | 'qentLPerH'>,
  option: ConcentrationOption = 'inlet_max_u',
): PerpetratorConcentrations {
  const imaxU = p.fuP * p.cmaxUM;
  if (p.route === 'systemic' || p.route === 'iv' || p.doseUmol === undefined) {
    const sys = option === 'average_u' && p.cavUM !== undefined ? p.fuP * p.cavUM : imaxU;
    const inletU = p.ihUM ?? imaxU;
    return { ihUM: p.ihUM ?? sys, igUM: p.igUM ?? (p.route === 'iv' ? 0 : sys), imaxUUM: imaxU, inletUM: inletU, inletTotalUM: totalOf(inletU, p.fuP) };
  }
  const fa = p.fa ?? 1;
  const fg = p.fg ?? 1;
  const ka = p.kaPerH ?? DEFAULT_KA_PER_H;
  const rb = p.rb ?? 1;
  const portal = (fa * fg * ka * p.doseUmol) / (phys.qhLPerH * rb);
  const inlet = p.fuP * (p.cmaxUM + portal);
  // average_u (Tseng et al. 2021): the liver sees the unbound average steady-state concentration leaving it,
  // not the peak at its inlet; without a dosing interval there is no average, so the peak stands in.
  const average = p.cavUM !== undefined ? p.fuP * p.cavUM : imaxU;
  const ih = p.ihUM ?? (option === 'inlet_max_u' ? inlet : option === 'average_u' ? average : imaxU);
  const cap = (x: number): number => (p.solubilityUM !== undefined && p.solubilityUM > 0 ? Math.min(x, p.solubilityUM) : x);
  const ig = p.igUM ?? cap((fa * ka * p.doseUmol) / phys.qentLPerH);
  const ihReversible = option === 'by_mechanism_u' && p.ihUM === undefined ? inlet : undefined;
  return { ihUM: ih, ...(ihReversible !== undefined ? { ihReversibleUM: ihReversible } : {}), igUM: ig, imaxUUM: imaxU, igutUM: cap(p.doseUmol / GUT_VOLUME_L), inletUM: p.ihUM ?? inlet, inletTotalUM: totalOf(p.ihUM ?? inlet, p.fuP) };
}

/**
 * The perpetrator concentration intestinal efflux (P-gp, BCRP) meets: the enterocyte concentration Fa·ka·Dose/Qent,
 * as for gut enzymes, settled on the benchmark's tune split (ninth session, docs/model-choices.md: static GMFE 1.750 →
 * 1.740, Guest 47.1 → 48.2 %); the regulatory screening option (`inlet_max_u`) keeps the FDA's luminal Igut = dose/250 mL,
 * a deliberately high bound that turns any weak inhibitor given in a large dose (rifampicin, Ki 169 µM) into a strong one.
 */
function gutTransporterUM(c: PerpetratorConcentrations, option: ConcentrationOption): number {
  return option === 'inlet_max_u' ? (c.igutUM ?? c.igUM) : c.igUM;
}

export interface Terms {
  /** A: fraction of enzyme left after inactivation. */
  A: number;
  /** B: fold induction. */
  B: number;
  /** C: fraction of activity left under reversible inhibition. */
  C: number;
}

function kobs(e: EnzymeEffect, iUM: number, gut: boolean): number {
  const KI = gut ? (e.KIGutUM ?? e.KIuM) : e.KIuM;
  const kin = gut ? (e.kinactGutPerH ?? e.kinactPerH) : e.kinactPerH;
  if (KI !== undefined && kin !== undefined) return (kin * iUM) / (iUM + KI);
  if (e.kinactOverKIPerHPerUM !== undefined) return e.kinactOverKIPerHPerUM * iUM; // linear TDI (I ≪ KI)
  return 0;
}

/** A, B and C for one enzyme at one site, summed over every precipitant (MODEL.md §1.3). */
export function enzymeTerms(
  enzyme: string,
  site: 'liver' | 'gut',
  perps: { p: PerpetratorInput; c: PerpetratorConcentrations }[],
  phys: Physiology,
): Terms {
  const kdeg = site === 'liver' ? phys.kdegLiverPerH[enzyme] : phys.kdegGutPerH[enzyme];
  let sumInact = 0;
  let sumInd = 0;
  let sumRev = 0;
  // Exposure time for inactivation: the earliest among the inactivators present (∞ = steady state).
  let tInact = Infinity;
  for (const { p, c } of perps) {
    const e = p.enzymes[enzyme];
    if (!e) continue;
    const I = site === 'liver' ? c.ihUM : c.igUM;
    const Irev = site === 'liver' ? (c.ihReversibleUM ?? c.ihUM) : c.igUM;
    if (e.kiUM !== undefined && e.kiUM > 0) sumRev += Irev / e.kiUM;
    if (kdeg !== undefined) {
      const k = kobs(e, I, site === 'gut');
      sumInact += k;
      if (k > 0 && p.tdiTimeH !== undefined) tInact = Math.min(tInact, p.tdiTimeH);
    }
    if (e.emaxFold !== undefined && e.ec50UM !== undefined) {
      const onset = p.inductionOnset?.[enzyme] ?? 1;
      sumInd += (phys.d * (e.emaxFold - 1) * I * onset) / (I + e.ec50UM);
    }
  }
  // dE/dt = kdeg·(1 − E) − Σkobs·E from E(0) = 1: E(t) = Ess + (1 − Ess)·e^(−(kdeg + Σkobs)·t), Ess = kdeg/(kdeg + Σkobs).
  let A = 1;
  if (kdeg !== undefined && sumInact > 0) {
    const ess = kdeg / (kdeg + sumInact);
    A = Number.isFinite(tInact) ? ess + (1 - ess) * Math.exp(-(kdeg + sumInact) * Math.max(0, tInact)) : ess;
  }
  return { A, B: 1 + sumInd, C: 1 / (1 + sumRev) };
}

export interface MechanismRatio {
  /** The enzyme, or the transporter for `uptake` and `efflux`. */
  enzyme: string;
  kind: 'reversible' | 'time-dependent' | 'induction' | 'uptake' | 'efflux';
  site: 'gut' | 'liver' | 'kidney';
  /** The AUC ratio this mechanism alone would give (other mechanisms switched off). */
  aucRatio: number;
}

export interface StaticResult {
  aucRatio: number;
  gutRatio: number;
  liverRatio: number;
  /** Σ fm·A·B·C + (1 − Σ fm): the fraction of hepatic intrinsic clearance left (1/liverRatio). */
  hepaticClearanceScale: number;
  concentrations: Record<string, PerpetratorConcentrations>;
  terms: { liver: Record<string, Terms>; gut: Record<string, Terms> };
  mechanisms: MechanismRatio[];
}

function combine(
  victim: VictimInput,
  liver: Record<string, Terms>,
  gut: Record<string, Terms>,
  pick: (t: Terms) => number,
  transport?: { terms: { uptakeScale: number; eliminationShift: number; gutRatio: number }; fHepatic: number },
): { aucRatio: number; gutRatio: number; liverRatio: number; scale: number } {
  let sumFm = 0;
  let acc = 0;
  for (const [e, fm] of Object.entries(victim.fm)) {
    sumFm += fm;
    acc += fm * pick(liver[e] ?? { A: 1, B: 1, C: 1 });
  }
  // With transporter data the hepatic share is scaled by uptake and elimination efflux added (transporters.ts).
  const scale = transport ? clearanceScale(acc, sumFm, transport.fHepatic, transport.terms) : acc + Math.max(0, 1 - sumFm);
  const liverRatio = 1 / scale;
  let gutRatio = 1;
  if (victim.route === 'oral' && victim.fg < 1) {
    // Only gut-expressed enzymes contribute; the product of their factors scales gut CLint.
    let g = 1;
    for (const e of Object.keys(gut)) if ((victim.fm[e] ?? 0) > 0) g *= pick(gut[e]!);
    gutRatio = 1 / (g * (1 - victim.fg) + victim.fg);
  }
  // Gut efflux and gut metabolism multiply (MODEL.md §7): more drug crosses the wall, and more of it escapes CYP3A.
  if (transport && victim.route === 'oral') gutRatio *= transport.terms.gutRatio;
  return { aucRatio: gutRatio * liverRatio, gutRatio, liverRatio, scale };
}

/** The victim's AUC ratio (with / without the precipitants) from the mechanistic static model. */
export function staticAucRatio(
  victim: VictimInput,
  perpetrators: PerpetratorInput[],
  phys: Physiology,
  option: ConcentrationOption = 'inlet_max_u',
  /** Per-mechanism breakdown (extra work); off inside Monte Carlo loops. */
  breakdown = true,
  uptakeOption: UptakeConcentration = DEFAULT_UPTAKE_CONCENTRATION,
): StaticResult {
  const perps = perpetrators.map((p) => ({ p, c: perpetratorConcentrations(p, phys, option) }));
  const enzymes = new Set([...Object.keys(victim.fm), ...perpetrators.flatMap((p) => Object.keys(p.enzymes))]);
  const liver: Record<string, Terms> = {};
  const gut: Record<string, Terms> = {};
  for (const e of enzymes) {
    liver[e] = enzymeTerms(e, 'liver', perps, phys);
    if (phys.kdegGutPerH[e] !== undefined) gut[e] = enzymeTerms(e, 'gut', perps, phys);
  }
  const tt = victim.transport
    ? transporterTerms(
        victim.transport,
        victim.route,
        perps.map(({ p, c }) => ({
          transporters: p.transporters,
          c: { inletUM: c.inletUM, inletTotalUM: c.inletTotalUM, systemicUM: c.imaxUUM, gutUM: p.route === 'oral' ? gutTransporterUM(c, option) : c.imaxUUM, enterocyteUM: c.igUM },
        })),
        uptakeOption,
        victim.transportDraw,
        breakdown,
        phys.d,
      )
    : undefined;
  const transport = tt && victim.transport ? { terms: tt, fHepatic: victim.transportDraw?.fHepatic ?? victim.transport.fHepatic.value } : undefined;
  const all = combine(victim, liver, gut, (t) => t.A * t.B * t.C, transport);
  const mechanisms: MechanismRatio[] = [];
  if (tt) for (const m of tt.mechanisms) mechanisms.push({ enzyme: m.transporter, kind: m.kind, site: m.site, aucRatio: m.aucRatio });
  if (breakdown) for (const e of Object.keys(victim.fm)) {
    for (const [kind, key] of [
      ['reversible', 'C'],
      ['time-dependent', 'A'],
      ['induction', 'B'],
    ] as const) {
      const only = (site: 'gut' | 'liver') =>
        combine(
          victim,
          site === 'liver' ? { [e]: liver[e]! } : {},
          site === 'gut' && gut[e] ? { [e]: gut[e] } : {},
          (t) => t[key],
        );
      for (const site of ['liver', 'gut'] as const) {
        // An IV victim never meets the gut wall: no gut mechanism to report.
        if (site === 'gut' && (!gut[e] || victim.route === 'iv')) continue;
        const t = site === 'liver' ? liver[e]! : gut[e]!;
        if (t[key] === 1) continue;
        const r = only(site);
        mechanisms.push({ enzyme: e, kind, site, aucRatio: site === 'liver' ? r.liverRatio : r.gutRatio });
      }
    }
  }
  return {
    aucRatio: all.aucRatio,
    gutRatio: all.gutRatio,
    liverRatio: all.liverRatio,
    hepaticClearanceScale: all.scale,
    concentrations: Object.fromEntries(perps.map(({ p, c }) => [p.name, c])),
    terms: { liver, gut },
    mechanisms,
  };
}

/** R-values of the basic static model (MODEL.md §1.2) for one precipitant and enzyme. */
export function basicRValues(
  e: EnzymeEffect,
  c: PerpetratorConcentrations,
  kdegLiverPerH: number | undefined,
): { r1?: number; r1Inlet?: number; r1Gut?: number; r2?: number; r3?: number } {
  const out: { r1?: number; r1Inlet?: number; r1Gut?: number; r2?: number; r3?: number } = {};
  if (e.kiUM) {
    out.r1 = 1 + c.imaxUUM / e.kiUM;
    out.r1Inlet = 1 + c.ihUM / e.kiUM;
    if (c.igutUM !== undefined) out.r1Gut = 1 + c.igutUM / e.kiUM;
  }
  if (kdegLiverPerH) {
    const I5 = R2_IMAX_MULTIPLIER * c.imaxUUM;
    let k = 0;
    if (e.KIuM !== undefined && e.kinactPerH !== undefined) k = (e.kinactPerH * I5) / (e.KIuM + I5);
    else if (e.kinactOverKIPerHPerUM !== undefined) k = e.kinactOverKIPerHPerUM * I5;
    if (k > 0) out.r2 = (k + kdegLiverPerH) / kdegLiverPerH;
  }
  if (e.emaxFold !== undefined && e.ec50UM !== undefined) {
    const I10 = R3_IMAX_MULTIPLIER * c.imaxUUM;
    out.r3 = 1 / (1 + ((e.emaxFold - 1) * I10) / (e.ec50UM + I10));
  }
  return out;
}

export type MagnitudeClass =
  | 'strong-inhibition'
  | 'moderate-inhibition'
  | 'weak-inhibition'
  | 'none'
  | 'weak-induction'
  | 'moderate-induction'
  | 'strong-induction';

/** FDA classification bands (MODEL.md §1.4) applied to an AUC ratio. */
export function magnitudeClass(aucRatio: number): MagnitudeClass {
  const b = MAGNITUDE_BANDS;
  if (aucRatio >= b.strongInhibition) return 'strong-inhibition';
  if (aucRatio >= b.moderateInhibition) return 'moderate-inhibition';
  if (aucRatio >= b.weakInhibition) return 'weak-inhibition';
  if (aucRatio > b.noInduction) return 'none';
  if (aucRatio > b.weakInduction) return 'weak-induction';
  if (aucRatio > b.moderateInduction) return 'moderate-induction';
  return 'strong-induction';
}

/**
 * Cmax ratio of an oral victim. With the victim's ka and k known, a one-compartment Bateman model
 * carries both the change in bioavailability (gut and hepatic first pass) and the slower elimination
 * (`bateman-1cmt`); without them only the bioavailability change is kept (`bioavailability-only`,
 * MODEL.md §1.4), which under-states the change for low-extraction drugs.
 */
export function cmaxRatio(args: {
  gutRatio: number;
  hepaticClearanceScale: number;
  /** Victim's hepatic availability without the interaction (well-stirred), 0–1. */
  fh: number;
  kaPerH?: number;
  kPerH?: number;
  route: 'oral' | 'iv';
}): { ratio: number; method: 'bateman-1cmt' | 'bioavailability-only' | 'iv-bolus' } {
  const s = args.hepaticClearanceScale;
  const fh = Math.min(1, Math.max(0, args.fh));
  const fhRatio = 1 / (fh + (1 - fh) * s); // Fh'/Fh
  const clRatio = s * fhRatio; // CLh'/CLh (well-stirred)
  if (args.route === 'iv') return { ratio: 1, method: 'iv-bolus' };
  const fRatio = args.gutRatio * fhRatio;
  const { kaPerH: ka, kPerH: k } = args;
  if (ka && k && ka > 0 && k > 0) {
    const k2 = k * clRatio;
    const peak = (kaV: number, kV: number): number =>
      // ka = k is a removable singularity: (ka/k)^(−k/(ka − k)) → e⁻¹
      Math.abs(kaV - kV) < 1e-9 * kaV ? Math.exp(-1) : Math.pow(kaV / kV, -kV / (kaV - kV));
    return { ratio: (fRatio * peak(ka, k2)) / peak(ka, k), method: 'bateman-1cmt' };
  }
  return { ratio: fRatio, method: 'bioavailability-only' };
}

/** Fraction of a steady-state enzyme effect reached after `hours` of exposure (turnover at kdeg + kobs). */
export function onsetFraction(ratePerH: number, hours: number): number {
  if (!Number.isFinite(hours)) return 1;
  return 1 - Math.exp(-ratePerH * Math.max(0, hours));
}
