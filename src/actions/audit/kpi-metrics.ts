import { metricInputs, treeNodes, type Project, type Tree } from '../../model/index.js';

/** The metrics the audit holds to the KPI standard: those on a tree and those someone owns, in id order. */
export function kpiMetrics(project: Project): string[] {
  const ids = new Set([...project.trees.values()].flatMap((tree) => treeNodes(tree).map(({ node }) => node.metric)));
  for (const entry of project.owners.ownership) ids.add(entry.metric);
  return [...ids].filter((id) => project.metrics.has(id)).sort();
}

/** Metrics with a path to a tree's root: on a tree, or an input (ratio, formula, running total) of one that is. */
export function linkedMetrics(project: Project): Set<string> {
  const linked = new Set([...project.trees.values()].flatMap((tree) => treeNodes(tree).map(({ node }) => node.metric)));
  const queue = [...linked];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const metric = project.metrics.get(id);
    for (const input of metric ? metricInputs(metric) : []) {
      if (linked.has(input)) continue;
      linked.add(input);
      queue.push(input);
    }
  }
  return linked;
}

/**
 * The executive dashboard, as kpitree defines it: every tree's root and the metrics right below
 * it (formula children and drivers), once each. The seeds want it at 10 metrics or fewer.
 */
export function executiveMetrics(trees: Iterable<Tree>): string[] {
  const ids = new Set<string>();
  for (const tree of trees) {
    for (const { node, path } of treeNodes(tree)) if (path.length <= 3) ids.add(node.metric);
  }
  return [...ids];
}
