/**
 * `npm run validate:ddi`: predict every study in the development set of observed clinical DDIs and compare.
 * Nothing here feeds back into the model: the observed ratios are read only to score the predictions.
 * Usage: tsx scripts/validate-ddi.ts [path/to/ddi_dev.yaml] [--concentration inlet_max_u|systemic_max_u|average_u|by_mechanism_u] [--no-time-course]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isCrosstalkError } from '../src/core/index.js';
import { DEFAULT_CONCENTRATION, predict, type PredictRequest } from '../src/core/index.js';
import type { ConcentrationOption } from '../src/core/index.js';
import { resolveSubstance } from '../src/core/index.js';
import { loadKb, ROOT } from '../src/store/kb-store.js';

interface DoseSpec {
  amount: number | string | null;
  unit: string | null;
  route?: string;
  regimen?: string;
  days?: number | null;
}
interface Entry {
  id: string;
  victim: string;
  perpetrator: string;
  victim_dose: DoseSpec;
  perpetrator_dose: DoseSpec;
  observed: { analyte: string; auc_ratio: number | null; cmax_ratio: number | null };
}

const args = process.argv.slice(2);
const fileArg = args.find((a) => !a.startsWith('--') && /\.ya?ml$/.test(a));
const concArg = args.includes('--concentration') ? (args[args.indexOf('--concentration') + 1] as ConcentrationOption) : undefined;
const timeCourse = !args.includes('--no-time-course');
const candidates = [fileArg, join(ROOT, '..', 'shared', 'validation', 'ddi_dev.yaml'), join(ROOT, 'test', 'fixtures', 'ddi_dev.yaml')].filter(
  (x): x is string => !!x,
);
const file = candidates.find((f) => existsSync(f));
if (!file) {
  console.error(`validate:ddi: no ddi_dev.yaml found (looked in ${candidates.join(', ')})`);
  process.exit(1);
}

/** Turn the study's written regimen into the CLI grammar (frequency words → qd/bid/tid; the final dose of a titration). */
export function toRegimen(d: DoseSpec): string | undefined {
  if (d.amount === null || d.amount === undefined || !d.unit) return undefined;
  const amount = typeof d.amount === 'number' ? d.amount : Number(String(d.amount).split('->').pop()!.trim());
  if (!Number.isFinite(amount)) return undefined;
  const unit = d.unit === 'sprays' ? 'sprays' : d.unit;
  const text = (d.regimen ?? '').toLowerCase();
  let freq = '';
  if (/single dose|^single/.test(text)) freq = '';
  else if (/four times daily|qid|every 6 ?h|q6h/.test(text)) freq = 'qid';
  else if (/three times daily|tid|every 8 ?h|q8h/.test(text)) freq = 'tid';
  else if (/twice daily|bid|every 12 ?h|q12h/.test(text)) freq = 'bid';
  else if (/once daily|qd|daily|every 24 ?h|q24h/.test(text)) freq = 'qd';
  else if (d.days && d.days > 1) freq = 'qd';
  // Routes other than oral change the model (no gut wall for iv, inhaled, oromucosal, sublingual): carry them over;
  // a route the grammar does not know is passed through so the parser names it rather than read it as oral.
  const r = (d.route ?? 'oral').toLowerCase();
  const route = /^(oral|po|by mouth)$/.test(r)
    ? ''
    : /^(iv|intravenous)/.test(r)
      ? 'iv'
      : /^(inhal|smok|vap)/.test(r)
        ? 'inhaled'
        : /^(oromucosal|buccal)/.test(r)
          ? 'oromucosal'
          : /^(sublingual|sl)$/.test(r)
            ? 'sublingual'
            : r.replace(/\s+/g, '-');
  const days = freq && d.days ? `${d.days}d` : '';
  return [amount, unit, route, freq, days].filter(Boolean).join(' ');
}

const kb = loadKb();

/**
 * The observed analyte when it is a metabolite the KB links to the victim (norfluoxetine after fluoxetine): the
 * prediction must then be for that metabolite. Free text such as "simvastatin (lactone, plasma)" or the victim's own
 * name gives undefined (the victim itself).
 */
