/**
 * Inputs of the clinically anchored model (MODEL.md §6; Ohno et al. 2007, Hisaka et al. 2010): the victim's in-vivo
 * contribution ratio CR_j per enzyme and the perpetrator's in-vivo activity ratio a_j (a = 1 − IR for inhibition,
 * 1 + IC for induction), each derived from observed studies of OTHER pairs. This module and anchored-studies.ts are
 * the only code that reads observed outcomes for prediction; the mechanistic models never do.
 *
 * Leave-pair-out (issue 11 §4, issue 12 non-negotiable 3): the predicted pair's studies, in either role naming and
 * through any product holding either compound, are removed before anything is derived, so no number here rests on
 * them, directly or at one remove.
 *
 * One identity carries every derivation: a study's AUCR = 1/(1 − CR + CR·a), so
 *   index substrate (CR known)   → a = 1 + (1/AUCR − 1)/CR        (IR = 1 − a, IC = a − 1)
 *   index inhibitor (IR assumed 1, or known) → CR = (1 − 1/AUCR)/IR
 *   genotype study (poor vs normal)          → CR = 1 − AUC_normal/AUC_poor
 *
 * @example anchoredInputs(kb, scenario).terms // [{ enzyme: 'cyp3a4', cr: {value: 0.94…}, effect: {value: 0.62…} }]
 */
import type { KbIndex } from '../kb/kb-index.js';
import { enzymeGroup, INDEX_DRUGS, INDEX_IR_ASSUMPTION, INDEX_SOURCE } from './anchored-index.js';
import { exposureOf, relatedIds, usableObservations, type Exposure, type Observation } from './anchored-studies.js';
import { enzymesActedOn, fmScenarios, isPoorMetaboliserFm, pkValue } from './pk-inputs.js';
import { phenotypeOfGroup } from './pgx.js';
import type { Scenario } from './scenario.js';

/** A derived number with the range its studies' confidence intervals give. */
export interface Derived {
  value: number;
  low: number;
  high: number;
  /** genotype | index-inhibitor | perpetrator-of-known-IR | literature-fm | mechanistic-fm | no-pathway | index-substrate */
  method: string;
  /** The observed studies this number comes from directly (ids of kb/clinical records). */
  studies: string[];
  /** Every observed study it rests on, at any remove (its studies, and those behind the CRs and IRs they used). */
  read: string[];
  sources: string[];
  /** For an activity ratio: the index study's regimen and the asked one, and how it was moved. */
  regimen?: { index: string; asked: string; transfer: 'dose-scaled' | 'index-regimen' | 'same' | 'single-dose-no-induction' };
  /** The CRs of the index substrates that anchored an activity ratio. */
  anchors?: { substance: string; cr: number; studies: string[] }[];
}

export interface AnchoredTerm {
  enzyme: string;
  cr: Derived;
  /** Activity ratio a: below 1 inhibits (IR = 1 − a), above 1 induces (IC = a − 1). */
  effect: Derived;
  /** Compounds of the perpetrator whose effects make up `effect`. */
  compounds: string[];
}

export interface AnchoredMissing {
  what: 'IR' | 'CR' | 'metabolite' | 'content';
  substance: string;
  enzyme?: string;
}

/**
 * A metabolite's formation from its parent (the victim dosed), for a metabolite question: the parent's own terms and
 * each metabolite link of the KB (`fraction` = share of the parent's clearance that forms it, through `enzyme` when
 * named) with the perpetrator's in-vivo activity on that enzyme. By mass balance the amount formed through a named
 * enzyme moves by a_e × the parent's AUC ratio (more parent, less of it through an inhibited enzyme); a link with no
 * enzyme is formed pro rata from all of the parent's clearance and does not move (gut-wall changes ignored).
 */
export interface AnchoredFormation {
  parent: string;
  parentTerms: AnchoredTerm[];
  links: { enzyme: string | null; fraction: number; source: string; verified: boolean; effect: Derived | null; compounds: string[] }[];
}

export interface AnchoredInputs {
  victim: string;
  perpetrator: string;
  /** For a metabolite question: the terms of the metabolite's own elimination (its CRs as a circulating compound). */
  terms: AnchoredTerm[];
  formation?: AnchoredFormation;
  missing: AnchoredMissing[];
  /**
   * Main pathways (enzyme groups) of the victim, or of a metabolite's parent, on which the perpetrator has no recorded
   * effect at all: taken as unchanged, as the mechanistic models take them, and said so.
   */
  unaffected: string[];
  /** Every observed study any derivation read. Never a study of the predicted pair. */
  studiesRead: string[];
  /** The predicted pair's own studies, left out. */
  excluded: string[];
}

