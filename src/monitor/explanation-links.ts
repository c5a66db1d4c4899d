import type { Anomaly, ChildContribution, MetricAnomaly } from '../analysis/index.js';
import { additiveKinds, treeNodes, type Expr, type Project } from '../model/index.js';
import { sliceKey, type Slice } from '../store/index.js';
import { seriesKeyOf, type AnalysedSeries } from './analysed-series.js';

/** How a child's deviation adds up to its parent's: in units (a sum, a narrower slice of a count) or in proportion (a factor). */
type Relation = 'additive' | 'relative';

export interface ExplanationLinks {
  /** Parent series key → the series that can explain it. */
  children: Record<string, ChildContribution[]>;
  /** Whether a child's anomaly carries at least `minShare` of its parent's deviation. */
  explains: (child: MetricAnomaly, parent: MetricAnomaly) => boolean;
}

/**
 * Which series can fully explain which: along every formula edge of every tree (same slice), and
 * from a slice to the slice with one dimension fewer for counts and sums (which add up across
 * slices; a ratio's slice does not).
 */
export function explanationLinks(project: Project, series: readonly AnalysedSeries[], minShare = 0.8): ExplanationLinks {
  const present = new Set(series.map(seriesKeyOf));
  const relation = new Map<string, Relation>();
  const children: Record<string, ChildContribution[]> = {};
  const link = (parent: string, child: string, how: Relation) => {
    if (!present.has(parent) || !present.has(child) || relation.has(`${parent}>${child}`)) return;
    relation.set(`${parent}>${child}`, how);
    (children[parent] ??= []).push({ metric: child });
  };
  const slicesOf = new Map<string, AnalysedSeries[]>();
  for (const s of series) slicesOf.set(s.metric, [...(slicesOf.get(s.metric) ?? []), s]);
  for (const tree of project.trees.values()) {
    for (const { node, parent, edge } of treeNodes(tree)) {
      if (edge?.type !== 'formula') continue;
      const how: Relation = parent?.formula && isSum(parent.formula.ast) ? 'additive' : 'relative';
      for (const s of slicesOf.get(edge.parent) ?? []) link(seriesKeyOf(s), seriesKeyOf({ metric: node.metric, sliceKey: s.sliceKey }), how);
    }
  }
  for (const [metric, list] of slicesOf) {
    const kind = project.metrics.get(metric)?.kind ?? '';
    if (!(additiveKinds as readonly string[]).includes(kind)) continue;
    for (const s of list) for (const wider of widerSlices(s.slice)) link(seriesKeyOf({ metric, sliceKey: wider }), seriesKeyOf(s), 'additive');
  }
  const explains = (child: MetricAnomaly, parent: MetricAnomaly) => {
    const how = relation.get(`${parent.metric}>${child.metric}`);
    const deviation = (a: Anomaly) => {
      const units = change(a);
      return how === 'relative' ? (a.expected === 0 ? 0 : units / Math.abs(a.expected)) : units;
    };
    const parentDeviation = deviation(parent.anomaly);
    return parentDeviation !== 0 && deviation(child.anomaly) / parentDeviation >= minShare;
  };
  return { children, explains };
}

/**
 * How far an anomaly moved its series: a level shift by its shift, a trend change by its change of
 * slope (observed − expected there is about 0: the fit has taken the change in), else the departure.
 */
function change(a: Anomaly): number {
  if (a.type === 'level_shift' && a.shift !== undefined) return a.shift;
  if (a.type === 'trend_change' && a.slopeBefore !== undefined && a.slopeAfter !== undefined) return a.slopeAfter - a.slopeBefore;
  return a.observed - a.expected;
}

/** a + b + c: each term's deviation adds to the whole's. */
function isSum(expr: Expr): boolean {
  if (expr.type === 'ref') return true;
  return expr.type === 'binary' && expr.op === '+' && isSum(expr.left) && isSum(expr.right);
}

/** The canonical keys of the slices with one dimension fewer. */
function widerSlices(slice: Slice): string[] {
  return Object.keys(slice).map((drop) => sliceKey(Object.fromEntries(Object.entries(slice).filter(([name]) => name !== drop))));
}
