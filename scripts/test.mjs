#!/usr/bin/env node
// `npm test`: KB validation, type-check, lint, unit/API tests (vitest) and browser tests (Playwright with
// Debian's Chromium). Prints one plain closing line "N passed, N failed[, N skipped]" for CI.
// Without /usr/bin/chromium the browser tests are skipped, loudly; with CI set, that is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CHROMIUM = process.env.CROSSTALK_CHROMIUM ?? '/usr/bin/chromium';
const isCI = !!process.env.CI && process.env.CI !== 'false';
mkdirSync('reports', { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, cmd, args, opts = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...(opts.env ?? {}) } });
  const ok = r.status === 0;
  if (!ok) failures.push(`${name} (exit ${r.status ?? r.signal})`);
  return ok;
}

function step(name, cmd, args) {
  if (run(name, cmd, args)) passed++;
  else failed++;
}

// 1. The knowledge base compiles (every YAML error names file and line).
step('kb validate', 'node', ['bin/crosstalk.js', 'kb', 'validate']);
// 2. Types and lint.
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (existsSync('src/web/tsconfig.json')) step('typecheck web', 'npx', ['tsc', '--noEmit', '-p', 'src/web']);
step('lint', 'npx', ['eslint', '.']);

// 3. Unit, property, reference and API tests.
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  if (v.numFailedTests > 0 || v.success === false) failures.push(`vitest: ${v.numFailedTests} failed`);
  if (v.numFailedTests === 0 && v.success === false) failed++; // a suite that failed to load
} else {
  failed++;
  failures.push('vitest wrote no report');
}

// 4. Browser tests.
const hasE2E = existsSync('playwright.config.ts');
if (hasE2E) {
  if (!existsSync(CHROMIUM)) {
    const msg = `BROWSER TESTS SKIPPED: ${CHROMIUM} not found. Install Debian's chromium (apt-get install chromium) to run them.`;
    console.log(`\n${'!'.repeat(msg.length)}\n${msg}\n${'!'.repeat(msg.length)}`);
    if (isCI) {
      failed++;
      failures.push('browser tests could not run on CI (no chromium)');
    } else skipped++;
  } else {
    if (existsSync('src/web/vite.config.ts')) step('build web', 'npx', ['vite', 'build', '-c', 'src/web/vite.config.ts', '--logLevel', 'warn']);
    run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/pw.json' } });
    if (existsSync('reports/pw.json')) {
      const s = JSON.parse(readFileSync('reports/pw.json', 'utf8')).stats;
      passed += s.expected;
      failed += s.unexpected + (s.flaky ?? 0) * 0;
      skipped += s.skipped ?? 0;
      if (s.unexpected > 0) failures.push(`playwright: ${s.unexpected} failed`);
    } else {
      failed++;
      failures.push('playwright wrote no report');
    }
  }
}

console.log('');
if (failures.length) console.log(`failures: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
