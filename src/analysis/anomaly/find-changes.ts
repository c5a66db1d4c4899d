import { detectDrift, type Drift } from './detect-drift.js';
import { deseasonalisedClean, type SeriesFit } from './fit-series.js';
import { scanLevelShifts, type LevelShift } from './scan-level-shifts.js';
import { scanTrendChanges, type TrendChange } from './scan-trend-changes.js';
import { cusumLimit } from './sensitivity.js';

export interface ChangeSearch {
  filled: Float64Array;
  observed: Uint8Array;
  /** Fits the series again (same season and windows), with some periods set aside if asked. */
  refit: (x: Float64Array, exclude?: Uint8Array) => SeriesFit;
  first: SeriesFit;
  /** Periods either side a level shift or trend change is judged on (twice the change window). */
  window: number;
  alpha: number;
  drift: boolean;
}

export interface Changes {
  shifts: LevelShift[];
  trendChanges: TrendChange[];
  drift: Drift | undefined;
  /** Level steps and trend ramps, per period, taken out before the final fit. */
  interventions: Float64Array;
  /** The fit of the series without the interventions, on which spikes and dips are judged. */
  fit: SeriesFit;
  /** The smallest p-value of each family tried (level, trend, drift). */
  pValues: number[];
}

/**
 * Level shifts, then trend changes, then a drift at the end: each found on the deseasonalised,
 * cleaned series and taken out before the next fit. A season over fewer than five cycles absorbs
 * a large share of a step or drift in the cycles it touches (a third with three cycles); for a
 * drift there, a CUSUM alarm that is not yet significant is tested again with its periods set
 * aside from the fit (judged as prediction errors). (The same second look at a level shift
 * would find shifts in noise: it is not taken; such shifts need to be larger to be seen.) Spikes
 * and dips are judged on the fit without level steps and trend ramps (a drift stays in it: it is
 * reported once).
 */
export function findChanges(search: ChangeSearch): Changes {
  const { filled, observed, refit, first, window, alpha } = search;
  const n = filled.length;
  const fewCycles = first.method === 'stl' && first.cycles < 5;
  const levels = scanLevelShifts(deseasonalisedClean(filled, observed, first), first.sigma, { window, alpha });
  const interventions = new Float64Array(n);
  for (const s of levels.shifts) for (let i = s.index; i < n; i++) interventions[i] = interventions[i]! + s.shift;
  const minus = (ramps: Float64Array) => Float64Array.from(filled, (v, i) => v - ramps[i]!);
  const second = levels.shifts.length > 0 ? refit(minus(interventions)) : first;
  const trends = scanTrendChanges(deseasonalisedClean(minus(interventions), observed, second), second.sigma, { window, alpha });
  for (const c of trends.changes) for (let i = c.index; i < n; i++) interventions[i] = interventions[i]! + (c.slopeAfter - c.slopeBefore) * (i - c.index);
  const adjusted = minus(interventions);
  const fit = trends.changes.length > 0 ? refit(adjusted) : second;
  const pValues = [levels.minPValue, trends.minPValue];
  if (!search.drift) return { shifts: levels.shifts, trendChanges: trends.changes, drift: undefined, interventions, fit, pValues };

  const watch = { monitor: Math.min(window, Math.floor(n / 3)), alpha, limit: cusumLimit(alpha) };
  let drift = detectDrift(deseasonalisedClean(adjusted, observed, fit), observed, fit.sigma, watch);
  if (!drift.drift && drift.alarmStart !== undefined && fewCycles) {
    const start = drift.alarmStart;
    const refitted = refit(adjusted, Uint8Array.from(filled, (_, i) => (i >= start ? 1 : 0)));
    // Set aside, the run is judged on prediction errors, whose spread is wider than the noise.
    let spread = 0;
    for (let i = start; i < n; i++) spread += refitted.spread[i]! / (n - start);
    const retry = detectDrift(deseasonalisedClean(adjusted, observed, refitted), observed, refitted.sigma * spread, watch);
    if (retry.drift) drift = retry;
  }
  pValues.push(drift.pValue);
  return { shifts: levels.shifts, trendChanges: trends.changes, drift: drift.drift, interventions, fit, pValues };
}
