import { describe, expect, it } from 'vitest';
import { backtestForecast } from '../../src/analysis/forecast/backtest-forecast.js';
import { forecastAccuracy } from '../../src/analysis/forecast/forecast-accuracy.js';
import { forecastSeries } from '../../src/analysis/forecast/forecast-series.js';
import { seededRandom } from './relations-random.js';

function seasonalSeries(seed: number, n: number, period: number): number[] {
  const { normal } = seededRandom(seed);
  return Array.from({ length: n }, (_, t) => 500 + 2 * t + 80 * Math.sin((2 * Math.PI * t) / period) + 40 * Math.cos((4 * Math.PI * t) / period) + 12 * normal());
}

/** A local-level process, for which simple exponential smoothing is the right model. */
function localLevel(seed: number, n: number, alpha: number, sd: number): number[] {
  const { normal } = seededRandom(seed);
  let level = 100;
  return Array.from({ length: n }, () => {
    const e = sd * normal();
    const y = level + e;
    level += alpha * e;
    return y;
  });
}

describe('forecast accuracy, the seed formula', () => {
  it('is 1 − |forecast − actual| / actual, undefined for a zero actual', () => {
    expect(forecastAccuracy(90, 100)).toBeCloseTo(0.9, 12);
    expect(forecastAccuracy(110, 100)).toBeCloseTo(0.9, 12);
    expect(forecastAccuracy(350, 100)).toBeCloseTo(-1.5, 12);
    expect(forecastAccuracy(5, 0)).toBeNull();
  });
});

describe('rolling-origin backtest', () => {
  it('on a seasonal monthly series: accurate, better than seasonal naive, intervals near nominal', () => {
    const values = seasonalSeries(1, 84, 12);
    const result = backtestForecast(values, { period: 12, horizon: 3, minTrain: 36, step: 2 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.origins).toBe(24);
    expect(result.points.length).toBe(24 * 3 - 1);
    expect(result.accuracy).toBeGreaterThan(0.97);
    expect(result.accuracyByStep).toHaveLength(3);
    expect(result.mase).toBeLessThan(1);
    expect(result.coverage).toBeGreaterThan(0.8);
    const first = result.points[0]!;
    expect(first).toMatchObject({ origin: 35, step: 1, actual: values[36] });
  });

  it('refuses a series shorter than its first training window', () => {
    expect(backtestForecast([1, 2, 3], { horizon: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/needs more than/) });
  });
});

describe('prediction intervals cover near their nominal level over many seeded series', () => {
  it.each([
    [0.95, 1],
    [0.8, 1],
    [0.95, 4],
  ])('level %s, %s step(s) ahead', (level, horizon) => {
    const trials = 400;
    let covered = 0;
    for (let seed = 1; seed <= trials; seed++) {
      const series = localLevel(seed, 60 + horizon, 0.4, 10);
      const result = forecastSeries(series.slice(0, 60), { trend: false, horizon, level });
      if (!result.ok) throw new Error(result.reason);
      const point = result.points[horizon - 1]!;
      const actual = series[59 + horizon]!;
      if (actual >= point.lower && actual <= point.upper) covered++;
    }
    expect(Math.abs(covered / trials - level)).toBeLessThan(0.04);
  });
});

describe('forecastSeries on bad or thin input', () => {
  it('says what it cannot do instead of throwing', () => {
    expect(forecastSeries([])).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(forecastSeries([null, null, Number.NaN])).toMatchObject({ ok: false, reason: expect.stringMatching(/no observed values/) });
    expect(forecastSeries([1, 2])).toMatchObject({ ok: false, reason: expect.stringMatching(/need at least 3/) });
    expect(forecastSeries([1, 2, 3, 4], { horizon: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/horizon/) });
  });

  it('a constant series forecasts its value with zero-width intervals', () => {
    const result = forecastSeries(new Array<number>(30).fill(7), { horizon: 3 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.points.map((p) => [p.value, p.lower, p.upper])).toEqual([[7, 7, 7], [7, 7, 7], [7, 7, 7]]);
  });

  it('bridges missing periods, falls back from a season it cannot learn, and starts after missing final periods', () => {
    const values: (number | null)[] = seasonalSeries(4, 20, 12);
    values[5] = null;
    values[6] = Number.NaN;
    values.push(null);
    const result = forecastSeries(values, { period: 12, horizon: 2, seasonal: 'multiplicative' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.model.seasonal).toBe('none');
    expect(result.warnings.join(' | ')).toMatch(/2 missing periods were interpolated.*too few to learn a season of 12.*last 1 periods are missing/);
    expect(result.points.map((p) => p.step)).toEqual([1, 2]);
    expect(JSON.stringify(result)).not.toMatch(/NaN/);
  });

  it('a multiplicative season needs positive values', () => {
    const values = seasonalSeries(5, 48, 12).map((v, t) => (t === 10 ? 0 : v));
    const result = forecastSeries(values, { period: 12, seasonal: 'multiplicative' });
    expect(result).toMatchObject({ ok: true, model: { seasonal: 'additive' }, warnings: [expect.stringMatching(/positive values/)] });
  });
});
