/**
 * The planted-incident accuracy of kpitree explain over more seeds than CI runs: for each seed, a
 * demo org with planted incidents and its control (test/investigate/support/measure-accuracy.ts),
 * then the rates over all of them.
 *
 * Run: npx tsx bench/explain-accuracy.bench.ts [--seeds 8,9] [--scale 1] [--months 12] [--baseline control|prior]
 * (prior: incidents every other month, each month against the one before: the org's own variation
 * competes with the incident; use --months 30 or more.)
 */
import { parseArgs } from 'node:util';
import { measurePlantedAccuracy, type Accuracy } from '../test/investigate/support/measure-accuracy.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '8,9' }, scale: { type: 'string', default: '1' }, months: { type: 'string', default: '12' }, baseline: { type: 'string', default: 'control' } } });
const runs: Accuracy[] = [];
const percent = (part: number, whole: number) => `${part}/${whole} (${Math.round((100 * part) / whole)}%)`;
const report = (label: string, a: Omit<Accuracy, 'misses'>) =>
  process.stderr.write(`${label}: moved ${a.moved}/${a.periods}; exact ${percent(a.exact, a.moved)}; exact or nested ${percent(a.exact + a.inside + a.around, a.moved)}; controls noise ${percent(a.noise, a.periods)}\n`);
for (const seed of values.seeds.split(',').map(Number)) {
  const started = performance.now();
  const accuracy = await measurePlantedAccuracy({ seed, scale: Number(values.scale), months: Number(values.months), baseline: values.baseline === 'prior' ? 'prior' : 'control' });
  runs.push(accuracy);
  report(`seed ${seed} (${((performance.now() - started) / 1000).toFixed(0)} s)`, accuracy);
  for (const miss of accuracy.misses) process.stderr.write(`  ${miss}\n`);
}
const sum = (key: keyof Omit<Accuracy, 'misses'>) => runs.reduce((s, r) => s + r[key], 0);
report('all', { periods: sum('periods'), moved: sum('moved'), exact: sum('exact'), inside: sum('inside'), around: sum('around'), other: sum('other'), noise: sum('noise') });
