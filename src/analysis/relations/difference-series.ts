import { isObserved, type SeriesValues } from './result.js';

/** values[t] − values[t − lag]; null where either is missing, and for the first lag periods. */
export function differenceSeries(values: SeriesValues, lag = 1): (number | null)[] {
  return values.map((value, t) => {
    const before = values[t - lag];
    return t >= lag && isObserved(value) && isObserved(before) ? value - before : null;
  });
}
