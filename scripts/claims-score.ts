/**
 * Accuracy of the claim checker per claim kind and overall on the labelled development set.
 * Usage: npm run claims:score [-- --misses] [-- --file other.yaml]
 */
import { readFileSync } from 'node:fs';
import { loadCurrentKb } from '../src/node/ensure-kb.js';
import { readLabelled, scoreClaims, scoreTable } from './claims-score-lib.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const fileArg = process.argv.indexOf('--file');
const file = fileArg > 0 ? process.argv[fileArg + 1]! : 'test/fixtures/claims.yaml';
const score = scoreClaims(loadCurrentKb(), readLabelled(readFileSync(file, 'utf8')));
console.log(`Claim checker on ${file}\n`);
console.log(scoreTable(score));
if (process.argv.includes('--misses')) {
  console.log(`\n${score.misses.length} misses:`);
  for (const m of score.misses) console.log(`${m.id} [${m.kind}] expected ${m.expected}, got ${m.got}: "${m.text}"\n    read as ${m.readAs}`);
}
