import { quantitiesIn } from './convert.js';
import { fmSumsOverOne } from './fm-sums.js';
import { sourceTiers } from './source-tier.js';
import type { SourceTier } from './source-tier.js';
import type { KbData, Source } from './types.js';

export interface KbStats {
  version: string;
  substances: number;
  substancesByKind: Record<string, number>;
  targets: number;
  relations: number;
  relationsByAction: Record<string, number>;
  pkProfiles: number;
  findings: number;
  sources: number;
  legalStatuses: number;
  jurisdictions: number;
  effectClasses: number;
  clinicalStudies: number;
  riskNotes: number;
  numbers: number;
  verifiedNumbers: number;
  verifiedShare: number;
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function allRecords(kb: KbData): unknown[] {
  return [...kb.substances, ...kb.targets, ...kb.relations, ...kb.pk, ...kb.findings, ...kb.clinical];
}

export function kbStats(kb: KbData): KbStats {
  let numbers = 0;
  let verified = 0;
  for (const r of allRecords(kb))
    for (const [, q] of quantitiesIn(r)) {
      numbers++;
      if (q.verified) verified++;
    }
  return {
    version: kb.version,
    substances: kb.substances.length,
    substancesByKind: countBy(kb.substances, (s) => s.kind),
    targets: kb.targets.length,
    relations: kb.relations.length,
    relationsByAction: countBy(kb.relations, (r) => r.action),
    pkProfiles: kb.pk.length,
    findings: kb.findings.length,
    sources: kb.sources.length,
    legalStatuses: kb.legal.length,
    jurisdictions: new Set(kb.legal.map((l) => l.jurisdiction)).size,
    effectClasses: kb.effects.length,
    clinicalStudies: kb.clinical.length,
    riskNotes: kb.risks.length,
    numbers,
    verifiedNumbers: verified,
    verifiedShare: numbers === 0 ? 0 : verified / numbers,
  };
}

export interface KbAudit {
  today: string;
  withoutSource: string[];
  unverified: string[];
  assumptions: string[];
  staleLegal: string[];
  /** Of the stale legal statuses, those curators searched again (`rechecked`) without finding a later source. */
  staleLegalRechecked: number;
  /** Verified numbers by the tier of the source they cite (issue 16 §1). */
  verifiedByTier: Record<SourceTier, number>;
  /** Legal-status records by the tier of their source. */
  legalByTier: Record<SourceTier, number>;
  /** Verified numbers whose source was read on a copy (`readOn`): counted in their document's tier, listed here too. */
  verifiedReadOnCopy: number;
  /** Verified numbers that rest on a weak source: what a curator should re-point to a primary source next. */
  verifiedOnWeak: string[];
  /** fm sums above 1 (per source, or in the engine's default picture): each is also a `kb validate` error. */
  fmSumsOver1: string[];
  /** Compounds, medicines and metabolites without a PubChem CID or a recorded reason; targets without UniProt+HGNC or a reason. */
  identifiersMissing: string[];
  /**
   * The weak sources that verified numbers still rest on, most numbers first, each with why it was not moved: its kind
   * (what a primary replacement would have to be) and the searches curators recorded on it (issue 16's closing list).
   */
  weakSources: WeakSource[];
}

/** Why a weak source's numbers are still there, by what kind of document it is. */
export type WeakKind = 'label-copy' | 'paper-without-identifier' | 'web-page' | 'uncurated-database' | 'other';

export interface WeakSource {
  source: string;
  kind: WeakKind;
  /** Host of the page the numbers were read on. */
  host: string | undefined;
  /** Verified numbers citing it. */
  numbers: number;
  /** How many issue-16 search rounds are recorded in its note (each names the queries that failed). */
  searchRounds: number;
  /** The last recorded search round, as the curator wrote it. */
  lastSearch: string | undefined;
}

/** Issue-16 search rounds are noted as "issue 16 (session N…): …"; the first, unnumbered round as "issue 16: …". */
const SEARCH_ROUND = /issue 16(?: \((?:session )?[^)]*\))?:/g;

function weakKind(s: Source): WeakKind {
  switch (s.type) {
    case 'label':
      return 'label-copy';
    case 'article':
      return 'paper-without-identifier';
    case 'website':
    case 'guidance':
    case 'book':
      return 'web-page';
    case 'database':
      return 'uncurated-database';
    default:
      return 'other';
  }
}

