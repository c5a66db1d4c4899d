import { describe, expect, it } from 'vitest';
import { explainChange, type Explanation, type NodeExplanation } from '../../src/explain/index.js';
import { treeSchema } from '../../src/model/index.js';
import { revenueInput } from './support/revenue-scenario.js';
import { expectFiniteEverywhere } from './support/expect-exact.js';

const base = revenueInput();
const withValues = (values: Partial<typeof base.values>) => revenueInput({ values: { ...base.values, ...values } });

function explained(input = revenueInput()): Explanation {
  const result = explainChange(input);
  if (!result.ok) throw new Error(result.reason);
  expectFiniteEverywhere(result);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result;
}

const find = (node: NodeExplanation, metric: string): NodeExplanation | undefined =>
  node.metric === metric ? node : node.children.map((c) => find(c, metric)).find(Boolean);

describe('bad input: a defined result with a reason, never a made-up share', () => {
  it('an unknown metric, with the nearest name', () => {
    expect(explainChange(revenueInput({ metric: 'win_rat' }))).toEqual({ ok: false, reason: 'unknown metric "win_rat": did you mean "win_rate"?' });
  });

  it('a metric that is defined but not in the tree', () => {
    const metrics = new Map([...base.metrics, ['quota', { id: 'quota', format: 'currency' as const }]]);
    expect(explainChange(revenueInput({ metrics, metric: 'quota' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^metric "quota" is not a node of tree revenue/) });
  });

  it('the explained metric without data, or without a value in a period', () => {
    expect(explainChange(withValues({ closed_won_revenue: undefined }))).toEqual({ ok: false, reason: 'no data for closed_won_revenue' });
    expect(explainChange(withValues({ closed_won_revenue: { baseline: null, current: 5 } }))).toEqual({ ok: false, reason: 'closed_won_revenue has no value in the baseline period' });
    expect(explainChange(withValues({ closed_won_revenue: { baseline: 5, current: Number.NaN } }))).toEqual({ ok: false, reason: 'closed_won_revenue has no value in the current period' });
  });

  it('a child without a value in a period: the chain stops above it, with the reason', () => {
    const result = explained(withValues({ win_rate: { baseline: 0.3, current: null } }));
    const winRate = find(result.root, 'win_rate')!;
    expect(winRate).toMatchObject({ status: 'unavailable', reason: 'win_rate has no value in the current period', contribution: null, share: null });
    const wonDeals = find(result.root, 'won_deals')!;
    expect(wonDeals.formula).toEqual({ ok: false, reason: 'won_deals = closed_deals * win_rate cannot be split: no values for win_rate' });
    expect(find(result.root, 'closed_deals')!.contribution).toBeNull();
    // won deals is where the exact chain ends; its own part of the root is still exact
    expect(result.paths.map((p) => p.metric)).toEqual(['won_deals', 'average_deal_size']);
    expect(result.paths.reduce((s, p) => s + p.contribution, 0)).toBeCloseTo(-250600, 6);
    expect(result.problems).toEqual(['won_deals = closed_deals * win_rate cannot be split: no values for win_rate', 'win_rate has no value in the current period']);
    expect(result.summary).toContain('Not explained: won_deals = closed_deals * win_rate cannot be split: no values for win_rate (and 1 more).');
  });

  it('a zero baseline: no percent change, Shapley instead of LMDI (said), and the parts still add up', () => {
    // won deals 0 → 94 at $10,000 → $10,100: revenue 0 → 949,400
    // Shapley: won = ½[94×10,000 + 94×10,100] = 944,700; size = ½[0×100 + 94×100] = 4,700
    const result = explained(withValues({ closed_won_revenue: { baseline: 0, current: 949_400 }, won_deals: { baseline: 0, current: 94 }, closed_deals: { baseline: 0, current: 376 } }));
    expect(result.root.changePercent).toBeNull();
    expect(result.root.formula).toMatchObject({ ok: true, method: 'shapley', note: 'LMDI is undefined because won_deals is 0 in the baseline: Shapley values instead' });
    expect(find(result.root, 'won_deals')!.contribution).toBeCloseTo(944_700, 6);
    expect(find(result.root, 'average_deal_size')!.contribution).toBeCloseTo(4_700, 6);
    // Won deals (Shapley, closed 0 → 376, win rate 30% → 25%): closed ½[376 × 0.3 + 376 × 0.25] = 103.4, win rate ½[0 + 376 × −0.05] = −9.4
    // closed deals' part of the root: 944,700 × 103.4 / 94 = 1,039,170, i.e. 109% of 949,400; win rate offsets
    expect(find(result.root, 'closed_deals')!.contribution).toBeCloseTo(1_039_170, 6);
    expect(result.summary).toMatch(/^Closed won revenue rose \$949,400 \(from \$0 to \$949,400\) against 2026-Q2\. 109% of the rise comes from closed deals \(from 0 to 376\), owner VP Sales\. Offset by win rate \(−5\.0 pts\)\./);
  });

  it('stored values that disagree with the formula: the residual is reported, not hidden', () => {
    // won deals stored 120 → 95 (−25), but closed deals × win rate gives 120 → 94 (−26): a residual of +1
    const result = explained(withValues({ won_deals: { baseline: 120, current: 95 } }));
    const wonDeals = find(result.root, 'won_deals')!;
    expect(wonDeals.formula).toMatchObject({ ok: true, residual: 1 });
    // the root disagrees too: 95 × 10,100 = 959,500 is not the stored 949,400
    expect(result.problems).toHaveLength(2);
    expect(result.problems[1]).toMatch(/^won_deals moved by -25 but its formula closed_deals \* win_rate by -26: the stored values disagree/);
    const children = wonDeals.children.map((c) => c.contribution!);
    expect(children[0]! + children[1]!).toBeCloseTo(wonDeals.contribution!, 6);
  });

  it('mismatched slices at a node: that node has no slice answer, and says why', () => {
    const winRate = { ...base.values.win_rate!, slices: { kind: 'additive' as const, rows: [{ slice: { region: 'EMEA' }, baseline: 1, current: 2 }] } };
    const result = explained(withValues({ win_rate: winRate }));
    expect(find(result.root, 'win_rate')!.slices).toEqual({ ok: false, reason: 'mismatched slices: they make 1 in the baseline, the metric is 0.3' });
    expect(result.problems).toContain('win_rate across slices: mismatched slices: they make 1 in the baseline, the metric is 0.3');
    expect(result.paths[0]!.slice).toBeNull();
  });

  it('a driver without a fitted edge, or with a sign against the tree', () => {
    const unfitted = explained(revenueInput({ influences: [] }));
    expect(find(unfitted.root, 'closed_deals')!.drivers).toEqual([{ ok: false, reason: 'no fitted influence edge from meetings_held to closed_deals', metric: 'meetings_held' }]);
    expect(unfitted.summary).not.toContain('Estimated from history');
    const { edge } = base.influences![0]!;
    const against = explained(revenueInput({ influences: [{ edge: { ...edge, weight: -0.5, lower: -0.7, upper: -0.3 } }] }));
    expect(find(against.root, 'closed_deals')!.drivers[0]).toMatchObject({ ok: true, expected: 25, signAgrees: false });
  });

  it('a tree with a cycle (one that skipped checkProject) stops with a reason instead of recursing forever', () => {
    const tree = treeSchema.parse({ id: 'loop', root: { metric: 'a', formula: 'b + 1', children: [{ metric: 'b', formula: 'a * 2', children: [{ metric: 'a' }] }] } });
    const result = explained({ tree, metrics: new Map(), values: { a: { baseline: 3, current: 5 }, b: { baseline: 2, current: 4 } } });
    expect(result.problems).toContain('a is reachable from itself: the tree has a cycle');
  });

  it('a node that moved while its formula did not: no share is made up for its children', () => {
    // r stored 10 → 12, but x − y stays 0 → 0
    const tree = treeSchema.parse({ id: 'flat', root: { metric: 'r', formula: 'x - y', children: [{ metric: 'x' }, { metric: 'y' }] } });
    const result = explained({ tree, metrics: new Map(), values: { r: { baseline: 10, current: 12 }, x: { baseline: 5, current: 6 }, y: { baseline: 5, current: 6 } } });
    expect(result.root.children.map((c) => c.contribution)).toEqual([null, null]);
    expect(result.problems).toContain("r moved but its formula's children net to no change: its part cannot be shared out");
    expect(result.paths.map((p) => [p.metric, p.contribution])).toEqual([['r', 2]]);
  });
});
