import { describe, expect, it } from 'vitest';
import { measurePlantedAccuracy } from './support/measure-accuracy.js';

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
 * inside the planted one 8 more (90% in all); control weeks called noise 27 of 30. The assertions
 * hold those rates with some room; the 95% is not reached (src/investigate/README.md says
 * why). More seeds: bench/explain-accuracy.bench.ts.
 */
describe('explain on planted incidents of the demo org', () => {
  it('names the planted metric and slice first in most weeks; most control weeks are noise', async () => {
    const accuracy = await measurePlantedAccuracy({ seed: 7, scale: 1, months: 12, baseline: 'control' });
    console.log(`planted incidents (${accuracy.moved} of ${accuracy.periods} weeks moved):`, { ...accuracy, misses: undefined }, `\n  ${accuracy.misses.join('\n  ')}`);
    expect(accuracy.periods).toBe(30);
    expect(accuracy.moved).toBeGreaterThanOrEqual(25);
    expect(accuracy.exact / accuracy.moved).toBeGreaterThanOrEqual(0.5);
    expect((accuracy.exact + accuracy.inside + accuracy.around) / accuracy.moved).toBeGreaterThanOrEqual(0.75);
    expect(accuracy.noise / accuracy.periods).toBeGreaterThanOrEqual(0.8);
  }, 600_000);
});
