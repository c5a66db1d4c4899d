import { unavailable, type SeriesValues, type Unavailable } from '../relations/result.js';
import { fitHoltWinters } from './fit-holt-winters.js';
import type { Seasonality } from './holt-winters-start.js';
import { predictHoltWinters, type ForecastPoint } from './predict-holt-winters.js';
import { prepareSeries } from './prepare-series.js';
import type { SmoothingParameters } from './run-holt-winters.js';

export interface ForecastOptions {
  /** How many periods ahead (default 12). */
  horizon?: number;
  /** Season length in periods (52 weekly, 12 monthly, 7 daily, 4 quarterly); 1 or absent: none. */
  period?: number;
  /** Seasonality when period > 1 (default additive); multiplicative falls back to additive for values ≤ 0. */
  seasonal?: Seasonality;
  /** Model a trend (default true). */
  trend?: boolean;
  /** Prediction interval level (default 0.95). */
  level?: number;
  /** Fixed smoothing parameters (the rest are fitted). */
  parameters?: Partial<SmoothingParameters>;
}

export interface SeriesForecast {
  ok: true;
  model: { method: 'holt-winters'; seasonal: Seasonality; period: number; trend: boolean } & SmoothingParameters;
  /** Forecasts for the periods after the series' last one (steps count from the last period, observed or not). */
  points: ForecastPoint[];
  level: number;
  /** Residual standard deviation of the one-step predictions, and their count. */
  sigma: number;
  residuals: number;
  warnings: string[];
}

/**
 * A Holt-Winters forecast with prediction intervals, choosing the richest model the history
 * supports: seasonal with at least two seasons and two more periods, else level and trend (4
 * periods), else level only (3 periods); what it had to give up is said in `warnings`.
 */
export function forecastSeries(values: SeriesValues, options: ForecastOptions = {}): SeriesForecast | Unavailable {
  const horizon = options.horizon ?? 12;
  if (!Number.isInteger(horizon) || horizon < 1) return unavailable(`the horizon ${horizon} is not a whole number of periods ≥ 1`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) return unavailable(`the interval level ${level} is not between 0 and 1`);
  const prepared = prepareSeries(values, 3);
  if (!prepared.ok) return prepared;
  const x = prepared.values;
  const warnings: string[] = [];
  if (prepared.interpolated > 0) warnings.push(`${prepared.interpolated} missing periods were interpolated`);
  const period = Math.max(1, Math.floor(options.period ?? 1));
  let seasonal: Seasonality = period > 1 ? (options.seasonal ?? 'additive') : 'none';
  if (seasonal !== 'none' && x.length < 2 * period + 2) {
    warnings.push(`${x.length} periods are too few to learn a season of ${period} (need ${2 * period + 2}); forecasting without seasonality`);
    seasonal = 'none';
  }
  if (seasonal === 'multiplicative' && x.some((v) => v <= 0)) {
    warnings.push('a multiplicative season needs positive values; the season is additive');
    seasonal = 'additive';
  }
  let trend = options.trend ?? true;
  if (trend && seasonal === 'none' && x.length < 4) {
    warnings.push(`${x.length} periods are too few to learn a trend; forecasting the level only`);
    trend = false;
  }
  const fit = fitHoltWinters(x, { period, seasonal, trend }, options.parameters ?? {});
  const steps = horizon + prepared.trailingMissing;
  const predicted = predictHoltWinters(fit, steps, level).slice(prepared.trailingMissing).map((p) => ({ ...p, step: p.step - prepared.trailingMissing }));
  if (prepared.trailingMissing > 0) warnings.push(`the last ${prepared.trailingMissing} periods are missing; the forecast starts after them`);
  if (predicted.some((p) => ![p.value, p.lower, p.upper].every(Number.isFinite))) return unavailable('the values are too large to forecast');
  const r = fit.residuals;
  const mean = r.reduce((s, v) => s + v, 0) / r.length;
  const sigma = r.length > 1 ? Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1)) : 0;
  if (r.length < 2) warnings.push('too few one-step errors to size the prediction intervals; they have zero width');
  return {
    ok: true,
    model: { method: 'holt-winters', seasonal, period: seasonal === 'none' ? 1 : period, trend, ...fit.parameters },
    points: predicted,
    level,
    sigma,
    residuals: r.length,
    warnings,
  };
}