/** Smallest IR of a perpetrator used to derive a victim's CR: weaker ones divide noise by a small number. */
const MIN_IR_FOR_CR = 0.5;
/**
 * Smallest activity ratio used to move an IR to another dose: an index study whose AUC rise meets or exceeds its
 * substrate's CR gives a = 0 (IR clamped to 1), which has no finite Kapp; 0.02 (IR 0.98) stands in.
 */
const MIN_ACTIVITY_FOR_TRANSFER = 0.02;
/** A pathway carrying at least this share of the victim's clearance (or of a metabolite's formation) is a main one (its absence of data matters). */
const MAIN_PATHWAY_FM = 0.25;
/** A substrate not designated as index serves as one when its own CR reaches this (FDA sensitive: AUCR ≥ 5). */
const MIN_SENSITIVE_CR = 0.8;
/** Smallest index-substrate CR used to derive an IR, for the same reason. */
const MIN_INDEX_CR = 0.5;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const crFrom = (aucr: number, ir: number): number => clamp01((1 - 1 / aucr) / ir);
const activityFrom = (aucr: number, cr: number): number => Math.max(0, 1 + (1 / aucr - 1) / cr);
const single = (groups: string[], g: string): boolean => groups.length === 1 && groups[0] === g;

/** Everything a derivation needs, built once per question. */
interface Ctx {
  kb: KbIndex;
  obs: Observation[];
  indexCr: Map<string, Derived | null>;
  /** Enzyme groups on which the perpetrator (its compounds, their circulating metabolites) has a recorded effect. */
  acts: Set<string>;
}

/**
 * Enzyme groups the perpetrator is recorded to inhibit, inactivate or induce (any KB relation, with or without
 * constants), through any compound it delivers or their circulating metabolites. A pathway outside this set has no
 * recorded effect to anchor: the mechanistic models take it as unchanged, and so does the anchored model.
 */
function recordedEffects(kb: KbIndex, ids: readonly string[]): Set<string> {
  return new Set([...enzymesActedOn(kb, ids)].map(enzymeGroup));
}

/** How the victim was given: only an oral dose meets the gut wall. */
type Route = 'oral' | 'iv';

/** CR from a genotype study: the ratio is test/reference; whichever side is the poor metaboliser group. */
function genotypeCr(ctx: Ctx, victim: string, g: string): Derived | undefined {
  const vals: { cr: number; lo: number; hi: number; o: Observation }[] = [];
  for (const o of ctx.obs) {
    if (o.kind !== 'pharmacogenetic' || o.victim !== victim || !o.groups.includes(g) || !o.comparison) continue;
    const [test, ref] = [phenotypeOfGroup(o.comparison.test), phenotypeOfGroup(o.comparison.reference)];
    const poorTest = test === 'PM' && ref === 'NM';
    const poorRef = ref === 'PM' && test === 'NM';
    if (poorTest) vals.push({ cr: clamp01(1 - 1 / o.aucRatio), lo: clamp01(1 - 1 / o.low), hi: clamp01(1 - 1 / o.high), o });
    else if (poorRef) vals.push({ cr: clamp01(1 - o.aucRatio), lo: clamp01(1 - o.high), hi: clamp01(1 - o.low), o });
  }
  if (!vals.length) return undefined;
  const mean = (f: (v: (typeof vals)[number]) => number): number => vals.reduce((a, v) => a + f(v), 0) / vals.length;
  return { value: mean((v) => v.cr), low: mean((v) => v.lo), high: mean((v) => v.hi), method: 'genotype', studies: vals.map((v) => v.o.id), read: vals.map((v) => v.o.id), sources: vals.flatMap((v) => v.o.sources) };
}

/**
 * CR of an index substrate given by `route`: genotype study (oral), else its largest effect with an index inhibitor
 * given the same way (IR = 1), else a cited in-vivo fm. An IV index substrate's CR is its hepatic share only.
 */
