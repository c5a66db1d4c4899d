import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigateError, investigateChange, sliceSource } from '../../src/investigate/index.js';
import { expectFiniteEverywhere, expectSums } from '../explain/support/expect-exact.js';
import { emeaHalvesInSeptember, storedProject, usualMonth, type StoredProject } from './support/stored-project.js';

/**
 * Eight quiet months, then September: EMEA's deals sell for half as much (10 deals, $5,000),
 * NA as usual. By hand: revenue $20,000 → $15,000, deals 20 → 20, deal size $1,000 → $750;
 * all of the −$5,000 is deal size (deals did not move), all of deal size's −$250 is EMEA
 * (weight ½ × (500 − 1,000), its rate; no volume moved). October against August: EMEA back, a
 * revenue wobble of −$50, inside the band of past two-month changes
 * (median −$100, robust sd $62.7 by hand: [$19,712, $20,088]).
 */
describe('investigateChange on stored series', () => {
  let stored: StoredProject;
  beforeAll(async () => {
    stored = await storedProject({ ...emeaHalvesInSeptember(), '2025-10-01': { EMEA: usualMonth(9_975), NA: usualMonth(9_975, 400) } });
  });
  afterAll(() => stored?.remove());

  it('splits the change exactly, names the metric, the slice and its owner, and is outside the band', async () => {
    const { explanation, unsliced } = await investigateChange(stored.store, stored.project, { metric: 'revenue', grain: 'month', baseline: '2025-08-01', current: '2025-09-01' });
    const stored_ = await stored.store.query<{ period_start: string; value: number }>(`SELECT period_start, value FROM metric_series WHERE metric_id = 'revenue' AND slice_key = '{}' AND period_start IN ('2025-08-01', '2025-09-01') ORDER BY 1`);
    expect(explanation.root.change).toBe(stored_[1]!.value - stored_[0]!.value);
    expect(explanation.root.change).toBe(-5_000);
    expectSums(explanation.paths.map((p) => p.contribution), -5_000);
    const top = explanation.paths[0]!;
    expect(top).toMatchObject({ metric: 'deal_size', metrics: ['revenue', 'deal_size'], share: 1, noise: false, owner: { name: 'Dana Kim' } });
    expect(top.contribution).toBeCloseTo(-5_000, 9);
    expect(top.slice).toMatchObject({ slice: { region: 'EMEA' }, share: 1, baseline: 1_000, current: 500 });
    expect(top.slice!.contribution).toBeCloseTo(-250, 9);
    expect(top.slice!.rate).toBeCloseTo(-250, 9);
    expect(top.slice!.mix).toBeCloseTo(0, 9);
    expect(explanation.root.noise).toBe(false);
    expect(explanation.summary).toMatch(/^Revenue fell \$5,000 \(−25\.0%\) against 2025-08\./);
    expect(explanation.summary).toMatch(/EMEA/);
    expect(explanation.root.slices).toMatchObject({ ok: true, waterfall: [{ slice: { region: 'EMEA' }, contribution: -5_000 }, { slice: null, contribution: 0 }] });
    expect(unsliced).toEqual([]);
    expectFiniteEverywhere(explanation);
  });

  it('calls a change inside the band of past changes noise (a no-change control)', async () => {
    const { explanation } = await investigateChange(stored.store, stored.project, { metric: 'revenue', grain: 'month', baseline: '2025-08-01', current: '2025-10-01' });
    expect(explanation.root.change).toBe(-50);
    expect(explanation.root.noise).not.toBeNull();
    expect(explanation.root.noise).toBe(true);
    expect(explanation.summary).toMatch(/noise/);
  });

  it('splits an average as (average × count) / count, and says why a distinct count is not split', async () => {
    const cycle = await investigateChange(stored.store, stored.project, { metric: 'cycle', grain: 'month', baseline: '2025-08-01', current: '2025-09-01' });
    expect(cycle.explanation.tree).toBe('cycle');
    expect(cycle.explanation.root.change).toBe(0);
    expect(sliceSource(stored.project.metrics.get('cycle')!, stored.project.metrics)).toEqual({ kind: 'ratio', numerator: { metric: 'cycle', times: 'deals' }, denominator: { metric: 'deals' } });
    const buyers = await investigateChange(stored.store, stored.project, { metric: 'buyers', grain: 'month', baseline: '2025-08-01', current: '2025-09-01' });
    expect(buyers.unsliced).toEqual([{ metric: 'buyers', reason: 'a count_distinct does not add up across slices' }]);
  });

  it('refuses what is not there with a reason: unknown metric, wrong order, no stored period, nothing stored', async () => {
    const ask = (metric: string, baseline: string, current: string) => investigateChange(stored.store, stored.project, { metric, grain: 'month', baseline, current });
    await expect(ask('revenu', '2025-08-01', '2025-09-01')).rejects.toThrow(new InvestigateError('input', 'unknown metric "revenu" (did you mean "revenue"?)'));
    await expect(ask('revenue', '2025-09-01', '2025-08-01')).rejects.toMatchObject({ kind: 'input', message: 'the baseline period (2025-09) must come before the period explained (2025-08)' });
    await expect(ask('revenue', '2025-09-17', '2026-03-31')).rejects.toMatchObject({ kind: 'no_data', message: 'no stored value of revenue by month for 2026-03', details: [expect.stringMatching(/latest stored month is 2025-10; run kpitree sync .* kpitree sync --full/)] });
    await expect(investigateChange(stored.store, stored.project, { metric: 'revenue', grain: 'week', baseline: '2025-08-04', current: '2025-08-11' })).rejects.toMatchObject({ kind: 'no_data', message: 'nothing is stored for revenue by week' });
  });
});

