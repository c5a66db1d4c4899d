import { loessEstimate, loessSmooth } from './loess.js';
import { bisquareWeights } from './bisquare-weights.js';

/** The arguments of R's stl(), with its defaults. */
export interface StlOptions {
  /** Periods per season (R: frequency(x)); at least 2, and the series must be longer than two seasons. */
  period: number;
  /** Span of the seasonal smoother in seasons (odd, ≥ 7 recommended), or 'periodic'. */
  seasonalWindow: number | 'periodic';
  seasonalDegree?: 0 | 1;
  trendWindow?: number;
  trendDegree?: 0 | 1;
  lowpassWindow?: number;
  lowpassDegree?: 0 | 1;
  seasonalJump?: number;
  trendJump?: number;
  lowpassJump?: number;
  /** Robustness iterations with bisquare weights (R: robust = TRUE: inner 1, outer 15). */
  robust?: boolean;
  inner?: number;
  outer?: number;
  /** Start the inner loop from this trend instead of zero (not in R): a refit near a known fit converges in fewer passes. */
  initialTrend?: ArrayLike<number>;
}

export interface StlDecomposition {
  status: 'ok';
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
  /** The final robustness weights (1 without robustness iterations). */
  weights: Float64Array;
  windows: { seasonal: number; trend: number; lowpass: number };
}

export type StlResult = StlDecomposition | { status: 'insufficient'; reason: string };

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990), as R's
 * stats::stl: inner loops of seasonal-subseries, low-pass and trend smoothing, outer robustness
 * iterations with bisquare weights on the remainder. x must be complete (interpolate gaps first).
 */
export function decomposeStl(x: ArrayLike<number>, options: StlOptions): StlResult {
  const n = x.length;
  const period = Math.round(options.period);
  if (!(period >= 2)) return { status: 'insufficient', reason: `a season of ${options.period} periods is not a season (at least 2)` };
  if (n <= 2 * period) return { status: 'insufficient', reason: `${n} periods are not more than two seasons of ${period}` };
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) return { status: 'insufficient', reason: `value ${i} is not a finite number` };
  const periodic = options.seasonalWindow === 'periodic';
  const windows = [periodic ? 1 : options.seasonalWindow, options.trendWindow ?? 1, options.lowpassWindow ?? 1] as number[];
  if (!windows.every((w) => Number.isFinite(w) && w >= 1)) return { status: 'insufficient', reason: `a window must be a number of periods of at least 1 (s ${options.seasonalWindow}, t ${options.trendWindow}, l ${options.lowpassWindow})` };
  const sWindow = periodic ? 10 * n + 1 : Math.round(options.seasonalWindow as number);
  const sDegree = periodic ? 0 : (options.seasonalDegree ?? 0);
  const tDegree = options.trendDegree ?? 1;
  const tWindow = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = options.lowpassWindow ?? nextOdd(period);
  const robust = options.robust ?? false;
  const spans = { s: oddAtLeast3(sWindow), t: oddAtLeast3(tWindow), l: oddAtLeast3(lWindow) };
  const fit = {
    period,
    spans,
    degrees: { s: sDegree, t: tDegree, l: options.lowpassDegree ?? tDegree },
    jumps: {
      s: options.seasonalJump ?? Math.ceil(sWindow / 10),
      t: options.trendJump ?? Math.ceil(tWindow / 10),
      l: options.lowpassJump ?? Math.ceil(lWindow / 10),
    },
    inner: options.inner ?? (robust ? 1 : 2),
  };
  const outer = options.outer ?? (robust ? 15 : 0);
  const y = Float64Array.from(x);
  const seasonal = new Float64Array(n);
  const trend = options.initialTrend && options.initialTrend.length === n ? Float64Array.from(options.initialTrend) : new Float64Array(n);
  const work = Array.from({ length: 5 }, () => new Float64Array(n + 2 * period));
  let weights: Float64Array | undefined;
  for (let k = 0; ; k++) {
    innerLoop(y, fit, weights, seasonal, trend, work);
    if (k >= outer) break;
    const fitted = work[0]!;
    for (let i = 0; i < n; i++) fitted[i] = trend[i]! + seasonal[i]!;
    weights = bisquareWeights(y, fitted, weights ?? new Float64Array(n));
  }
  if (periodic) averageByCycle(seasonal, period);
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return {
    status: 'ok',
    seasonal,
    trend,
    remainder,
    weights: weights ?? new Float64Array(n).fill(1),
    windows: { seasonal: sWindow, trend: tWindow, lowpass: lWindow },
  };
}