function indexSubstrateCr(ctx: Ctx, s: string, g: string, route: Route = 'oral'): Derived | null {
  const key = `${s}|${g}|${route}`;
  if (ctx.indexCr.has(key)) return ctx.indexCr.get(key)!;
  let out: Derived | null = route === 'oral' ? (genotypeCr(ctx, s, g) ?? null) : null;
  if (!out) {
    const inhibitors = new Set(INDEX_DRUGS[g]?.inhibitors ?? []);
    const best = ctx.obs
      .filter((o) => o.kind === 'interaction' && o.victim === s && inhibitors.has(o.perpetrator!) && o.victimRoute === route && single(o.groups, g) && o.aucRatio > 1)
      .sort((a, b) => b.aucRatio - a.aucRatio)[0];
    if (best) out = { value: crFrom(best.aucRatio, 1), low: crFrom(best.low, 1), high: crFrom(best.high, 1), method: 'index-inhibitor', studies: [best.id], read: [best.id], sources: [...best.sources, INDEX_IR_ASSUMPTION] };
  }
  if (out?.method !== 'genotype') {
    // A cited genotype fm (1 − AUC normal/AUC poor, read from a paper into relations/) is, like the index-inhibitor
    // CR, a lower bound (poor metabolisers keep some activity; IR ≤ 1): the larger of the two is used.
    // Genotype and phenotype (poor vs normal metaboliser) studies are the same evidence; of several, the largest
    // lower bound holds. Only read numbers count: an assumption is not an in-vivo measurement.
    const rs = ctx.kb.relationsOf(s).filter((x) => x.action === 'substrate' && x.object === g && x.fm && x.species === 'human' && isPoorMetaboliserFm(x));
    const r = rs.sort((a, b) => b.fm!.value - a.fm!.value)[0];
    if (r?.fm && (!out || r.fm.value > out.value)) out = { value: r.fm.value, low: r.fm.low ?? r.fm.value, high: r.fm.high ?? r.fm.value, method: 'literature-fm', studies: [], read: [], sources: [r.fm.source] };
  }
  ctx.indexCr.set(key, out);
  return out;
}

/** Does a study's perpetrator stand for compound or product `id`? Its own id, or a product mostly made of it. */
const delivers = (o: Observation, id: string): boolean => o.perpetrator === id || o.dominantCompound === id;

/**
 * The perpetrator's activity ratio a on enzyme group g at the asked exposure, from its studies with index substrates.
 * The index studies nearest the asked regimen are used (amount per day; single vs repeated), and an inhibition is
 * moved to the asked amount along IR = D/(D + Kapp) (assumption `assume-anchored-dose-transfer`).
 */
