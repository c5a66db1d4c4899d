import { normalTwoSidedP } from '../distributions.js';
import { cusumAlarm } from './cusum.js';
import { brokenRunRules } from './run-rules.js';

export interface Drift {
  direction: 'up' | 'down';
  /** The first period of the drift and how many periods it has lasted through the latest. */
  start: number;
  periods: number;
  /** The usual path (baseline) at the latest period, in the deseasonalised series, and the first period it was fitted on. */
  baselineAtEnd: number;
  baselineFrom: number;
  /** The mean deviation over the drift in σ, times √periods. */
  z: number;
  pValue: number;
  rules: string[];
}

export interface DriftOptions {
  /** How many of the latest periods are watched. */
  monitor: number;
  alpha: number;
  /** CUSUM limit h in σ (k is 0.5). */
  limit: number;
}

/**
 * Slow drift at the end of a deseasonalised series y: the usual path is the least-squares line of
 * up to three times `monitor` periods before the watched ones, the watched periods are
 * standardised against its prediction (noise plus the line's own uncertainty), and a tabular
 * CUSUM (k = 0.5, h = limit) that has crossed its limit and still stands at the end is a drift,
 * from the period its sum left zero. Its p-value is that of the most significant mean deviation
 * from a start between then and the alarm to the end
 * (the line's error shared by every period counted once), Bonferroni over the watched periods;
 * it is reported only when ≤ alpha (else alarmStart says where the CUSUM's run began). Periods
 * without a value (observed 0) are skipped.
 */
export function detectDrift(y: Float64Array, observed: Uint8Array, sigma: number, options: DriftOptions): { drift?: Drift; pValue: number; alarmStart?: number } {
  const n = y.length;
  const monitor = options.monitor;
  const from = n - monitor;
  const baselineFrom = Math.max(0, from - 3 * monitor);
  const path = usualPath(y, observed, baselineFrom, from);
  if (!path || !(sigma > 0) || monitor < 4) return { pValue: 1 };
  const z = new Float64Array(monitor);
  for (let i = 0; i < monitor; i++) {
    const at = from + i;
    z[i] = observed[at] ? (y[at]! - path.predict(at)) / (sigma * Math.sqrt(1 + path.variance(at))) : Number.NaN;
  }
  const alarm = cusumAlarm(z, 0.5, options.limit);
  if (!alarm) return { pValue: 1 };
  // Tested on the most significant run to the end starting between the CUSUM's start and its alarm
  // (Bonferroni over every start it could pick); reported from the CUSUM's start, the classical
  // estimate of when a gradual change began.
  const sign = alarm.direction === 'up' ? 1 : -1;
  let best = { start: alarm.start, stat: 0 };
  for (let s = alarm.start; s <= alarm.alarm; s++) {
    const stat = runStatistic(y, observed, path, sigma, from + s, n);
    if (sign * stat > sign * best.stat) best = { start: s, stat };
  }
  const stat = best.stat;
  const pValue = Math.min(1, monitor * normalTwoSidedP(stat));
  if (pValue > options.alpha) return { pValue, alarmStart: from + alarm.start };
  const drift: Drift = {
    direction: alarm.direction,
    start: from + alarm.start,
    periods: monitor - alarm.start,
    baselineAtEnd: path.predict(n - 1),
    baselineFrom,
    z: stat,
    pValue,
    rules: brokenRunRules(z.subarray(alarm.start), alarm.direction),
  };
  return { drift, pValue };
}

/** The mean deviation of y from the usual path over [from, n), in its standard errors (the path's error counted once). */
function runStatistic(y: Float64Array, observed: Uint8Array, path: Path, sigma: number, from: number, n: number): number {
  let sum = 0;
  let count = 0;
  let centre = 0;
  for (let i = from; i < n; i++) {
    if (!observed[i]) continue;
    sum += y[i]! - path.predict(i);
    centre += i;
    count++;
  }
  return count === 0 ? 0 : sum / count / (sigma * Math.sqrt(1 / count + path.variance(centre / count)));
}

interface Path {
  predict: (i: number) => number;
  /** The variance of the prediction at i, over σ². */
  variance: (i: number) => number;
}

/** The least-squares line of the observed y over [a, b), with its prediction variance over σ², or undefined with fewer than 8 points. */
function usualPath(y: Float64Array, observed: Uint8Array, a: number, b: number): Path | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = a; i < b; i++) {
    if (!observed[i]) continue;
    xs.push(i);
    ys.push(y[i]!);
  }
  const m = xs.length;
  if (m < 8) return undefined;
  const xBar = xs.reduce((s, v) => s + v, 0) / m;
  const yBar = ys.reduce((s, v) => s + v, 0) / m;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, k) => {
    sxx += (x - xBar) ** 2;
    sxy += (x - xBar) * (ys[k]! - yBar);
  });
  const slope = sxy / sxx;
  return { predict: (i: number) => yBar + slope * (i - xBar), variance: (i: number) => 1 / m + (i - xBar) ** 2 / sxx };
}
