import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { CrosstalkError, isCrosstalkError } from '../../core/index.js';
import { predict, type Prediction, type PredictRequest } from '../../core/index.js';
import type { ConcentrationOption } from '../../core/index.js';
import { printJson, type CliDeps } from '../io.js';
import { renderPredictionText } from '../render-engine.js';
import { registerAnalysis } from './analysis.js';

function parseNum(v: string, field: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new CrosstalkError('INPUT_INVALID', `--${field}: '${v}' is not a number`, { field });
  return n;
}

const BATCH_KEYS = new Set(['victim', 'perpetrator', 'victimDose', 'perpetratorDose', 'analyte', 'model', 'victimAt', 'weightKg']);

/** One JSON request → one answer; a bad request gives an error object, never an abort. */
export function predictBatchLine(deps: CliDeps, line: string, lineNo: number): unknown {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { error: { code: 'INPUT_INVALID', message: `line ${lineNo}: not valid JSON (${(e as Error).message})`, details: { line: lineNo } } };
  }
  try {
    if (typeof req !== 'object' || req === null || Array.isArray(req))
      throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: expected a JSON object with victim and perpetrator`, { line: lineNo });
    for (const k of Object.keys(req))
      if (!BATCH_KEYS.has(k)) throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: unknown key '${k}' (allowed: ${[...BATCH_KEYS].join(', ')})`, { field: k });
    const r = req as Record<string, unknown>;
    for (const k of ['victim', 'perpetrator'])
      if (typeof r[k] !== 'string' || !(r[k] as string).trim())
        throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: '${k}' must be a non-empty string`, { field: k });
    for (const k of ['victimDose', 'perpetratorDose', 'analyte'])
      if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string')
        throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: '${k}' must be a string`, { field: k });
    if (r.victimAt !== undefined && r.victimAt !== null && typeof r.victimAt !== 'number')
      throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: 'victimAt' must be a number of hours`, { field: 'victimAt' });
    if (r.model !== undefined && r.model !== null && r.model !== 'static' && r.model !== 'dynamic')
      throw new CrosstalkError('INPUT_INVALID', `line ${lineNo}: 'model' must be 'static' or 'dynamic'`, { field: 'model' });
    const clean = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as unknown as PredictRequest;
    return predict(deps.getKb(), clean);
  } catch (e) {
    if (isCrosstalkError(e)) return { error: e.toJSON() };
    throw e;
  }
}

export function registerEngine(program: Command, deps: CliDeps): void {
  program
    .command('predict')
    .description('predict how much a perpetrator changes a victim\'s exposure (mechanistic static model)')
    .argument('[victim]', 'the substance whose exposure may change (same as --victim)')
    .argument('[perpetrator]', 'the substance that may change it (same as --perpetrator)')
    .option('--victim <name>', 'the substance whose exposure may change')
    .option('--perpetrator <name>', 'the substance that may change it')
    .option('--victim-dose <regimen>', 'e.g. "7.5 mg" (default: the KB usual dose)')
    .option('--perpetrator-dose <regimen>', 'e.g. "200 mg bid 7d" (default: the KB usual dose)')
    .option('--analyte <name>', 'a metabolite or constituent whose exposure is the question')
    .option('--model <model>', 'static (default) or dynamic', 'static')
    .option('--victim-at <hours>', 'hours after the first perpetrator dose when the victim is given')
    .option('--weight <kg>', 'body weight for mg/kg doses', '70')
    .option('--concentration <option>', 'inhibitor concentration for the liver: systemic_max_u (best estimate), inlet_max_u (regulatory screening), average_u or by_mechanism_u')
    .option('--batch <file>', 'JSON lines: one request per line, one answer per line')
    .option('--json', 'machine-readable output')
    .action((victimArg: string | undefined, perpArg: string | undefined, opts: Record<string, string | boolean | undefined>) => {
      if (victimArg !== undefined && opts.victim === undefined) opts.victim = victimArg;
      if (perpArg !== undefined && opts.perpetrator === undefined) opts.perpetrator = perpArg;
      const concentration = opts.concentration as string | undefined;
      if (concentration !== undefined && !['systemic_max_u', 'inlet_max_u', 'average_u', 'by_mechanism_u'].includes(concentration))
        throw new CrosstalkError('INPUT_INVALID', `--concentration: '${concentration}' is not systemic_max_u, inlet_max_u, average_u or by_mechanism_u`, { field: 'concentration' });
      if (typeof opts.batch === 'string') {
        const text = readFileSync(opts.batch, 'utf8');
        text.split('\n').forEach((line, i) => {
          if (!line.trim()) return;
          process.stdout.write(`${JSON.stringify(predictBatchLine(deps, line, i + 1))}\n`);
        });
        return;
      }
      if (typeof opts.victim !== 'string') throw new CrosstalkError('INPUT_INVALID', '--victim: required (or use --batch)', { field: 'victim' });
      if (typeof opts.perpetrator !== 'string') throw new CrosstalkError('INPUT_INVALID', '--perpetrator: required', { field: 'perpetrator' });
      if (opts.model !== 'static' && opts.model !== 'dynamic')
        throw new CrosstalkError('INPUT_INVALID', `--model: '${String(opts.model)}' is not static or dynamic`, { field: 'model' });
      const req: PredictRequest = {
        victim: opts.victim,
        perpetrator: opts.perpetrator,
        victimDose: opts.victimDose as string | undefined,
        perpetratorDose: opts.perpetratorDose as string | undefined,
        analyte: opts.analyte as string | undefined,
        model: opts.model,
        victimAt: typeof opts.victimAt === 'string' ? parseNum(opts.victimAt, 'victim-at') : undefined,
        weightKg: parseNum(String(opts.weight), 'weight'),
      };
      const p: Prediction = predict(deps.getKb(), req, concentration ? { concentration: concentration as ConcentrationOption } : {});
      if (opts.json) printJson(p);
      else console.log(renderPredictionText(p, deps.getKb()));
      void pc;
    });
  registerAnalysis(program, deps);
}