function perpetratorEffect(ctx: Ctx, id: string, g: string, asked: Exposure | undefined, notVictim?: string, route: Route = 'oral'): Derived | undefined {
  const substrates = new Set(INDEX_DRUGS[g]?.substrates ?? []);
  const rows: { o: Observation; a: number; lo: number; hi: number; cr: Derived; s: string }[] = [];
  for (const o of ctx.obs) {
    if (o.kind !== 'interaction' || o.victim === notVictim || !delivers(o, id) || o.victimRoute !== route || !single(o.groups, g)) continue;
    // Designated index substrates, and any other sensitive substrate: one whose own CR (genotype, or its rise with an
    // index inhibitor) is at least 0.8, i.e. a 5-fold AUC rise with a strong index inhibitor (the FDA's "sensitive"),
    // as Ohno et al. 2007 drew IRs from every substrate of known CR.
    const designated = substrates.has(o.victim);
    const cr = indexSubstrateCr(ctx, o.victim, g, route);
    if (!cr || cr.value < (designated ? MIN_INDEX_CR : MIN_SENSITIVE_CR)) continue;
    rows.push({ o, a: activityFrom(o.aucRatio, cr.value), lo: activityFrom(o.high, cr.value), hi: activityFrom(o.low, cr.value), cr, s: o.victim });
  }
  // An IV victim sees the liver only, so its effect comes from index studies with IV substrates. An oral index study
  // also carries the gut wall (a gut inhibition or induction the liver never sees), so it does not stand in: the
  // anchored model leaves the IV victim to the mechanistic models (settled on tune, docs/model-choices.md).
  if (!rows.length) return undefined;
  const expOf = (o: Observation): Exposure | undefined => o.exposure[id] ?? (o.perpetrator ? o.exposure[o.perpetrator] : undefined);
  const score = (o: Observation): number => {
    const e = expOf(o);
    const dose = e?.mgPerDay && asked?.mgPerDay ? Math.abs(Math.log(asked.mgPerDay / e.mgPerDay)) : Math.LN2;
    return dose + (asked && e && asked.single !== e.single ? Math.log(3) : 0);
  };
  const best = Math.min(...rows.map((r) => score(r.o)));
  const chosen = rows.filter((r) => score(r.o) <= best + 0.2);
  let scaled = false;
  let unknown = false;
  const moved = chosen.map((r) => {
    const e = expOf(r.o);
    if (!e?.mgPerDay || !asked?.mgPerDay) unknown = true;
    const move = (measured: number): number => {
      // Induction: no dose-response can be solved from one study; below the index amount the increase in clearance
      // is taken as proportional to the amount, and never above the index study's (assume-anchored-dose-transfer).
      if (measured > 1) {
        if (!e?.mgPerDay || !asked?.mgPerDay || asked.mgPerDay >= e.mgPerDay) return measured;
        scaled = true;
        return 1 + (measured - 1) * (asked.mgPerDay / e.mgPerDay);
      }
      // A fully inhibited index study (a clamped to 0) still has a finite Kapp: floor a before solving for it.
      const a = Math.max(MIN_ACTIVITY_FOR_TRANSFER, measured);
      if (measured >= 1 || !e?.mgPerDay || !asked?.mgPerDay || Math.abs(e.mgPerDay - asked.mgPerDay) / e.mgPerDay < 1e-6) return measured;
      scaled = true;
      const kapp = (e.mgPerDay * a) / (1 - a);
      return 1 - asked.mgPerDay / (asked.mgPerDay + kapp);
    };
    return { a: move(r.a), lo: move(r.lo), hi: move(r.hi) };
  });
  const mean = (f: (m: (typeof moved)[number]) => number): number => moved.reduce((acc, m) => acc + f(m), 0) / moved.length;
  // Induction takes days of dosing (enzyme synthesis): a single asked dose gets none from repeated-dose index studies.
  const noInduction = !!asked?.single && mean((m) => m.a) > 1 && chosen.every((r) => expOf(r.o)?.single === false);
  const transfer = noInduction ? 'single-dose-no-induction' : scaled ? 'dose-scaled' : unknown ? 'index-regimen' : 'same';
  return {
    value: noInduction ? 1 : mean((m) => m.a),
    low: noInduction ? 1 : Math.min(mean((m) => m.lo), mean((m) => m.a)),
    high: noInduction ? 1 : Math.max(mean((m) => m.hi), mean((m) => m.a)),
    method: 'index-substrate',
    studies: chosen.map((r) => r.o.id),
    read: [...new Set(chosen.flatMap((r) => [r.o.id, ...r.cr.read]))],
    sources: [...new Set(chosen.flatMap((r) => [...r.o.sources, ...r.cr.sources]))],
    regimen: { index: [...new Set(chosen.map((r) => expOf(r.o)?.text ?? 'not recorded'))].join('; '), asked: asked?.text ?? 'not given', transfer },
    anchors: [...new Map(chosen.map((r) => [r.s, { substance: r.s, cr: r.cr.value, studies: r.cr.studies }])).values()],
  };
}

/** The victim's CR on enzyme group g for its route: genotype, index-substrate rule, studies with perpetrators of known IR, else fm. */
function victimCr(ctx: Ctx, victim: string, g: string, route: 'oral' | 'iv'): Derived | undefined {
  if (INDEX_DRUGS[g]?.substrates.includes(victim)) {
    const cr = indexSubstrateCr(ctx, victim, g, route);
    if (cr) return cr;
  }
  const gt = genotypeCr(ctx, victim, g);
  if (gt) return gt;
  const ests: { cr: number; lo: number; hi: number; w: number; o: Observation; ir: Derived }[] = [];
  for (const o of ctx.obs) {
    if (o.kind !== 'interaction' || o.victim !== victim || o.victimRoute !== route || !single(o.groups, g) || o.aucRatio <= 1) continue;
    const perp = o.perpetrator!;
    // The victim's own studies never anchor the IR used to read its CR (that would be circular).
    const eff = perpetratorEffect(ctx, perp, g, o.exposure[perp], victim, route);
    if (!eff || 1 - eff.value < MIN_IR_FOR_CR) continue;
    const ir = 1 - eff.value;
    ests.push({ cr: crFrom(o.aucRatio, ir), lo: crFrom(o.low, Math.min(1, 1 - eff.low)), hi: crFrom(o.high, Math.max(1e-6, 1 - eff.high)), w: ir, o, ir: eff });
  }
  if (ests.length) {
    const w = ests.reduce((a, e) => a + e.w, 0);
    const avg = (f: (e: (typeof ests)[number]) => number): number => ests.reduce((a, e) => a + e.w * f(e), 0) / w;
    const value = avg((e) => e.cr);
    return { value, low: Math.min(value, avg((e) => e.lo)), high: Math.max(value, avg((e) => e.hi)), method: 'perpetrator-of-known-IR', studies: ests.map((e) => e.o.id), read: [...new Set(ests.flatMap((e) => [e.o.id, ...e.ir.read]))], sources: [...new Set(ests.flatMap((e) => [...e.o.sources, ...e.ir.sources]))] };
  }
  return mechanisticCr(ctx.kb, victim, g, route);
}

