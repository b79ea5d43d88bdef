/**
 * Probe (tenth session, docs/model-choices.md): would averaging the models beat the best-estimate rule on tune?
 * Reads the per-study answers of one benchmark run and refits nothing.
 * Usage: node scripts/probe-model-average.mjs [path to build/benchmark.json]
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? new URL('../build/benchmark.json', import.meta.url);
const bench = JSON.parse(readFileSync(file, 'utf8'));
const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const rules = {
  current: (a) => a.best?.aucRatio,
  // The anchored answer averaged with the mechanistic one the best estimate would otherwise take.
  anchoredWithMechanistic: (a) => {
    const m = a.static?.aucRatio ?? a.dynamic?.aucRatio;
    return a.anchored?.aucRatio && m ? geo([a.anchored.aucRatio, m]) : a.best?.aucRatio;
  },
  // Every model that answers, averaged.
  allModels: (a) => {
    const xs = [a.anchored?.aucRatio, a.static?.aucRatio, a.dynamic?.aucRatio].filter((x) => x > 0);
    return xs.length ? geo(xs) : a.best?.aucRatio;
  },
};
for (const split of ['tune', 'check']) {
  const entries = bench.entries.filter((e) => e.split === split && e.species === 'human');
  for (const [name, rule] of Object.entries(rules)) {
    let answered = 0;
    let within2 = 0;
    let logErr = 0;
    for (const e of entries) {
      const p = rule(e.answers);
      if (!(p > 0)) continue;
      answered++;
      const err = Math.abs(Math.log(p / e.observed.aucRatio));
      logErr += err;
      if (err <= Math.log(2)) within2++;
    }
    console.log(`${split} ${name.padEnd(24)} answered ${answered}/${entries.length}  within 2-fold ${((100 * within2) / answered).toFixed(1)} %  GMFE ${Math.exp(logErr / answered).toFixed(3)}`);
  }
}
