import { investigateChange } from '../../../src/investigate/index.js';
import { addPeriods } from '../../../src/semantic/index.js';
import { expectSums } from '../../explain/support/expect-exact.js';
import { buildPlantedOrg } from './planted-org.js';
import { matchPlanted, planIncidents } from './planted-scenarios.js';

export interface AccuracyRun {
  seed: number;
  scale: number;
  /**
   * control: an incident every week from 2026-03-02 to 2026-09-21 (30), each week against the
   * same week of the control org. prior: an incident every other month from 2025-09 to 2026-09,
   * each month against the month before in the same org, the org's own variation included.
   */
  baseline: 'control' | 'prior';
  /** Months of org before the as-of date (2026-10-05; 2026-10-01 by month). */
  months: number;
}

export interface Accuracy {
  periods: number;
  /** Periods in which the explained change is not 0. */
  moved: number;
  exact: number;
  inside: number;
  around: number;
  other: number;
  /** Control periods (each against the one before) called noise. */
  noise: number;
  misses: string[];
}

const designs = {
  control: { grain: 'week', every: 1, first: '2026-03-02', last: '2026-09-21', asOf: '2026-10-05', historyStart: '2026-01-05' },
  prior: { grain: 'month', every: 2, first: '2025-09-01', last: '2026-09-01', asOf: '2026-10-01', historyStart: '2025-02-01' },
} as const;

/**
 * The accuracy run of test/investigate/planted-incidents.test.ts (and bench/explain-accuracy.bench.ts):
 * a planted org and its control (same seed, no incidents), built alike; each planted period
 * explained against its baseline, each control period against the one before. Every explanation's
 * paths must add up to its change (checked here: it throws otherwise).
 */
export async function measurePlantedAccuracy(run: AccuracyRun): Promise<Accuracy> {
  const design = designs[run.baseline];
  const plan = planIncidents(run.seed, design);
  const common = { seed: run.seed, scale: run.scale, months: run.months, asOf: design.asOf, historyStart: design.historyStart, grain: design.grain };
  const [planted, control] = await Promise.all([buildPlantedOrg({ ...common, incidents: plan.incidents }), buildPlantedOrg({ ...common, incidents: 'none' })]);
  const accuracy: Accuracy = { periods: plan.scenarios.length, moved: 0, exact: 0, inside: 0, around: 0, other: 0, noise: 0, misses: [] };
  try {
    const plantedMetrics = planted.manifest.incidents.map((i) => i.metrics[0]);
    if (plantedMetrics.join() !== plan.scenarios.map((s) => s.expected.metric).join()) throw new Error('the manifest does not list the incidents planned');
    const ask = { metric: 'closed_won_revenue', grain: design.grain };
    for (const scenario of plan.scenarios) {
      const before = addPeriods(scenario.period, -1, design.grain);
      const request = run.baseline === 'control' ? { ...ask, baseline: scenario.period, current: scenario.period, baselineStore: control.store } : { ...ask, baseline: before, current: scenario.period };
      const { explanation } = await investigateChange(planted.store, planted.project, request);
      if (explanation.root.change !== 0) {
        accuracy.moved++;
        expectSums(explanation.paths.map((p) => p.contribution), explanation.root.change!);
        const outcome = matchPlanted(explanation, scenario.expected);
        accuracy[outcome]++;
        const top = explanation.paths[0];
        if (outcome !== 'exact') accuracy.misses.push(`${scenario.id} ${JSON.stringify(scenario.expected.slice)}: ${outcome}, named ${top?.metric} ${JSON.stringify(top?.slice?.slice)}`);
      }
      const own = await investigateChange(control.store, control.project, { ...ask, baseline: before, current: scenario.period });
      if (own.explanation.root.noise === null) throw new Error(`control ${scenario.period}: no noise band`);
      if (own.explanation.root.noise) accuracy.noise++;
    }
    return accuracy;
  } finally {
    await planted.remove();
    await control.remove();
  }
}
