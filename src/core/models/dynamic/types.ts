/**
 * Parameters of the semi-physiological interaction model (MODEL.md §2.1), in canonical units:
 * amounts µmol inside the solver, doses mg at the edge, concentrations µM, times h, flows and
 * clearances L/h, volumes L. All intrinsic clearances are unbound.
 *
 * The fields the KB → input builder fills from converted quantities carry branded units (units/branded.ts),
 * so a value in another unit does not compile. Per-enzyme intrinsic clearances stay plain numbers: every
 * individual and phenotype rescales them, and they never come from a user-facing unit.
 */
import type { Hours, LitresPerHour, Micromolar, Milligrams, PerHour } from '../../units/branded.js';

export type SimRoute = 'po' | 'iv' | 'inhaled' | 'oromucosal';
export type Site = 'liver' | 'gut' | 'both';
export type Species = 'human' | 'rat';

/** Part of a drug's intrinsic clearance carried by one enzyme. */
export interface EnzymeClearance {
  enzyme: string;
  /** Unbound hepatic intrinsic clearance via this enzyme (L/h). */
  clintLiverLPerH: number;
  /** Unbound enterocyte intrinsic clearance via this enzyme (L/h); 0 when the gut plays no part. */
  clintGutLPerH: number;
}

export interface Inhibition {
  enzyme: string;
  /** Unbound inhibition constant (µM), already corrected for incubation binding. */
  kiUnboundUM: Micromolar;
  site: Site;
}

/** Mechanism-based inactivation: saturable (kinact, KI) or linear (kinact/KI with a cap on kobs). */
export type Inactivation =
  | { enzyme: string; site: Site; kind: 'saturable'; kinactPerH: PerHour; kIUnboundUM: Micromolar }
  | { enzyme: string; site: Site; kind: 'linear'; kinactOverKIPerHPerUM: number; kobsCapPerH: PerHour };

export interface Induction {
  enzyme: string;
  site: Site;
  /** Maximal fold change of enzyme activity (Emax = emaxFold − 1, MODEL.md §1.3). */
  emaxFold: number;
  ec50UnboundUM: Micromolar;
}

/**
 * A metabolite formed from one clearance pathway of this drug: `pathwayShare` of the molar flux through `enzyme`
 * (liver and gut), or, with `enzyme` null, through the hepatic clearance not assigned to an enzyme ('other'). The KB's
 * formation fraction (a share of the parent's whole clearance) is turned into pathway shares by
 * inputs/sim-drug-metabolites.ts, so inhibiting the forming enzyme lowers formation only by that enzyme's part.
 */
export interface MetaboliteFormation {
  metaboliteId: string;
  enzyme: string | null;
  pathwayShare: number;
}

/** Absorption of a route that bypasses the hepatic first pass (inhaled, oromucosal). */
export interface FastRoute {
  kaPerH: PerHour;
  bioavailability: number;
}

export interface DrugParams {
  id: string;
  mwGPerMol: number;
  /** Oral absorption. */
  kaPerH: PerHour;
  tlagH: Hours;
  fa: number;
  fast: Partial<Record<'inhaled' | 'oromucosal', FastRoute>>;
  /** Distribution (plasma-referenced central volume; k12 = k21 = 0 for one compartment). */
  vcL: number;
  k12PerH: number;
  k21PerH: number;
  fuP: number;
  rb: number;
  /** Liver tissue : blood partition (affects dynamics only, not AUC). */
  kpLiver: number;
  /** Elimination. */
  clRenalLPerH: LitresPerHour;
  /** Unbound hepatic intrinsic clearance by pathways not modelled per enzyme (L/h). */
  clintOtherLPerH: LitresPerHour;
  enzymes: EnzymeClearance[];
  /** Perpetrator roles (every drug is victim and perpetrator at once). */
  inhibits: Inhibition[];
  inactivates: Inactivation[];
  induces: Induction[];
  metabolites: MetaboliteFormation[];
}

export interface EnzymeTurnover {
  kdegLiverPerH: number;
  /** Absent when the enzyme has no gut turnover data (then it has no gut state). */
  kdegGutPerH?: number;
}

/**
 * Allometric exponent of flows and clearances on body weight ((BW/ref)^0.75; volumes scale with BW): the usual
 * allometric assumption, used for other body weights and for between-subject body weight (listed as an assumption).
 */
export const ALLOMETRIC_EXPONENT = 0.75;

export interface Physiology {
  species: Species;
  bodyWeightKg: number;
  qhLPerH: number;
  qentLPerH: number;
  vLiverL: number;
  /** Enzyme turnover by enzyme id. */
  enzymes: Record<string, EnzymeTurnover>;
}

export interface DoseEvent {
  drugId: string;
  tH: number;
  /** Dose in mg (the runner turns it into µmol by the molecular weight; a µmol amount here would not compile). */
  amountMg: Milligrams;
  route: SimRoute;
}

export interface SolveSettings {
  rtol: number;
  atolUmol: number;
  /** Algebraic (quasi-steady-state) liver instead of a liver state (MODEL.md §2.3). */
  liverQSS: boolean;
  maxSteps: number;
  hmaxH: number;
  /** Oral and fast depots decayed in closed form instead of integrated (exact; see InteractionModel.analyticDepots). */
  analyticDepots?: boolean;
  /** The right-hand side generated per model structure (rhs-codegen.ts; default true): same equations, faster. */
  compiledRhs?: boolean;
  /** Absolute tolerance of the enzyme states (fraction of baseline); default `atolUmol`. */
  atolEnzyme?: number;
  /** Absolute tolerance of the gut enzyme states (fraction of baseline); default `atolEnzyme`. */
  atolGutEnzyme?: number;
}

export const DEFAULT_SOLVE: SolveSettings = { rtol: 1e-6, atolUmol: 1e-9, liverQSS: true, maxSteps: 2_000_000, hmaxH: Infinity };
