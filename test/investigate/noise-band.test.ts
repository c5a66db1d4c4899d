import { describe, expect, it } from 'vitest';
import { baselinePeriod, noiseBand } from '../../src/investigate/index.js';

describe('noiseBand', () => {
  it('is the baseline plus the median past change ± 3 robust sd, by hand', () => {
    // Changes 2, −1, 2, −1, 2: median 2; MAD 0, so the scale is the mean absolute deviation (6/5) × √(π/2).
    const band = noiseBand([10, 12, 11, 13, 12, 14, 99], 5, 1)!;
    const spread = 3 * (6 / 5) * Math.sqrt(Math.PI / 2);
    expect(band.lower).toBeCloseTo(16 - spread, 12);
    expect(band.upper).toBeCloseTo(16 + spread, 12);
  });

  it('uses changes over the same gap, never the current value, and needs five of them', () => {
    const history = [1, 2, 3, 4, 5, 6, 7, 8, 1000];
    expect(noiseBand(history, 7, 1)).toEqual({ lower: 9, upper: 9 }); // every change is +1: no spread at all
    expect(noiseBand(history, 7, 2)).toEqual({ lower: 10, upper: 10 });
    expect(noiseBand(history, 7, 3)).toEqual({ lower: 11, upper: 11 }); // five changes over 3 periods up to the baseline
    expect(noiseBand(history, 7, 4)).toBeNull(); // only four
    expect(noiseBand([null, 1, 2, null, 4, 5, 6], 6, 1)).toBeNull();
  });
});

describe('baselinePeriod', () => {
  it('steps one period back, or a year back keeping the fiscal quarter, or takes the chosen period', () => {
    expect(baselinePeriod('2026-07-01', 'prior', 'quarter')).toBe('2026-04-01');
    // A fiscal year starting in February: FY2027-Q2 starts 2026-05-01; a year earlier, FY2026-Q2 starts 2025-05-01.
    expect(baselinePeriod('2026-05-01', 'last-year', 'quarter')).toBe('2025-05-01');
    expect(baselinePeriod('2026-03-01', 'last-year', 'month')).toBe('2025-03-01');
    expect(baselinePeriod('2026-06-01', 'last-year', 'week')).toBe('2025-06-02');
    expect(baselinePeriod('2026-03-01', { period: '2025-11-01' }, 'month')).toBe('2025-11-01');
  });
});
