import { treeNodes, type Project, type Tree, type TreeNode } from '../model/index.js';
import { InvestigateError, unknownName } from './investigate-error.js';

/**
 * The tree a metric is explained in: the one named, else the first that has the metric as a node,
 * else the metric alone (its change across slices, nothing above or below it).
 */
export function pickTree(project: Project, metric: string, treeId?: string): Tree {
  if (treeId !== undefined) {
    const tree = project.trees.get(treeId);
    if (!tree) throw unknownName('no tree', treeId, project.trees.keys());
    if (!treeNodes(tree).some(({ node }) => node.metric === metric)) throw new InvestigateError('input', `metric "${metric}" is not a node of tree ${treeId}`);
    return tree;
  }
  const tree = [...project.trees.values()].find((t) => treeNodes(t).some(({ node }) => node.metric === metric));
  return tree ?? { id: metric, root: { metric } };
}

/** The node a metric is explained from: its first occurrence that has children or drivers, else its first. */
export function explainedNode(tree: Tree, metric: string): TreeNode {
  const nodes = treeNodes(tree).map((n) => n.node).filter((node) => node.metric === metric);
  return nodes.find((node) => node.formula || node.children?.length || node.drivers?.length) ?? nodes[0]!;
}
