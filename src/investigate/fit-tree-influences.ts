import { fitInfluenceEdges } from '../analysis/index.js';
import type { InfluenceInput } from '../explain/index.js';
import type { Duration, Grain, TreeNode } from '../model/index.js';
import type { NodeHistory } from './read-node-history.js';

const grainSeconds: Record<Grain, number> = { day: 86_400, week: 604_800, month: 2_629_746, quarter: 7_889_238, year: 31_556_952 };

/** A tree lag in whole periods of the grain (6 weeks by month: 1). */
export function lagPeriods(lag: Duration | undefined, grain: Grain): number {
  return lag ? Math.round(lag.seconds / grainSeconds[grain]) : 0;
}

/**
 * Each parent's influence edges fitted together (one lagged OLS of the parent on its drivers) on
 * the stored history up to the baseline, so the change being explained does not fit its own edge;
 * each driver's values taken `lag` periods before the baseline and the current period. A parent
 * whose fit is unavailable gets no edges (explain names the driver as unfitted); the reason is returned.
 */
export function fitTreeInfluences(nodes: readonly TreeNode[], history: NodeHistory): { influences: InfluenceInput[]; problems: string[] } {
  const influences: InfluenceInput[] = [];
  const problems: string[] = [];
  const upToBaseline = (metric: string) => history.values.get(metric)?.slice(0, history.baselineIndex + 1) ?? [];
  for (const node of nodes) {
    if (!node.drivers?.length) continue;
    const drivers = node.drivers.map((driver) => ({ id: driver.metric, values: upToBaseline(driver.metric), lag: lagPeriods(driver.lag, history.grain) }));
    const fit = fitInfluenceEdges({ id: node.metric, values: upToBaseline(node.metric) }, drivers);
    if (!fit.ok) {
      problems.push(`influence edges into ${node.metric} not fitted: ${fit.reason}`);
      continue;
    }
    for (const edge of fit.edges) {
      const series = history.values.get(edge.indicator) ?? [];
      const [baseline, current] = [series[history.baselineIndex - edge.lag], series[history.currentIndex - edge.lag]];
      influences.push({ edge, ...(typeof baseline === 'number' && typeof current === 'number' ? { driver: { baseline, current } } : {}) });
    }
  }
  return { influences, problems };
}
