import type { RegularSeries } from '../analysis/index.js';
import type { Grain } from '../model/index.js';
import type { SliceSeries } from '../store/index.js';
import { isPeriodOver, nextPeriod } from './next-period.js';

/**
 * A stored slice as the analysis sees it: one value per period from its first to its last that is
 * over (the current one is still filling), a period without a stored row as null.
 */
export interface AnalysedSeries {
  metric: string;
  grain: Grain;
  sliceKey: string;
  slice: SliceSeries['slice'];
  series: RegularSeries & { timestamps: string[] };
}

export function analysedSeries(metric: string, grain: Grain, stored: SliceSeries, today: string): AnalysedSeries {
  const timestamps: string[] = [];
  const values: (number | null)[] = [];
  stored.periods.forEach((period, i) => {
    if (!isPeriodOver(period, grain, today)) return;
    for (let gap = timestamps.length > 0 ? nextPeriod(timestamps.at(-1)!, grain) : period; gap < period; gap = nextPeriod(gap, grain)) {
      timestamps.push(gap);
      values.push(null);
    }
    timestamps.push(period);
    values.push(stored.values[i]!);
  });
  return { metric, grain, sliceKey: stored.sliceKey, slice: stored.slice, series: { values, timestamps, grain } };
}

/** The key an anomaly's series goes by across metrics: "metric|slice_key". */
export function seriesKeyOf(series: { metric: string; sliceKey: string }): string {
  return `${series.metric}|${series.sliceKey}`;
}
