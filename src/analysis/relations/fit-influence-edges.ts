import { correlateLagged, type LaggedCorrelationOptions } from './correlate-lagged.js';
import { differenceSeries } from './difference-series.js';
import { estimateWhatIf, type WhatIf } from './estimate-what-if.js';
import { fitOls, type CovarianceKind, type OlsFit } from './fit-ols.js';
import { lagSeries } from './lag-series.js';
import { describeUnusable, unavailable, type SeriesValues, type Unavailable } from './result.js';

export interface IndicatorSeries {
  id: string;
  values: SeriesValues;
  /** The lag in periods, when known; otherwise searched 0…maxLag on the prewhitened series. */
  lag?: number;
}

export interface InfluenceEdge {
  indicator: string;
  outcome: string;
  lag: number;
  lagFrom: 'given' | 'search';
  /** The lag search's evidence (prewhitened correlation), when the lag was searched. */
  correlation: { r: number; p: number; pAdjusted: number; n: number; transform: string } | null;
  /** Outcome units per indicator unit, `lag` periods later, the other indicators held fixed. */
  weight: number;
  se: number;
  p: number | null;
  lower: number;
  upper: number;
  /** Weight × sd(indicator) / sd(outcome): comparable across indicators. */
  standardizedWeight: number;
  /** The outcome's change of a `whatIfPercent` change in the indicator. */
  whatIf: WhatIf | Unavailable;
}

export interface InfluenceFit {
  ok: true;
  edges: InfluenceEdge[];
  fit: OlsFit;
  covariance: CovarianceKind;
  /** 0: levels regressed on levels; 1: changes on changes. */
  difference: number;
  warnings: string[];
}

/**
 * Quantifies a tree's influence edges into one outcome: each indicator's lag (given or searched),
 * then one OLS of the outcome on every lagged indicator, giving each edge its weight, uncertainty
 * (Newey–West by default, for autocorrelated series) and a what-if.
 */
export function fitInfluenceEdges(
  outcome: { id: string; values: SeriesValues },
  indicators: readonly IndicatorSeries[],
  options: LaggedCorrelationOptions & { covariance?: CovarianceKind; whatIfPercent?: number; regressionDifference?: number; level?: number } = {},
): InfluenceFit | Unavailable {
  if (indicators.length === 0) return unavailable('no indicators to fit');
  const problem = [describeUnusable(outcome.id, outcome.values, 3), ...indicators.map((i) => describeUnusable(i.id, i.values, 3))].find((p) => p !== null);
  if (problem) return unavailable(problem);
  const lengths = new Set([outcome.values.length, ...indicators.map((i) => i.values.length)]);
  if (lengths.size > 1) return unavailable(`the series have different lengths (${[...lengths].join(', ')} periods); align them by period first`);
  const chosen = indicators.map((indicator) => {
    if (indicator.lag !== undefined) return { indicator, lag: indicator.lag, correlation: null };
    const search = correlateLagged(indicator.values, outcome.values, { ...options, minLag: 0 });
    return search.ok
      ? { indicator, lag: search.lag, correlation: { r: search.r, p: search.p, pAdjusted: search.pAdjusted, n: search.n, transform: search.transform.description } }
      : { indicator, lag: 0, correlation: null, reason: search.reason };
  });
  const difference = options.regressionDifference ?? 0;
  const prepare = (values: SeriesValues) => (difference > 0 ? differenceSeries(values) : values);
  const regressors = chosen.map(({ indicator, lag }) => ({ name: indicator.id, values: lagSeries(prepare(indicator.values), lag) }));
  const fit = fitOls(prepare(outcome.values), regressors, { level: options.level ?? 0.95 });
  if (!fit.ok) return fit;
  const covariance = options.covariance ?? 'neweyWest';
  const sd = (values: SeriesValues) => {
    const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, v.length - 1));
  };
  const outcomeSd = sd(prepare(outcome.values));
  const warnings = [...fit.warnings];
  const edges: InfluenceEdge[] = [];
  for (const [c, { indicator, lag, correlation, ...rest }] of chosen.entries()) {
    if ('reason' in rest) warnings.push(`${indicator.id}: the lag search failed (${rest.reason}); lag 0 was used`);
    const coefficient = fit.coefficients.find((k) => k.name === indicator.id);
    if (!coefficient) continue;
    const inference = coefficient[covariance] ?? coefficient.classical;
    edges.push({
      indicator: indicator.id,
      outcome: outcome.id,
      lag,
      lagFrom: indicator.lag !== undefined ? 'given' : 'search',
      correlation,
      weight: coefficient.estimate,
      se: inference.se,
      p: inference.p,
      lower: inference.lower,
      upper: inference.upper,
      standardizedWeight: outcomeSd > 0 ? (coefficient.estimate * sd(regressors[c]!.values)) / outcomeSd : 0,
      whatIf: estimateWhatIf(fit, indicator.id, options.whatIfPercent ?? 10, {
        covariance,
        ...(difference > 0 ? { indicatorBaseline: meanOf(indicator.values), outcomeBaseline: meanOf(outcome.values) } : {}),
      }),
    });
  }
  return { ok: true, edges, fit, covariance, difference, warnings };
}

function meanOf(values: SeriesValues): number {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
}
