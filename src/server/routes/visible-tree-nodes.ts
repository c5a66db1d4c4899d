import { treeNodes, type Tree } from '../../model/index.js';

export interface VisibleTreeNode {
  metric: string;
  /** The nearest ancestor that is visible too, or null at the top of what the viewer sees. */
  parent: string | null;
  /** The edge to a visible parent when it is the direct parent; null when nodes between are hidden. */
  edge: 'formula' | 'influence' | null;
}

/**
 * A tree cut to the visible metrics: hidden nodes are left out, and each visible node hangs from
 * its nearest visible ancestor, so that a rep's tree shows only what they own, still in tree order.
 */
export function visibleTreeNodes(tree: Tree, visible: (metric: string) => boolean): VisibleTreeNode[] {
  const nodes = treeNodes(tree);
  const parentOf = new Map(nodes.map(({ node, parent, edge }) => [node, { parent, edge }]));
  const out: VisibleTreeNode[] = [];
  for (const { node, parent, edge } of nodes) {
    if (!visible(node.metric)) continue;
    let ancestor = parent;
    while (ancestor && !visible(ancestor.metric)) ancestor = parentOf.get(ancestor)?.parent;
    out.push({ metric: node.metric, parent: ancestor?.metric ?? null, edge: ancestor && ancestor === parent ? (edge?.type ?? null) : null });
  }
  return out;
}
