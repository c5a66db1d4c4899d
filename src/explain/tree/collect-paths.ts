import type { Owners } from '../../model/index.js';
import type { SliceOwner } from '../explain-input.js';
import type { CausePath, DriverEffect, NodeExplanation } from '../explain-result.js';
import { findOwner } from './find-owner.js';

/**
 * The root-cause paths of an explanation: one per metric where the exact chain ends (a formula
 * leaf, or a node whose formula could not be split), with the slice that carries most of that
 * metric's own change and its owner; ranked by contribution in the direction of the change.
 */
export function collectPaths(root: NodeExplanation, owners: Owners | undefined, sliceOwners: readonly SliceOwner[]): CausePath[] {
  const paths: CausePath[] = [];
  const walk = (node: NodeExplanation, above: string[]) => {
    if (node.status !== 'ok' || node.contribution === null) return;
    const metrics = [...above, node.metric];
    const children = node.formula?.ok ? node.children.filter((c) => c.contribution !== null) : [];
    if (children.length > 0) {
      children.forEach((child) => walk(child, metrics));
      return;
    }
    const top = node.slices?.ok ? node.slices.causes[0] : undefined;
    const slice = top && top.share > 0 ? top : null;
    paths.push({
      metrics,
      metric: node.metric,
      contribution: node.contribution,
      share: node.share,
      noise: node.noise,
      slice,
      drivers: node.drivers
        .filter((d): d is DriverEffect => d.ok && d.significant && Math.sign(d.expected) === Math.sign(node.change ?? 0))
        .sort((a, b) => Math.abs(b.expected) - Math.abs(a.expected)),
      owner: findOwner(owners, sliceOwners, node.metric, slice?.slice ?? null),
    });
  };
  walk(root, []);
  const direction = Math.sign(root.change ?? 0) || 1;
  return paths.sort((a, b) => b.contribution * direction - a.contribution * direction);
}
