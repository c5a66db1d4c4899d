import type { Anomaly } from '../analysis/index.js';
import type { Grain } from '../model/index.js';
import type { Slice } from '../store/index.js';
import type { MetricAnomaly } from './metric-anomaly.js';

/**
 * detectAnomalies' findings on one stored series, as triggers read them: the anomaly's index
 * becomes its period. A level shift or trend change holds from its first period through the end
 * of the series (the new level stays: detectAnomalies flags it once); a drift through its last
 * period so far; a spike or dip is one period.
 */
export function seriesAnomalies(series: { metric: string; grain: Grain; slice?: Slice }, periods: readonly string[], anomalies: readonly Anomaly[]): MetricAnomaly[] {
  return anomalies.map((anomaly) => {
    const lasting = anomaly.type === 'drift' ? anomaly.index + (anomaly.periods ?? 1) - 1 : anomaly.type === 'spike' || anomaly.type === 'dip' ? null : periods.length - 1;
    const last = lasting === null ? undefined : periods[Math.min(lasting, periods.length - 1)];
    return {
      metric: series.metric,
      grain: series.grain,
      slice: series.slice ?? {},
      period: periods[anomaly.index]!,
      ...(last !== undefined ? { through: last } : {}),
      direction: anomaly.direction,
      type: anomaly.type,
    };
  });
}