function metaboliteAnalyte(victim: string, analyte: string | undefined): string | undefined {
  if (!analyte) return undefined;
  try {
    const v = resolveSubstance(kb, victim, 'victim');
    const a = resolveSubstance(kb, analyte.split('(')[0]!.trim(), 'analyte');
    return a.id !== v.id && v.metabolites.some((m) => m.substance === a.id) ? a.id : undefined;
  } catch {
    return undefined;
  }
}
const doc = parse(readFileSync(file, 'utf8')) as { entries: Entry[] };
interface Row {
  id: string;
  pair: string;
  observed: number | null;
  predicted: number | null;
  range?: string;
  cmaxObs: number | null;
  cmaxPred: number | null;
  status: string;
  note: string;
}
const rows: Row[] = [];
for (const e of doc.entries) {
  const req: PredictRequest = {
    victim: e.victim,
    perpetrator: e.perpetrator,
    victimDose: toRegimen(e.victim_dose),
    perpetratorDose: toRegimen(e.perpetrator_dose),
    analyte: metaboliteAnalyte(e.victim, e.observed.analyte),
  };
  const pair = `${e.perpetrator} → ${e.observed.analyte}`;
  try {
    const p = predict(kb, req, { concentration: concArg, timeCourse });
    rows.push({
      id: e.id,
      pair,
      observed: e.observed.auc_ratio,
      predicted: p.aucRatio,
      range: p.range ? `${p.range.low.toFixed(2)}–${p.range.high.toFixed(2)}` : '',
      cmaxObs: e.observed.cmax_ratio,
      cmaxPred: p.cmaxRatio,
      status: p.status,
      note: p.status === 'grey' ? p.missing.join('; ') : `${req.perpetratorDose ?? 'usual dose'}; ${p.mechanisms.map((m) => `${m.kind[0]}:${m.enzyme}/${m.site}`).join(',')}`,
    });
  } catch (err) {
    if (!isCrosstalkError(err)) throw err;
    rows.push({ id: e.id, pair, observed: e.observed.auc_ratio, predicted: null, cmaxObs: e.observed.cmax_ratio, cmaxPred: null, status: 'error', note: err.message });
  }
}

const f = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
console.log(`validate:ddi — ${file}`);
console.log(`options: concentration ${concArg ?? `${DEFAULT_CONCENTRATION} (default)`}; time course ${timeCourse ? 'on' : 'off'}; KB ${kb.data.version}`);
console.log('id       | perpetrator → analyte                | observed | predicted (5–95%)       | fold  | Cmax obs/pred | status / note');
const scored: { fold: number; ratio: number }[] = [];
for (const r of rows) {
  const ok = r.observed !== null && r.predicted !== null;
  const ratio = ok ? r.predicted! / r.observed! : NaN;
  const fold = ok ? Math.exp(Math.abs(Math.log(ratio))) : NaN;
  if (ok) scored.push({ fold, ratio });
  console.log(
    `${r.id.padEnd(8)} | ${r.pair.padEnd(36).slice(0, 36)} | ${f(r.observed).padStart(8)} | ${`${f(r.predicted)} (${r.range ?? ''})`.padEnd(23)} | ${ok ? fold.toFixed(2).padStart(5) : '  n/a'} | ${f(r.cmaxObs)}/${f(r.cmaxPred)} | ${r.status}${r.note ? `: ${r.note}` : ''}`,
  );
}
const n = scored.length;
const within2 = n ? scored.filter((s) => s.fold <= 2).length / n : 0;
const gmfe = n ? Math.exp(scored.reduce((a, s) => a + Math.abs(Math.log(s.ratio)), 0) / n) : NaN;
const bias = n ? Math.exp(scored.reduce((a, s) => a + Math.log(s.ratio), 0) / n) : NaN;
const notScored = rows.filter((r) => r.observed === null || r.predicted === null);
console.log('');
console.log(`scored ${n} of ${rows.length}; not scored: ${notScored.map((r) => `${r.id} (${r.observed === null ? 'no observed AUC ratio' : r.status})`).join(', ') || 'none'}`);
console.log(`within 2-fold ${(within2 * 100).toFixed(0)}% · GMFE ${gmfe.toFixed(2)} · bias ${bias.toFixed(2)} (targets: ≥ 80 %, ≤ 1.6)`);
console.log(JSON.stringify({ n, within2: Math.round(within2 * 1000) / 1000, gmfe: Math.round(gmfe * 1000) / 1000, bias: Math.round(bias * 1000) / 1000, notScored: notScored.length }));