function weakSourcesOf(sources: readonly Source[], counts: ReadonlyMap<string, number>): WeakSource[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const out: WeakSource[] = [];
  for (const [id, numbers] of counts) {
    const s = byId.get(id);
    if (!s) continue;
    const note = s.note ?? '';
    const starts = [...note.matchAll(SEARCH_ROUND)].map((m) => m.index);
    const last = starts.length > 0 ? note.slice(starts[starts.length - 1]).trim() : undefined;
    let host: string | undefined;
    try {
      host = s.url ? new URL(s.url).hostname.replace(/^www\./, '') : undefined;
    } catch {
      host = undefined;
    }
    out.push({ source: id, kind: weakKind(s), host, numbers, searchRounds: starts.length, lastSearch: last });
  }
  return out.sort((a, b) => b.numbers - a.numbers || a.source.localeCompare(b.source));
}

/** Months between two ISO dates (calendar months, fractional by day). */
function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) + (db - da) / 31;
}

/**
 * What a curator should look at next. `today` is passed in (read at the CLI's edge) so the audit stays pure.
 * Class records are taxonomy without numbers and are not required to carry a source.
 */
export function auditKb(kb: KbData, today: string): KbAudit {
  const assumptionIds = new Set(kb.sources.filter((s) => s.type === 'assumption').map((s) => s.id));
  const tiers = sourceTiers(kb.sources);
  const verifiedByTier: Record<SourceTier, number> = { primary: 0, secondary: 0, weak: 0, assumption: 0 };
  const legalByTier: Record<SourceTier, number> = { primary: 0, secondary: 0, weak: 0, assumption: 0 };
  const verifiedOnWeak: string[] = [];
  const weakCounts = new Map<string, number>();
  const readOnCopy = new Set(kb.sources.filter((s) => s.readOn).map((s) => s.id));
  let verifiedReadOnCopy = 0;
  const withoutSource: string[] = [];
  const unverified: string[] = [];
  const assumptions: string[] = [];
  const check = (kind: string, id: string, rec: unknown, listed: string[]): void => {
    const qs = [...quantitiesIn(rec)];
    if (listed.length === 0 && qs.length === 0) withoutSource.push(`${kind} ${id}`);
    for (const [path, q] of qs) {
      const label = `${kind} ${id} ${path.join('.')} = ${q.original.value} ${q.original.unit} [${q.source}]`;
      if (!q.verified) unverified.push(label);
      else {
        const tier = tiers.get(q.source) ?? 'weak';
        verifiedByTier[tier]++;
        if (readOnCopy.has(q.source)) verifiedReadOnCopy++;
        if (tier === 'weak') {
          verifiedOnWeak.push(label);
          weakCounts.set(q.source, (weakCounts.get(q.source) ?? 0) + 1);
        }
      }
      if (assumptionIds.has(q.source)) assumptions.push(label);
    }
  };
  for (const s of kb.substances) if (s.kind !== 'class') check('substance', s.id, s, [...s.sources, ...(s.usualDose ? [s.usualDose.source] : [])]);
  for (const t of kb.targets) check('target', t.id, t, t.sources);
  for (const r of kb.relations) check('relation', r.id, r, r.sources);
  for (const p of kb.pk) check('pk', p.id, p, p.sources);
  for (const f of kb.findings) check('finding', f.id, f, [f.source]);
  for (const c of kb.clinical) check('clinical', c.id, c, c.sources);
  const stale = kb.legal.filter((l) => monthsBetween(l.asOf, today) > 12);
  const staleLegal = stale.map((l) => `${l.substance} ${l.jurisdiction} (${l.use}) as of ${l.asOf}${l.rechecked ? `, searched again ${l.rechecked}` : ''}`);
  // A re-check counts for 12 months, like the status itself.
  const staleLegalRechecked = stale.filter((l) => l.rechecked && monthsBetween(l.rechecked, today) <= 12).length;
  for (const l of kb.legal) legalByTier[tiers.get(l.source) ?? 'weak']++;
  const fmSumsOver1 = fmSumsOverOne(kb.relations).map((f) => `${f.substance} (${f.species}) ${f.scope}: ${f.total.toFixed(2)}`);
  const identifiersMissing = [
    ...kb.substances
      .filter((s) => ['compound', 'medicine', 'metabolite'].includes(s.kind) && !s.identifiers.pubchemCid && !s.identifiers.noPubchemReason)
      .map((s) => `substance ${s.id}: no PubChem CID and no reason recorded`),
    ...kb.targets
      .filter((t) => (!t.uniprot || !t.hgnc) && !t.noGeneIdsReason)
      .map((t) => `target ${t.id}: ${[!t.uniprot && 'UniProt', !t.hgnc && 'HGNC'].filter(Boolean).join(' and ')} missing, no reason recorded`),
  ];
  const weakSources = weakSourcesOf(kb.sources, weakCounts);
  return { today, withoutSource, unverified, assumptions, staleLegal, staleLegalRechecked, verifiedByTier, verifiedReadOnCopy, legalByTier, verifiedOnWeak, fmSumsOver1, identifiersMissing, weakSources };
}
