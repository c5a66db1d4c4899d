import { describe, expect, it } from 'vitest';
import { detectAnomalies, robustZScores, type Anomaly, type Detection, type DetectionResult } from '../../src/analysis/anomaly/index.js';
import { dailySeries, periodDates, weeklySeries } from './anomaly-synthetic.js';

function detected(result: DetectionResult): Detection {
  if (result.status !== 'ok') throw new Error(`expected a detection, got: ${result.reason}`);
  return result;
}

const kinds = (d: Detection) => d.anomalies.map((a) => `${a.type}@${a.index}`);
const seeds = [1, 2, 3, 4, 5, 6];

describe('detectAnomalies: planted incidents', () => {
  it('finds a spike and a dip in a weekly series with a yearly season, with their band and p-value', () => {
    for (const seed of seeds) {
      const values = weeklySeries(seed);
      values[60]! += 30;
      values[100]! -= 30;
      const d = detected(detectAnomalies({ values, timestamps: periodDates('2023-01-02', 156, 7), grain: 'week' }));
      expect(d.seasonLength).toBe(52);
      expect(kinds(d)).toEqual(['spike@60', 'dip@100']);
      const [spike, dip] = d.anomalies as [Anomaly, Anomaly];
      expect(spike).toMatchObject({ direction: 'up', timestamp: '2024-02-26', observed: values[60] });
      expect(spike.observed).toBeGreaterThan(spike.upper);
      expect(dip.observed).toBeLessThan(dip.lower);
      for (const a of [spike, dip]) {
        expect(a.lower).toBeLessThan(a.expected);
        expect(a.expected).toBeLessThan(a.upper);
        expect(a.score).toBeGreaterThan(4);
        expect(a.pValue).toBeLessThan(d.alpha);
      }
    }
  });

  it('is not thrown by gross outliers (100σ) with only three cycles of the season', () => {
    for (const seed of seeds) {
      const values = weeklySeries(seed);
      values[70]! += 300;
      values[20]! -= 150;
      const d = detected(detectAnomalies({ values, grain: 'week' }));
      expect(d.seasonLength).toBe(52);
      expect(kinds(d)).toEqual(['dip@20', 'spike@70']);
    }
  });

  it('finds spikes and dips in a daily series with a weekday pattern', () => {
    for (const seed of seeds) {
      const values = dailySeries(seed);
      values[50]! += 15;
      values[53]! -= 15;
      const d = detected(detectAnomalies({ values, grain: 'day' }));
      expect(d.seasonLength).toBe(7);
      expect(kinds(d)).toEqual(['spike@50', 'dip@53']);
    }
  });

  it('removes the trend before scoring, so an outlier on a steep trend stays visible', () => {
    for (const seed of seeds) {
      const values = weeklySeries(seed, { trend: 2, yearly: 0 });
      values[120]! -= 25;
      expect(kinds(detected(detectAnomalies({ values, grain: 'week' })))).toEqual(['dip@120']);
      // Scored on the raw values, the same dip hides inside the trend's spread.
      expect(Math.abs(robustZScores(values)[120]!)).toBeLessThan(2);
    }
  });

  it('flags a level shift once, at its start, and nothing after it', () => {
    for (const seed of seeds) {
      const values = weeklySeries(seed, { length: 104, yearly: 0 }).map((v, i) => (i >= 50 ? v + 12 : v));
      const d = detected(detectAnomalies({ values, grain: 'week' }));
      expect(d.anomalies).toHaveLength(1);
      const shift = d.anomalies[0]!;
      expect(shift).toMatchObject({ type: 'level_shift', direction: 'up' });
      expect(Math.abs(shift.index - 50)).toBeLessThanOrEqual(1);
      expect(shift.shift).toBeGreaterThan(8);
      expect(shift.shift).toBeLessThan(16);
      // Expected: the value had the level stayed where it was.
      expect(shift.expected).toBeLessThan(d.expected[shift.index]!);
    }
  });

  it('flags a level shift once in three years of weekly data with a yearly season', () => {
    for (const seed of [1, 2, 3, 6, 7, 8]) {
      const values = weeklySeries(seed).map((v, i) => (i >= 90 ? v - 18 : v));
      expect(kinds(detected(detectAnomalies({ values, grain: 'week' })))).toEqual(['level_shift@90']);
    }
  });

  it('flags a trend change once, near its hinge, with the slopes before and after', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const values = weeklySeries(seed).map((v, i) => (i >= 100 ? v - (i - 100) : v));
      const d = detected(detectAnomalies({ values, grain: 'week' }));
      expect(d.anomalies.map((a) => a.type)).toEqual(['trend_change']);
      const change = d.anomalies[0]!;
      expect(Math.abs(change.index - 100)).toBeLessThanOrEqual(8);
      expect(change.direction).toBe('down');
      expect(change.slopeBefore!).toBeGreaterThan(0);
      expect(change.slopeAfter!).toBeLessThan(-0.2);
    }
  });

  it('reports a slow drift of a leading indicator, with when it started and how long it has lasted', () => {
    let drifts = 0;
    let caught = 0;
    const startErrors: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      // −0.4σ a week for the last 12 weeks: never one strange week, but 4.8σ below by the end.
      const values = weeklySeries(seed).map((v, i) => (i >= 144 ? v - 1.2 * (i - 143) : v));
      const d = detected(detectAnomalies({ values, grain: 'week' }));
      const drift = d.anomalies.find((a) => a.type === 'drift');
      if (drift) {
        drifts++;
        expect(drift.direction).toBe('down');
        startErrors.push(Math.abs(drift.index - 144));
        expect(drift.periods).toBe(156 - drift.index);
        expect(drift.rules!.length).toBeGreaterThan(0);
        expect(drift.observed).toBe(values[155]);
      }
      // The steeper runs are caught as a trend change (or, at the very end, a level shift) instead.
      if (d.anomalies.some((a) => a.type !== 'spike' && a.type !== 'dip' && a.direction === 'down' && a.index >= 131)) caught++;
    }
    expect(drifts).toBeGreaterThanOrEqual(4);
    expect(caught).toBeGreaterThanOrEqual(9);
    // The CUSUM's start is noisy for a gentle ramp: within a quarter always, within 3 weeks typically.
    expect(Math.max(...startErrors)).toBeLessThanOrEqual(13);
    expect(startErrors.sort((a, b) => a - b)[Math.floor(startErrors.length / 2)]).toBeLessThanOrEqual(3);
  });

  it('does not flag quarter-end peaks: they are the season', () => {
    for (const seed of seeds) {
      const quarterly = detected(detectAnomalies({ values: weeklySeries(seed, { length: 104, yearly: 0, quarterEnd: 40 }), grain: 'week' }));
      expect(quarterly.seasonLength).toBe(13);
      expect(quarterly.anomalies).toEqual([]);
      const yearly = detected(detectAnomalies({ values: weeklySeries(seed, { quarterEnd: 40 }), grain: 'week' }));
      expect(yearly.anomalies).toEqual([]);
    }
  });
});

