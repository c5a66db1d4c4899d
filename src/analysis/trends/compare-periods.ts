import { isObserved, unavailable, type SeriesValues, type Unavailable } from '../relations/result.js';

export interface PeriodComparison {
  ok: true;
  current: number;
  previous: number;
  change: number;
  /** Relative change in percent; null when the previous value is 0. */
  changePercent: number | null;
}

/** Period over period: the last period against the one `lag` periods before it (52 weekly or 12 monthly for year over year). */
export function comparePeriods(values: SeriesValues, options: { lag?: number } = {}): PeriodComparison | Unavailable {
  const lag = options.lag ?? 1;
  if (values.length === 0) return unavailable('the series is empty');
  const current = values.at(-1);
  const previous = values[values.length - 1 - lag];
  if (values.length <= lag) return unavailable(`the series has ${values.length} periods; comparing with ${lag} periods before needs ${lag + 1}`);
  if (!isObserved(current)) return unavailable('the last period has no value');
  if (!isObserved(previous)) return unavailable(`the period ${lag} before the last has no value`);
  return { ok: true, current, previous, change: current - previous, changePercent: previous !== 0 ? ((current - previous) / Math.abs(previous)) * 100 : null };
}
