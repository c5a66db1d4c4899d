import { classifyFormula } from '../explain/index.js';
import type { Metric } from '../model/index.js';

/** A stored metric's value per slice, optionally times another's (an average × its count is its sum). */
export interface SlicePart {
  metric: string;
  times?: string;
}

/** Where a metric's values by slice come from, so that slices add up exactly to the total. */
export type SliceSource =
  | { kind: 'additive'; metric: string }
  | { kind: 'ratio'; numerator: SlicePart; denominator: SlicePart }
  | { kind: 'none'; reason: string };

/**
 * Counts and sums add up across slices, and so do sums and differences of them (formulas),
 * running totals and snapshot counts or sums. A ratio of two such metrics splits as numerator and
 * denominator; an average as (average × count) / count when the project defines the count of the
 * same rows (same dataset, time and filter). Distinct counts, medians, conversions: no slices.
 */
export function sliceSource(metric: Metric, metrics: ReadonlyMap<string, Metric>): SliceSource {
  if (isAdditive(metric, metrics)) return { kind: 'additive', metric: metric.id };
  if (metric.kind === 'ratio') {
    const parts = [metric.numerator, metric.denominator];
    const notAdditive = parts.filter((id) => !isAdditive(metrics.get(id), metrics));
    if (notAdditive.length === 0) return { kind: 'ratio', numerator: { metric: metric.numerator }, denominator: { metric: metric.denominator } };
    return { kind: 'none', reason: `${notAdditive.join(' and ')} ${notAdditive.length === 1 ? 'does' : 'do'} not add up across slices` };
  }
  if (metric.kind === 'average') {
    const count = [...metrics.values()].find(
      (m) => m.kind === 'count' && m.dataset === metric.dataset && m.time.text === metric.time.text && m.filter?.text === metric.filter?.text,
    );
    if (count) return { kind: 'ratio', numerator: { metric: metric.id, times: count.id }, denominator: { metric: count.id } };
    return { kind: 'none', reason: `no count metric of the same rows (dataset ${metric.dataset}, same time and filter) to weigh the average by` };
  }
  return { kind: 'none', reason: `a ${metric.kind} does not add up across slices` };
}

/** A validated project has no cycles of metrics, so the recursion ends. */
function isAdditive(metric: Metric | undefined, metrics: ReadonlyMap<string, Metric>): boolean {
  if (!metric) return false;
  switch (metric.kind) {
    case 'count':
    case 'sum':
      return true;
    case 'snapshot':
      return metric.aggregate === 'count' || metric.aggregate === 'sum';
    case 'cumulative':
      return isAdditive(metrics.get(metric.of), metrics);
    case 'formula': {
      const shape = classifyFormula(metric.expr.ast);
      return shape.kind === 'sum' && shape.constant === 0 && [...shape.coefficients.keys()].every((id) => isAdditive(metrics.get(id), metrics));
    }
    default:
      return false;
  }
}
