import betainc from '@stdlib/math-base-special-betainc';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantileFn from '@stdlib/stats-base-dists-t-quantile';

/** Tail probabilities and quantiles of the distributions tests need, from @stdlib (accurate in the tails). */

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** The p-quantile of Student's t. */
export function tQuantile(p: number, df: number): number {
  return tQuantileFn(p, df);
}

/** P(F ≥ f) for the F distribution, from the incomplete beta directly: 1 − cdf loses every digit below 1e-16. */
export function fUpperP(f: number, df1: number, df2: number): number {
  if (f <= 0) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/** P(|Z| ≥ |z|) for the standard normal. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(X ≥ x) for chi-square with df degrees of freedom. */
export function chiSquareUpperP(x: number, df: number): number {
  return 1 - chisquareCdf(x, df);
}
