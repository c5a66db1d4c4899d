import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/analysis/trends/compare-periods.js';
import { compareTrailingWindows, type DatedValue } from '../../src/analysis/trends/compare-trailing-windows.js';
import { fitTrendSlope } from '../../src/analysis/trends/fit-trend-slope.js';

const days = (count: number, value: (i: number) => number | null, start = '2025-01-01'): DatedValue[] =>
  Array.from({ length: count }, (_, i) => ({ date: new Date(Date.parse(start) + i * 86_400_000).toISOString().slice(0, 10), value: value(i) }));

describe('trailing 90 days vs the prior 90 days', () => {
  it('sums each window, gives the change and a Welch test', () => {
    const points = days(180, (i) => (i < 90 ? 10 : 12) + (i % 3));
    const result = compareTrailingWindows(points);
    if (!result.ok) throw new Error(result.reason);
    expect(result.current).toMatchObject({ from: '2025-04-01', to: '2025-06-29', count: 90, value: 90 * 13 });
    expect(result.prior).toMatchObject({ from: '2025-01-01', to: '2025-03-31', count: 90, value: 90 * 11 });
    expect(result.changePercent).toBeCloseTo((2 / 11) * 100, 10);
    expect(result.test!.p).toBeLessThan(1e-10);
  });

  it('a rate is weighted by its denominator (win rate by deals closed)', () => {
    const points = days(180, (i) => (i < 90 ? 0.2 : 0.3)).map((p, i) => ({ ...p, weight: i % 2 ? 1 : 3 }));
    const result = compareTrailingWindows(points);
    if (!result.ok) throw new Error(result.reason);
    expect(result.current.value).toBeCloseTo(0.3, 12);
    expect(result.prior.value).toBeCloseTo(0.2, 12);
    expect(result.test).toBeNull();
  });

  it('says which window is empty', () => {
    expect(compareTrailingWindows(days(60, () => 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/no values from/) });
    expect(compareTrailingWindows([])).toMatchObject({ ok: false });
    expect(compareTrailingWindows(days(10, () => null))).toMatchObject({ ok: false });
  });
});

describe('12-week slope', () => {
  it('growing, declining or flat by its significance', () => {
    expect(fitTrendSlope([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((v, i) => 100 + 3 * v + (i % 2)))).toMatchObject({ ok: true, direction: 'growing' });
    expect(fitTrendSlope([5, 4, 6, 5, 4, 6, 5, 4, 6, 5, 4, 6])).toMatchObject({ ok: true, direction: 'flat' });
    const declining = fitTrendSlope([...new Array<number>(20).fill(0), ...Array.from({ length: 12 }, (_, i) => 50 - 2 * i + (i % 3))]);
    expect(declining).toMatchObject({ ok: true, direction: 'declining', n: 12 });
  });

  it('bad input', () => {
    expect(fitTrendSlope([])).toMatchObject({ ok: false });
    expect(fitTrendSlope([3, 3, 3, 3])).toMatchObject({ ok: false, reason: expect.stringMatching(/constant/) });
    expect(fitTrendSlope([1, null, Number.NaN])).toMatchObject({ ok: false });
  });
});

describe('period over period', () => {
  it('last against the one before, or a year before', () => {
    expect(comparePeriods([10, 12, 15])).toEqual({ ok: true, current: 15, previous: 12, change: 3, changePercent: 25 });
    expect(comparePeriods([10, 12, 15], { lag: 2 })).toMatchObject({ previous: 10, changePercent: 50 });
    expect(comparePeriods([0, 5])).toMatchObject({ ok: true, changePercent: null });
    expect(comparePeriods([5, null])).toMatchObject({ ok: false, reason: expect.stringMatching(/last period/) });
    expect(comparePeriods([5])).toMatchObject({ ok: false });
  });
});
