import { isObserved, type SeriesValues } from './result.js';

/** The series moved `lag` periods later: result[t] = values[t − lag] (null before the start). */
export function lagSeries(values: SeriesValues, lag: number): (number | null)[] {
  return values.map((_, t) => {
    const v = values[t - lag];
    return isObserved(v) ? v : null;
  });
}