/**
 * Fallback (MODEL.md §6: "from fm and Fg of the mechanistic inputs only when neither exists"): CR = fm for the liver,
 * and for an oral CYP3A victim 1 − Fg·(1 − fm), the share removed when gut and liver enzyme are both blocked.
 */
function mechanisticCr(kb: KbIndex, victim: string, g: string, route: 'oral' | 'iv'): Derived | undefined {
  const sc = fmScenarios(kb, victim).scenarios[0];
  if (!sc) return undefined;
  let fm = 0;
  let lo = 0;
  let hi = 0;
  for (const [e, v] of Object.entries(sc.fm)) {
    if ((e === 'cyp3a5' ? 'cyp3a4' : e) !== g) continue;
    fm += v;
    lo += sc.fmLow[e] ?? v;
    hi += sc.fmHigh[e] ?? v;
  }
  if (fm === 0) return { value: 0, low: 0, high: 0, method: 'no-pathway', studies: [], read: [], sources: [sc.source] };
  const fg = g === 'cyp3a4' && route === 'oral' ? pkValue(kb, victim, 'fg') : undefined;
  const withGut = (x: number): number => clamp01(fg ? 1 - fg.value * (1 - Math.min(1, x)) : Math.min(1, x));
  return { value: withGut(fm), low: withGut(lo), high: withGut(hi), method: 'mechanistic-fm', studies: [], read: [], sources: [sc.source, ...(fg ? [fg.source] : [])] };
}

/** The victim's fm per enzyme group from its mechanistic inputs (the first fm scenario), to name its main pathways. */
function victimPathways(kb: KbIndex, victim: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [e, v] of Object.entries(fmScenarios(kb, victim).scenarios[0]?.fm ?? {})) {
    const g = e === 'cyp3a5' ? 'cyp3a4' : e;
    out[g] = (out[g] ?? 0) + v;
  }
  return out;
}

/** Combine several compounds' activity ratios on one enzyme: remaining activities multiply (independent sites). */
function combine(effects: Derived[]): Derived {
  if (effects.length === 1) return effects[0]!;
  const prod = (f: (d: Derived) => number): number => effects.reduce((a, d) => a * f(d), 1);
  return { ...effects[0]!, value: prod((d) => d.value), low: prod((d) => d.low), high: prod((d) => d.high), studies: effects.flatMap((d) => d.studies), read: [...new Set(effects.flatMap((d) => d.read))], sources: [...new Set(effects.flatMap((d) => d.sources))], anchors: effects.flatMap((d) => d.anchors ?? []) };
}

/** The perpetrator's activity ratio on each enzyme group it has index studies for, and which compounds carry it. */
type Effects = Map<string, { effect: Derived; compounds: string[] }>;

