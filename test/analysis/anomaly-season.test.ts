import { describe, expect, it } from 'vitest';
import { inferSeasonLength } from '../../src/analysis/series/index.js';
import { dailySeries, flatSeries, weeklySeries } from './anomaly-synthetic.js';

describe('inferSeasonLength', () => {
  it('finds a quarter in weekly data with quarter-end peaks only, and a year when there is a yearly wave too', () => {
    for (const seed of [1, 2, 3, 4]) {
      expect(inferSeasonLength(weeklySeries(seed, { length: 156, yearly: 0 }), 'week').seasonLength).toBe(13);
      expect(inferSeasonLength(weeklySeries(seed), 'week').seasonLength).toBe(52);
      expect(inferSeasonLength(weeklySeries(seed, { quarterEnd: 40 }), 'week').seasonLength).toBe(52);
    }
  });

  it('finds the week in daily data', () => {
    expect(inferSeasonLength(dailySeries(1), 'day')).toMatchObject({ seasonLength: 7 });
  });

  it('finds none in noise, none without a grain, and says when the series is too short', () => {
    expect(inferSeasonLength(flatSeries(5, 120), 'week').seasonLength).toBeNull();
    expect(inferSeasonLength(weeklySeries(1), undefined)).toEqual({ seasonLength: null, reason: 'the grain is unknown, so no season length was tried' });
    expect(inferSeasonLength(weeklySeries(1, { length: 20 }), 'week')).toEqual({
      seasonLength: null,
      reason: 'no season: too short for a season of 13 (needs more than 26 periods); too short for a season of 52 (needs more than 104 periods)',
    });
    expect(inferSeasonLength([null, null], 'day')).toEqual({ seasonLength: null, reason: 'no values' });
  });

  it('reads through missing values', () => {
    const values: (number | null)[] = weeklySeries(2, { length: 104, yearly: 0 });
    values[10] = values[50] = values[51] = null;
    expect(inferSeasonLength(values, 'week').seasonLength).toBe(13);
  });
});
