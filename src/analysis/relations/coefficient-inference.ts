import { tQuantile, tTwoSidedP } from '../distributions.js';

export interface CoefficientInference {
  se: number;
  /** t = estimate / se and its two-sided p on the residual degrees of freedom; null when se is 0. */
  t: number | null;
  p: number | null;
  /** The confidence interval at the fit's level. */
  lower: number;
  upper: number;
}

/** Standard error, t, p and interval of one coefficient from the diagonal of a covariance. */
export function inferCoefficient(estimate: number, variance: number, df: number, level: number): CoefficientInference {
  const se = Math.sqrt(Math.max(0, variance));
  const half = tQuantile((1 + level) / 2, df) * se;
  if (!(se > 0)) return { se: 0, t: null, p: null, lower: estimate, upper: estimate };
  const t = estimate / se;
  return { se, t, p: tTwoSidedP(t, df), lower: estimate - half, upper: estimate + half };
}
