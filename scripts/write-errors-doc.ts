/**
 * Writes docs/errors.md from the error registry (src/core/errors.ts). Run on purpose (`npm run errors:doc`)
 * after changing a code; test/architecture.test.ts fails when the committed file differs, and never rewrites it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorSpec } from '../src/core/index.js';

export const ERRORS_DOC_PATH = join(import.meta.dirname, '..', 'docs', 'errors.md');

/** A Markdown code span that survives backticks and pipes inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\|/g, '\\|')}${fence}`;
}

function table(specs: ErrorSpec[], withStatus: boolean): string[] {
  const head = withStatus ? ['| code | HTTP status | message | how to fix |', '| --- | --- | --- | --- |'] : ['| code | message | meaning |', '| --- | --- | --- |'];
  return [...head, ...specs.map((s) => `| ${code(s.code)} |${withStatus ? ` ${s.status} |` : ''} ${code(s.template)} | ${s.hint.replace(/\|/g, '\\|')} |`)];
}

/**
 * docs/errors.md as committed: generated, in registry order, with a trailing newline. Takes the registry as
 * arguments so the diff test can call it without loading the whole core.
 */
export function errorsDocText(errors: Readonly<Record<string, ErrorSpec>>, retired: readonly string[]): string {
  const specs = Object.values(errors);
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/core/errors.ts by `npm run errors:doc`; edit the registry, not this file. -->',
    '',
    'Every error Crosstalk returns carries one of these codes (CLI: printed with its hint, exit 1; HTTP: the status below, body `{code, message, hint, details}`). The message is the template filled in: `{name}` is a parameter, and a part in `[…]` is left out when a parameter inside it is empty. Messages name the field, file and line where they apply; `details` carries the field path, file, line and suggestions. A retired code is never reused.',
    '',
    ...table(specs.filter((s) => !s.warning), true),
    '',
    '## Warnings',
    '',
    'Returned as data beside a result (status 200), never thrown.',
    '',
    ...table(specs.filter((s) => s.warning), false),
    '',
    '## Retired codes',
    '',
    retired.length ? retired.map((c) => `- ${code(c)}`).join('\n') : 'None yet.',
  ];
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { ERRORS, RETIRED_CODES } = await import('../src/core/index.js');
  writeFileSync(ERRORS_DOC_PATH, errorsDocText(ERRORS, RETIRED_CODES));
  process.stdout.write(`wrote ${ERRORS_DOC_PATH}\n`);
}
