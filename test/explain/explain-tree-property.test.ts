import { describe, expect, it } from 'vitest';
import { explainChange, type NodeExplanation, type NodeValues } from '../../src/explain/index.js';
import { treeSchema } from '../../src/model/index.js';
import { expectFiniteEverywhere, expectSums } from './support/expect-exact.js';
import { seededRandom } from './support/seeded-random.js';

interface RawNode {
  metric: string;
  formula?: string;
  children?: RawNode[];
}

const shapes = [
  (ids: string[]) => ids.join(' + '),
  (ids: string[]) => `${ids[0]} - ${ids.slice(1).join(' - ')}`,
  (ids: string[]) => ids.join(' * '),
  (ids: string[]) => `${ids.slice(0, -1).join(' * ')} / ${ids.at(-1)}`,
  (ids: string[]) => `${ids[0]} * ${ids[1]}${ids.length > 2 ? ` + ${ids.slice(2).join(' * ')}` : ''}`,
  (ids: string[]) => `(${ids[0]} + ${ids[1]}) / ${ids.length > 2 ? `(${ids.slice(2).join(' + ')})` : '2'}`,
];

/** A random tree of formula edges (up to 3 levels, 2–4 children), with values that obey each formula. */
function randomCase(seed: number): { root: RawNode; values: Record<string, NodeValues> } | null {
  const random = seededRandom(seed);
  let next = 0;
  const values: Record<string, NodeValues> = {};
  const leafValue = () => (random.next() < 0.05 ? 0 : (random.next() < 0.1 ? -1 : 1) * Math.round(Math.exp(random.next() * 9)) / 4);
  const build = (depth: number): RawNode | null => {
    const metric = `m${next++}`;
    if (depth === 3 || (depth > 0 && random.next() < 0.4)) {
      values[metric] = { baseline: leafValue(), current: leafValue() };
      return { metric };
    }
    const children: RawNode[] = [];
    for (let i = random.int(2, 4); i > 0; i--) {
      const child = build(depth + 1);
      if (!child) return null;
      children.push(child);
    }
    const ids = children.map((c) => c.metric);
    const formula = random.pick(shapes)(ids);
    // An evaluator independent of the one under test: JavaScript's own arithmetic on the formula text.
    const evaluate = new Function(...ids, `return ${formula};`) as (...args: number[]) => number;
    const at = (period: 'baseline' | 'current') => evaluate(...ids.map((id) => values[id]![period]!));
    const [baseline, current] = [at('baseline'), at('current')];
    if (!Number.isFinite(baseline) || !Number.isFinite(current)) return null;
    values[metric] = { baseline, current };
    return { metric, formula, children };
  };
  const root = build(0);
  return root && { root, values };
}

function checkLevels(node: NodeExplanation): number {
  let checked = 0;
  if (node.formula?.ok && node.contribution !== null) {
    const parts = node.children.map((c) => c.contribution);
    if (parts.every((p): p is number => p !== null)) {
      expectSums(parts, node.contribution);
      checked++;
    }
  }
  return checked + node.children.reduce((s, c) => s + checkLevels(c), 0);
}

describe('exactness through the tree, for random trees and values', () => {
  it('1,000 seeded trees: children add up to their parent at every level, paths to the root’s change', () => {
    let trees = 0;
    let levels = 0;
    for (let seed = 1; trees < 1000; seed++) {
      const generated = randomCase(seed);
      if (!generated) continue;
      trees++;
      const result = explainChange({ tree: treeSchema.parse({ id: 'random', root: generated.root }), metrics: new Map(), values: generated.values });
      if (!result.ok) throw new Error(`seed ${seed}: ${result.reason}`);
      expectFiniteEverywhere(result);
      levels += checkLevels(result.root);
      expectSums(result.paths.map((p) => p.contribution), result.root.change!);
      for (const problem of result.problems) expect(problem, `seed ${seed}`).toMatch(/division by zero/);
    }
    expect(levels).toBeGreaterThan(1500);
  });
});
