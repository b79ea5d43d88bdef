import { isCrosstalkError, type ErrorCode, type Issue } from '../core/index.js';
import { parseRegimen } from '../core/index.js';
import { fmSumsOverOne, numberMeaningIssues, quantitiesIn } from '../core/index.js';
import type { KbData } from '../core/index.js';
import type { RawRecord } from './load-yaml.js';
import { checkGuidance, checkUsagePatterns } from './integrity-usage.js';

type Body = Omit<KbData, 'version'>;

/**
 * Cross-record checks: unique ids, every reference resolves, every cited source exists.
 * Returns issues (errors) and warnings (suspicious but legal, e.g. fm summing above 1).
 */
export function checkIntegrity(
  kb: Body,
  originOf: (record: unknown) => RawRecord | undefined,
): { issues: Issue[]; warnings: Issue[] } {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (rec: unknown, path: (string | number)[], code: ErrorCode, message: string, warn = false): void => {
    const o = originOf(rec);
    const label = o ? `${o.kind}[${o.index}]` : '';
    const id = (rec as { id?: string }).id;
    (warn ? warnings : issues).push({
      code,
      file: o?.file,
      line: o?.lineOf(path),
      field: path.join('.'),
      message: `${label}${id ? ` (${id})` : ''}.${path.join('.')}: ${message}`,
    });
  };

  // Unique ids: substances, targets and sources share one id space; other kinds are unique within kind.
  const shared = new Map<string, string>();
  const dupCheck = (items: { id?: string }[], kind: string, space: Map<string, string>): void => {
    for (const r of items) {
      if (!r.id) continue;
      const prev = space.get(r.id);
      if (prev) at(r, ['id'], 'KB_DUPLICATE_ID', `id '${r.id}' is already used by a record in ${prev}`);
      else space.set(r.id, `${kind} (${originOf(r)?.file ?? '?'})`);
    }
  };
  dupCheck(kb.substances, 'substances', shared);
  dupCheck(kb.targets, 'targets', shared);
  dupCheck(kb.sources, 'sources', shared);
  for (const [name, items] of [
    ['pk', kb.pk],
    ['findings', kb.findings],
    ['effects', kb.effects],
    ['clinical', kb.clinical],
    ['risks', kb.risks],
    ['guidance', kb.guidance ?? []],
    ['pd', kb.pd ?? []],
    ['relations', kb.relations],
  ] as const)
    dupCheck(items as { id?: string }[], name, new Map());

  const substances = new Set(kb.substances.map((s) => s.id));
  const classes = new Set(kb.substances.filter((s) => s.kind === 'class').map((s) => s.id));
  const targets = new Set(kb.targets.map((t) => t.id));
  const sources = new Set(kb.sources.map((s) => s.id));

  const needSub = (rec: unknown, path: (string | number)[], id: string | undefined): void => {
    if (id !== undefined && !substances.has(id))
      at(rec, path, 'KB_UNRESOLVED_REF', `substance '${id}' does not exist`);
  };
  const needTarget = (rec: unknown, path: (string | number)[], id: string | undefined): void => {
    if (id !== undefined && !targets.has(id)) at(rec, path, 'KB_UNRESOLVED_REF', `target/enzyme '${id}' does not exist`);
  };
  const needSource = (rec: unknown, path: (string | number)[], id: string | undefined): void => {
    if (id !== undefined && !sources.has(id)) at(rec, path, 'KB_MISSING_SOURCE', `source '${id}' does not exist`);
  };
  const sourceList = (rec: { sources?: string[] }): void =>
    (rec.sources ?? []).forEach((s, i) => needSource(rec, ['sources', i], s));
  const quantitySources = (rec: unknown): void => {
    for (const [path, q] of quantitiesIn(rec)) needSource(rec, [...path, 'source'], q.source);
  };

  for (const s of kb.substances) {
    s.classes.forEach((c, i) => {
      if (!classes.has(c)) at(s, ['classes', i], 'KB_UNRESOLVED_REF', `class '${c}' does not exist (kb/substances/classes.yaml)`);
    });
    s.constituents.forEach((c, i) => {
      needSub(s, ['constituents', i, 'substance'], c.substance);
      c.sources.forEach((x, j) => needSource(s, ['constituents', i, 'sources', j], x));
    });
    s.metabolites.forEach((m, i) => {
      needSub(s, ['metabolites', i, 'substance'], m.substance);
      needTarget(s, ['metabolites', i, 'enzyme'], m.enzyme);
      m.sources.forEach((x, j) => needSource(s, ['metabolites', i, 'sources', j], x));
    });
    if (s.usualDose) {
      needSource(s, ['usualDose', 'source'], s.usualDose.source);
      try {
        parseRegimen(s.usualDose.regimen, 'usualDose.regimen');
      } catch (e) {
        if (!isCrosstalkError(e)) throw e;
        at(s, ['usualDose', 'regimen'], 'KB_BAD_VALUE', `${e.message} (the usual dose is a regimen string the engine reads, e.g. "10 mg q6h"; put ranges in note)`);
      }
    }
    if (s.nti) needSource(s, ['nti', 'source'], s.nti.source);
    sourceList(s);
    quantitySources(s);
  }
  for (const t of kb.targets) {
    sourceList(t);
    quantitySources(t);
  }
  for (const r of kb.relations) {
    needSub(r, ['subject'], r.subject);
    needTarget(r, ['object'], r.object);
    sourceList(r);
    quantitySources(r);
    if (r.sources.length === 0 && [...quantitiesIn(r)].length === 0)
      at(r, ['sources'], 'KB_MISSING_SOURCE', 'a relation without numbers needs at least one source in sources');
    if (r.action === 'tdi' && !r.kinactOverKI && !(r.KI && r.kinact))
      at(r, ['KI'], 'KB_SCHEMA', 'a tdi relation needs KI and kinact, or kinactOverKI');
    if (r.action === 'inducer' && r.emaxFold && !r.ec50)
      at(r, ['ec50'], 'KB_SCHEMA', 'an inducer with emaxFold needs ec50');
  }
  // One meaning per number (issue 16 §3): SD vs SEM, binding basis of constants, what a low–high is.
  const assumptionSources = new Set(kb.sources.filter((s) => s.type === 'assumption').map((s) => s.id));
  const withNumbers = [...kb.substances, ...kb.targets, ...kb.relations, ...kb.pk, ...kb.findings, ...kb.clinical];
  for (const m of numberMeaningIssues(withNumbers, assumptionSources)) at(m.record, m.path, 'KB_BAD_VALUE', m.message, m.severity === 'warning');
  // fm sums (issue 16 §3): within one source, and in the engine's default picture, fm adds up to ≤ 1.
  for (const f of fmSumsOverOne(kb.relations)) {
    const parts = Object.entries(f.byEnzyme).map(([e, v]) => `${e} ${v}`).join(' + ');
    const where = f.scope === 'default' ? "the engine's default picture (best source plus enzymes only other sources cover)" : `source '${f.scope.slice(7)}'`;
    at(f.relation, ['fm'], 'KB_BAD_VALUE', `fm of '${f.substance}' (${f.species}) in ${where} adds up to ${f.total.toFixed(2)} (> 1): ${parts}`);
  }
  for (const p of kb.pk) {
    needSub(p, ['substance'], p.substance);
    if (p.dosedAs !== undefined) {
      needSub(p, ['dosedAs'], p.dosedAs);
      const parent = kb.substances.find((s) => s.id === p.dosedAs);
      if (parent && !parent.metabolites.some((m) => m.substance === p.substance))
        at(p, ['dosedAs'], 'KB_BAD_VALUE', `dosedAs '${p.dosedAs}' does not list '${p.substance}' among its metabolites: a profile measured after a parent's dose needs that link`);
    }
    sourceList(p);
    quantitySources(p);
  }
  for (const f of kb.findings) {
    f.interventions.forEach((x, i) => needSub(f, ['interventions', i, 'substance'], x.substance));
    f.blockedBy.forEach((b, i) => {
      needSub(f, ['blockedBy', i, 'substance'], b.substance);
      needTarget(f, ['blockedBy', i, 'target'], b.target);
    });
    f.targets.forEach((t, i) => needTarget(f, ['targets', i], t));
    f.enzymes.forEach((t, i) => needTarget(f, ['enzymes', i], t));
    needSource(f, ['source'], f.source);
    quantitySources(f);
  }
  for (const s of kb.sources) void s;
  for (const l of kb.legal) {
    needSub(l, ['substance'], l.substance);
    needSource(l, ['source'], l.source);
  }
  for (const e of kb.effects) {
    e.contributors.forEach((c, i) => {
      needSub(e, ['contributors', i, 'substance'], c.substance);
      c.sources.forEach((x, j) => needSource(e, ['contributors', i, 'sources', j], x));
    });
    sourceList(e);
  }
  for (const c of kb.clinical) {
    needSub(c, ['victim'], c.victim);
    needSub(c, ['perpetrator'], c.perpetrator);
    needSub(c, ['analyte'], c.analyte);
    c.enzymes.forEach((t, i) => needTarget(c, ['enzymes', i], t));
    // Doses are in the regimen grammar so the benchmark can run each study's design as written.
    for (const field of ['victimDose', 'perpetratorDose'] as const) {
      const text = c[field];
      if (text === undefined) continue;
      try {
        parseRegimen(text, field);
      } catch (e) {
        if (isCrosstalkError(e)) at(c, [field], 'KB_BAD_VALUE', `${e.message} (doses in clinical records use the regimen grammar; put what it cannot say in doseNote)`);
        else throw e;
      }
    }
    sourceList(c);
    quantitySources(c);
  }
  for (const r of kb.risks) {
    r.substances.forEach((s, i) => needSub(r, ['substances', i], s));
    sourceList(r);
  }
  // Pair-level PD records (issue 17): both sides, the effect class, the metabolite and the exceptions resolve.
  const effects = new Set(kb.effects.map((e) => e.id));
  const classesOf = new Map(kb.substances.map((s) => [s.id, s.classes]));
  for (const r of kb.pd ?? []) {
    needSub(r, ['a'], r.a);
    needSub(r, ['b'], r.b);
    if (!effects.has(r.effect)) at(r, ['effect'], 'KB_UNRESOLVED_REF', `effect class '${r.effect}' does not exist (kb/effects)`);
    needSub(r, ['metabolite'], r.metabolite);
    needSource(r, ['source'], r.source);
    if (r.kind === 'toxic-metabolite' && !r.metabolite && !r.metaboliteName)
      at(r, ['metabolite'], 'KB_SCHEMA', 'a toxic-metabolite record names the compound formed (metabolite or metaboliteName)');
    r.except.forEach((x, i) => {
      needSub(r, ['except', i], x);
      const member = (side: string): boolean => classes.has(side) && (classesOf.get(x) ?? []).includes(side);
      if (substances.has(x) && !member(r.a) && !member(r.b))
        at(r, ['except', i], 'KB_BAD_VALUE', `'${x}' is not a member of a class side (${r.a}, ${r.b}); except lists class members the record does not cover`);
    });
    if (r.except.length && !r.appliesTo) at(r, ['appliesTo'], 'KB_SCHEMA', 'say in appliesTo why the excepted members are not covered');
  }
  // Usage patterns and guidance lines (issue 14).
  const byId = new Map(kb.substances.map((s) => [s.id, s]));
  const constituentsOf = (id: string, depth = 0): string[] =>
    depth > 4 ? [] : (byId.get(id)?.constituents ?? []).flatMap((c) => [c.substance, ...constituentsOf(c.substance, depth + 1)]);
  checkUsagePatterns(kb, { at, needSub, needSource }, (id) => constituentsOf(id));
  checkGuidance(kb, { at, needSub, needSource }, new Set(kb.effects.map((e) => e.id)), classes);
  return { issues, warnings };
}
