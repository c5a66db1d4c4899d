import { isObserved, unavailable, type SeriesValues, type Unavailable } from './result.js';

export interface Autoregression {
  ok: true;
  /** The order chosen by AIC (0 means white noise). */
  order: number;
  /** φ1…φp: x[t] − m = Σ φk (x[t−k] − m) + e[t]. */
  coefficients: number[];
  mean: number;
  /** Innovation variance, scaled by n / (n − (order + 1)) as R does. */
  variance: number;
  /** Observed values the fit used. */
  n: number;
}

/**
 * An autoregression fitted by Yule–Walker (Levinson–Durbin on the sample autocovariances), its
 * order chosen by AIC up to min(n − 1, ⌊10 log10 n⌋): R's ar(x) (method "yule-walker"). Missing
 * values are skipped in the autocovariances (as acf with na.pass).
 */
export function fitAutoregression(values: SeriesValues, options: { maxOrder?: number } = {}): Autoregression | Unavailable {
  const observed = values.filter(isObserved);
  const n = observed.length;
  if (n < 3) return unavailable(`${n} observed values; an autoregression needs at least 3`);
  const mean = observed.reduce((s, v) => s + v, 0) / n;
  const centred = values.map((v) => (isObserved(v) ? v - mean : null));
  const maxOrder = Math.max(1, Math.min(options.maxOrder ?? Infinity, n - 1, Math.floor(10 * Math.log10(n))));
  const acov = Array.from({ length: maxOrder + 1 }, (_, lag) => autocovariance(centred, lag, n));
  if (!(acov[0]! > 0)) return unavailable('the series is constant');
  // Levinson–Durbin: phi[k] holds the coefficients of order k, variances[k] its innovation variance.
  const variances = [acov[0]!];
  const phis: number[][] = [[]];
  for (let k = 1; k <= maxOrder; k++) {
    const previous = phis[k - 1]!;
    let numerator = acov[k]!;
    for (let j = 1; j < k; j++) numerator -= previous[j - 1]! * acov[k - j]!;
    const reflection = numerator / variances[k - 1]!;
    const next = previous.map((p, j) => p - reflection * previous[k - 2 - j]!);
    next.push(reflection);
    phis.push(next);
    variances.push(variances[k - 1]! * (1 - reflection * reflection));
  }
  const aic = variances.map((v, k) => n * Math.log(v) + 2 * k);
  let order = 0;
  aic.forEach((a, k) => {
    if (a < aic[order]!) order = k;
  });
  return { ok: true, order, coefficients: phis[order]!, mean, variance: (variances[order]! * n) / (n - (order + 1)), n };
}

function autocovariance(centred: (number | null)[], lag: number, n: number): number {
  let sum = 0;
  for (let t = lag; t < centred.length; t++) {
    const a = centred[t];
    const b = centred[t - lag];
    if (a !== null && a !== undefined && b !== null && b !== undefined) sum += a * b;
  }
  return sum / n;
}
