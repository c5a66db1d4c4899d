import { loessSmooth } from './loess.js';
import { decomposeStl } from './stl.js';

export interface FitShape {
  length: number;
  /** Season length for STL, or null for the trend-only loess. */
  seasonLength: number | null;
  seasonalWindow: number | 'periodic';
  trendSpan: number;
}

/** The spread of remainders under a linear fit H, per period, as a multiple of the noise variance σ². */
export interface RemainderVariance {
  /** Fitted periods: Var(x_i − (Hx)_i)/σ² = (1 − h_ii)² + Σ_{j≠i} h_ij². */
  fitted: Float64Array;
  /** Periods set aside (replaced by their own fit): the prediction error's 1 + Σ_{j≠i} h_ij² / (1 − h_ii)². */
  setAside: Float64Array;
}

/**
 * Inner passes of the plain (non-robust) STL fits. R's default for a plain fit, 2, leaves part of
 * the trend in a periodic season over few cycles (a linear trend of 0.3 a week gives a seasonal
 * sawtooth of range 3.7 with a season of 52 over 3 cycles); 6 passes bring it under 0.01.
 */
export const plainInnerPasses = 6;

const cache = new Map<string, RemainderVariance>();
const cacheSize = 64;

/**
 * How much a remainder varies when the data are pure noise, per period, for the plain fit of the
 * given shape. The plain STL (and the trend loess) are linear smoothers H: column j is the fit of
 * the unit series e_j. With few seasons this matters a lot: a periodic season over three cycles
 * takes a third of each value into the season, so raw remainders understate the noise. Depends
 * only on the shape, so it is computed once per shape (n fits) and kept (the last 64 shapes).
 */
export function remainderVariance(shape: FitShape): RemainderVariance {
  const key = `${shape.length}|${shape.seasonLength}|${shape.seasonalWindow}|${shape.trendSpan}`;
  const known = cache.get(key);
  if (known) return known;
  const n = shape.length;
  const diagonal = new Float64Array(n);
  const rowSquares = new Float64Array(n);
  const unit = new Float64Array(n);
  const fit = new Float64Array(n);
  const span = Math.max(3, shape.trendSpan % 2 === 0 ? shape.trendSpan + 1 : shape.trendSpan);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    if (shape.seasonLength === null) loessSmooth(unit, n, span, 1, Math.ceil(span / 10), undefined, fit, 0);
    else {
      const stl = decomposeStl(unit, { period: shape.seasonLength, seasonalWindow: shape.seasonalWindow, inner: plainInnerPasses });
      if (stl.status === 'ok') for (let i = 0; i < n; i++) fit[i] = stl.seasonal[i]! + stl.trend[i]!;
    }
    for (let i = 0; i < n; i++) rowSquares[i] = rowSquares[i]! + fit[i]! * fit[i]!;
    diagonal[j] = fit[j]!;
  }
  const result: RemainderVariance = { fitted: new Float64Array(n), setAside: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const h = Math.min(0.95, diagonal[i]!);
    const others = Math.max(0, rowSquares[i]! - diagonal[i]! * diagonal[i]!);
    result.fitted[i] = Math.max(0.05, (1 - h) ** 2 + others);
    result.setAside[i] = 1 + others / (1 - h) ** 2;
  }
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}