/**
 * An influence edge fitted from the stored history: revenue follows last month's deal count
 * (`lonely`, the driver, lag 4 weeks = 1 month) at $1,000 a deal plus a wobble. The fitted weight
 * is the least-squares slope of revenue on the lagged driver, computed here by hand.
 */
describe('investigateChange with an influence edge', () => {
  const deals = [12, 15, 11, 18, 14, 20, 13, 17, 16, 19, 12, 21, 15, 18];
  const wobble = [0, 300, -200, 100, -400, 250, -150, 350, -300, 50, 200, -250, 400, -100];
  const months = deals.map((_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  let stored: StoredProject;
  beforeAll(async () => {
    const byMonth = Object.fromEntries(months.map((month, i) => {
      const revenue = i === 0 ? 15_000 : 1_000 * deals[i - 1]! + wobble[i]!;
      return [month, { EMEA: { deals: deals[i]!, revenue, days: 100 } }];
    }));
    stored = await storedProject(byMonth, { 'trees/revenue.yaml': 'id: revenue\nroot:\n  metric: revenue\n  drivers:\n    - metric: lonely\n      lag: 4 weeks\n' });
  });
  afterAll(() => stored?.remove());

  it('fits the edge on the history up to the baseline and estimates the driver effect apart from the shares', async () => {
    const { explanation, notes } = await investigateChange(stored.store, stored.project, { metric: 'revenue', grain: 'month', baseline: months[12]!, current: months[13]! });
    expect(notes).toEqual([]);
    const effect = explanation.root.drivers[0]!;
    if (!effect.ok) throw new Error(effect.reason);
    // Least squares of revenue[t] on deals[t − 1], t = 1 … 12 (up to the baseline).
    const x = deals.slice(0, 12);
    const y = x.map((_, i) => 1_000 * x[i]! + wobble[i + 1]!);
    const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
    const slope = x.reduce((s, xi, i) => s + (xi - mean(x)) * (y[i]! - mean(y)), 0) / x.reduce((s, xi) => s + (xi - mean(x)) ** 2, 0);
    expect(effect.lag.periods).toBe(1);
    expect(effect.driverChange).toBe(deals[12]! - deals[11]!);
    expect(effect.expected).toBeCloseTo(slope * (deals[12]! - deals[11]!), 6);
    expect(explanation.paths.every((p) => p.metric === 'revenue')).toBe(true);
  });
});