function perpetratorEffects(ctx: Ctx, sc: Scenario, asked: Record<string, Exposure | undefined>, missing: AnchoredMissing[]): Effects {
  const out: Effects = new Map();
  for (const g of Object.keys(INDEX_DRUGS)) {
    // The product as studied, when it has index studies of its own; else each compound it delivers.
    const own = perpetratorEffect(ctx, sc.perpetrator.id, g, asked[sc.perpetrator.id], undefined, sc.victimRoute);
    const parts = own ? [{ id: sc.perpetrator.id, d: own }] : sc.perpetratorCompounds.filter((c) => c.compoundId !== sc.perpetrator.id).flatMap((c) => {
      const d = perpetratorEffect(ctx, c.compoundId, g, asked[c.compoundId], undefined, sc.victimRoute);
      if (!d) return [];
      // A minor constituent whose amount the asked dose does not give cannot borrow its index study's amount.
      if (c.weight < 0.5 && asked[c.compoundId]?.mgPerDay === undefined) {
        if (!missing.some((m) => m.what === 'content' && m.substance === c.compoundId)) missing.push({ what: 'content', substance: c.compoundId, enzyme: g });
        return [];
      }
      return [{ id: c.compoundId, d }];
    });
    if (parts.length) out.set(g, { effect: combine(parts.map((p) => p.d)), compounds: parts.map((p) => p.id) });
  }
  return out;
}

/**
 * The terms of one compound (the victim, a metabolite's parent, or a circulating metabolite) under the perpetrator's
 * effects, with the missing-data rules: a main pathway (fm ≥ 0.25) without an in-vivo ratio is named as missing (the
 * answer is partial); with no used term left, any pathway without one is (×1 by omission is no estimate).
 * `omission` says whether that last case applies: the caller greys the answer.
 */
function compoundTerms(ctx: Ctx, id: string, route: Route, effects: Effects, missing: AnchoredMissing[], perpetrator: string, unaffected: string[]): { terms: AnchoredTerm[]; omission: boolean } {
  const terms: AnchoredTerm[] = [];
  for (const [g, e] of effects) {
    const cr = victimCr(ctx, id, g, route);
    if (!cr) {
      missing.push({ what: 'CR', substance: id, enzyme: g });
      continue;
    }
    terms.push({ enzyme: g, cr, effect: e.effect, compounds: e.compounds });
  }
  // A main pathway of the compound (fm ≥ 0.25 in its mechanistic inputs) on which the perpetrator has no in-vivo ratio
  // is unknown, not absent: it is named as missing and the answer warns that it is partial. (Greying such answers was
  // tried on the tune split: it removed 11 answers, 10 of them within 2-fold, so the answer stands with the warning.)
  const covered = new Set(terms.map((t) => t.enzyme));
  const pathways = Object.entries(victimPathways(ctx.kb, id));
  // Already named for this enzyme (its CR here, the perpetrator's IR, or a constituent's amount): not named twice.
  const lacks = (g: string): boolean => !covered.has(g) && ctx.acts.has(g) && !missing.some((m) => m.enzyme === g && (m.what !== 'CR' || m.substance === id));
  for (const [g, fm] of pathways) if (fm >= MAIN_PATHWAY_FM && lacks(g)) missing.push({ what: 'IR', substance: perpetrator, enzyme: g });
  // A main pathway the perpetrator has no recorded effect on is not missing data: it is unchanged, as in the
  // mechanistic models (settled on tune, docs/model-choices.md), and the answer names it.
  for (const [g, fm] of pathways) if (fm >= MAIN_PATHWAY_FM && !covered.has(g) && !ctx.acts.has(g) && !unaffected.includes(g)) unaffected.push(g);
  // Enzymes the compound does not use add nothing; they are kept only when no other term is left (the answer is then 1).
  const used = terms.filter((t) => t.cr.value > 0);
  // No term through a pathway the compound uses, while one of its pathways lacks its in-vivo ratio: the product would
  // be ×1 by omission (S-warfarin with fluconazole: CYP3A4 carries nothing, CYP2C9 is unknown). With no term left, a
  // minor pathway counts too (bupropion with efavirenz: CYP2B6 fm 0.21 unknown, CYP3A4 unused); settled on tune
  // (docs/model-choices.md).
  if (!used.length) for (const [g, fm] of pathways) if (fm > 0 && lacks(g)) missing.push({ what: 'IR', substance: perpetrator, enzyme: g });
  const omission = !used.length && missing.some((m) => m.what === 'IR' && m.enzyme !== undefined && m.substance === perpetrator && pathways.some(([g]) => g === m.enzyme));
  return { terms: used.length ? used : terms, omission };
}

/**
 * A metabolite question: the parent's terms, the formation links with the perpetrator's activity on their enzymes,
 * and the metabolite's own elimination terms (as a circulating compound: hepatic CRs, no gut wall). Grey when the KB
 * gives no formation fraction, or when nothing the perpetrator does is known on any of the three.
 */
