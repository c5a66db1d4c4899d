import { unavailable, type Unavailable } from '../analysis/index.js';
import { didYouMean, treeNodes, type TreeNode } from '../model/index.js';
import type { ExplainInput } from './explain-input.js';
import type { Explanation } from './explain-result.js';
import { narrateExplanation } from './narrative/narrate-explanation.js';
import { collectPaths } from './tree/collect-paths.js';
import { explainNode } from './tree/explain-node.js';
import { readNodeValues } from './tree/node-values.js';

/**
 * Why a metric of a tree changed between two periods: its change split exactly down formula edges,
 * each metric's change split across slices, influence edges' estimated effects kept apart, the
 * root-cause paths ranked, and a paragraph that says it. Pure: the caller hands in every value.
 */
export function explainChange(input: ExplainInput): Explanation | Unavailable {
  const occurrences = treeNodes(input.tree).map((n) => n.node);
  const metric = input.metric ?? input.tree.root.metric;
  const carriers = new Map<string, TreeNode>();
  for (const node of occurrences) {
    if ((node.formula || node.children?.length || node.drivers?.length) && !carriers.has(node.metric)) carriers.set(node.metric, node);
  }
  const node = carriers.get(metric) ?? occurrences.find((n) => n.metric === metric);
  if (!node) {
    const hint = didYouMean(metric, new Set(occurrences.map((n) => n.metric)));
    const known = input.metrics.has(metric) ? `metric "${metric}" is not a node of tree ${input.tree.id}` : `unknown metric "${metric}"`;
    return unavailable(`${known}${hint ? `: ${hint}` : ''}`);
  }
  const pair = readNodeValues(metric, input.values[metric]);
  if ('reason' in pair) return unavailable(pair.reason);
  const change = pair.current - pair.baseline;
  const context = { input, carriers, onPath: new Set<string>(), problems: [] as string[] };
  const root = explainNode(node, input.values[metric], change, change, context);
  const paths = collectPaths(root, input.owners, input.sliceOwners ?? []);
  const problems = [...new Set(context.problems)];
  return { ok: true, tree: input.tree.id, metric, periods: input.periods ?? null, root, paths, summary: narrateExplanation(root, paths, problems, input.periods), problems };
}
