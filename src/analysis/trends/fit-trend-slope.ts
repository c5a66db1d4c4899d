import { fitOls } from '../relations/fit-ols.js';
import { unavailable, type SeriesValues, type Unavailable } from '../relations/result.js';

export interface TrendSlope {
  ok: true;
  /** Change per period over the last `periods` periods, with its test and interval (lm(y ~ t)). */
  slope: number;
  se: number;
  t: number | null;
  p: number | null;
  lower: number;
  upper: number;
  n: number;
  /** The slope as a share of the window's mean level, in percent per period (null when the mean is 0). */
  slopePercent: number | null;
  /** growing / declining when the slope is significant at 1 − level, else flat. */
  direction: 'growing' | 'declining' | 'flat';
  rSquared: number;
}

/** The seeds' "12-week trend line": a least-squares slope over the last `periods` periods. */
export function fitTrendSlope(values: SeriesValues, options: { periods?: number; level?: number } = {}): TrendSlope | Unavailable {
  const periods = options.periods ?? 12;
  const level = options.level ?? 0.95;
  const window = values.slice(-periods);
  const fit = fitOls(window, [{ name: 'period', values: window.map((_, t) => t + 1) }], { level });
  if (!fit.ok) return unavailable(`no trend over the last ${periods} periods: ${fit.reason}`);
  const slope = fit.coefficients.find((c) => c.name === 'period');
  if (!slope) return unavailable('the periods could not be fitted');
  const mean = fit.means['(outcome)']!;
  const significant = slope.classical.p !== null ? slope.classical.p < 1 - level : slope.estimate !== 0;
  return {
    ok: true,
    slope: slope.estimate,
    ...slope.classical,
    n: fit.n,
    slopePercent: mean !== 0 ? (slope.estimate / Math.abs(mean)) * 100 : null,
    direction: !significant ? 'flat' : slope.estimate > 0 ? 'growing' : 'declining',
    rSquared: fit.rSquared,
  };
}
