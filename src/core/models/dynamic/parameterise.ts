/**
 * Model parameters from published single-drug PK (MODEL.md §2.2), as pure numeric functions.
 *
 * - Oral CL/F, hepatic elimination: CLint,u = (CL/F)·Fa·Fg/fu,p (exact under the well-stirred model).
 * - IV CL: CLint,u = Qh·CLH,b/(fu,b·(Qh − CLH,b)), CLH,b = (1 − fe)·CL/RB.
 * - Split by enzyme: CLint,h,e = (fm,e/fe,hep)·CLint,h; the hepatic remainder is `other`.
 * - Gut: CLint,g = Qent·(1/Fg − 1) (Qgut model, fu,gut = 1), shared by gut-expressed pathways by fm.
 * - Volumes: 2-cmt from V/F, Vp/F, Q/F (×F); else, for an oral single-dose profile whose one-compartment
 *   curve misses its own Cmax by more than the trigger, the two-compartment fit of two-compartment-fit.ts
 *   (Vc, k12, k21 and ka from Cmax and tmax, keeping CL/F and t½); otherwise 1-cmt with V = CL·t½/ln2 when
 *   t½ is given (reproduces the terminal half-life), else V (or V/F × F, or Vss).
 * - ka from tmax (Bateman, 1-cmt) when ka is not reported (ka = k when tmax ≥ 1/k, absorption-limited),
 *   else the FDA default 6 h⁻¹.
 */
import { brentRoot } from '../../ode/brent.js';
import { asLitresPerHour, asPerHour, type Hours, type LitresPerHour, type PerHour } from '../../units/branded.js';
import { KA_SEARCH_MAX_PER_H } from '../one-compartment.js';
import { DEFAULT_KA_PER_H } from '../static/static-ddi.js';
import type { EnzymeClearance } from './types.js';
import { fitTwoCompartment, TWO_CMT_TRIGGER_FOLD, TWO_CMT_VSS_SHARE } from './two-compartment-fit.js';

/**
 * Largest hepatic blood clearance as a share of Qh: the well-stirred CLint = Qh·CLH,b/(fu,b·(Qh − CLH,b))
 * diverges as CLH,b → Qh, so a reported clearance at or above 95 % of hepatic blood flow is capped there
 * (assumption, recorded as such when it applies).
 */
export const MAX_HEPATIC_EXTRACTION = 0.95;

export interface PathwayInput {
  enzyme: string;
  fm: number;
  gutExpressed: boolean;
}

export interface PkInput {
  clLPerH?: LitresPerHour;
  clFLPerH?: LitresPerHour;
  fuP: number;
  rb: number;
  fa: number;
  fg: number;
  /** Fraction excreted unchanged in urine (renal share of CL). */
  fe: number;
  pathways: PathwayInput[];
  qhLPerH: LitresPerHour;
  qentLPerH: LitresPerHour;
  halfLifeH?: Hours;
  vL?: number;
  vFL?: number;
  vssL?: number;
  vpFL?: number;
  qFLPerH?: number;
  kaPerH?: PerHour;
  tmaxH?: Hours;
  /** Oral single-dose peak of the same profile (µM), its dose (µmol) and lag (h): the two-compartment fit's targets. */
  cmaxUM?: number;
  doseUmol?: number;
  tlagH?: Hours;
  /** Global choices of the two-compartment rule (defaults in two-compartment-fit.ts; for comparisons on tune). */
  twoCmtTriggerFold?: number;
  twoCmtVssShare?: number;
}

type Note = { name: string; value: number; unit: string; how: string; assumption: boolean };

export interface PkDerived {
  clintHepTotalLPerH: number;
  clintOtherLPerH: LitresPerHour;
  enzymes: EnzymeClearance[];
  clRenalLPerH: LitresPerHour;
  /** Oral bioavailability predicted by the model, Fa·Fg·Fh. */
  fOral: number;
  fh: number;
  /** Fa to use at dosing (Fg folded in when no gut pathway can carry it). */
  faEff: number;
  clPlasmaLPerH: LitresPerHour;
  vcL: number;
  k12PerH: number;
  k21PerH: number;
  kaPerH: PerHour;
  /** Absorption lag added by the two-compartment fit (h; on top of any reported lag). */
  fittedLagH: number;
  /** How each derived value was obtained (for the outputs' parameter list). */
  notes: Note[];
}

