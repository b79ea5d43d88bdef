import { z } from 'zod';
import { EvidenceLevel, QuantityInput } from './quantity.js';

import { Id } from './id.js';
export { Id };
const Q = QuantityInput;
const Text = z.string().min(1);

export const SUBSTANCE_KINDS = ['plant', 'product', 'compound', 'metabolite', 'medicine', 'class'] as const;

export const Constituent = z
  .object({
    substance: Id,
    /** Mass content (`% w/w`, `mg/g`, `mg/mL`, `mg/actuation`) or relative share (`% of alkaloids`). */
    content: Q.optional(),
    /** Relative share among the product's active constituents, used to weight the expansion. */
    share: Q.optional(),
    note: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();

export const MetaboliteLink = z
  .object({
    substance: Id,
    enzyme: Id.optional(),
    /** Fraction of the parent's clearance that forms this metabolite (0–1). */
    fraction: Q.optional(),
    active: z.boolean().optional(),
    note: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();

export const Identifiers = z
  .object({
    pubchemCid: z.number().int().positive().optional(),
    chebi: z.string().regex(/^CHEBI:\d+$/).optional(),
    inchikey: z.string().regex(/^[A-Z]{14}-[A-Z]{10}-[A-Z]$/).optional(),
    unii: z.string().regex(/^[A-Z0-9]{10}$/).optional(),
    drugbank: z.string().regex(/^DB\d{5}$/).optional(),
    atc: z.string().optional(),
    /** Why there is no PubChem CID (a plant, a product, a class, a mixture, a compound PubChem does not list). */
    noPubchemReason: z.string().min(10).optional(),
  })
  .strict();

/** Usual dose the engine assumes when the user gives none, as a regimen string (`2 g`, `200 mg bid`). */
export const UsualDose = z
  .object({ regimen: Text, source: Id, verified: z.boolean(), note: z.string().optional() })
  .strict();

/**
 * A typical way a plant or product is used (a THC-dominant joint, an edible, a CBD oil serving, a gram amount of
 * kratom leaf), or a medicine dose named as an alternative. Check computes tiers at the `default` pattern when the
 * user names none, and every answer states which pattern it used. Give either `regimen` (a dose of the substance
 * itself, expanded into its constituents by their content) or `doses` (constituent doses written directly).
 */
export const UsagePattern = z
  .object({
    id: Id,
    name: Text,
    /** `everyday`: how people commonly take it; `medicine`: a prescribed or clinical-trial dose. */
    kind: z.enum(['everyday', 'medicine']),
    /** The pattern check uses when the user names none (at most one per substance). */
    default: z.boolean().default(false),
    regimen: Text.optional(),
    doses: z.array(z.object({ substance: Id, regimen: Text }).strict()).default([]),
    sources: z.array(Id).min(1),
    /** True only when every number was read in the sources (a typical-use estimate is `assumption: true`). */
    verified: z.boolean(),
    /** A typical-use estimate rather than a number read in a source; `reasoning` says how it was reached. */
    assumption: z.boolean().default(false),
    reasoning: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

export const Substance = z
  .object({
    id: Id,
    name: Text,
    kind: z.enum(SUBSTANCE_KINDS),
    synonyms: z.array(Text).default([]),
    brands: z.array(Text).default([]),
    slang: z.array(Text).default([]),
    latin: z.array(Text).default([]),
    /** Lipophilicity and ionisation, for predicting incubation binding of inhibition constants (Hallifax & Houston 2006). */
    logP: Q.optional(),
    logD74: Q.optional(),
    pKa: Q.optional(),
    /** Ionisation class at pH 7.4 (which of logP or logD predicts microsomal binding). */
    ionClass: z.enum(['acid', 'base', 'neutral', 'zwitterion']).optional(),
    /** Ids of `class` substances this one belongs to (e.g. `opioid`, `ssri`, `azole-antifungal`). */
    classes: z.array(Id).default([]),
    identifiers: Identifiers.default({}),
    mw: Q.optional(),
    /**
     * Aqueous solubility (mass or molar concentration; say medium, pH and temperature in the note): caps the enterocyte
     * and luminal concentrations the static model gives an oral perpetrator (MODEL.md §1.1, issue 12 §6) — drug that
     * has not dissolved cannot inhibit.
     */
    solubility: Q.optional(),
    /** Narrow therapeutic index, only where a source says so. */
    nti: z.object({ value: z.boolean(), source: Id, verified: z.boolean(), note: z.string().optional() }).strict().optional(),
    usualDose: UsualDose.optional(),
    /** Typical usage patterns (issue 14): the everyday default for check, with medicine doses as named alternatives. */
    usagePatterns: z.array(UsagePattern).default([]),
    constituents: z.array(Constituent).default([]),
    metabolites: z.array(MetaboliteLink).default([]),
    /** Content per unit of a liquid or spray product, so `mL` or `actuation` doses can be converted. */
    summary: z.string().optional(),
    notes: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();
export type SubstanceInput = z.infer<typeof Substance>;

export const Target = z
  .object({
    id: Id,
    name: Text,
    kind: z.enum(['receptor', 'ion-channel', 'enzyme', 'transporter', 'other']),
    hgnc: z.string().optional(),
    uniprot: z.string().regex(/^[A-Z0-9]{6,10}$/).optional(),
    /** Why there is no single HGNC/UniProt entry (a receptor family or an enzyme pair recorded together). */
    noGeneIdsReason: z.string().min(10).optional(),
    family: z.string().optional(),
    synonyms: z.array(Text).default([]),
    /** Enzyme turnover in liver and gut (1/h), for time-dependent inhibition and induction. */
    kdegLiver: Q.optional(),
    kdegGut: Q.optional(),
    /** Expressed in enterocytes to a degree that matters for first-pass (CYP3A). */
    gutExpressed: z.boolean().optional(),
    notes: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();

export const TARGET_ACTIONS = [
  'agonist',
  'partial-agonist',
  'antagonist',
  'inverse-agonist',
  'allosteric-modulator',
  'negative-allosteric-modulator',
  'positive-allosteric-modulator',
  'ligand',
  'channel-blocker',
] as const;
export const ENZYME_ACTIONS = [
  'substrate',
  'inhibitor',
  'tdi',
  'inducer',
  'transporter-substrate',
  'transporter-inhibitor',
] as const;

export const Relation = z
  .object({
    id: Id.optional(),
    subject: Id,
    object: Id,
    action: z.enum([...TARGET_ACTIONS, ...ENZYME_ACTIONS]),
    species: z.string().default('human'),
    /** Experimental system: HLM, HIM, rCYP, hepatocytes, HEK cells, rat brain, label, clinical... */
    system: z.string().optional(),
    probe: z.string().optional(),
    evidence: EvidenceLevel,
    // target parameters
    ki: Q.optional(),
    ic50: Q.optional(),
    ec50: Q.optional(),
    emaxPct: Q.optional(),
    // enzyme parameters
    fm: Q.optional(),
    /**
     * Transporter substrates (MODEL.md §7): at site `liver`, the fraction of the victim's hepatic uptake clearance
     * this uptake transporter carries; at site `gut`, the fraction of an oral dose this efflux transporter keeps
     * from being absorbed (so 1/(1 − ft) is the largest rise in absorption its full inhibition can give).
     */
    ft: Q.optional(),
    /**
     * Transporter substrates: the fraction of the victim's systemic clearance that is hepatic (what uptake
     * inhibition can act on); the rest is renal or otherwise out of the liver's reach.
     */
    fHepatic: Q.optional(),
    KI: Q.optional(),
    kinact: Q.optional(),
    kinactOverKI: Q.optional(),
    emaxFold: Q.optional(),
    fuInc: Q.optional(),
    /** Microsomal protein concentration of the assay (mg/mL), when the source gives it. */
    microsomalProtein: Q.optional(),
    /** Where the interaction acts; default from the enzyme (gut + liver for gut-expressed enzymes). */
    site: z.enum(['liver', 'gut', 'both']).optional(),
    clinicalClass: z.enum(['strong', 'moderate', 'weak']).optional(),
    note: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();
export type RelationInput = z.infer<typeof Relation>;

export const ROUTES = ['po', 'iv', 'inhaled', 'oromucosal', 'sublingual', 'ip', 'sc', 'im'] as const;

export const PkProfile = z
  .object({
    id: Id,
    substance: Id,
    species: z.string().default('human'),
    route: z.enum(ROUTES),
    dose: Q.optional(),
    /**
     * The dose is of this parent substance, and the profile is the exposure of `substance` formed from it (a
     * metabolite measured after its parent). Such a dose never yields the substance's own clearance or volume, and the
     * profile is not a single-dose profile of the substance itself (issue 16 §3, one meaning per number).
     */
    dosedAs: Id.optional(),
    /** `single` or a regimen string (`200 mg bid 7d`); `steadyState` when Cmax is at steady state. */
    regimen: z.string().default('single'),
    steadyState: z.boolean().default(false),
    formulation: z.string().optional(),
    population: z.string().optional(),
    n: z.number().int().positive().optional(),
    /** The profile the engine uses for this substance, species and route when none is chosen. */
    default: z.boolean().default(false),
    cmax: Q.optional(),
    tmax: Q.optional(),
    halfLife: Q.optional(),
    auc: Q.optional(),
    cl: Q.optional(),
    clF: Q.optional(),
    v: Q.optional(),
    vF: Q.optional(),
    vss: Q.optional(),
    /** Two-compartment terms (apparent, oral): peripheral volume and inter-compartmental clearance. */
    vpF: Q.optional(),
    qF: Q.optional(),
    f: Q.optional(),
    fu: Q.optional(),
    rb: Q.optional(),
    fa: Q.optional(),
    fg: Q.optional(),
    ka: Q.optional(),
    tlag: Q.optional(),
    /** Fraction excreted unchanged in urine (renal share of clearance). */
    fe: Q.optional(),
    note: z.string().optional(),
    sources: z.array(Id).default([]),
  })
  .strict();

export const Finding = z
  .object({
    id: Id,
    title: Text,
    species: Text,
    model: Text,
    interventions: z
      .array(z.object({ substance: Id, dose: z.string().optional(), route: z.string().optional() }).strict())
      .min(1),
    endpoint: Text,
    direction: z.enum(['increase', 'decrease', 'no-change', 'mixed', 'resembles']),
    magnitude: z.string().optional(),
    magnitudeValue: Q.optional(),
    /** What blocked or reversed the effect (e.g. a CB1 antagonist), pointing at the target involved. */
    blockedBy: z
      .array(z.object({ agent: Text, substance: Id.optional(), target: Id.optional() }).strict())
      .default([]),
    targets: z.array(Id).default([]),
    enzymes: z.array(Id).default([]),
    context: z.array(Text).default([]),
    /** Contexts in which the same study saw no effect (e.g. inflammatory pain). */
    notSeenIn: z.array(Text).default([]),
    evidence: EvidenceLevel,
    summary: Text,
    source: Id,
  })
  .strict();

export const SOURCE_TYPES = ['article', 'label', 'guidance', 'website', 'database', 'book', 'assumption'] as const;
export const Source = z
  .object({
    id: Id,
    type: z.enum(SOURCE_TYPES),
    title: Text,
    authors: z.string().optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    journal: z.string().optional(),
    citation: z.string().optional(),
    pmid: z.string().regex(/^\d{5,9}$/).optional(),
    pmcid: z.string().regex(/^PMC\d+$/).optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
    url: z.string().url().optional(),
    /** Articles: `review` for a review, meta-analysis or other secondary paper (tier secondary); default research. */
    publication: z.enum(['research', 'review']).optional(),
    /** A regulator's, legislature's or publisher's own date for the content cited (YYYY-MM-DD or YYYY). */
    sourceDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    /** For assumptions: why this default, and its plausible range. */
    reasoning: z.string().optional(),
    range: z.object({ low: z.number(), high: z.number(), unit: z.string() }).strict().optional(),
    note: z.string().optional(),
    /**
     * The copy a curator read when it is not the cited document itself: a verbatim mirror of the regulator's label
     * or of a paper. The citation (and so the tier) is the document; `readOn` keeps the trail honest and the audit
     * counts the numbers that rest on such readings (issue 16 §1).
     */
    readOn: z.string().url().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.readOn && s.url && s.readOn === s.url)
      ctx.addIssue({ code: 'custom', path: ['readOn'], message: 'readOn names the copy read; url must name the cited document itself' });
    if (s.readOn && s.type === 'assumption')
      ctx.addIssue({ code: 'custom', path: ['readOn'], message: 'an assumption is not read on a copy' });
    if (s.type === 'assumption' && !s.reasoning)
      ctx.addIssue({ code: 'custom', path: ['reasoning'], message: 'an assumption needs its reasoning' });
    if (s.type !== 'assumption' && !s.pmid && !s.doi && !s.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a source needs a pmid, doi or url' });
  });

export const LEGAL_STATUSES = ['legal', 'regulated', 'prescription', 'restricted', 'illegal', 'varies'] as const;
export const LegalStatus = z
  .object({
    substance: Id,
    /** Product form this applies to, e.g. `hemp CBD`, `THC cannabis`, `kratom leaf`, `concentrated 7-OH-MG`. */
    form: Text,
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'an ISO 3166-1 alpha-2 or ISO 3166-2 code'),
    jurisdictionName: Text,
    use: z.enum(['medical', 'adult', 'any']),
    status: z.enum(LEGAL_STATUSES),
    /** What a reader should know about this status (shown in answers). */
    notes: z.string().optional(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    source: Id,
    verified: z.boolean(),
    /**
     * Curators' search log: which later or more official sources were looked for, where, and what came back. It keeps
     * the trail auditable (issue 16) and stays out of answers, where a list of failed queries would only be noise.
     */
    curation: z.string().optional(),
    /**
     * When curators last searched for a source later than `asOf` (or more official) and found none worth citing: the
     * status is still the newest the KB can support, and answers say so beside the "may be out of date" warning.
     */
    rechecked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.rechecked && l.rechecked < l.asOf)
      ctx.addIssue({ code: 'custom', path: ['rechecked'], message: 'a re-check cannot predate the status it re-checked (asOf)' });
    if (l.rechecked && !l.curation)
      ctx.addIssue({ code: 'custom', path: ['curation'], message: 'a re-check needs its search log in `curation` (what was searched, where)' });
  });

/**
 * The pharmacological role a contributor plays in an effect class (issue 17). The mechanism-level PD rules
 * read roles, never substance ids: MAO inhibition + a serotonin releaser/reuptake inhibitor/agonist/precursor →
 * serotonin toxicity; MAO inhibition + a sympathomimetic → hypertensive crisis; two or more respiratory
 * depressants → respiratory depression; a toxic-metabolite precursor pairs with a PD record naming the metabolite.
 * Extend, never remove (the KB curators use these names).
 */
export const PD_ROLES = [
  'mao-inhibitor-irreversible',
  'mao-inhibitor-reversible',
  'serotonin-reuptake-inhibitor',
  'serotonin-releaser',
  'serotonin-agonist',
  'serotonin-precursor',
  'sympathomimetic',
  'respiratory-depressant',
  'cns-depressant',
  'toxic-metabolite-precursor',
] as const;
export const PdRole = z.enum(PD_ROLES);
export type PdRole = z.infer<typeof PdRole>;

export const EffectContributor = z
  .object({
    /** A substance or a class id (`kind: class`); class members inherit it unless `appliesTo` narrows it. */
    substance: Id,
    strength: z.enum(['major', 'moderate', 'minor']),
    evidence: EvidenceLevel,
    /** Mechanism this contributor brings to the class, read by the PD rules. */
    role: PdRole.optional(),
    /**
     * For a class contributor: which members the evidence covers, or the exception, in words
     * (e.g. "irreversible MAOIs only; moclobemide is reversible and is listed on its own").
     */
    appliesTo: z.string().optional(),
    /**
     * The lowest daily dose at which the cited evidence was gathered (per kg or absolute; unit `mg/kg` or `mg`, per day).
     * Below it the contribution is not counted for a stated dose and the answer says why — never that a lower dose
     * is safe, only that the evidence does not reach it (CBD's label effects come from 5–20 mg/kg/day; a joint holds
     * well under 1 mg).
     */
    studiedFromDailyDose: Q.optional(),
    note: z.string().optional(),
    sources: z.array(Id).min(1),
  })
  .strict();

export const EffectClass = z
  .object({
    id: Id,
    name: Text,
    description: Text,
    severity: z.enum(['high', 'moderate', 'low']),
    contributors: z.array(EffectContributor).min(1),
    sources: z.array(Id).default([]),
  })
  .strict();

export { CLINICAL_MECHANISMS, ClinicalStudy, RATIO_INTERVALS, RATIO_STATISTICS } from './clinical.js';
import { ClinicalStudy } from './clinical.js';
export { GUIDANCE_BASES, GUIDANCE_KINDS, GUIDANCE_MECHANISMS, GuidanceLine } from './guidance.js';
import { GuidanceLine } from './guidance.js';

export const RiskNote = z
  .object({
    id: Id,
    substances: z.array(Id).min(1),
    kind: z.enum([
      'dependence',
      'withdrawal',
      'product-variability',
      'adulteration',
      'high-potency',
      'hepatotoxicity',
      'overdose',
      'impairment',
      'pregnancy',
      'other',
    ]),
    title: Text,
    text: Text,
    evidence: EvidenceLevel,
    sources: z.array(Id).min(1),
  })
  .strict();

/**
 * What kind of evidence a pair-level pharmacodynamic record is (issue 17). A regulator's contraindication or boxed
 * warning, and published deaths from the combination, make a pair red; label warnings, case series and
 * toxic-metabolite combinations make it at least amber. `toxic-metabolite` is its own interaction kind: the two
 * together form a compound neither forms alone (alcohol + cocaine → cocaethylene).
 */
export const PD_RECORD_KINDS = ['contraindication', 'boxed-warning', 'label-warning', 'toxic-metabolite', 'case-series', 'fatality'] as const;

/**
 * A pair-level pharmacodynamic record: what a label (or a case series) says happens when `a` and `b` are combined.
 * A side is a substance or a class id; members of a class inherit the record unless listed in `except`.
 */
export const PdInteraction = z
  .object({
    id: Id,
    kind: z.enum(PD_RECORD_KINDS),
    /** A substance or a class (`kind: class`) id. */
    a: Id,
    b: Id,
    /** The effect class (kb/effects) the record is about. */
    effect: Id,
    /** What can happen (the worst outcome the source describes), kept apart from how sure we are (`evidence`). */
    severity: z.enum(['high', 'moderate', 'low']),
    /** The outcome in a few words (serotonin syndrome, hypertensive crisis, profound sedation and death, ...). */
    outcome: Text,
    /** For `toxic-metabolite`: the compound the two form together (a substance id when the KB has it). */
    metabolite: Id.optional(),
    metaboliteName: z.string().optional(),
    evidence: EvidenceLevel,
    /** Paraphrase of what the source says; never a copied sentence. */
    text: Text,
    source: Id,
    /** Where in the source: a label section ("4 CONTRAINDICATIONS", "Boxed warning", "7 DRUG INTERACTIONS"). */
    locator: Text,
    /** True only if someone on the project read this in the source. */
    verified: z.boolean(),
    /** Class members the record does not cover, with the reason in `appliesTo`. */
    except: z.array(Id).default([]),
    /** Which members of a class side the evidence covers, or the exception, in words. */
    appliesTo: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

/** The record kinds, one folder each under `kb/`, and the top-level YAML key of each file. */
export const RECORD_KINDS = {
  substances: Substance,
  targets: Target,
  relations: Relation,
  pk: PkProfile,
  findings: Finding,
  sources: Source,
  legal: LegalStatus,
  effects: EffectClass,
  clinical: ClinicalStudy,
  risks: RiskNote,
  guidance: GuidanceLine,
  pd: PdInteraction,
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