function metaboliteInputs(ctx: Ctx, sc: Scenario, effects: Effects, missing: AnchoredMissing[], base: Pick<AnchoredInputs, 'victim' | 'perpetrator' | 'excluded'>): AnchoredInputs {
  const parent = sc.victim.id;
  const metabolite = base.victim;
  const links = (ctx.kb.substance(parent)?.metabolites ?? [])
    .filter((m) => m.substance === metabolite && m.fraction && m.fraction.value > 0)
    .map((m) => {
      const g = m.enzyme === undefined ? null : m.enzyme === 'cyp3a5' ? 'cyp3a4' : m.enzyme;
      const e = g ? effects.get(g) : undefined;
      return { enzyme: g, fraction: m.fraction!.value, source: m.fraction!.source, verified: m.fraction!.verified, effect: e?.effect ?? null, compounds: e?.compounds ?? [] };
    });
  if (!links.length) return { ...base, terms: [], missing: [{ what: 'metabolite', substance: metabolite }], unaffected: [], studiesRead: [] };
  const total = links.reduce((a, l) => a + l.fraction, 0);
  for (const l of links)
    if (l.enzyme && !l.effect && l.fraction / total >= MAIN_PATHWAY_FM && !missing.some((m) => m.enzyme === l.enzyme)) missing.push({ what: 'IR', substance: sc.perpetrator.id, enzyme: l.enzyme });
  const unaffected: string[] = [];
  const p = compoundTerms(ctx, parent, sc.victimRoute, effects, missing, sc.perpetrator.id, unaffected);
  const m = compoundTerms(ctx, metabolite, 'iv', effects, missing, sc.perpetrator.id, unaffected);
  const moved = (ts: AnchoredTerm[]): boolean => ts.some((t) => t.cr.value > 0);
  if (!moved(p.terms) && !moved(m.terms) && !links.some((l) => l.effect)) return { ...base, terms: [], missing: missing.length ? missing : [{ what: 'IR', substance: sc.perpetrator.id }], unaffected, studiesRead: [] };
  const parentTerms = p.terms.filter((t) => t.cr.value > 0);
  const terms = m.terms.filter((t) => t.cr.value > 0);
  const studiesRead = [...new Set([...parentTerms, ...terms].flatMap((t) => [...t.cr.read, ...t.effect.read]).concat(links.flatMap((l) => l.effect?.read ?? [])))].sort();
  return { ...base, terms, formation: { parent, parentTerms, links }, missing, unaffected, studiesRead };
}

/** Build the anchored model's inputs for a resolved question. Pure: the KB in, derivations out. */
export function anchoredInputs(kb: KbIndex, sc: Scenario): AnchoredInputs {
  const victim = sc.analyte.id;
  const compounds = sc.perpetratorCompounds.map((c) => c.compoundId);
  const victims = relatedIds(kb, [sc.victim.id, victim]);
  const perps = relatedIds(kb, [sc.perpetrator.id, ...compounds]);
  const { observations, excluded } = usableObservations(kb, victims, perps);
  const base = { victim, perpetrator: sc.perpetrator.id, excluded };
  const ctx: Ctx = { kb, obs: observations, indexCr: new Map(), acts: recordedEffects(kb, [sc.perpetrator.id, ...compounds]) };
  const asked = exposureOf(kb, sc.perpetrator.id, sc.perpetratorDose.regimen, sc.perpetratorDose.text, sc.weightKg);
  const missing: AnchoredMissing[] = [];
  const effects = perpetratorEffects(ctx, sc, asked, missing);
  if (sc.metaboliteQuestion) return metaboliteInputs(ctx, sc, effects, missing, base);
  if (effects.size === 0 && !missing.length) missing.push({ what: 'IR', substance: sc.perpetrator.id });
  const unaffected: string[] = [];
  const { terms, omission } = compoundTerms(ctx, victim, sc.victimRoute, effects, missing, sc.perpetrator.id, unaffected);
  if (omission) return { ...base, terms: [], missing, unaffected, studiesRead: [] };
  const studiesRead = [...new Set(terms.flatMap((t) => [...t.cr.read, ...t.effect.read]))].sort();
  return { ...base, terms, missing, unaffected, studiesRead };
}

export { INDEX_SOURCE };
