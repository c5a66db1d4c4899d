import type { ValueFormat } from '../../model/index.js';
import { formatAmount, formatDifference, formatMagnitude, formatPercentChange } from './format-value.js';

interface Change {
  format: ValueFormat;
  baseline: number | null;
  current: number | null;
  change: number | null;
  changePercent: number | null;
}

/** How much a metric moved, in brackets after its name: "−6.1 pts", "−12.4%", "from 0 to $2,400". */
export function describeMove(node: Change): string {
  if (node.change === null) return 'no value';
  if (node.format === 'percent') return formatDifference(node.change, 'percent');
  if (node.changePercent === null) return `from ${formatAmount(node.baseline!, node.format)} to ${formatAmount(node.current!, node.format)}`;
  return formatPercentChange(node.changePercent);
}

/** The headline verb and amount: "fell $1.21M (−12.4%)", "rose 2.5 pts (from 25.0% to 27.5%)", "did not change". */
export function describeHeadline(node: Change): string {
  if (node.change === null) return 'has no value to compare';
  if (node.change === 0) return `did not change (${formatAmount(node.current!, node.format)})`;
  const verb = node.change < 0 ? 'fell' : 'rose';
  const span = `from ${formatAmount(node.baseline!, node.format)} to ${formatAmount(node.current!, node.format)}`;
  const detail = node.format === 'percent' || node.changePercent === null ? span : formatPercentChange(node.changePercent);
  return `${verb} ${formatMagnitude(node.change, node.format)} (${detail})`;
}