/** Unbound hepatic intrinsic clearance from IV CL or oral CL/F; `clPlasma` is NaN for CL/F (set from F later). */
function hepaticClint(p: PkInput, notes: Note[]): { clint: number; clPlasma: number } {
  const fub = p.fuP / p.rb;
  const fhep = 1 - p.fe;
  if (p.clLPerH !== undefined) {
    let clhB = (fhep * p.clLPerH) / p.rb;
    if (clhB >= MAX_HEPATIC_EXTRACTION * p.qhLPerH) {
      notes.push({ name: 'CLH,b', value: clhB, unit: 'L/h', how: `blood clearance ≥ 95 % of Qh: capped at 0.95·Qh`, assumption: true });
      clhB = MAX_HEPATIC_EXTRACTION * p.qhLPerH;
    }
    const clint = (p.qhLPerH * clhB) / (fub * (p.qhLPerH - clhB));
    notes.push({ name: 'CLint,h', value: clint, unit: 'L/h', how: 'Qh·CLH,b/(fu,b·(Qh − CLH,b)) from IV CL', assumption: false });
    return { clint, clPlasma: p.clLPerH };
  }
  if (p.clFLPerH !== undefined) {
    const clint = (fhep * p.clFLPerH * p.fa * p.fg) / p.fuP;
    notes.push({ name: 'CLint,h', value: clint, unit: 'L/h', how: '(1 − fe)·(CL/F)·Fa·Fg/fu,p from oral CL/F', assumption: false });
    return { clint, clPlasma: NaN };
  }
  throw new Error('derivePk: no clearance'); // callers check first; kept as a guard
}

/** Split CLint,h by enzyme (fm,e/fe,hep each, Σ fm capped at the hepatic share) and CLint,g among gut pathways. */
function splitByEnzyme(p: PkInput, clint: number, notes: Note[]): { enzymes: EnzymeClearance[]; other: number; faEff: number } {
  const fhep = 1 - p.fe;
  const fmSum = p.pathways.reduce((a, x) => a + x.fm, 0);
  const scale = fmSum > fhep && fmSum > 0 ? fhep / fmSum : 1;
  if (scale !== 1) notes.push({ name: 'Σfm', value: fmSum, unit: 'fraction', how: `Σ fm exceeds the hepatic share ${fhep.toFixed(2)}: scaled down`, assumption: true });
  const gutPaths = p.pathways.filter((x) => x.gutExpressed && x.fm > 0);
  const gutFm = gutPaths.reduce((a, x) => a + x.fm, 0);
  const clintGutTotal = p.fg < 1 && gutFm > 0 ? p.qentLPerH * (1 / p.fg - 1) : 0;
  let faEff = p.fa;
  if (p.fg < 1 && gutFm === 0) {
    faEff = p.fa * p.fg;
    notes.push({ name: 'Fa·Fg', value: faEff, unit: 'fraction', how: 'Fg < 1 but no gut-expressed pathway: Fg folded into Fa (not inhibitable)', assumption: true });
  }
  const enzymes: EnzymeClearance[] = p.pathways.map((x) => ({
    enzyme: x.enzyme,
    clintLiverLPerH: fhep > 0 ? ((x.fm * scale) / fhep) * clint : 0,
    clintGutLPerH: x.gutExpressed && gutFm > 0 ? (clintGutTotal * x.fm) / gutFm : 0,
  }));
  const other = Math.max(0, clint - enzymes.reduce((a, e) => a + e.clintLiverLPerH, 0));
  return { enzymes, other, faEff };
}

/** Central volume and intercompartmental rates: 2-cmt from V/F, Vp/F, Q/F; else 1-cmt from t½, V, Vss or V/F. */
function volumes(p: PkInput, clPlasma: number, fOral: number, notes: Note[]): { vc: number; k12: number; k21: number; ka?: number; lagH?: number } {
  if (p.vpFL !== undefined && p.qFLPerH !== undefined && (p.vFL !== undefined || p.vL !== undefined)) {
    const vc = p.vL ?? p.vFL! * fOral;
    const vp = p.vpFL * fOral, q = p.qFLPerH * fOral;
    notes.push({ name: 'Vc', value: vc, unit: 'L', how: '2-compartment: V/F × F (F predicted)', assumption: false });
    return { vc, k12: q / vc, k21: q / vp };
  }
  let vc: number;
  const fit = twoCompartmentFromPeak(p, clPlasma, fOral);
  if (fit) {
    notes.push({ name: 'Vc', value: fit.vcFL * fOral, unit: 'L', how: `2-compartment fit: the 1-compartment peak missed the profile's Cmax by more than ${p.twoCmtTriggerFold ?? TWO_CMT_TRIGGER_FOLD}-fold; Vc/F ${fit.vcFL.toPrecision(3)} L from Cmax and tmax, CL/F and t½ kept (× F predicted)`, assumption: true });
    notes.push({ name: 'k12', value: fit.k12PerH, unit: '1/h', how: 'derived: keeps the terminal half-life as the slower eigenvalue', assumption: true });
    notes.push({ name: 'k21', value: fit.k21PerH, unit: '1/h', how: `derived: β/(1 − ρ), ρ = ${p.twoCmtVssShare ?? TWO_CMT_VSS_SHARE} (global)`, assumption: true });
    if (fit.tlagH > 0) notes.push({ name: 'tlag (fitted)', value: fit.tlagH, unit: 'h', how: 'derived: the shortest absorption lag with which the 2-compartment curve reaches Cmax at tmax', assumption: true });
    return { vc: fit.vcFL * fOral, k12: fit.k12PerH, k21: fit.k21PerH, ka: fit.kaPerH, lagH: fit.tlagH };
  }
  if (p.halfLifeH !== undefined) {
    vc = (clPlasma * p.halfLifeH) / Math.LN2;
    notes.push({ name: 'V', value: vc, unit: 'L', how: '1-compartment: V = CL·t½/ln2 (matches the reported terminal half-life)', assumption: false });
  } else if (p.vL !== undefined || p.vssL !== undefined) {
    vc = (p.vL ?? p.vssL)!;
    notes.push({ name: 'V', value: vc, unit: 'L', how: '1-compartment: reported V', assumption: false });
  } else if (p.vFL !== undefined) {
    vc = p.vFL * fOral;
    notes.push({ name: 'V', value: vc, unit: 'L', how: '1-compartment: V/F × F (F predicted)', assumption: false });
  } else {
    vc = NaN;
  }
  return { vc, k12: 0, k21: 0 };
}

