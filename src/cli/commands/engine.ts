import type { Command } from 'commander';
import { ApiSchemas, crosstalkError, fail, isCrosstalkError, predict, type ConcentrationOption, type CrosstalkError, type Prediction } from '../../core/index.js';
import type { CliDeps } from '../io.js';
import { fieldsOf, parseRequest, requestError } from '../parse-request.js';
import { renderPredictionText } from '../render-engine.js';
import { registerAnalysis } from './analysis.js';

const CONCENTRATIONS: readonly ConcentrationOption[] = ['systemic_max_u', 'inlet_max_u', 'average_u', 'by_mechanism_u'];

/** Request fields as the user typed them on the command line (`victimDose` → `--victim-dose`). */
const OPTION_OF: Record<string, string> = { weightKg: '--weight', request: 'predict' };
const optionName = (field: string): string => OPTION_OF[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A number option stays a string when it is not one, so the schema's error quotes what was typed. */
const numberOrText = (v: string | undefined): number | string | undefined => (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? v : Number(v));

export type BatchLine = Prediction | { line: number; error: ReturnType<CrosstalkError['toJSON']> };

/**
 * One JSON line → one answer. A bad line gives `{line, error}` naming the line and the field, never an abort.
 * Lines are parsed with the server's request schema; `null` means "not given" (as batch files always allowed).
 */
export function predictBatchLine(deps: CliDeps, text: string, line: number, opts: { concentration?: ConcentrationOption; gutSolubilityCap?: boolean } = {}): BatchLine {
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw crosstalkError('INPUT_BAD_JSON', { line, problem: (e as Error).message }, { line });
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) raw = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
    const r = ApiSchemas.PredictRequest.safeParse(raw, { reportInput: true });
    if (!r.success) throw requestError(r.error, (p) => p, { line }, fieldsOf(ApiSchemas.PredictRequest));
    return predict(deps.getKb(), r.data, opts);
  } catch (e) {
    // Every line gets an answer: an unexpected failure is reported on its line as a bug, and the batch goes on.
    const err = isCrosstalkError(e) ? e : crosstalkError('SERVER_BUG', {}, {});
    const body = err.toJSON();
    return { line, error: { ...body, details: { ...body.details, line } } };
  }
}

function runBatch(deps: CliDeps, file: string, opts: { concentration?: ConcentrationOption; gutSolubilityCap?: boolean }): void {
  const failed: number[] = [];
  deps.readFile(file, '--batch').split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const out = predictBatchLine(deps, text, i + 1, opts);
    if ('error' in out) failed.push(i + 1);
    deps.print(JSON.stringify(out));
  });
  if (failed.length) {
    deps.warn(`predict --batch: ${failed.length} line(s) failed: ${failed.join(', ')}`);
    deps.setExitCode(1);
  }
}

interface PredictOptions {
  victim?: string;
  perpetrator?: string;
  victimDose?: string;
  perpetratorDose?: string;
  analyte?: string;
  model?: string;
  victimAt?: string;
  weight: string;
  concentration?: string;
  gutSolubilityCap?: boolean;
  batch?: string;
  json?: boolean;
}

export function registerEngine(program: Command, deps: CliDeps): void {
  program
    .command('predict')
    .description('predict how much a perpetrator changes a victim\'s exposure (best estimate: anchored, else the mechanistic model — dynamic first for a single perpetrator dose or a course shorter than three of its half-lives — each rule in docs/model-choices.md)')
    .argument('[victim]', 'the substance whose exposure may change (same as --victim)')
    .argument('[perpetrator]', 'the substance that may change it (same as --perpetrator)')
    .option('--victim <name>', 'the substance whose exposure may change')
    .option('--perpetrator <name>', 'the substance that may change it')
    .option('--victim-dose <regimen>', 'e.g. "7.5 mg" (default: the KB usual dose, else the everyday usage pattern, e.g. a joint of cannabis)')
    .option('--perpetrator-dose <regimen>', 'e.g. "200 mg bid 7d" (default: the KB usual dose, else the everyday usage pattern)')
    .option('--analyte <name>', 'a metabolite or constituent whose exposure is the question')
    .option('--model <model>', 'static, dynamic or anchored (default: the best estimate, which names the model it chose)')
    .option('--victim-at <hours>', 'hours after the first perpetrator dose when the victim is given')
    .option('--weight <kg>', 'body weight for mg/kg doses', '70')
    .option('--concentration <option>', 'static model: inhibitor concentration for the liver: average_u (default), inlet_max_u (regulatory screening), systemic_max_u or by_mechanism_u; selects the static model unless --model is given')
    .option('--gut-solubility-cap', 'static model: cap an oral perpetrator\'s gut concentrations at its aqueous solubility where the KB has one (off by default: settled on the benchmark\'s tune split, docs/model-choices.md)')
    .option('--batch <file>', 'JSON lines: one request per line, one answer per line (exit 1 when any line failed)')
    .option('--json', 'machine-readable output')
    .action((victimArg: string | undefined, perpArg: string | undefined, o: PredictOptions) => {
      // --concentration is a CLI option, not part of the request: commander-level parsing stays here.
      const concentration = o.concentration as ConcentrationOption | undefined;
      if (concentration !== undefined && !CONCENTRATIONS.includes(concentration))
        fail('INPUT_NOT_ONE_OF', { field: '--concentration', value: concentration, allowed: CONCENTRATIONS }, { field: 'concentration' });
      const opts = { ...(concentration ? { concentration } : {}), ...(o.gutSolubilityCap ? { gutSolubilityCap: true } : {}) };
      if (o.batch !== undefined) return runBatch(deps, o.batch, opts);
      const victim = o.victim ?? victimArg;
      const perpetrator = o.perpetrator ?? perpArg;
      if (victim === undefined) fail('INPUT_REQUIRED', { field: '--victim', how: 'give it as the first argument or with --victim, or use --batch' }, { field: 'victim' });
      if (perpetrator === undefined) fail('INPUT_REQUIRED', { field: '--perpetrator', how: 'give it as the second argument or with --perpetrator' }, { field: 'perpetrator' });
      const candidate = {
        victim,
        perpetrator,
        victimDose: o.victimDose,
        perpetratorDose: o.perpetratorDose,
        analyte: o.analyte,
        // The concentration option belongs to the static model: asking for it without a model asks for that model.
        model: o.model ?? (concentration ? 'static' : undefined),
        victimAt: numberOrText(o.victimAt),
        weightKg: numberOrText(o.weight),
      };
      const req = parseRequest(ApiSchemas.PredictRequest, Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)), optionName);
      const p = predict(deps.getKb(), req, opts);
      if (o.json) deps.printJson(p);
      else deps.print(renderPredictionText(p, deps.getKb()));
    });
  registerAnalysis(program, deps);
}
