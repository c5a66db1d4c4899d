import { differenceSeries } from './difference-series.js';
import { fitAutoregression } from './fit-autoregression.js';
import { interpolateGaps } from './interpolate-gaps.js';
import { isObserved, type SeriesValues } from './result.js';

/** How a pair was made stationary before it was correlated. */
export interface PairTransform {
  /** 0 (levels) or 1 (first differences). */
  difference: number;
  /** The order of the autoregression fitted to the leader and applied to both, or null if none. */
  arOrder: number | null;
  arCoefficients: number[];
  /** What was done, in words. */
  description: string;
}

export interface Whitened {
  x: (number | null)[];
  y: (number | null)[];
  transform: PairTransform;
}

/**
 * Removes what makes two trending series correlate spuriously: differences both (when asked), then
 * fits an autoregression to x (the leader) and filters both series with it, so that x is white
 * noise and a cross-correlation with y measures only a shared response (Box & Jenkins prewhitening).
 * Interior gaps are interpolated so that the filter can run through them, but the transformed
 * values of the missing periods are dropped again: only observed periods are ever correlated.
 */
export function prewhitenPair(x: SeriesValues, y: SeriesValues, options: { difference?: number; prewhiten?: boolean } = {}): Whitened {
  const difference = options.difference ?? 1;
  const gx = interpolateGaps(x);
  const gy = interpolateGaps(y);
  const mask = (values: (number | null)[], original: SeriesValues) => values.map((v, t) => (isObserved(original[t]) ? v : null));
  const dx = difference > 0 ? differenceSeries(gx.values) : gx.values;
  const dy = difference > 0 ? differenceSeries(gy.values) : gy.values;
  const words = difference > 0 ? ['first differences'] : [];
  if (gx.filled + gy.filled > 0) words.push(`${gx.filled + gy.filled} missing periods bridged for the filter (not correlated)`);
  const done = (wx: (number | null)[], wy: (number | null)[], arOrder: number | null, arCoefficients: number[]): Whitened => ({
    x: mask(wx, x),
    y: mask(wy, y),
    transform: { difference, arOrder, arCoefficients, description: words.join(', ') || 'levels' },
  });
  if (options.prewhiten === false) return done(dx, dy, null, []);
  const ar = fitAutoregression(dx);
  if (!ar.ok || ar.order === 0) {
    words.push(ar.ok ? 'no autocorrelation left to remove' : `not prewhitened (${ar.reason})`);
    return done(dx, dy, ar.ok ? 0 : null, []);
  }
  words.push(`prewhitened by an AR(${ar.order}) of the leader`);
  return done(applyFilter(dx, ar.coefficients), applyFilter(dy, ar.coefficients), ar.order, ar.coefficients);
}

/** e[t] = v[t] − Σ φk v[t−k] (centred on v's mean); null until p past values are observed. */
function applyFilter(values: (number | null)[], phi: number[]): (number | null)[] {
  const observed = values.filter(isObserved);
  const mean = observed.reduce((s, v) => s + v, 0) / Math.max(1, observed.length);
  return values.map((value, t) => {
    if (!isObserved(value) || t < phi.length) return null;
    let e = value - mean;
    for (let k = 1; k <= phi.length; k++) {
      const before = values[t - k];
      if (!isObserved(before)) return null;
      e -= phi[k - 1]! * (before - mean);
    }
    return e;
  });
}
