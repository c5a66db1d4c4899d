import { inferSeasonLength, type RegularSeries, type SeriesGrain } from '../series/index.js';
import { assembleAnomalies } from './assemble-anomalies.js';
import { findChanges } from './find-changes.js';
import { fitSeries } from './fit-series.js';
import { esdCriticalValue, generalizedEsd } from './gesd.js';
import { prepareSeries } from './prepare-series.js';
import { resolveAlpha } from './sensitivity.js';
import type { DetectionResult, DetectOptions, InsufficientSeries } from './types.js';

/**
 * Anomalies in one regular series (weekly, daily …): an outlier-resistant STL (or a trend only
 * when the history is short; see fit-series.ts); level shifts found on the deseasonalised series
 * and taken out, then trend changes, then the final fit; spikes and dips by the generalized ESD on
 * the standardized remainder; slow drift over the latest periods by CUSUM. Every test runs at the
 * sensitivity's alpha. Never throws on bad data: it says why it cannot judge instead.
 */
export function detectAnomalies(series: RegularSeries | readonly (number | null)[], options: DetectOptions = {}): DetectionResult {
  const input: RegularSeries = isRegularSeries(series) ? series : { values: series };
  const alpha = resolveAlpha(options.sensitivity);
  if (alpha === undefined) return insufficient(`sensitivity ${String(options.sensitivity)} is neither low, medium, high nor a level between 0 and 0.5`);
  if (input.timestamps && input.timestamps.length !== input.values.length) {
    return insufficient(`mismatched lengths: ${input.values.length} values but ${input.timestamps.length} timestamps`);
  }
  const sw = options.seasonalWindow;
  if (sw !== undefined && sw !== 'periodic' && !(Number.isFinite(sw) && sw >= 3)) return insufficient(`seasonal window ${String(sw)} is neither 'periodic' nor a number of seasons of at least 3`);
  const prepared = prepareSeries(input.values);
  if (prepared.status !== 'ok') return prepared;
  const { filled, observed } = prepared;
  const notes = [...prepared.notes];
  const n = filled.length;
  const season = chooseSeason(filled, options.seasonLength, options.grain ?? input.grain, notes);
  if (typeof season === 'string') return insufficient(season, notes);
  const window = Math.min(Math.min(13, Math.max(8, season ?? 8)), Math.max(4, Math.floor(n / 4)));
  const trendSpan = Math.max(7, Math.min(Math.ceil((2 * n) / 3), 2 * window + 1));
  const refit = (x: Float64Array, exclude?: Uint8Array) => fitSeries(x, observed, season, options.seasonalWindow, trendSpan, exclude);
  const first = refit(filled);
  notes.push(...first.notes);
  if (!(first.sigma > 1e-10 * filled.reduce((m, v) => Math.max(m, Math.abs(v)), 0))) {
    const fitted = aligned(Float64Array.from(filled, (v, i) => v - first.remainder[i]!), prepared.offset, input.values.length);
    notes.push('trend and season explain every value exactly: nothing to flag');
    return { status: 'ok', method: first.method, seasonLength: first.method === 'stl' ? season : null, alpha, anomalies: [], expected: fitted, lower: fitted, upper: fitted, sigma: 0, seriesPValue: 1, notes };
  }

  const changes = findChanges({ filled, observed, refit, first, window: 2 * window, alpha, drift: options.drift ?? true });
  const fit = changes.fit;
  const sigma = fit.sigma > 0 ? fit.sigma : first.sigma;

  // Spikes and dips: the generalized ESD on the standardized remainder of the observed periods.
  const where = [...observed.keys()].filter((i) => observed[i]);
  const residuals = Float64Array.from(where, (i) => fit.standardized[i]!);
  const share = options.maxOutlierShare !== undefined && options.maxOutlierShare > 0 ? Math.min(0.5, options.maxOutlierShare) : 0.1;
  const maxOutliers = Math.min(500, Math.max(1, Math.floor(share * residuals.length)));
  const esd = generalizedEsd(residuals, { alpha, robust: options.esd === 'robust', maxOutliers });
  const critical = esdCriticalValue(residuals.length, alpha);
  const expected = Float64Array.from(filled, (v, i) => v - fit.remainder[i]! + fit.centre);
  // The band a value must leave to be flagged: its remainder's spread (fitted) or prediction error's (set aside).
  const halfWidth = Float64Array.from(fit.spread, (spread) => critical * sigma * spread);

  const anomalies = assembleAnomalies({
    input,
    offset: prepared.offset,
    filled,
    observed,
    expected,
    halfWidth,
    sigma,
    fit,
    spikes: esd.steps.slice(0, esd.outliers).map((step, k) => ({
      index: where[step.index]!,
      pValue: esd.steps.slice(k, esd.outliers).reduce((p, s) => Math.min(p, s.pValue), 1),
    })),
    shifts: changes.shifts,
    trendChanges: changes.trendChanges,
    drift: changes.drift,
    interventions: changes.interventions,
    window,
  });
  const pValues = [esd.steps.reduce((p, s) => Math.min(p, s.pValue), 1), ...changes.pValues];
  const around = (values: Float64Array) => aligned(values, prepared.offset, input.values.length);
  return {
    status: 'ok',
    method: fit.method,
    seasonLength: fit.method === 'stl' ? season : null,
    alpha,
    anomalies,
    expected: around(expected),
    lower: around(expected.map((e, i) => e - halfWidth[i]!)),
    upper: around(expected.map((e, i) => e + halfWidth[i]!)),
    sigma,
    seriesPValue: Math.min(1, pValues.length * Math.min(...pValues)),
    notes,
  };
}

function isRegularSeries(series: RegularSeries | readonly (number | null)[]): series is RegularSeries {
  return !Array.isArray(series);
}

/** The season length asked for, or inferred from the grain; a string says why it cannot be used. */
function chooseSeason(filled: Float64Array, asked: number | null | undefined, grain: SeriesGrain | undefined, notes: string[]): number | null | string {
  if (asked === null) return null;
  if (asked !== undefined) {
    if (!Number.isInteger(asked) || asked < 0) return `a season length must be a whole number of periods, not ${asked}`;
    return asked <= 1 ? null : asked;
  }
  const inferred = inferSeasonLength(Array.from(filled), grain);
  notes.push(inferred.reason);
  return inferred.seasonLength;
}

/** Values for the judged periods placed at their input positions; null before and after. */
function aligned(values: Float64Array, offset: number, length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => (i >= offset && i < offset + values.length ? values[i - offset]! : null));
}

function insufficient(reason: string, notes: string[] = []): InsufficientSeries {
  return { status: 'insufficient', reason, notes };
}
