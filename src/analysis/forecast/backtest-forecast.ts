import { isObserved, unavailable, type SeriesValues, type Unavailable } from '../relations/result.js';
import { forecastAccuracy, naiveScale } from './forecast-accuracy.js';
import { forecastSeries, type ForecastOptions } from './forecast-series.js';

export interface BacktestPoint {
  /** Index of the last period the model saw, and how far ahead this forecast is. */
  origin: number;
  step: number;
  forecast: number;
  actual: number;
  lower: number;
  upper: number;
}

export interface Backtest {
  ok: true;
  origins: number;
  points: BacktestPoint[];
  /** Mean of the seed's 1 − |forecast − actual| / actual over points with a positive actual (null if none). */
  accuracy: number | null;
  accuracyByStep: (number | null)[];
  /** Mean absolute scaled error: MAE over the in-sample (seasonal-)naive MAE of each origin's history (< 1 beats naive). */
  mase: number | null;
  /** Share of actuals inside their prediction intervals, against the nominal level. */
  coverage: number;
  level: number;
  warnings: string[];
}

/**
 * Rolling-origin evaluation: fit on the first `origin` periods, forecast `horizon` ahead, compare
 * with what happened, move the origin by `step`, repeat to the end of the series.
 */
export function backtestForecast(values: SeriesValues, options: ForecastOptions & { minTrain?: number; step?: number } = {}): Backtest | Unavailable {
  const horizon = options.horizon ?? 1;
  const period = options.period ?? 1;
  const minTrain = options.minTrain ?? Math.max(period > 1 ? 2 * period + 2 : 8, 8);
  const step = Math.max(1, Math.floor(options.step ?? 1));
  if (values.length < minTrain + 1) return unavailable(`the series has ${values.length} periods; a backtest needs more than ${minTrain} (the first training window)`);
  const points: BacktestPoint[] = [];
  const scaled: number[] = [];
  const warnings = new Set<string>();
  let origins = 0;
  for (let origin = minTrain; origin < values.length; origin += step) {
    const history = values.slice(0, origin);
    const result = forecastSeries(history, { ...options, horizon });
    if (!result.ok) {
      warnings.add(`origin ${origin}: ${result.reason}`);
      continue;
    }
    result.warnings.forEach((w) => warnings.add(w));
    origins++;
    const scale = naiveScale(history.filter(isObserved), period > 1 && history.length > period ? period : 1);
    for (const p of result.points) {
      const actual = values[origin - 1 + p.step];
      if (!isObserved(actual)) continue;
      points.push({ origin: origin - 1, step: p.step, forecast: p.value, actual, lower: p.lower, upper: p.upper });
      if (scale !== null) scaled.push(Math.abs(actual - p.value) / scale);
    }
  }
  if (points.length === 0) return unavailable(`no forecast could be compared with an actual${warnings.size ? `: ${[...warnings][0]}` : ''}`);
  const meanOrNull = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return {
    ok: true,
    origins,
    points,
    accuracy: meanOrNull(points.map((p) => forecastAccuracy(p.forecast, p.actual))),
    accuracyByStep: Array.from({ length: horizon }, (_, h) => meanOrNull(points.filter((p) => p.step === h + 1).map((p) => forecastAccuracy(p.forecast, p.actual)))),
    mase: meanOrNull(scaled),
    coverage: points.filter((p) => p.actual >= p.lower && p.actual <= p.upper).length / points.length,
    level: options.level ?? 0.95,
    warnings: [...warnings],
  };
}
