/**
 * Incubation binding of in-vitro inhibition constants (issue 12 §4): the fraction of inhibitor unbound in a liver
 * microsomal incubation, fu,inc, so that a total Ki, KI or IC50 becomes unbound (Ki,u = Ki × fu,inc) and
 * kinact/KI,u = (kinact/KI) / fu,inc.
 *
 * Two published predictions from lipophilicity at the incubation's microsomal protein concentration C (mg/mL):
 * - Austin et al. 2002 (Drug Metab Dispos 30:1497): fu,inc = 1 / (1 + C · 10^(0.56 · logP/D − 1.41))
 * - Hallifax & Houston 2006 (Drug Metab Dispos 34:724): fu,inc = 1 / (1 + C · 10^(0.072 · logP/D² + 0.067 · logP/D − 1.126))
 * Both equations were read in an open implementation that cites the papers (esqLABS/esqIVIVE,
 * R/Algorithm4Fumic.R: `calculate_fu_austin_microsomes`, `calculate_fu_halifax`), and the Hallifax–Houston
 * quadratic again in the EPA httk package (R/calc_hep_fu.R, Kilford et al. 2008's hepatocyte form built on it);
 * the papers' own text was not readable (kb/sources/fu-inc.yaml).
 *
 * logP/D: logP for bases, logD at pH 7.4 for acids and neutral compounds (Austin 2002 abstract; httk applies the
 * same rule). A monoprotic acid without a measured logD7.4 gets logD = logP − log10(1 + 10^(7.4 − pKa)).
 * Both equations were fitted on drugs with logP/D up to about 5 and lose accuracy above about 3 (Kilford 2008,
 * abstract); very lipophilic compounds are where they are least reliable.
 */
import type { Relation, Substance } from '../kb/types.js';

export type FuIncMethod = 'austin' | 'hallifax-houston';

/** Austin et al. 2002, microsomes: fu,inc from logP/D and microsomal protein (mg/mL). */
export function fuIncAustin(logPD: number, proteinMgPerMl: number): number {
  return 1 / (1 + proteinMgPerMl * 10 ** (0.56 * logPD - 1.41));
}

/** Hallifax & Houston 2006, microsomes: fu,inc from logP/D and microsomal protein (mg/mL). */
export function fuIncHallifaxHouston(logPD: number, proteinMgPerMl: number): number {
  return 1 / (1 + proteinMgPerMl * 10 ** (0.072 * logPD * logPD + 0.067 * logPD - 1.126));
}

export function predictFuInc(method: FuIncMethod, logPD: number, proteinMgPerMl: number): number {
  if (!Number.isFinite(logPD) || !Number.isFinite(proteinMgPerMl) || proteinMgPerMl < 0) return Number.NaN;
  return method === 'austin' ? fuIncAustin(logPD, proteinMgPerMl) : fuIncHallifaxHouston(logPD, proteinMgPerMl);
}

/** Physiological pH of the logD the equations use. */
const PH = 7.4;

export interface BindingLipophilicity {
  /** The value used as logP/D. */
  value: number;
  /** What it is: logP (bases), logD7.4 as recorded, or logD7.4 computed from logP and an acid pKa. */
  kind: 'logP' | 'logD7.4' | 'logD7.4 from logP and pKa';
  ionClass: string;
  sources: string[];
}

/**
 * The lipophilicity the binding equations read for a substance, or why there is none: logP for a base, logD7.4 for
 * an acid, neutral compound or zwitterion (recorded, or for a monoprotic acid computed from logP and pKa; a neutral
 * compound's logP is its logD).
 */
export function bindingLipophilicity(s: Substance | undefined): BindingLipophilicity | { missing: string } {
  if (!s) return { missing: 'substance not in the KB' };
  const ion = s.ionClass;
  if (!ion) return { missing: s.logP || s.logD74 ? 'ion class not curated (logP or logD7.4 cannot be chosen)' : 'no logP, logD7.4 or ion class curated' };
  if (ion === 'base') return s.logP ? { value: s.logP.value, kind: 'logP', ionClass: ion, sources: [s.logP.source] } : { missing: 'base without a curated logP' };
  if (s.logD74) return { value: s.logD74.value, kind: 'logD7.4', ionClass: ion, sources: [s.logD74.source] };
  if (ion === 'neutral' && s.logP) return { value: s.logP.value, kind: 'logP', ionClass: ion, sources: [s.logP.source] };
  if (ion === 'acid' && s.logP && s.pKa)
    return { value: s.logP.value - Math.log10(1 + 10 ** (PH - s.pKa.value)), kind: 'logD7.4 from logP and pKa', ionClass: ion, sources: [s.logP.source, s.pKa.source] };
  return { missing: `${ion} without a curated logD7.4${ion === 'acid' ? ' (or logP and pKa)' : ''}` };
}

