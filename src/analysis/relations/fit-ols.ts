import { fUpperP } from '../distributions.js';
import { checkCollinearity, type Collinearity } from './check-collinearity.js';
import { inferCoefficient, type CoefficientInference } from './coefficient-inference.js';
import { isObserved, unavailable, type SeriesValues, type Unavailable } from './result.js';
import { hc3Covariance, neweyWestCovariance, neweyWestLag } from './sandwich-covariance.js';
import { solveLeastSquares } from './solve-least-squares.js';

export interface Regressor {
  name: string;
  values: SeriesValues;
}

export interface OlsOptions {
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Newey–West lags (default ⌊4 (n/100)^(2/9)⌋). */
  neweyWestLag?: number;
}

export interface Coefficient {
  /** "(Intercept)" or the regressor's name. */
  name: string;
  estimate: number;
  classical: CoefficientInference;
  /** Heteroskedasticity-robust; null when a row has leverage 1. */
  hc3: CoefficientInference | null;
  /** Heteroskedasticity- and autocorrelation-robust. */
  neweyWest: CoefficientInference;
}

export type CovarianceKind = 'classical' | 'hc3' | 'neweyWest';

export interface OlsFit {
  ok: true;
  n: number;
  dfResidual: number;
  coefficients: Coefficient[];
  /** Regressors dropped as exact linear combinations of earlier ones (R's NA coefficients). */
  aliased: string[];
  rSquared: number;
  adjustedRSquared: number;
  /** The overall F test of every slope = 0; null without slopes. */
  fStatistic: number | null;
  fDf: [number, number];
  fP: number | null;
  /** Residual standard error. */
  sigma: number;
  fitted: number[];
  residuals: number[];
  level: number;
  neweyWestLag: number;
  collinearity: Collinearity;
  /** Means of the outcome and of each regressor over the rows used (for what-if baselines). */
  means: Record<string, number>;
  /** Rows left out because a value was missing. */
  droppedRows: number;
  warnings: string[];
}

/**
 * Ordinary least squares by QR, with classical, HC3 and Newey–West standard errors, t, p and
 * confidence intervals, R², adjusted R², the F test and collinearity warnings: R's
 * summary(lm(y ~ x1 + x2 …)) and confint, plus the sandwich estimators.
 */
export function fitOls(outcome: SeriesValues, regressors: readonly Regressor[], options: OlsOptions = {}): OlsFit | Unavailable {
  const intercept = options.intercept ?? true;
  const level = options.level ?? 0.95;
  if (regressors.some((r) => r.values.length !== outcome.length)) return unavailable(`the outcome and the indicators have different lengths (${[outcome.length, ...regressors.map((r) => r.values.length)].join(', ')})`);
  const rowsUsed = outcome.map((_, i) => i).filter((i) => isObserved(outcome[i]) && regressors.every((r) => isObserved(r.values[i])));
  const n = rowsUsed.length;
  const y = rowsUsed.map((i) => outcome[i] as number);
  const xs = regressors.map((r) => ({ name: r.name, values: rowsUsed.map((i) => r.values[i] as number) }));
  const names = [...(intercept ? ['(Intercept)'] : []), ...xs.map((x) => x.name)];
  const columns = [...(intercept ? [y.map(() => 1)] : []), ...xs.map((x) => x.values)];
  if (names.length === 0) return unavailable('there is nothing to regress on');
  if (n <= names.length) return unavailable(`${n} complete rows for ${names.length} coefficients; need more rows than coefficients`);
  const solution = solveLeastSquares(columns, y);
  const keptNames = solution.kept.map((j) => names[j]!);
  const aliased = solution.aliased.map((j) => names[j]!);
  const k = solution.kept.length;
  const df = n - k;
  if (k === 0) return unavailable('every regressor is zero');
  const rss = solution.residuals.reduce((s, e) => s + e * e, 0);
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (intercept ? v - yMean : v) ** 2, 0);
  if (!(tss > 0)) return unavailable(`the outcome is ${intercept ? 'constant' : 'zero'} over the rows used`);
  const sigma2 = rss / df;
  const rows = rowsUsed.map((_, i) => solution.kept.map((j) => columns[j]![i]!));
  const bread = solution.unscaledCovariance;
  const nwLag = options.neweyWestLag ?? neweyWestLag(n);
  const hc3 = hc3Covariance(rows, solution.residuals, solution.leverage, bread);
  const nw = neweyWestCovariance(rows, solution.residuals, bread, nwLag);
  const coefficients = solution.coefficients.map((estimate, c) => ({
    name: keptNames[c]!,
    estimate,
    classical: inferCoefficient(estimate, sigma2 * bread[c]![c]!, df, level),
    hc3: hc3 ? inferCoefficient(estimate, hc3[c]![c]!, df, level) : null,
    neweyWest: inferCoefficient(estimate, nw[c]![c]!, df, level),
  }));
  const rSquared = Math.max(0, Math.min(1, 1 - rss / tss));
  const slopes = k - (intercept && solution.kept.includes(0) ? 1 : 0);
  const denominator = n - (intercept ? 1 : 0);
  const fStatistic = slopes > 0 && rss > 0 ? ((tss - rss) / slopes) / sigma2 : null;
  const keptRegressors = xs.filter((x) => keptNames.includes(x.name));
  const collinearity = checkCollinearity(keptRegressors, intercept);
  const warnings = [
    ...aliased.map((name) => `${name} is an exact linear combination of the terms before it; it was dropped (its effect cannot be told apart)`),
    ...(rss <= 1e-20 * tss ? ['the fit is essentially perfect: standard errors and tests are not meaningful'] : []),
    ...(hc3 ? [] : ['a row has leverage 1, so HC3 standard errors cannot be computed']),
    ...collinearity.warnings,
  ];
  const means: Record<string, number> = { '(outcome)': yMean };
  for (const x of xs) means[x.name] = x.values.reduce((s, v) => s + v, 0) / n;
  return {
    ok: true,
    n,
    dfResidual: df,
    coefficients,
    aliased,
    rSquared,
    adjustedRSquared: 1 - ((1 - rSquared) * denominator) / df,
    fStatistic,
    fDf: [slopes, df],
    fP: fStatistic === null ? null : fUpperP(fStatistic, slopes, df),
    sigma: Math.sqrt(sigma2),
    fitted: solution.fitted,
    residuals: solution.residuals,
    level,
    neweyWestLag: nwLag,
    collinearity,
    means,
    droppedRows: outcome.length - n,
    warnings,
  };
}