describe('detectAnomalies: gaps, short histories and settings', () => {
  it('interpolates missing periods for the fit and never flags them; indices stay those of the input', () => {
    const values: (number | null)[] = weeklySeries(3);
    values[60] = (values[60] as number) + 30;
    for (const i of [0, 1, 20, 21, 90, 155]) values[i] = null;
    const d = detected(detectAnomalies({ values, grain: 'week' }));
    expect(kinds(d)).toEqual(['spike@60']);
    expect(d.notes).toContain('the first 2 periods have no value and are left out');
    expect(d.notes).toContain('the last 1 period has no value; judged up to period 154');
    expect(d.notes).toContain('3 missing periods were interpolated for the fit and never flagged');
    expect(d.expected[0]).toBeNull();
    expect(typeof d.expected[20]).toBe('number');
    expect(d.expected[155]).toBeNull();
  });

  it('falls back to a robust trend with fewer than two full seasons, and says so', () => {
    const values = weeklySeries(4, { length: 60, yearly: 0, quarterEnd: 0 });
    values[30]! += 20;
    const d = detected(detectAnomalies(values, { seasonLength: 52 }));
    expect(d.method).toBe('trend');
    expect(d.seasonLength).toBeNull();
    expect(d.notes.join(' ')).toContain('fewer than two full seasons (60 periods, a season of 52): a robust trend only');
    expect(kinds(d)).toEqual(['spike@30']);
  });

  it('judges more readily at high sensitivity than at low', () => {
    const values = weeklySeries(5, { length: 104, yearly: 0 });
    values[40]! += 12;
    const low = detected(detectAnomalies({ values, grain: 'week' }, { sensitivity: 'low' }));
    const high = detected(detectAnomalies({ values, grain: 'week' }, { sensitivity: 'high' }));
    expect([low.alpha, high.alpha]).toEqual([0.001, 0.05]);
    expect(kinds(low)).toEqual([]);
    expect(kinds(high)).toContain('spike@40');
    expect(high.upper[40]! - high.lower[40]!).toBeLessThan(low.upper[40]! - low.lower[40]!);
  });

  it('gives a small series p-value to a series with an incident and a large one to a clean one', () => {
    const clean = detected(detectAnomalies({ values: weeklySeries(8), grain: 'week' }));
    const spiky = weeklySeries(8);
    spiky[70]! += 40;
    expect(clean.seriesPValue).toBeGreaterThan(0.05);
    expect(detected(detectAnomalies({ values: spiky, grain: 'week' })).seriesPValue).toBeLessThan(1e-6);
  });
});

