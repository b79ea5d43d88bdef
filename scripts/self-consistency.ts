// Dynamic self-consistency (issue 12 §1): every substance with a human single-dose oral profile (dose, Cmax), simulated
// alone at that dose, against its own Cmax, tmax and AUC. Prints one line per substance and a summary; `--json` prints
// the rows; `--all` adds the non-default profiles (checks of parameters built on another profile). The test test/engine/self-consistency.test.ts uses the same function and a list of tolerated failures.
import { selfConsistency } from '../src/core/index.js';
import { loadKb } from '../src/store/kb-store.js';

const rows = selfConsistency(loadKb(), { allProfiles: process.argv.includes('--all') });
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
  for (const r of rows)
    console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${(process.argv.includes('--all') ? r.profile : r.substance).padEnd(28)} ${r.error ?? `Cmax ×${r.cmaxFold?.toFixed(2)} tmax ×${r.tmaxFold?.toFixed(2) ?? '—'} AUC ×${r.aucFold?.toFixed(2) ?? '—'}`}${r.twoCompartment ? ' [2-cmt]' : ''}${r.fitted ? '' : ' [checked: parameters from another profile]'}`);
  const pass = rows.filter((r) => r.pass).length;
  const checked = rows.filter((r) => !r.fitted);
  console.log(`${pass} of ${rows.length} within 1.5-fold on every figure they have (${rows.filter((r) => r.twoCompartment).length} two-compartment; ${checked.filter((r) => r.pass).length} of ${checked.length} checked on a profile other than the one the parameters were built on)`);
}
