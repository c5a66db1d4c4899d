import type { HoltWintersModel, HoltWintersStart } from './holt-winters-start.js';

export interface SmoothingParameters {
  alpha: number;
  /** 0 when the model has no trend. */
  beta: number;
  /** 0 when the model has no seasonality. */
  gamma: number;
}

export interface HoltWintersRun {
  sse: number;
  /** One-step predictions of x[firstPredicted…], and the states after the last value. */
  fitted: number[];
  level: number;
  trend: number;
  /** The last `period` seasonal states, oldest first (the season of the next period first). */
  season: number[];
}

/** The Holt-Winters recursions as R's C routine runs them, from the given start values. */
export function runHoltWinters(x: readonly number[], model: HoltWintersModel, start: HoltWintersStart, p: SmoothingParameters): HoltWintersRun {
  const multiplicative = model.seasonal === 'multiplicative';
  const seasonal = model.seasonal !== 'none';
  const f = seasonal ? model.period : 1;
  let level = start.level;
  let trend = model.trend ? start.trend : 0;
  const season = seasonal ? [...start.season] : [];
  const fitted: number[] = [];
  let sse = 0;
  for (let t = start.firstPredicted; t < x.length; t++) {
    const s = seasonal ? season[season.length - f]! : multiplicative ? 1 : 0;
    const base = level + trend;
    const xhat = multiplicative ? base * s : base + s;
    fitted.push(xhat);
    const error = x[t]! - xhat;
    sse += error * error;
    const nextLevel = p.alpha * (multiplicative ? x[t]! / s : x[t]! - s) + (1 - p.alpha) * base;
    if (model.trend) trend = p.beta * (nextLevel - level) + (1 - p.beta) * trend;
    level = nextLevel;
    if (seasonal) season.push(p.gamma * (multiplicative ? x[t]! / level : x[t]! - level) + (1 - p.gamma) * s);
  }
  return { sse, fitted, level, trend, season: season.slice(season.length - f) };
}