/** How a constant was made unbound (shown by `predict --json` parameters and `explain`). */
export type IncubationBindingKind = 'unbound' | 'measured' | 'predicted' | 'none';

export interface IncubationBinding {
  kind: IncubationBindingKind;
  /** The factor applied to Ki, KI or IC50 (1 when none or already unbound). */
  fuInc: number;
  /** Source of the measured value, or of the lipophilicity and protein concentration behind a predicted one. */
  sources: string[];
  method?: FuIncMethod;
  lipophilicity?: BindingLipophilicity;
  proteinMgPerMl?: number;
  /** True when the assay's protein concentration is not reported and the default assumption stands in. */
  proteinAssumed?: boolean;
  /** For `none`: why no correction was applied. */
  reason?: string;
  /** A short label for the parameter list: "×fu,inc 0.86 predicted (Hallifax–Houston, logP 2.89 base, 0.2 mg/mL assumed)". */
  label: string;
}

/** The constants a relation can carry whose binding is corrected here. */
export type BoundConstant = 'ki' | 'ic50' | 'KI' | 'kinactOverKI';

/** Cell-based and vesicle assays (transporters, hepatocytes) are not microsomal: the equations do not apply. */
const NON_MICROSOMAL = /hepatocyte|HEK|MDCK|Caco|LLC|CHO|\bcells?\b|vesicle|oocyte|membrane/i;

export interface IncubationDefaults {
  method: FuIncMethod | 'none';
  /** Microsomal protein (mg/mL) assumed when the assay's is not reported. */
  proteinMgPerMl: number;
  /** Source id of that assumption. */
  proteinSource: string;
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);
const methodName = (m: FuIncMethod): string => (m === 'austin' ? 'Austin 2002' : 'Hallifax–Houston 2006');

/**
 * The incubation-binding correction for one constant of a relation: as recorded when unbound; the measured
 * fu,inc when the relation has one; else predicted from the perpetrator's lipophilicity at the assay's protein
 * concentration (or the assumed default) for microsomal and recombinant-enzyme assays; else none, with why.
 */
export function incubationBinding(r: Relation, constant: BoundConstant, perpetrator: Substance | undefined, d: IncubationDefaults): IncubationBinding {
  const q = r[constant];
  if (q?.bound === 'unbound') return { kind: 'unbound', fuInc: 1, sources: [q.source], label: 'unbound as reported' };
  if (r.fuInc) return { kind: 'measured', fuInc: r.fuInc.value, sources: [r.fuInc.source], label: `×fu,inc ${fmt(r.fuInc.value)} measured` };
  const none = (reason: string): IncubationBinding => ({ kind: 'none', fuInc: 1, sources: [], reason, label: `total, not corrected (${reason})` });
  if (d.method === 'none') return none('incubation-binding prediction switched off');
  if (r.action !== 'inhibitor' && r.action !== 'tdi') return none('not an enzyme inhibition constant');
  if (r.system && NON_MICROSOMAL.test(r.system)) return none(`assay system '${r.system}' is not microsomal`);
  const lip = bindingLipophilicity(perpetrator);
  if ('missing' in lip) return none(lip.missing);
  const protein = r.microsomalProtein?.value ?? d.proteinMgPerMl;
  const proteinAssumed = r.microsomalProtein === undefined;
  const fu = predictFuInc(d.method, lip.value, protein);
  if (!Number.isFinite(fu) || fu <= 0 || fu > 1) return none('prediction not finite');
  return {
    kind: 'predicted',
    fuInc: fu,
    sources: [...lip.sources, proteinAssumed ? d.proteinSource : r.microsomalProtein!.source],
    method: d.method,
    lipophilicity: lip,
    proteinMgPerMl: protein,
    proteinAssumed,
    label: `×fu,inc ${fmt(fu)} predicted (${methodName(d.method)}, ${lip.kind} ${fmt(lip.value)} ${lip.ionClass}, ${fmt(protein)} mg/mL${proteinAssumed ? ' assumed' : ''})`,
  };
}

/**
 * Microsomal protein assumed for an inhibition assay that does not report its own (mg/mL): an assumption, with its
 * reasoning and range in kb/sources/fu-inc.yaml (`assume-hlm-protein-inhibition-assay`).
 */
export const DEFAULT_INCUBATION_PROTEIN_MG_PER_ML = 0.25;

/**
 * The engine's choice, settled on the benchmark's tune split (docs/model-choices.md, "Incubation binding"): Austin
 * 2002 gave the lowest best-estimate GMFE on tune (1.6222 against 1.6235 Hallifax–Houston and 1.6239 none) — a
 * noise-level difference, chosen by the written criterion. Switch the method here, never per compound.
 */
export const FU_INC_DEFAULTS: IncubationDefaults = {
  method: 'austin',
  proteinMgPerMl: DEFAULT_INCUBATION_PROTEIN_MG_PER_ML,
  proteinSource: 'assume-hlm-protein-inhibition-assay',
};
