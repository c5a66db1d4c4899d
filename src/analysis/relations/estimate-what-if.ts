import type { CovarianceKind, OlsFit } from './fit-ols.js';
import { unavailable, type Unavailable } from './result.js';

export interface WhatIf {
  ok: true;
  indicator: string;
  /** The change asked about, in percent of the indicator's baseline, and in its units. */
  changePercent: number;
  indicatorBaseline: number;
  indicatorChange: number;
  /** The outcome's expected change, with the interval of the coefficient it rests on. */
  outcomeChange: number;
  lower: number;
  upper: number;
  /** The same change relative to the outcome's baseline (null when the baseline is 0). */
  outcomeChangePercent: number | null;
  outcomeBaseline: number;
  covariance: CovarianceKind;
}

/**
 * "If the indicator changes by N %, the outcome changes by about β × N % × baseline", holding the
 * other indicators fixed. Baselines default to the means over the fitted rows; the interval is the
 * coefficient's confidence interval (classical, HC3 or Newey–West) scaled by the same change.
 */
export function estimateWhatIf(
  fit: OlsFit,
  indicator: string,
  changePercent: number,
  options: { indicatorBaseline?: number; outcomeBaseline?: number; covariance?: CovarianceKind } = {},
): WhatIf | Unavailable {
  const coefficient = fit.coefficients.find((c) => c.name === indicator);
  if (!coefficient) return unavailable(fit.aliased.includes(indicator) ? `${indicator} was dropped from the fit as collinear` : `${indicator} is not an indicator of this fit`);
  if (!Number.isFinite(changePercent)) return unavailable(`the change ${changePercent} is not a number`);
  const covariance = options.covariance ?? 'neweyWest';
  const inference = coefficient[covariance] ?? coefficient.classical;
  const indicatorBaseline = options.indicatorBaseline ?? fit.means[indicator]!;
  const outcomeBaseline = options.outcomeBaseline ?? fit.means['(outcome)']!;
  const indicatorChange = (indicatorBaseline * changePercent) / 100;
  const ends = [inference.lower * indicatorChange, inference.upper * indicatorChange];
  const outcomeChange = coefficient.estimate * indicatorChange;
  return {
    ok: true,
    indicator,
    changePercent,
    indicatorBaseline,
    indicatorChange,
    outcomeChange,
    lower: Math.min(...ends),
    upper: Math.max(...ends),
    outcomeChangePercent: outcomeBaseline !== 0 ? (outcomeChange / Math.abs(outcomeBaseline)) * 100 : null,
    outcomeBaseline,
    covariance: coefficient[covariance] ? covariance : 'classical',
  };
}
