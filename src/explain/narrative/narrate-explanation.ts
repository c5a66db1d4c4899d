import type { CausePath, DriverEffect, NodeExplanation } from '../explain-result.js';
import { describeHeadline, describeMove } from './describe-change.js';
import { describeInfluence } from './describe-influence.js';
import { describeSliceCause } from './describe-slice.js';
import { formatDifference, formatShare } from './format-value.js';
import { capitalise, inSentence } from './metric-words.js';

/** Paths carrying less than this share of the change are left to the structured result. */
const mentionShare = 0.05;
const mostPaths = 3;
const mostInfluences = 2;

/**
 * One readable paragraph: the change, the paths that carry it (share, metric, slice, owner), what
 * offset it, what moved within normal variation (noise), the estimated influences apart from the
 * exact shares, and what could not be explained.
 */
export function narrateExplanation(root: NodeExplanation, paths: readonly CausePath[], problems: readonly string[], periods?: { baseline: string; current: string }): string {
  const nodes = indexNodes(root);
  const against = periods ? ` against ${periods.baseline}` : '';
  const sentences = [`${root.name} ${describeHeadline(root)}${against}${root.noise ? ', within its normal variation (noise)' : ''}.`];
  const fall = (root.change ?? 0) < 0 ? 'fall' : 'rise';
  const carrying = paths.filter((p) => !p.noise && p.share !== null && p.share >= mentionShare && p.metrics.length > 1).slice(0, mostPaths);
  carrying.forEach((path, i) => {
    const node = nodes.get(path.metric)!;
    const lead = i === 0 ? `${formatShare(path.share!)} of the ${fall} comes from` : `${formatShare(path.share!)} from`;
    sentences.push(`${lead} ${inSentence(node.name)} (${describeMove(node)})${describePlace(path, node)}.`);
  });
  if (root.change !== null && root.change !== 0 && (paths.length === 0 || paths[0]!.metrics.length === 1)) {
    const own = paths[0];
    if (own?.slice) sentences.push(`${capitalise(describeSliceCause(own.slice, root.format))}${own.owner ? `, owner ${own.owner.name}` : ''}.`);
  }
  const offsets = paths.filter((p) => !p.noise && p.share !== null && p.share <= -mentionShare).slice(0, mostPaths);
  if (offsets.length > 0) sentences.push(`Offset by ${offsets.map((p) => `${inSentence(nodes.get(p.metric)!.name)} (${describeMove(nodes.get(p.metric)!)})`).join(', ')}.`);
  for (const path of paths.filter((p) => p.noise && p.metrics.length > 1)) {
    sentences.push(`${nodes.get(path.metric)!.name} moved ${describeMove(nodes.get(path.metric)!)} (noise).`);
  }
  sentences.push(...paradoxSentences(nodes));
  const influences = [...carrying.flatMap((p) => p.drivers.slice(0, 1).map((d) => ({ d, outcome: nodes.get(p.metric)! }))), ...rootDrivers(root)].slice(0, mostInfluences);
  if (influences.length > 0) sentences.push(`Estimated from history, apart from these shares: ${influences.map(({ d, outcome }) => describeInfluence(d, outcome)).join('; ')}.`);
  if (problems.length > 0) sentences.push(`Not explained: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`);
  return sentences.join(' ');
}

function describePlace(path: CausePath, node: NodeExplanation): string {
  const slice = path.slice ? `, ${describeSliceCause(path.slice, node.format)}` : '';
  return `${slice}${path.owner ? `, owner ${path.owner.name}` : ''}`;
}

function rootDrivers(root: NodeExplanation): { d: DriverEffect; outcome: NodeExplanation }[] {
  const same = root.drivers.filter((d): d is DriverEffect => d.ok && d.significant && Math.sign(d.expected) === Math.sign(root.change ?? 0));
  return same.sort((a, b) => Math.abs(b.expected) - Math.abs(a.expected)).slice(0, 1).map((d) => ({ d, outcome: root }));
}

/** "Every segment's own win rate rose, yet win rate fell: volume moved toward lower rates (mix −9.2 pts, rate +1.4 pts)." */
function paradoxSentences(nodes: ReadonlyMap<string, NodeExplanation>): string[] {
  return [...nodes.values()].flatMap((node) => {
    if (!node.slices?.ok || !node.slices.mixRate || node.change === null) return [];
    const { mix, rate, paradox } = node.slices.mixRate;
    return paradox.slice(0, 1).map((dimension) => {
      const [own, total] = node.change! < 0 ? ['rose', 'fell'] : ['fell', 'rose'];
      const toward = node.change! < 0 ? 'lower' : 'higher';
      return `Every ${dimension}'s own ${inSentence(node.name)} ${own}, yet ${inSentence(node.name)} ${total}: volume moved toward ${dimension}s with ${toward} rates (mix ${formatDifference(mix, node.format)}, rate ${formatDifference(rate, node.format)}).`;
    });
  });
}

function indexNodes(root: NodeExplanation): Map<string, NodeExplanation> {
  const nodes = new Map<string, NodeExplanation>();
  const walk = (node: NodeExplanation) => {
    if (!nodes.has(node.metric)) nodes.set(node.metric, node);
    node.children.forEach(walk);
  };
  walk(root);
  return nodes;
}
