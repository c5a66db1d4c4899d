import { forecastSeries, naiveScale } from '../analysis/index.js';
import type { Grain } from '../model/index.js';
import type { ForecastRecord } from '../store/index.js';
import type { AnalysedSeries } from './analysed-series.js';
import { nextPeriod } from './next-period.js';

/** How far ahead each grain is forecast, and its season: a quarter of weeks, a quarter of months … */
export const forecastPlan: Record<Grain, { horizon: number; season: number }> = {
  day: { horizon: 28, season: 7 },
  week: { horizon: 13, season: 52 },
  month: { horizon: 3, season: 12 },
  quarter: { horizon: 2, season: 4 },
  year: { horizon: 1, season: 1 },
};

/**
 * A Holt-Winters forecast of a series from its last period that is over, with 95% intervals and
 * the naive scale MASE will need when the actuals land; or why it cannot be made.
 */
export function forecastTotal(s: AnalysedSeries): Omit<ForecastRecord, 'runId'> | { reason: string } {
  const { horizon, season } = forecastPlan[s.grain];
  const { values, timestamps } = s.series;
  const result = forecastSeries(values, { horizon, period: season });
  if (!result.ok) return { reason: result.reason };
  const origin = timestamps.at(-1)!;
  let period = origin;
  const points = result.points.map((p) => {
    period = nextPeriod(period, s.grain);
    return { period, step: p.step, value: p.value, lower: p.lower, upper: p.upper };
  });
  const observed = values.filter((v): v is number => v !== null);
  return {
    metric: s.metric,
    grain: s.grain,
    slice: s.slice,
    originPeriod: origin,
    model: { ...result.model },
    level: result.level,
    naiveScale: naiveScale(observed, result.model.period > 1 ? result.model.period : 1),
    warnings: result.warnings,
    points,
  };
}
