import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERRORS, RETIRED_CODES } from '../src/core/errors.js';
import { ERRORS_DOC_PATH, errorsDocText } from '../scripts/write-errors-doc.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

describe('architecture (STYLE.md)', () => {
  it('the core imports no file, network, process or terminal modules', () => {
    const bad: string[] = [];
    for (const f of files('src/core')) {
      const src = readFileSync(f, 'utf8');
      if (/from '(node:[a-z_/]+|fs|path|http|https|child_process|os|worker_threads|better-sqlite3|picocolors|commander)'/.test(src)) bad.push(`${f}: imports I/O`);
      if (/\bprocess\.(env|argv|exit|stdout|stderr|cwd)/.test(src)) bad.push(`${f}: touches process`);
      if (/\bconsole\.(log|error|warn|info)\(/.test(src)) bad.push(`${f}: prints`);
      if (/new Date\(\)|Date\.now\(\)/.test(src)) bad.push(`${f}: reads the clock`);
    }
    expect(bad).toEqual([]);
  });
  it('docs/errors.md is the registry as generated (regenerate on purpose with npm run errors:doc)', () => {
    expect(readFileSync(ERRORS_DOC_PATH, 'utf8'), 'docs/errors.md is stale: run npm run errors:doc and review the diff').toBe(errorsDocText(ERRORS, RETIRED_CODES));
  });
  it('every error code is documented in docs/errors.md, and every documented code exists', () => {
    const doc = readFileSync(ERRORS_DOC_PATH, 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(Object.keys(ERRORS)));
  });
});

/** Every file under `dir` that the module graph can contain (sources and tests, .ts and .tsx). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'node_modules' || n === 'dist' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(n) && !/\.d\.ts$/.test(n) ? [p] : [];
  });
}

/** The file a relative specifier names ('./x.js' → x.ts, x.tsx or x/index.ts), or null when it is not ours. */
function resolveRelative(from: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(m|c)?js$/, '').replace(/\.tsx?$/, '');
  for (const c of [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts'), join(stem, 'index.tsx')]) if (known.has(c)) return c;
  return null;
}

/**
 * The import graph of src/ with type-only, re-export and dynamic imports included (TypeScript's own
 * pre-processor reads them, so specifiers inside comments and strings are not mistaken for imports).
 */
function importGraph(root: string): Map<string, string[]> {
  const files = sourceFiles(root).map((f) => resolve(f));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    const deps = info.importedFiles.map((i) => resolveRelative(f, i.fileName, known)).filter((d): d is string => d !== null);
    graph.set(f, [...new Set(deps)].sort());
  }
  return graph;
}

/** One chain per strongly connected component (Tarjan), e.g. 'a.ts → b.ts → a.ts', shortest cycle through its first file. */
function importCycles(graph: Map<string, string[]>): string[] {
  let next = 0;
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(comp.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  const rel = (f: string): string => relative(process.cwd(), f).split('\\').join('/');
  return components
    .map((comp) => {
      // Breadth-first from the component's first file back to itself, inside the component.
      const inComp = new Set(comp);
      const start = comp[0]!;
      const prev = new Map<string, string>();
      const queue = [start];
      let end: string | null = null;
      while (queue.length && end === null) {
        const v = queue.shift()!;
        for (const w of graph.get(v) ?? []) {
          if (!inComp.has(w)) continue;
          if (w === start) {
            end = v;
            break;
          }
          if (!prev.has(w)) {
            prev.set(w, v);
            queue.push(w);
          }
        }
      }
      const chain = [start];
      for (let v = end!; v !== start; v = prev.get(v)!) chain.splice(1, 0, v);
      chain.push(start);
      const more = comp.length > chain.length - 1 ? ` (component of ${comp.length} files: ${comp.map(rel).join(', ')})` : '';
      return `${chain.map(rel).join(' → ')}${more}`;
    })
    .sort();
}

/**
 * Cycles known when the check was written, each with who removes it. An entry that no longer matches a cycle
 * fails the second test below, so this list only shrinks.
 */
const KNOWN_CYCLES: { chain: string; owner: string }[] = [
  // Empty: answers/predict.ts ↔ predict-dynamic-answer.ts (removed by the lead) and models/dynamic/interaction.ts ↔
  // render/dynamic-diagnostics.ts (removed with the storage work) were the two cycles issue 10 found.
];

describe('import graph (issue 10, point 3)', () => {
  const cycles = importCycles(importGraph('src'));
  it('has no import cycles between files under src/ (type imports included)', () => {
    const known = new Set(KNOWN_CYCLES.map((k) => k.chain));
    expect(cycles.filter((c) => !known.has(c))).toEqual([]);
  });
  it('lists no known cycle that is already gone (remove its entry from KNOWN_CYCLES)', () => {
    expect(KNOWN_CYCLES.map((k) => k.chain).filter((k) => !cycles.includes(k))).toEqual([]);
  });
  it('the store only reads: it never imports the compiler (even through another file) and never writes files (issue 10, point 8)', () => {
    const graph = importGraph('src');
    const bad: string[] = [];
    for (const f of [...graph.keys()].filter((k) => /\/src\/store\//.test(k) && !/\.test\.tsx?$/.test(k))) {
      const seen = new Set<string>([f]);
      const todo = [f];
      while (todo.length)
        for (const d of graph.get(todo.pop()!) ?? [])
          if (!seen.has(d)) {
            seen.add(d);
            todo.push(d);
          }
      for (const d of seen) if (/\/src\/(compiler|node)\//.test(d)) bad.push(`${relative(process.cwd(), f)} reaches ${relative(process.cwd(), d)}`);
      if (/\b(writeFileSync|writeFile|appendFileSync|mkdirSync|renameSync|rmSync|unlinkSync|createWriteStream)\b/.test(readFileSync(f, 'utf8')))
        bad.push(`${relative(process.cwd(), f)} writes files`);
    }
    expect(bad).toEqual([]);
  });
  it('the cycle finder reports a two-file cycle as a chain', () => {
    const g = new Map([
      ['/r/a.ts', ['/r/b.ts']],
      ['/r/b.ts', ['/r/a.ts', '/r/c.ts']],
      ['/r/c.ts', []],
    ]);
    expect(importCycles(g).map((c) => c.replace(/\S*\/r\//g, ''))).toEqual(['a.ts → b.ts → a.ts']);
  });
});
