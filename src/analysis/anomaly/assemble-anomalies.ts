import type { RegularSeries } from '../series/index.js';
import type { Drift } from './detect-drift.js';
import type { SeriesFit } from './fit-series.js';
import type { LevelShift } from './scan-level-shifts.js';
import type { TrendChange } from './scan-trend-changes.js';
import type { Anomaly } from './types.js';

export interface Findings {
  input: RegularSeries;
  /** Index in the input of the first judged period. */
  offset: number;
  filled: Float64Array;
  observed: Uint8Array;
  /** The final fit (trend + season + level steps + the remainder's median) per judged period. */
  expected: Float64Array;
  /** Half the band's width per period (critical value × σ × the remainder's spread). */
  halfWidth: Float64Array;
  sigma: number;
  fit: SeriesFit;
  spikes: { index: number; pValue: number }[];
  shifts: LevelShift[];
  trendChanges: TrendChange[];
  drift: Drift | undefined;
  /** Level steps and trend ramps taken out before the final fit. */
  interventions: Float64Array;
  window: number;
}

/**
 * The anomalies of one series in time order, each once: a level shift or trend change at its
 * first observed period; a drift only when no level shift or trend change already accounts for
 * it (one within a change window of its start or later, or one the same way since its usual path
 * began).
 */
export function assembleAnomalies(f: Findings): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const band = (expected: number, i: number) => ({ expected, lower: expected - f.halfWidth[i]!, upper: expected + f.halfWidth[i]! });
  for (const spike of f.spikes) {
    const r = f.fit.standardized[spike.index]! - f.fit.standardizedCentre;
    anomalies.push({
      ...at(f, spike.index, r > 0 ? 'spike' : 'dip', r > 0 ? 'up' : 'down'),
      ...band(f.expected[spike.index]!, spike.index),
      score: Math.abs(r) / f.sigma,
      pValue: spike.pValue,
    });
  }
  for (const shift of f.shifts) {
    const i = firstObserved(f.observed, shift.index);
    if (i === undefined) continue;
    anomalies.push({ ...at(f, i, 'level_shift', shift.shift > 0 ? 'up' : 'down'), ...band(f.expected[i]! - shift.shift, i), score: Math.abs(shift.z), pValue: shift.pValue, shift: shift.shift });
  }
  for (const change of f.trendChanges) {
    const i = firstObserved(f.observed, change.index);
    if (i === undefined) continue;
    anomalies.push({
      ...at(f, i, 'trend_change', change.slopeAfter > change.slopeBefore ? 'up' : 'down'),
      ...band(f.expected[i]!, i),
      score: Math.abs(change.z),
      pValue: change.pValue,
      slopeBefore: change.slopeBefore,
      slopeAfter: change.slopeAfter,
    });
  }
  const drift = f.drift;
  // A drift after a level shift or trend change that its usual path straddles is that change going on.
  const n = f.filled.length;
  const explained = drift && anomalies.some((a) => a.type !== 'spike' && a.type !== 'dip' && (a.index - f.offset >= drift.start - f.window || (a.direction === drift.direction && a.index - f.offset >= drift.baselineFrom)));
  const start = drift && firstObserved(f.observed, drift.start);
  if (drift && !explained && start !== undefined) {
    const last = n - 1;
    anomalies.push({
      ...at(f, start, 'drift', drift.direction),
      observed: f.filled[last]!,
      ...band(drift.baselineAtEnd + f.fit.seasonal[last]! + f.interventions[last]!, last),
      score: Math.abs(drift.z),
      pValue: drift.pValue,
      periods: drift.periods,
      rules: drift.rules,
    });
  }
  return anomalies.sort((a, b) => a.index - b.index);
}

function at(f: Findings, i: number, type: Anomaly['type'], direction: Anomaly['direction']) {
  const index = f.offset + i;
  const timestamp = f.input.timestamps?.[index];
  return { type, direction, index, ...(timestamp !== undefined ? { timestamp } : {}), observed: f.filled[i]! };
}

function firstObserved(observed: Uint8Array, from: number): number | undefined {
  for (let i = from; i < observed.length; i++) if (observed[i]) return i;
  return undefined;
}
