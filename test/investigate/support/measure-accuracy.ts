import { investigateChange } from '../../../src/investigate/index.js';
import { addPeriods } from '../../../src/semantic/index.js';
import { expectSums } from '../../explain/support/expect-exact.js';
import { buildPlantedOrg } from './planted-org.js';
import { matchPlanted, planWeeklyIncidents } from './planted-scenarios.js';

export interface AccuracyRun {
  seed: number;
  scale: number;
  /** Months of org before 2026-10-05; incidents every week from 2026-03-02 to 2026-09-21 (30). */
  months: number;
}

export interface Accuracy {
  weeks: number;
  /** Weeks in which the planted org differs from the control at all. */
  moved: number;
  exact: number;
  inside: number;
  around: number;
  other: number;
  /** Control weeks (each against the week before) called noise. */
  noise: number;
  misses: string[];
}

/**
 * The accuracy run of test/investigate/planted-incidents.test.ts (and bench/explain-accuracy.bench.ts):
 * a planted org and its control, built alike; each planted week explained against the control's
 * same week, each control week against the week before. Every explanation's paths must add up to
 * its change (checked here, it throws otherwise).
 */
export async function measurePlantedAccuracy(run: AccuracyRun): Promise<Accuracy> {
  const plan = planWeeklyIncidents(run.seed, '2026-03-02', '2026-09-21');
  const common = { seed: run.seed, scale: run.scale, months: run.months, asOf: '2026-10-05', historyStart: '2026-01-05', grain: 'week' as const };
  const [planted, control] = await Promise.all([buildPlantedOrg({ ...common, incidents: plan.incidents }), buildPlantedOrg({ ...common, incidents: 'none' })]);
  const accuracy: Accuracy = { weeks: plan.scenarios.length, moved: 0, exact: 0, inside: 0, around: 0, other: 0, noise: 0, misses: [] };
  try {
    const plantedMetrics = planted.manifest.incidents.map((i) => i.metrics[0]);
    if (plantedMetrics.join() !== plan.scenarios.map((s) => s.expected.metric).join()) throw new Error('the manifest does not list the incidents planned');
    for (const scenario of plan.scenarios) {
      const week = { metric: 'closed_won_revenue', grain: 'week' as const };
      const { explanation } = await investigateChange(planted.store, planted.project, { ...week, baseline: scenario.week, current: scenario.week, baselineStore: control.store });
      if (explanation.root.change !== 0) {
        accuracy.moved++;
        expectSums(explanation.paths.map((p) => p.contribution), explanation.root.change!);
        const outcome = matchPlanted(explanation, scenario.expected);
        accuracy[outcome]++;
        const top = explanation.paths[0];
        if (outcome !== 'exact') accuracy.misses.push(`${scenario.id} ${JSON.stringify(scenario.expected.slice)}: ${outcome}, named ${top?.metric} ${JSON.stringify(top?.slice?.slice)}`);
      }
      const own = await investigateChange(control.store, control.project, { ...week, baseline: addPeriods(scenario.week, -1, 'week'), current: scenario.week });
      if (own.explanation.root.noise === null) throw new Error(`control ${scenario.week}: no noise band`);
      if (own.explanation.root.noise) accuracy.noise++;
    }
    return accuracy;
  } finally {
    await planted.remove();
    await control.remove();
  }
}
