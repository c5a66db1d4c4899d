import { formatDifference, formatShare, sliceWords, type CausePath, type NodeExplanation } from '../explain/index.js';
import type { ChangeInvestigation } from '../investigate/index.js';

/** kpitree explain's text: the paragraph, the ranked paths, the explained metric's waterfall by slice, then what could not be split. */
export function renderExplanation(investigation: ChangeInvestigation): string {
  const { explanation, unsliced, notes } = investigation;
  const { root } = explanation;
  const lines = [explanation.summary, ''];
  if (explanation.paths.length > 0) {
    lines.push('Causes, ranked by their part of the change:');
    explanation.paths.forEach((path, i) => lines.push(`  ${i + 1}. ${describePath(path, root)}`));
    lines.push('');
  }
  if (root.slices && root.slices.ok) {
    lines.push(`${root.name}'s change by slice:`);
    const rows = root.slices.waterfall.map((step) => [step.slice ? sliceWords(step.slice) : 'every other slice', formatDifference(step.contribution, root.format)]);
    rows.push(['total', formatDifference(root.slices.change, root.format)]);
    const width = Math.max(...rows.map(([name]) => name!.length));
    for (const [name, amount] of rows) lines.push(`  ${name!.padEnd(width)}  ${amount}`);
    lines.push('');
  }
  // Only the metrics the paths end at: the JSON lists every node that was not split.
  const ends = new Set([root.metric, ...explanation.paths.map((p) => p.metric)]);
  const unsplit = unsliced.filter((u) => ends.has(u.metric)).map((u) => `${u.metric} is not split by slice: ${u.reason}`);
  const caveats = [...explanation.problems, ...unsplit, ...notes];
  if (caveats.length > 0) lines.push('Not explained:', ...caveats.map((c) => `  - ${c}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function describePath(path: CausePath, root: NodeExplanation): string {
  const where = path.slice ? ` in ${sliceWords(path.slice.slice)} (${formatShare(path.slice.share)} of its change)` : '';
  const share = path.share === null ? '' : ` (${formatShare(path.share)})`;
  const owner = path.owner ? `, owner ${path.owner.name}` : '';
  const noise = path.noise ? ', within normal variation' : '';
  return `${path.metrics.join(' › ')}: ${formatDifference(path.contribution, root.format)}${share}${where}${owner}${noise}`;
}
