import { isObserved, type SeriesValues } from './result.js';

export interface PairedValues {
  x: number[];
  y: number[];
}

/** x[t] beside y[t + lag] for every t where both are observed; a positive lag means x leads y. */
export function pairValues(x: SeriesValues, y: SeriesValues, lag: number): PairedValues {
  const paired: PairedValues = { x: [], y: [] };
  const first = Math.max(0, -lag);
  const last = Math.min(x.length, y.length - lag);
  for (let t = first; t < last; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (isObserved(a) && isObserved(b)) {
      paired.x.push(a);
      paired.y.push(b);
    }
  }
  return paired;
}
