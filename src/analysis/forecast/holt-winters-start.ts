export type Seasonality = 'additive' | 'multiplicative' | 'none';

export interface HoltWintersModel {
  /** Season length in periods (1 for none). */
  period: number;
  seasonal: Seasonality;
  trend: boolean;
}

export interface HoltWintersStart {
  level: number;
  trend: number;
  season: number[];
  /** Index (0-based) of the first value the filter predicts. */
  firstPredicted: number;
}

/**
 * Start values exactly as R's HoltWinters chooses them: without seasonality, level x[2] and trend
 * x[2] − x[1] (level x[1] without trend); with it, a classical decomposition of the first two
 * seasons (centred moving average), the level and trend from a line through that moving average
 * (its intercept at time 0, as R), and the seasonal figure.
 */
export function holtWintersStart(x: readonly number[], model: HoltWintersModel): HoltWintersStart {
  if (model.seasonal === 'none') {
    return model.trend ? { level: x[1]!, trend: x[1]! - x[0]!, season: [], firstPredicted: 2 } : { level: x[0]!, trend: 0, season: [], firstPredicted: 1 };
  }
  const f = model.period;
  const window = x.slice(0, 2 * f);
  const weights = f % 2 === 0 ? [0.5, ...new Array<number>(f - 1).fill(1), 0.5].map((w) => w / f) : new Array<number>(f).fill(1 / f);
  const half = Math.floor(weights.length / 2);
  const movingAverage = window.map((_, t) => (t - half < 0 || t + half >= window.length ? null : weights.reduce((s, w, k) => s + w * window[t - half + k]!, 0)));
  const multiplicative = model.seasonal === 'multiplicative';
  const figure = Array.from({ length: f }, (_, i) => {
    const ratios = [i, i + f].flatMap((t) => {
      const m = movingAverage[t];
      return m === null || m === undefined ? [] : [multiplicative ? window[t]! / m : window[t]! - m];
    });
    return ratios.reduce((s, v) => s + v, 0) / ratios.length;
  });
  const centre = figure.reduce((s, v) => s + v, 0) / f;
  const season = figure.map((v) => (multiplicative ? v / centre : v - centre));
  const trendValues = movingAverage.filter((m): m is number => m !== null);
  const { intercept, slope } = fitLine(trendValues);
  return { level: intercept, trend: slope, season, firstPredicted: f };
}

/** Least-squares line through (1, v1) … (m, vm). */
function fitLine(values: readonly number[]): { intercept: number; slope: number } {
  const m = values.length;
  const tMean = (m + 1) / 2;
  const vMean = values.reduce((s, v) => s + v, 0) / m;
  let sxy = 0;
  let sxx = 0;
  values.forEach((v, i) => {
    sxy += (i + 1 - tMean) * (v - vMean);
    sxx += (i + 1 - tMean) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: vMean - slope * tMean, slope };
}
