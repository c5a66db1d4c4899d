/** A tree node as written in trees/*.yaml. */
export interface RawTreeNode {
  metric: string;
  formula?: string;
  children?: RawTreeNode[];
  drivers?: RawTreeNode[];
  [key: string]: unknown;
}

/**
 * The tree with only the metrics in `keep`. A node that is not kept goes with its subtree; a
 * formula node that loses a child loses its formula and all its formula children (the formula no
 * longer holds). Returns undefined when the root itself goes. Each change is noted.
 */
export function pruneTree(root: RawTreeNode, keep: ReadonlySet<string>): { root?: RawTreeNode; notes: string[] } {
  const notes: string[] = [];
  const prune = (node: RawTreeNode): RawTreeNode | undefined => {
    if (!keep.has(node.metric)) return undefined;
    const out: RawTreeNode = { ...node };
    if (node.children) {
      const kept = node.children.map(prune);
      const lost = node.children.filter((_, i) => !kept[i]).map((c) => c.metric);
      if (lost.length > 0) {
        delete out.formula;
        delete out.children;
        const dropped = node.children.filter((_, i) => kept[i]).flatMap((c) => metricsOf(c));
        notes.push(
          `${node.metric} lost its formula (${node.formula ?? ''}) because ${lost.join(', ')} ${lost.length === 1 ? 'is' : 'are'} not computable` +
            (dropped.length ? `; its other formula children went with it: ${dropped.join(', ')}` : ''),
        );
      } else {
        out.children = kept as RawTreeNode[];
      }
    }
    if (node.drivers) {
      const drivers = node.drivers.map((d) => ({ driver: d, kept: prune(d) }));
      for (const { driver, kept } of drivers) {
        if (!kept) notes.push(`driver ${driver.metric} of ${node.metric} left out (not computable)${subtreeNote(driver)}`);
      }
      const keptDrivers = drivers.flatMap((d) => (d.kept ? [d.kept] : []));
      if (keptDrivers.length) out.drivers = keptDrivers;
      else delete out.drivers;
    }
    return out;
  };
  const pruned = prune(root);
  if (!pruned) notes.push(`the tree's root ${root.metric} is not computable: the tree was not written`);
  return { ...(pruned ? { root: pruned } : {}), notes };
}

function metricsOf(node: RawTreeNode): string[] {
  return [node.metric, ...(node.children ?? []).flatMap(metricsOf), ...(node.drivers ?? []).flatMap(metricsOf)];
}

function subtreeNote(node: RawTreeNode): string {
  const below = metricsOf(node).slice(1);
  return below.length ? `, with what hangs below it: ${[...new Set(below)].join(', ')}` : '';
}
