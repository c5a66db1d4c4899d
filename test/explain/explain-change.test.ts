import { describe, expect, it } from 'vitest';
import { explainChange, type Explanation, type NodeExplanation } from '../../src/explain/index.js';
import { parseExpression } from '../../src/model/index.js';
import { meetingsEdge, revenueInput, revenueTree } from './support/revenue-scenario.js';
import { expectFiniteEverywhere } from './support/expect-exact.js';

function explained(input = revenueInput()): Explanation {
  const result = explainChange(input);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const find = (node: NodeExplanation, metric: string): NodeExplanation | undefined =>
  node.metric === metric ? node : node.children.map((c) => find(c, metric)).find(Boolean);

describe('explainChange: a revenue fall traced to its root cause', () => {
  // Root (LMDI): V0 = 1,200,000, V1 = 94 × 10,100 = 949,400, ΔV = −250,600; L = ΔV / ln(V1/V0) = 1,069,812.617
  //   won deals: L × ln(94/120) = −261,244.989; deal size: L × ln(1.01) = +10,644.989
  // Won deals (LMDI): Δ = −26, L = −26 / ln(94/120) = 106.4714; closed: L × ln(0.94) = −6.58796; win rate: L × ln(0.25/0.3) = −19.41204
  // Chained to the root: closed −261,244.989 × −6.58796/−26 = −66,195.088 (26.4%); win rate × −19.41204/−26 = −195,049.902 (77.8%)
  const result = explained();

  it('splits the root change exactly, chaining shares down the tree', () => {
    const root = result.root;
    expect(root.formula).toMatchObject({ ok: true, method: 'lmdi', residual: 0 });
    expect(find(root, 'won_deals')!.contribution).toBeCloseTo(-261244.9894943428, 6);
    expect(find(root, 'average_deal_size')!.contribution).toBeCloseTo(10644.989494342806, 6);
    expect(find(root, 'closed_deals')!.contribution).toBeCloseTo(-66195.08760631304, 6);
    expect(find(root, 'win_rate')!.contribution).toBeCloseTo(-195049.90188802977, 6);
    expect(find(root, 'win_rate')!.share).toBeCloseTo(0.7783316116840773, 12);
  });

  it('ranks the paths by contribution and ends each at a metric, a slice and an owner', () => {
    expect(result.paths.map((p) => p.metrics.join(' > '))).toEqual([
      'closed_won_revenue > won_deals > win_rate',
      'closed_won_revenue > won_deals > closed_deals',
      'closed_won_revenue > average_deal_size',
    ]);
    const [winRate, closed, size] = result.paths;
    expect(winRate!.slice!.slice).toEqual({ region: 'EMEA', segment: 'Enterprise' });
    expect(winRate!.slice!.share).toBeCloseTo(1, 12);
    expect(winRate!.owner).toMatchObject({ id: 'dana', name: 'Dana Kim', via: 'slice', accountable: { id: 'vp_sales', name: 'VP Sales' } });
    expect(closed!.owner).toMatchObject({ id: 'vp_sales', via: 'metric' });
    expect(closed!.drivers.map((d) => d.metric)).toEqual(['meetings_held']);
    expect(size!.noise).toBe(true);
  });

  it('estimates the influence edge apart from the shares: weight × Δdriver with its interval', () => {
    const closed = find(result.root, 'closed_deals')!;
    const [meetings] = closed.drivers;
    // Δmeetings = −50; expected 0.5 × −50 = −25; interval [0.3, 0.7] × −50 = [−35, −15]; se 0.1 × 50 = 5
    expect(meetings).toMatchObject({ ok: true, expected: -25, lower: -35, upper: -15, se: 5, significant: true, signAgrees: true, lag: { periods: 3, text: '3 weeks' } });
    expect(meetings!.ok && meetings!.shareOfParent).toBeCloseTo(-25 / -24, 12);
    // the exact shares of the root do not move: the terminal paths still add up to the root's change
    expect(result.paths.reduce((s, p) => s + p.contribution, 0)).toBeCloseTo(-250600, 6);
  });

  it('explains a driver read at its lag alone: its formula children of the current period are not held against it', () => {
    // meetings_held = meetings_per_rep × reps in the current period (1,000 → 950); at its lag it moved 1,040 → 1,000.
    const tree = structuredClone(revenueTree);
    const closedNode = tree.root.children![0]!.children![0]!;
    closedNode.drivers![0] = { ...closedNode.drivers![0]!, formula: { text: 'meetings_per_rep * reps', ast: parseExpression('meetings_per_rep * reps') }, children: [{ metric: 'meetings_per_rep' }, { metric: 'reps' }] };
    const base = revenueInput();
    const lagged = explained({
      ...base,
      tree,
      values: { ...base.values, meetings_per_rep: { baseline: 20, current: 19 }, reps: { baseline: 50, current: 50 } },
      influences: [{ edge: meetingsEdge, driver: { baseline: 1040, current: 1000 } }],
    });
    const [meetings] = find(lagged.root, 'closed_deals')!.drivers;
    // Δ at the lag = −40: expected 0.5 × −40 = −20
    expect(meetings).toMatchObject({ ok: true, driverChange: -40, expected: -20 });
    expect(meetings!.ok && meetings!.explanation.children).toEqual([]);
    expect(lagged.problems.filter((p) => p.includes('disagree'))).toEqual([]);
  });

  it('says it in one paragraph, numbers formatted per metric', () => {
    expect(result.summary).toBe(
      'Closed won revenue fell $250,600 (−20.9%) against 2026-Q2. ' +
        '78% of the fall comes from win rate (−5.0 pts), almost all of it in EMEA × Enterprise (−20.0 pts), owner Dana Kim. ' +
        '26% from closed deals (−6.0%), owner VP Sales. ' +
        'Average deal size moved +1.0% (noise). ' +
        'Estimated from history, apart from these shares: meetings held moved −5.0% 3 weeks earlier, almost all of it in NA, expected to move closed deals by −25 (interval −35 to −15; r = 0.68).',
    );
    expect(result.problems).toEqual([]);
  });

  it('is plain JSON, with no NaN or Infinity anywhere', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expectFiniteEverywhere(result);
  });
});
