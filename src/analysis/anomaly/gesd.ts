import { normalTwoSidedP, tQuantile, tTwoSidedP } from '../distributions.js';
import { median, robustScale } from './robust-scale.js';

export interface GesdOptions {
  /** Significance level of the whole test (two-sided). */
  alpha: number;
  /** The most outliers to look for (Rosner's r); at most n − 3. */
  maxOutliers: number;
  /** Median and MAD (R's mad()) in place of mean and standard deviation (when MAD is 0, the mean absolute deviation: see robustScale). */
  robust: boolean;
}

export interface GesdStep {
  /** Index into the input of the most extreme value left at this step. */
  index: number;
  /** R_i = max |x − centre| / scale over the values left. */
  statistic: number;
  /** λ_i, the critical value at alpha. */
  criticalValue: number;
  /** The Grubbs p-value of R_i among the values left (two-sided, Bonferroni over them). */
  pValue: number;
}

export interface GesdResult {
  steps: GesdStep[];
  /** The number of outliers: the last step whose statistic exceeds its critical value. */
  outliers: number;
}

/**
 * Rosner's (1983) generalized extreme Studentized deviate test: removes the most extreme value
 * up to maxOutliers times and declares outliers every value up to the last step i with
 * R_i > λ_i = (m − 1)·t / √((m − 2 + t²)·m), t the 1 − α/(2m) quantile of t with m − 2 degrees
 * of freedom, m the values left. The robust variant scores with median and MAD. Stops early (fewer
 * steps) when the values left stop varying.
 */
export function generalizedEsd(values: ArrayLike<number>, options: GesdOptions): GesdResult {
  const n = values.length;
  const left: number[] = Array.from({ length: n }, (_, i) => i);
  const steps: GesdStep[] = [];
  const maxSteps = Math.min(options.maxOutliers, n - 3);
  for (let step = 1; step <= maxSteps; step++) {
    const x = left.map((i) => values[i]!);
    const centre = options.robust ? median(x) : mean(x);
    const scale = options.robust ? robustScale(x, centre) : sd(x, centre);
    if (!(scale > 0)) break;
    let worst = 0;
    for (let k = 1; k < x.length; k++) if (Math.abs(x[k]! - centre) > Math.abs(x[worst]! - centre)) worst = k;
    const m = n - step + 1;
    const statistic = Math.abs(x[worst]! - centre) / scale;
    steps.push({ index: left[worst]!, statistic, criticalValue: esdCriticalValue(m, options.alpha), pValue: grubbsPValue(statistic, m) });
    left.splice(worst, 1);
  }
  let outliers = 0;
  steps.forEach((s, i) => {
    if (s.statistic > s.criticalValue) outliers = i + 1;
  });
  return { steps, outliers };
}

/** λ for m values at level alpha (two-sided). */
export function esdCriticalValue(m: number, alpha: number): number {
  const t = tQuantile(1 - alpha / (2 * m), m - 2);
  return ((m - 1) * t) / Math.sqrt((m - 2 + t * t) * m);
}

/**
 * The alpha at which a statistic G among m values is exactly critical: inverts λ (capped at 1).
 * A robust G can pass the largest value a mean/sd statistic can take, (m − 1)/√m; its p-value is
 * then the normal tail, Bonferroni over m.
 */
export function grubbsPValue(g: number, m: number): number {
  const denominator = (m - 1) ** 2 - g * g * m;
  if (denominator <= 0) return Math.min(1, m * normalTwoSidedP(g));
  const t = Math.sqrt((g * g * m * (m - 2)) / denominator);
  return Math.min(1, m * tTwoSidedP(t, m - 2));
}

function mean(x: number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}

function sd(x: number[], centre: number): number {
  return Math.sqrt(x.reduce((a, b) => a + (b - centre) ** 2, 0) / (x.length - 1));
}
