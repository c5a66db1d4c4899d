import { interpolateGaps } from '../relations/interpolate-gaps.js';
import { isObserved, unavailable, type SeriesValues, type Unavailable } from '../relations/result.js';

export interface PreparedSeries {
  ok: true;
  values: number[];
  /** Periods cut from the start (missing before the first observation); periods missing at the end make the forecast start later. */
  leadingMissing: number;
  trailingMissing: number;
  /** Interior missing periods filled by straight lines between their neighbours. */
  interpolated: number;
}

/** A series ready for smoothing: trimmed of missing ends, interior gaps interpolated. */
export function prepareSeries(values: SeriesValues, minimum: number): PreparedSeries | Unavailable {
  if (values.length === 0) return unavailable('the series is empty');
  const first = values.findIndex(isObserved);
  if (first < 0) return unavailable('the series has no observed values (all missing or not numbers)');
  let last = values.length - 1;
  while (!isObserved(values[last])) last--;
  const { values: filled, filled: interpolated } = interpolateGaps(values.slice(first, last + 1));
  if (filled.length < minimum) return unavailable(`the series has ${filled.length} periods; need at least ${minimum}`);
  return { ok: true, values: filled as number[], leadingMissing: first, trailingMissing: values.length - 1 - last, interpolated };
}
