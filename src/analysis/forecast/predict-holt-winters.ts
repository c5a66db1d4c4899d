import { standardNormalQuantile } from '../distributions.js';
import type { HoltWintersFit } from './fit-holt-winters.js';

export interface ForecastPoint {
  /** Periods after the last observed one (1 = the next period). */
  step: number;
  value: number;
  lower: number;
  upper: number;
}

/**
 * Point forecasts and prediction intervals as R's predict(HoltWinters, n.ahead, prediction.interval
 * = TRUE): the variance of the one-step residuals times Σ ψⱼ² of the model's error weights. For a
 * multiplicative season R's formula is used with the seasonal index taken within the season (R
 * reads the trend instead at h ≥ period; the two agree below that).
 */
export function predictHoltWinters(fit: HoltWintersFit, horizon: number, level = 0.95): ForecastPoint[] {
  const { alpha, beta, gamma } = fit.parameters;
  const f = fit.model.seasonal === 'none' ? 1 : fit.model.period;
  const multiplicative = fit.model.seasonal === 'multiplicative';
  const r = fit.residuals;
  const mean = r.reduce((s, v) => s + v, 0) / r.length;
  const variance = r.length > 1 ? r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1) : 0;
  const z = standardNormalQuantile((1 + level) / 2);
  const psi = (j: number) => alpha * (1 + j * beta) + (j % f === 0 ? gamma * (1 - alpha) : 0);
  const seasonAt = (h: number) => (fit.model.seasonal === 'none' ? (multiplicative ? 1 : 0) : fit.season[(h - 1) % f]!);
  return Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    const base = fit.level + h * fit.trend;
    const value = multiplicative ? base * seasonAt(h) : base + seasonAt(h);
    let weights = 1;
    if (multiplicative) {
      const rel = (h - 1) % f;
      weights = 0;
      for (let j = 0; j < h; j++) weights += (psi(j) * fit.season[rel]! / fit.season[(((rel - j) % f) + f) % f]!) ** 2;
    } else {
      for (let j = 1; j < h; j++) weights += psi(j) ** 2;
    }
    const half = z * Math.sqrt(variance * weights);
    return { step: h, value, lower: value - half, upper: value + half };
  });
}