describe('detectAnomalies: bad input gets a reason, never a throw or a NaN', () => {
  const insufficient: [string, DetectionResult, string][] = [
    ['empty', detectAnomalies([]), 'the series is empty'],
    ['all null', detectAnomalies([null, null, null]), 'every one of the 3 values is missing'],
    ['all NaN', detectAnomalies([Number.NaN, Number.NaN]), 'every one of the 2 values is missing'],
    ['too short', detectAnomalies([1, 2, 3, null, 5, 6, 7, 8]), 'cannot judge yet: only 7 observed values, and at least 8 are needed'],
    ['constant', detectAnomalies(new Array(30).fill(4)), 'every value is 4: nothing varies to judge against'],
    ['mismatched', detectAnomalies({ values: [1, 2, 3], timestamps: ['2025-01-01'] }), 'mismatched lengths: 3 values but 1 timestamps'],
    ['sensitivity', detectAnomalies(weeklySeries(1), { sensitivity: 0.7 }), 'sensitivity 0.7 is neither low, medium, high nor a level between 0 and 0.5'],
    ['season', detectAnomalies(weeklySeries(1), { seasonLength: 2.5 }), 'a season length must be a whole number of periods, not 2.5'],
    ['seasonal window', detectAnomalies(weeklySeries(1), { seasonalWindow: Number.NaN }), "seasonal window NaN is neither 'periodic' nor a number of seasons of at least 3"],
  ];
  it.each(insufficient)('%s', (_name, result, reason) => {
    expect(result).toMatchObject({ status: 'insufficient', reason });
  });

  it('reads NaN and Infinity as missing, and says so', () => {
    const values = weeklySeries(2, { length: 40 });
    values[5] = Number.NaN;
    values[9] = Number.POSITIVE_INFINITY;
    const d = detected(detectAnomalies(values));
    expect(d.notes[0]).toBe('2 values were NaN or infinite and treated as missing');
    expect(d.anomalies.some((a) => a.index === 5 || a.index === 9)).toBe(false);
    expect(containsNaN(d)).toBe(false);
  });

  it('judges a series that trend and season explain exactly without flagging rounding', () => {
    const d = detected(detectAnomalies(Array.from({ length: 30 }, (_, i) => 3 + 0.5 * i)));
    expect(d.anomalies).toEqual([]);
    expect(d.notes).toContain('trend and season explain every value exactly: nothing to flag');
  });

  it('never puts NaN in a detection', () => {
    const series = [weeklySeries(1), dailySeries(2), [1, 1, 1, 1, 1, 1, 1, 1, 50, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]];
    for (const values of series) expect(containsNaN(detectAnomalies(values))).toBe(false);
  });
});

function containsNaN(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(containsNaN);
  if (value && typeof value === 'object') return Object.values(value).some(containsNaN);
  return false;
}
