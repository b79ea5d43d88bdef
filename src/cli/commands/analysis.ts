import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { ApiSchemas, fail } from '../../core/index.js';
import { buildBrief, renderBrief } from '../../core/index.js';
import { checkText } from '../../core/index.js';
import { check } from '../../core/index.js';
import type { CliDeps } from '../io.js';
import { parseRequest } from '../parse-request.js';
import { renderCheckText, renderClaimsText } from '../render-engine.js';

export function registerAnalysis(program: Command, deps: CliDeps): void {
  program
    .command('check <substances...>')
    .description('every pair: shared pathways, exposure change both ways, effect overlap, tier and evidence')
    .option('--usage <substance=pattern...>', 'check a substance at another usage pattern, e.g. cannabis=medicine (default: its everyday pattern)')
    .option('--json', 'machine-readable output')
    .action((names: string[], opts: { json?: boolean; usage?: string[] }) => {
      const usage = usageOption(opts.usage);
      const { substances } = parseRequest(ApiSchemas.CheckRequest, { substances: names, ...(usage ? { usage } : {}) });
      const r = check(deps.getKb(), substances, { usage });
      if (opts.json) deps.printJson(r);
      else deps.print(renderCheckText(r, deps.getKb()));
    });
  registerClaim(program, deps);
  registerExplain(program, deps);
}

/** `--usage cannabis=medicine kratom=leaf-3g` → { cannabis: 'medicine', kratom: 'leaf-3g' }; a bad item names the option. */
function usageOption(items: string[] | undefined): Record<string, string> | undefined {
  if (!items?.length) return undefined;
  const out: Record<string, string> = {};
  for (const item of items) {
    const [name, pattern, ...rest] = item.split('=');
    if (!name?.trim() || !pattern?.trim() || rest.length)
      fail('INPUT_INVALID', { field: '--usage', problem: `'${item}' is not substance=pattern (e.g. cannabis=medicine)` }, { field: '--usage' });
    out[name.trim()] = pattern.trim();
  }
  return out;
}

export function registerClaim(program: Command, deps: CliDeps): void {
  program
    .command('claim [text...]')
    .description('check the claims in a text, e.g. "Kratom only acts on opioid receptors" (several sentences are checked one by one)')
    .option('--file <path>', 'read the text from a file (a forum post, a product page)')
    .option('--json', 'print {claims: [{claim, reading, verdict, reasons, sources, caveats}], summary, verdict}')
    .action((words: string[], opts: { file?: string; json?: boolean }) => {
      if (opts.file !== undefined && words.length > 0)
        fail('INPUT_INVALID', { field: 'text', problem: 'give the text or --file, not both' }, { field: 'text' });
      const raw = opts.file !== undefined ? deps.readFile(opts.file, '--file') : words.join(' ');
      const { text } = parseRequest(ApiSchemas.ClaimRequest, { text: raw }, (f) => (f === 'text' && opts.file !== undefined ? '--file' : f));
      const r = checkText(deps.getKb(), text);
      if (opts.json) deps.printJson(r);
      else deps.print(renderClaimsText(r));
      if (r.claims.length > 0 && r.claims.every((c) => c.verdict === 'unrecognized')) deps.setExitCode(1);
    });
}

export function registerExplain(program: Command, deps: CliDeps): void {
  program
    .command('explain <a> <b>')
    .description('an evidence brief for a pair: connections, exposure change, what is and is not supported, sources')
    .option('--format <format>', 'md, html, json or pdf', 'md')
    .option('--jurisdiction <code>', 'ISO 3166 code for the legal note, e.g. US-FL, GB, TH')
    .option('--out <file>', 'write to a file (required for pdf)')
    .option('--json', 'same as --format json')
    .option('--force', 'replace the default pdf file (crosstalk-<a>-<b>.pdf) when it exists')
    .action(async (a: string, b: string, opts: { format: string; jurisdiction?: string; out?: string; json?: boolean; force?: boolean }) => {
      const format = opts.json ? 'json' : opts.format;
      if (!['md', 'html', 'json', 'pdf'].includes(format))
        fail('INPUT_NOT_ONE_OF', { field: '--format', value: format, allowed: ['md', 'html', 'json', 'pdf'] }, { field: 'format' });
      // The API's schema checks the pair and the jurisdiction (the engine reads it upper-cased, so 'us-fl' is fine);
      // pdf is a CLI-only format, checked above.
      const req = parseRequest(ApiSchemas.ExplainRequest, { substances: [a, b], ...(opts.jurisdiction !== undefined ? { jurisdiction: opts.jurisdiction.toUpperCase() } : {}) }, (f) => (f === 'jurisdiction' ? '--jurisdiction' : f));
      const brief = buildBrief(deps.getKb(), req.substances, { jurisdiction: req.jurisdiction, today: deps.today });
      if (format === 'pdf') {
        const out = opts.out ?? `crosstalk-${brief.substances.map((s) => s.id).join('-')}.pdf`;
        const field = opts.out === undefined ? '--format pdf' : '--out';
        const path = deps.resolvePath(out);
        // A name the user did not type never replaces a file silently; a folder that is not there is their error.
        if (opts.out === undefined && !opts.force && existsSync(path))
          fail('INPUT_UNWRITABLE_FILE', { field, path: out, problem: 'the file exists; give --out <file> or add --force to replace it' }, { field, file: out });
        if (!existsSync(dirname(path))) fail('INPUT_UNWRITABLE_FILE', { field, path: out, problem: 'the folder does not exist' }, { field, file: out });
        if (existsSync(path) && statSync(path).isDirectory()) fail('INPUT_UNWRITABLE_FILE', { field, path: out, problem: 'it is a folder' }, { field, file: out });
        // Loaded lazily: PDF export drives Chromium, which only some machines have (TOOL_NO_CHROMIUM otherwise).
        const { htmlToPdf } = await import('../../server/html-to-pdf.js');
        const r = await htmlToPdf(renderBrief(brief, 'html'), path);
        deps.print(`wrote ${r.path} (${r.bytes} bytes)`);
        return;
      }
      const text = renderBrief(brief, format as 'md' | 'html' | 'json');
      if (opts.out) {
        deps.writeFile(opts.out, text, '--out');
        deps.print(`wrote ${opts.out}`);
      } else deps.print(text);
    });
}