/** The two-compartment fit of an oral single-dose profile (apparent volumes), or null when it does not apply. */
function twoCompartmentFromPeak(p: PkInput, clPlasma: number, fOral: number): ReturnType<typeof fitTwoCompartment> {
  if (p.halfLifeH === undefined || p.cmaxUM === undefined || p.doseUmol === undefined || !(fOral > 0)) return null;
  const tmax = p.tmaxH !== undefined ? p.tmaxH - (p.tlagH ?? 0) : undefined;
  return fitTwoCompartment({
    clFLPerH: clPlasma / fOral, betaPerH: Math.LN2 / p.halfLifeH, doseUmol: p.doseUmol, cmaxUM: p.cmaxUM,
    ...(tmax !== undefined && tmax > 0 ? { tmaxH: tmax } : {}), ...(p.kaPerH !== undefined ? { kaPerH: p.kaPerH } : {}),
    vssShare: p.twoCmtVssShare,
  }, p.twoCmtTriggerFold);
}

/**
 * ka: the reported one; else from tmax (Bateman, 1-cmt) when the model is one-compartment; else the FDA default.
 */
function absorptionRate(p: PkInput, clPlasma: number, vc: number, k12: number, notes: Note[]): PerHour {
  if (p.kaPerH !== undefined) return p.kaPerH;
  if (p.tmaxH !== undefined && k12 === 0 && vc > 0) {
    const k = clPlasma / vc;
    const tm = p.tmaxH;
    if (tm < 1 / k) {
      const ka = brentRoot((x) => Math.log(x / k) / (x - k) - tm, k * (1 + 1e-9), KA_SEARCH_MAX_PER_H);
      notes.push({ name: 'ka', value: ka, unit: '1/h', how: `from tmax ${tm} h (Bateman, tmax = ln(ka/k)/(ka − k))`, assumption: false });
      return asPerHour(ka);
    }
    // A Bateman curve whose terminal slope is k peaks no later than 1/k (at ka = k): the reported
    // tmax says absorption is rate-limiting (flip-flop). ka = k is the closest consistent value;
    // the FDA default 6 h⁻¹ would put the peak ~10× too early (and the gut/liver inlet too high).
    notes.push({ name: 'ka', value: k, unit: '1/h', how: `ka = k: reported tmax ${tm} h ≥ 1/k = ${(1 / k).toPrecision(3)} h, the latest peak a 1-compartment curve with this t½ can have (absorption-limited)`, assumption: true });
    return asPerHour(k);
  }
  notes.push({ name: 'ka', value: DEFAULT_KA_PER_H, unit: '1/h', how: 'FDA default 0.1 min⁻¹ (MODEL.md §1.1)', assumption: true });
  return DEFAULT_KA_PER_H;
}

export function derivePk(p: PkInput): PkDerived {
  const notes: Note[] = [];
  const fub = p.fuP / p.rb;
  const fhep = 1 - p.fe;
  const { clint, clPlasma: clReported } = hepaticClint(p, notes);
  const fh = p.qhLPerH / (p.qhLPerH + fub * clint);
  const fOral = p.fa * p.fg * fh;
  // for CL/F: CL/F·F where F = Fa·Fg·Fh; the renal part is fe of the total
  const clPlasma = !Number.isNaN(clReported) ? clReported
    : fhep > 0 ? (p.rb * ((p.qhLPerH * fub * clint) / (p.qhLPerH + fub * clint))) / fhep : p.clFLPerH! * fOral;
  const { enzymes, other, faEff } = splitByEnzyme(p, clint, notes);
  const { vc, k12, k21, ka: kaFit, lagH } = volumes(p, clPlasma, fOral, notes);
  if (kaFit !== undefined) notes.push({ name: 'ka', value: kaFit, unit: '1/h', how: 'derived: 2-compartment fit to tmax (a reported ka is not used when tmax is given)', assumption: true });
  const ka = kaFit !== undefined ? asPerHour(kaFit) : absorptionRate(p, clPlasma, vc, k12, notes);
  return {
    clintHepTotalLPerH: clint, clintOtherLPerH: asLitresPerHour(other), enzymes, clRenalLPerH: asLitresPerHour(p.fe * clPlasma), fOral, fh, faEff,
    clPlasmaLPerH: asLitresPerHour(clPlasma), vcL: vc, k12PerH: k12, k21PerH: k21, kaPerH: ka, fittedLagH: lagH ?? 0, notes,
  };
}
