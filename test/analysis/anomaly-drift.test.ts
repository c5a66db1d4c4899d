import { describe, expect, it } from 'vitest';
import { brokenRunRules, cusumAlarm, cusumLimit, resolveAlpha } from '../../src/analysis/anomaly/index.js';

describe('cusumAlarm (tabular CUSUM)', () => {
  it('raises a standing alarm from where the sum left zero', () => {
    // In σ: noise around 0, then a shift of −1.5 from index 10 on.
    const z = [0.3, -0.2, 0.1, 0.6, -0.4, 0.2, -0.1, 0.5, -0.3, 0.0, -1.2, -1.8, -1.1, -1.6, -1.4, -2.0];
    expect(cusumAlarm(z, 0.5, 5)).toEqual({ direction: 'down', start: 10, alarm: 15, value: expect.closeTo(6.1, 10) as number });
  });

  it('forgets an alarm once its sum has gone back to zero, and skips missing periods', () => {
    expect(cusumAlarm([3, 3, 3, -2, -2, -2, 0.5, 0.5, 0.5], 0.5, 5)).toBeUndefined();
    expect(cusumAlarm([Number.NaN, 2, Number.NaN, 2, 2, 2], 0.5, 5)).toMatchObject({ direction: 'up', start: 1, alarm: 5 });
    expect(cusumAlarm([], 0.5, 5)).toBeUndefined();
  });
});

describe('brokenRunRules (Western Electric, Nelson)', () => {
  it('names the rules that hold at the end of a run', () => {
    expect(brokenRunRules([-0.2, -0.5, -0.9, -1.3, -1.8, -2.2, -2.4, -2.6], 'down')).toEqual([
      '8 in a row below the usual level',
      '6 in a row steadily falling',
      '4 of the last 5 more than 1σ below',
      '2 of the last 3 more than 2σ below',
    ]);
    expect(brokenRunRules([0.5, -0.3, 0.2], 'up')).toEqual([]);
  });
});

describe('sensitivity', () => {
  it('maps presets to alpha and to the CUSUM limit', () => {
    expect([resolveAlpha('low'), resolveAlpha('medium'), resolveAlpha('high'), resolveAlpha(undefined), resolveAlpha(0.02), resolveAlpha(0.5)]).toEqual([0.001, 0.01, 0.05, 0.01, 0.02, undefined]);
    expect([cusumLimit(0.001), cusumLimit(0.01), cusumLimit(0.05)].map((h) => Math.round(h * 1e9) / 1e9)).toEqual([6, 5, 4]);
  });
});
