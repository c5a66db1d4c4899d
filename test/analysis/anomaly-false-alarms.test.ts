import { describe, expect, it } from 'vitest';
import { detectAnomalies, type DetectionResult } from '../../src/analysis/anomaly/index.js';
import { dailySeries, flatSeries, weeklySeries } from './anomaly-synthetic.js';

/**
 * The false-alarm rate: the share of clean series (noise around trend and season, nothing
 * planted) with any anomaly at all, at the default sensitivity (alpha 0.01 per test family; four
 * families: spikes/dips, level shifts, trend changes, drift). Measured with 200 seeds per kind
 * (R.. = 1000–1199); the rates at the time of writing are in src/analysis/README.md.
 */
const kinds: Record<string, { make: (seed: number) => number[]; grain: 'week' | 'day'; bound: number }> = {
  'weekly, 3 years, yearly and quarter-end season': { make: (s) => weeklySeries(s), grain: 'week', bound: 0.05 },
  'weekly, 2 years, quarter-end season': { make: (s) => weeklySeries(s, { length: 104, yearly: 0 }), grain: 'week', bound: 0.05 },
  'daily, 120 days, weekday season': { make: (s) => dailySeries(s), grain: 'day', bound: 0.08 },
  'flat noise, 60 weeks': { make: (s) => flatSeries(s), grain: 'week', bound: 0.06 },
};

describe('false alarms on clean series', () => {
  it.each(Object.entries(kinds))('%s', (_name, kind) => {
    let alarmed = 0;
    for (let seed = 1000; seed < 1200; seed++) {
      const result: DetectionResult = detectAnomalies({ values: kind.make(seed), grain: kind.grain });
      if (result.status !== 'ok') throw new Error(result.reason);
      if (result.anomalies.length > 0) alarmed++;
    }
    expect(alarmed / 200).toBeLessThanOrEqual(kind.bound);
  });
});
