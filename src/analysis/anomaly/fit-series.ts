import { plainInnerPasses, remainderVariance, type FitShape, type RemainderVariance } from './remainder-variance.js';
import { loessSmooth } from './loess.js';
import { preClean } from './pre-clean.js';
import { median, robustScale } from './robust-scale.js';
import { fitRobustTrend } from './robust-trend.js';
import { decomposeStl } from './stl.js';

export interface SeriesFit {
  method: 'stl' | 'trend';
  /** Full seasons in the series (0 without a season). */
  cycles: number;
  seasonal: Float64Array;
  trend: Float64Array;
  /** x − seasonal − trend. */
  remainder: Float64Array;
  /** The remainder divided by its spread under pure noise (see remainder-variance.ts): in units of the noise. */
  standardized: Float64Array;
  /** The spread of each remainder under pure noise, in units of the noise (σ times it is its standard deviation). */
  spread: Float64Array;
  /** 1 where the period was set aside from the final fit (an outlier, or missing). */
  setAside: Uint8Array;
  /** Robust standard deviation of the noise (from the observed periods' standardized remainders). */
  sigma: number;
  /** Medians of the observed periods' remainders and standardized remainders. */
  centre: number;
  standardizedCentre: number;
  notes: string[];
}

/** Periods beyond this many σ are set aside from the fit. */
const rejectAt = 3.5;

/** Robustness iterations of the starting fit (R's stl uses 15; the start only has to shrug off outliers). */
const startOuterPasses = 3;

/**
 * Trend and season of a complete series, robust to outliers and with calibrated remainders.
 * STL when the series holds more than two full seasons (seasonal window: 7 with seven seasons or
 * more, else 'periodic'), else a trend-only loess (said in the notes). The robust fit (R's
 * bisquare iterations, 3 of them, on the series with gross outliers blunted: see pre-clean.ts)
 * gives the start; then, as bisquare weights over few seasons over-fit the
 * bulk (remainders shrink, MAD understates the noise), the plain fit (6 inner passes: see remainder-variance.ts) is repeated with missing
 * periods, periods beyond 3.5σ and any in `exclude` replaced by the fit, until the set aside stays
 * the same (at most 5 times). Set-aside periods are judged on their prediction error, scaled as such.
 */
export function fitSeries(
  x: Float64Array,
  observed: Uint8Array,
  seasonLength: number | null,
  seasonalWindow: number | 'periodic' | undefined,
  trendSpan: number,
  exclude?: Uint8Array,
): SeriesFit {
  const n = x.length;
  const notes: string[] = [];
  const stl = seasonLength !== null && n > 2 * seasonLength;
  if (seasonLength !== null && !stl) {
    notes.push(`fewer than two full seasons (${n} periods, a season of ${seasonLength}): a robust trend only, so seasonal swings are not removed`);
  }
  const shape: FitShape = {
    length: n,
    seasonLength: stl ? seasonLength : null,
    seasonalWindow: stl ? (seasonalWindow ?? (n / seasonLength! >= 7 ? 7 : 'periodic')) : 'periodic',
    trendSpan: Math.min(n, trendSpan),
  };
  const variance = remainderVariance(shape);
  let parts = decompose(shape.seasonLength !== null ? preClean(x, shape.seasonLength) : x, shape, true);
  let setAside = new Uint8Array(n);
  const seen: number[] = [];
  for (let i = 0; i < n; i++) if (observed[i]) seen.push(i);
  let scored = score(x, parts, variance, setAside, seen);
  for (let pass = 0; pass < 5; pass++) {
    const next = new Uint8Array(n);
    let same = pass > 0;
    const limit = rejectAt * scored.sigma;
    for (let i = 0; i < n; i++) {
      next[i] = !observed[i] || exclude?.[i] || Math.abs(scored.standardized[i]! - scored.standardizedCentre) > limit ? 1 : 0;
      if (next[i] !== setAside[i]) same = false;
    }
    if (same) break;
    setAside = next;
    const replaced = Float64Array.from(x);
    for (let i = 0; i < n; i++) if (setAside[i]) replaced[i] = parts.seasonal[i]! + parts.trend[i]!;
    parts = decompose(replaced, shape, false, parts.trend);
    scored = score(x, parts, variance, setAside, seen);
  }
  return { method: stl ? 'stl' : 'trend', cycles: stl ? Math.floor(n / seasonLength!) : 0, ...parts, ...scored, setAside, notes };
}

interface Parts {
  seasonal: Float64Array;
  trend: Float64Array;
}

/** The robust starting fit, or a plain refit that starts from the previous fit's trend (so 2 inner passes reach what 6 from zero do). */
function decompose(x: Float64Array, shape: FitShape, robust: boolean, previousTrend?: Float64Array): Parts {
  const n = x.length;
  if (shape.seasonLength !== null) {
    const passes = robust ? { outer: startOuterPasses } : previousTrend ? { inner: 2, initialTrend: previousTrend } : { inner: plainInnerPasses };
    const stl = decomposeStl(x, { period: shape.seasonLength, seasonalWindow: shape.seasonalWindow, robust, ...passes });
    if (stl.status === 'ok') return stl;
  }
  if (robust) return { seasonal: new Float64Array(n), trend: fitRobustTrend(x, shape.trendSpan, startOuterPasses).trend };
  const span = shape.trendSpan % 2 === 0 ? shape.trendSpan + 1 : shape.trendSpan;
  const trend = new Float64Array(n);
  loessSmooth(x, n, Math.max(3, span), 1, Math.ceil(span / 10), undefined, trend, 0);
  return { seasonal: new Float64Array(n), trend };
}

function score(x: Float64Array, parts: Parts, variance: RemainderVariance, setAside: Uint8Array, seen: number[]) {
  const n = x.length;
  const remainder = new Float64Array(n);
  const spread = new Float64Array(n);
  const standardized = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    remainder[i] = x[i]! - parts.seasonal[i]! - parts.trend[i]!;
    spread[i] = Math.sqrt(setAside[i] ? variance.setAside[i]! : variance.fitted[i]!);
    standardized[i] = remainder[i]! / spread[i]!;
  }
  const seenStandardized = Float64Array.from(seen, (i) => standardized[i]!);
  const standardizedCentre = median(seenStandardized);
  return {
    remainder,
    standardized,
    spread,
    standardizedCentre,
    sigma: robustScale(seenStandardized, standardizedCentre),
    centre: median(Float64Array.from(seen, (i) => remainder[i]!)),
  };
}

/**
 * The deseasonalised series (x minus season) that slope and level tests read: runs of one or two
 * periods beyond 4σ on the same side (spikes, dips) and missing periods are replaced by the
 * trend; longer runs stay (they may be a shift).
 */
export function deseasonalisedClean(x: Float64Array, observed: Uint8Array, fit: SeriesFit): Float64Array {
  const n = x.length;
  const y = Float64Array.from(x, (v, i) => (observed[i] ? v - fit.seasonal[i]! : fit.trend[i]! + fit.centre));
  const side = (i: number) => {
    const z = (fit.standardized[i]! - fit.standardizedCentre) / fit.sigma;
    return observed[i] && Math.abs(z) > 4 ? Math.sign(z) : 0;
  };
  for (let i = 0; i < n; ) {
    const s = side(i);
    let j = i + 1;
    if (s !== 0) while (j < n && side(j) === s) j++;
    if (s !== 0 && j - i <= 2) for (let k = i; k < j; k++) y[k] = fit.trend[k]! + fit.centre;
    i = j;
  }
  return y;
}
