import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { investigateChange } from '../../src/investigate/index.js';
import { addPeriods } from '../../src/semantic/index.js';
import { expectSums } from '../explain/support/expect-exact.js';
import { buildPlantedOrg, type PlantedOrg } from './support/planted-org.js';
import { matchPlanted, planWeeklyIncidents } from './support/planted-scenarios.js';

/**
 * Accuracy on the demo org, end to end (demo-data → discover → sync → investigateChange, real
 * DuckDB and PGlite). Two orgs of the same seed: one with a random incident planted every week
 * (win rate or deal size; a region, a segment or both; −50…−80% or +100…+200%), one without
 * (the control). Every random draw of the generator belongs to one rep's week or one
 * opportunity, so in a given week the two differ by that week's incident (and a little drift
 * once customers differ). Each week of the planted org is explained against the same week of the
 * control (`baselineStore`): the top-ranked cause should be the planted metric and slice. Each
 * week of the control is explained against the week before: its own variation, to be called noise.
 *
 * Measured (seed 7, scale 1, 12 months, 30 weeks): 29 weeks moved (in one the incident's slice
 * closed nothing); the planted metric and exact slice 18 (62%), the planted metric and a slice
 * inside the planted one 8 more (90% in all); control weeks called noise 26 of 30. The assertions
 * hold those rates with some room; the 95% is not reached (src/investigate/README.md says why).
 */
describe('explain on planted incidents of the demo org', () => {
  const plan = planWeeklyIncidents(7, '2026-03-02', '2026-09-21');
  const common = { seed: 7, scale: 1, months: 12, asOf: '2026-10-05', historyStart: '2026-01-05', grain: 'week' as const };
  let planted: PlantedOrg;
  let control: PlantedOrg;
  beforeAll(async () => {
    [planted, control] = await Promise.all([buildPlantedOrg({ ...common, incidents: plan.incidents }), buildPlantedOrg({ ...common, incidents: 'none' })]);
  }, 600_000);
  afterAll(async () => {
    await planted?.remove();
    await control?.remove();
  });

  it('names the planted metric and slice first in most weeks; most control weeks are noise', async () => {
    expect(plan.scenarios).toHaveLength(30);
    expect(planted.manifest.incidents.map((i) => i.metrics[0])).toEqual(plan.scenarios.map((s) => s.expected.metric));
    const outcomes = { exact: 0, inside: 0, around: 0, other: 0, unmoved: 0, noise: 0 };
    const misses: string[] = [];
    for (const scenario of plan.scenarios) {
      const { explanation } = await investigateChange(planted.store, planted.project, {
        metric: 'closed_won_revenue', grain: 'week', baseline: scenario.week, current: scenario.week, baselineStore: control.store,
      });
      if (explanation.root.change === 0) {
        outcomes.unmoved++;
      } else {
        expectSums(explanation.paths.map((p) => p.contribution), explanation.root.change!);
        const outcome = matchPlanted(explanation, scenario.expected);
        outcomes[outcome]++;
        if (outcome !== 'exact') misses.push(`${scenario.id} ${JSON.stringify(scenario.expected.slice)}: ${outcome}, named ${explanation.paths[0]?.metric} ${JSON.stringify(explanation.paths[0]?.slice?.slice)}`);
      }
      const own = await investigateChange(control.store, control.project, { metric: 'closed_won_revenue', grain: 'week', baseline: addPeriods(scenario.week, -1, 'week'), current: scenario.week });
      expect(own.explanation.root.noise, `control ${scenario.week}`).not.toBeNull();
      if (own.explanation.root.noise) outcomes.noise++;
    }
    const moved = plan.scenarios.length - outcomes.unmoved;
    console.log(`planted incidents (${moved} weeks moved of ${plan.scenarios.length}):`, outcomes, `\n  ${misses.join('\n  ')}`);
    expect(moved).toBeGreaterThanOrEqual(25);
    expect(outcomes.exact / moved).toBeGreaterThanOrEqual(0.5);
    expect((outcomes.exact + outcomes.inside + outcomes.around) / moved).toBeGreaterThanOrEqual(0.75);
    expect(outcomes.noise / plan.scenarios.length).toBeGreaterThanOrEqual(0.8);
  }, 600_000);
});