interface Fit {
  period: number;
  spans: { s: number; t: number; l: number };
  degrees: { s: number; t: number; l: number };
  jumps: { s: number; t: number; l: number };
  inner: number;
}

/** The inner loop: detrend, smooth the cycle-subseries, remove their low-pass, smooth the trend. */
function innerLoop(y: Float64Array, fit: Fit, weights: Float64Array | undefined, seasonal: Float64Array, trend: Float64Array, work: Float64Array[]): void {
  const n = y.length;
  const np = fit.period;
  const [w1, w2, w3, w4, w5] = work as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  // As R's stlstp: w2 holds the extended season, w3 the cycle-subseries, w4 their weights, w5 their smooth.
  for (let pass = 0; pass < fit.inner; pass++) {
    for (let i = 0; i < n; i++) w1[i] = y[i]! - trend[i]!;
    smoothCycleSubseries(w1, n, fit, weights, w2, w3, w4, w5);
    lowPass(w2, n + 2 * np, np, w3, w1);
    loessSmooth(w3, n, fit.spans.l, fit.degrees.l, fit.jumps.l, undefined, w1, 0);
    for (let i = 0; i < n; i++) seasonal[i] = w2[np + i]! - w1[i]!;
    for (let i = 0; i < n; i++) w1[i] = y[i]! - seasonal[i]!;
    loessSmooth(w1, n, fit.spans.t, fit.degrees.t, fit.jumps.t, weights, trend, 0);
  }
}

/** Smooths each cycle-subseries and extends it one period either side, into season (length n + 2·period). */
function smoothCycleSubseries(
  y: Float64Array,
  n: number,
  fit: Fit,
  weights: Float64Array | undefined,
  season: Float64Array,
  sub: Float64Array,
  subWeights: Float64Array,
  smoothed: Float64Array,
): void {
  const np = fit.period;
  const { s: span } = fit.spans;
  for (let j = 1; j <= np; j++) {
    const k = Math.floor((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) sub[i - 1] = y[(i - 1) * np + j - 1]!;
    if (weights) for (let i = 1; i <= k; i++) subWeights[i - 1] = weights[(i - 1) * np + j - 1]!;
    const rw = weights ? subWeights : undefined;
    loessSmooth(sub, k, span, fit.degrees.s, fit.jumps.s, rw, smoothed, 1);
    smoothed[0] = loessEstimate(sub, k, span, fit.degrees.s, 0, 1, Math.min(span, k), rw) ?? smoothed[1]!;
    smoothed[k + 1] = loessEstimate(sub, k, span, fit.degrees.s, k + 1, Math.max(1, k - span + 1), k, rw) ?? smoothed[k]!;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = smoothed[m - 1]!;
  }
}

/** Moving averages of lengths period, period and 3, so n values become n − 2·period. */
function lowPass(x: Float64Array, n: number, np: number, out: Float64Array, work: Float64Array): void {
  movingAverage(x, n, np, out);
  movingAverage(out, n - np + 1, np, work);
  movingAverage(work, n - 2 * np + 2, 3, out);
}

function movingAverage(x: Float64Array, n: number, length: number, out: Float64Array): void {
  let v = 0;
  for (let i = 0; i < length; i++) v += x[i]!;
  out[0] = v / length;
  for (let j = 1; j < n - length + 1; j++) {
    v = v - x[j - 1]! + x[length + j - 1]!;
    out[j] = v / length;
  }
}

function averageByCycle(seasonal: Float64Array, period: number): void {
  for (let c = 0; c < period; c++) {
    let sum = 0;
    let count = 0;
    for (let i = c; i < seasonal.length; i += period) {
      sum += seasonal[i]!;
      count++;
    }
    for (let i = c; i < seasonal.length; i += period) seasonal[i] = sum / count;
  }
}

function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

function oddAtLeast3(x: number): number {
  const v = Math.max(3, x);
  return v % 2 === 0 ? v + 1 : v;
}
