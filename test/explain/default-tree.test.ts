import { describe, expect, it } from 'vitest';
import type { InfluenceEdge } from '../../src/analysis/index.js';
import { explainChange, type ExplainInput, type NodeValues, type Slice } from '../../src/explain/index.js';
import { treeNodes, type Project, type Tree, type TreeNode } from '../../src/model/index.js';
import { loadCatalogue } from '../catalog/support/catalogue-project.js';
import { expectFiniteEverywhere, expectSums } from './support/expect-exact.js';
import { seededRandom } from './support/seeded-random.js';

/**
 * The catalogue's default trees with made-up values that obey every formula (computed here by
 * JavaScript's arithmetic on the formula text), slices on every leaf (4 regions × 3 segments × 20
 * reps) and a fitted edge on every driver: what `kpitree explain` will hand in from stored series.
 */
function inputFor(project: Project, tree: Tree, seed: number): ExplainInput {
  const random = seededRandom(seed);
  const nodes = treeNodes(tree).map((n) => n.node);
  const carrier = (metric: string) => nodes.find((n) => n.metric === metric && n.formula) ?? nodes.find((n) => n.metric === metric)!;
  const values: Record<string, NodeValues> = {};
  const percent = (metric: string) => project.metrics.get(metric)?.format === 'percent';
  const valueOf = (node: TreeNode): NodeValues => {
    const known = values[node.metric];
    if (known) return known;
    const own = carrier(node.metric);
    if (own.formula && own.children?.length) {
      const ids = own.children.map((c) => c.metric);
      const evaluate = new Function(...ids, `return ${own.formula.text};`) as (...args: number[]) => number;
      const children = own.children.map(valueOf);
      const at = (period: 'baseline' | 'current') => evaluate(...children.map((c) => c[period]!));
      return (values[node.metric] = { baseline: at('baseline'), current: at('current') });
    }
    const slices = slicesFor(percent(node.metric) ? 0.1 + random.next() * 0.5 : 50 + random.next() * 1000, percent(node.metric), random);
    return (values[node.metric] = { baseline: total(slices, 'baseline'), current: total(slices, 'current'), slices });
  };
  nodes.forEach(valueOf);
  const influences = treeNodes(tree).flatMap(({ edge }) => (edge?.type === 'influence' ? [{ edge: fittedEdge(edge.child, edge.parent, random.next()) }] : []));
  return { tree, metrics: project.metrics, owners: project.owners, values, influences, periods: { baseline: '2026-Q2', current: '2026-Q3' } };
}

/** Every slice moves by ±3% but EMEA × Enterprise, which falls by 40%. */
function slicesFor(level: number, ratio: boolean, random: ReturnType<typeof seededRandom>): NonNullable<NodeValues['slices']> {
  const slices: Slice[] = [];
  for (const region of ['EMEA', 'NA', 'APAC', 'LATAM']) for (const segment of ['Enterprise', 'Mid-market', 'SMB']) for (let rep = 0; rep < 20; rep++) slices.push({ region, segment, rep: `rep${rep}` });
  const drop = (slice: Slice) => (slice.region === 'EMEA' && slice.segment === 'Enterprise' ? 0.6 : 1);
  if (ratio) {
    return { kind: 'ratio', rows: slices.map((slice) => {
      const denominator = 5 + random.next() * 20;
      const rate = level * (0.8 + random.next() * 0.4);
      return { slice, baseline: { numerator: denominator * rate, denominator }, current: { numerator: denominator * rate * drop(slice), denominator } };
    }) };
  }
  return { kind: 'additive', rows: slices.map((slice) => {
    const baseline = (level / slices.length) * (0.5 + random.next());
    return { slice, baseline, current: baseline * drop(slice) * (0.97 + random.next() * 0.06) };
  }) };
}

function total(slices: NonNullable<NodeValues['slices']>, period: 'baseline' | 'current'): number {
  if (slices.kind === 'additive') return slices.rows.reduce((s, r) => s + r[period], 0);
  return slices.rows.reduce((s, r) => s + r[period].numerator, 0) / slices.rows.reduce((s, r) => s + r[period].denominator, 0);
}

function fittedEdge(indicator: string, outcome: string, u: number): InfluenceEdge {
  const weight = 0.2 + u;
  return { indicator, outcome, lag: 2, lagFrom: 'given', correlation: null, weight, se: 0.1, p: 0.01, lower: weight - 0.2, upper: weight + 0.2, standardizedWeight: 0.5, whatIf: { ok: false, reason: 'not used' } };
}

describe('the default revenue trees of the catalogue', () => {
  it('explain completely and exactly, every leaf down to EMEA × Enterprise, well under 200 ms', async () => {
    const project = await loadCatalogue();
    for (const id of ['revenue', 'revenue_by_motion']) {
      const input = inputFor(project, project.trees.get(id)!, 7);
      const timings: number[] = [];
      let result = explainChange(input);
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        result = explainChange(input);
        timings.push(performance.now() - start);
      }
      if (!result.ok) throw new Error(result.reason);
      expect(result.problems, id).toEqual([]);
      expectFiniteEverywhere(result);
      expectSums(result.paths.map((p) => p.contribution), result.root.change!);
      const carrying = result.paths.filter((p) => p.share! > 0);
      expect(carrying.length, id).toBeGreaterThanOrEqual(3);
      for (const path of carrying) expect(path.slice?.slice, `${id}: ${path.metric}`).toEqual({ region: 'EMEA', segment: 'Enterprise' });
      expect(result.summary).toMatch(/^Closed won revenue (fell|rose) /);
      expect(Math.min(...timings), id).toBeLessThan(200);
    }
  });
});
