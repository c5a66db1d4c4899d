import type { Anomaly } from './types.js';

export interface MetricAnomaly {
  metric: string;
  anomaly: Anomaly;
}

/** An anomaly reported once, with the anomalies of ancestors that it fully explains. */
export interface ReportedAnomaly extends MetricAnomaly {
  explains: MetricAnomaly[];
}

/** A child of a metric and how much of the parent one unit of the child is (1 for a sum; the other factor for a product, at the period). */
export interface ChildContribution {
  metric: string;
  weight?: number;
}

export interface CollapseOptions {
  /** The share of the parent's deviation a child's must carry to explain it (default 0.8). */
  minShare?: number;
  /** Decides instead of the share rule whether the child's anomaly explains the parent's. */
  explains?: (child: MetricAnomaly, parent: MetricAnomaly) => boolean;
}

/**
 * Reports each incident once along a tree: a parent's anomaly is explained by a child's anomaly
 * at the same period (same timestamp, or same index when either has none) and of the same kind
 * (spike/dip, level shift …) when the child's deviation, times its weight, carries at least
 * minShare of the parent's deviation in the same direction (deviation = observed − expected), or
 * when `explains` says so. The parent's anomaly then folds into the child's (the one explaining
 * the largest share), down the tree, so the deepest explaining anomaly carries every ancestor's.
 * `children` maps a parent metric to its children; a cycle is not followed round.
 */
export function collapseExplainedAnomalies(
  anomalies: Readonly<Record<string, readonly Anomaly[]>>,
  children: Readonly<Record<string, readonly ChildContribution[]>>,
  options: CollapseOptions = {},
): ReportedAnomaly[] {
  const minShare = options.minShare ?? 0.8;
  const explainedBy = new Map<MetricAnomaly, MetricAnomaly>();
  const nodes = new Map<string, MetricAnomaly[]>();
  for (const [metric, list] of Object.entries(anomalies)) nodes.set(metric, list.map((anomaly) => ({ metric, anomaly })));
  for (const [parent, kids] of Object.entries(children)) {
    for (const p of nodes.get(parent) ?? []) {
      let best: { node: MetricAnomaly; share: number } | undefined;
      for (const kid of kids) {
        for (const c of nodes.get(kid.metric) ?? []) {
          if (!samePeriod(c.anomaly, p.anomaly) || kind(c.anomaly) !== kind(p.anomaly)) continue;
          const share = explainedShare(c.anomaly, p.anomaly, kid.weight ?? 1);
          const ok = options.explains ? options.explains(c, p) : share >= minShare;
          if (ok && (!best || share > best.share)) best = { node: c, share };
        }
      }
      if (best) explainedBy.set(p, best.node);
    }
  }
  const root = (node: MetricAnomaly): MetricAnomaly => {
    const seen = new Set<MetricAnomaly>([node]);
    let current = node;
    for (let next = explainedBy.get(current); next && !seen.has(next); next = explainedBy.get(current)) {
      seen.add(next);
      current = next;
    }
    return current;
  };
  const reported = new Map<MetricAnomaly, ReportedAnomaly>();
  for (const list of nodes.values()) {
    for (const node of list) {
      const top = root(node);
      const entry = reported.get(top) ?? { ...top, explains: [] };
      reported.set(top, entry);
      if (node !== top) entry.explains.push(node);
    }
  }
  return [...reported.values()];
}

function samePeriod(a: Anomaly, b: Anomaly): boolean {
  return a.timestamp !== undefined && b.timestamp !== undefined ? a.timestamp === b.timestamp : a.index === b.index;
}

function kind(a: Anomaly): string {
  return a.type === 'spike' || a.type === 'dip' ? 'point' : a.type;
}

function explainedShare(child: Anomaly, parent: Anomaly, weight: number): number {
  const parentDeviation = parent.observed - parent.expected;
  if (parentDeviation === 0) return 0;
  return (weight * (child.observed - child.expected)) / parentDeviation;
}
