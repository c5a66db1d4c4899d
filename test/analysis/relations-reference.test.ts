import { describe, expect, it } from 'vitest';
import { correlateLagged } from '../../src/analysis/relations/correlate-lagged.js';
import { correlateMetrics } from '../../src/analysis/relations/correlate-metrics.js';
import { fitAutoregression } from '../../src/analysis/relations/fit-autoregression.js';
import { testPearson } from '../../src/analysis/relations/pearson-test.js';
import { testSpearman } from '../../src/analysis/relations/spearman-test.js';
import { expectClose, readFixture } from './relations-fixture.js';

// Reference values: test/analysis/fixtures/relations.R (R 4.2.2: cor.test, ar, filter, p.adjust).
interface Test { estimate: number; p: number; lower: number | null; upper: number | null }
interface LagRow { lag: number; n: number; r: number; p: number; rho: number; rho_p: number; p_holm: number }
interface Fixture {
  pair: { x: number[]; y: number[] };
  pearson: Test; pearson90: Test; spearman: Test; spearman_t: Test;
  small: { x: number[]; y: number[]; neg_y: number[]; spearman: Test; spearman_neg: Test };
  ties: { x: number[]; y: number[]; spearman: Test };
  edgeworth_neg: { x: number[]; y: number[]; spearman: Test };
  ar: { x: number[]; order: number; coefficients: number[]; var_pred: number; mean: number };
  lagged: { x: number[]; y: number[]; max_lag: number; ar_order: number; ar: number[]; prewhitened: LagRow[]; raw: LagRow[]; differenced: LagRow[] };
  pairs: { series: Record<string, number[]>; max_lag: number; rows: { leader: string; follower: string; lag: number; r: number; p_holm: number; q: number }[] };
}
const R = readFixture<Fixture>('relations');

function expectTest(actual: ReturnType<typeof testPearson>, expected: Test) {
  if (!actual.ok) throw new Error(actual.reason);
  expectClose(actual.r, expected.estimate);
  expectClose(actual.p, expected.p);
  if (expected.lower !== null) expectClose(actual.lower, expected.lower);
  if (expected.upper !== null) expectClose(actual.upper, expected.upper!);
}

describe('correlation tests against R cor.test', () => {
  it('Pearson: r, p and the Fisher-z interval at 95 % and 90 %', () => {
    expectTest(testPearson(R.pair.x, R.pair.y), R.pearson);
    expectTest(testPearson(R.pair.x, R.pair.y, 0.9), R.pearson90);
  });

  it('Spearman: exact (Edgeworth series, n = 40 and 30), enumeration (n = 8), with ties and exact = FALSE (t approximation)', () => {
    expectTest(testSpearman(R.pair.x, R.pair.y), R.spearman);
    expectTest(testSpearman(R.pair.x, R.pair.y, { exact: false }), R.spearman_t);
    expectTest(testSpearman(R.small.x, R.small.y), R.small.spearman);
    expectTest(testSpearman(R.small.x, R.small.neg_y), R.small.spearman_neg);
    expectTest(testSpearman(R.ties.x, R.ties.y), R.ties.spearman);
    expectTest(testSpearman(R.edgeworth_neg.x, R.edgeworth_neg.y), R.edgeworth_neg.spearman);
  });
});

describe('prewhitening against R ar() and filter()', () => {
  it('fits the Yule–Walker autoregression with the order AIC picks', () => {
    const fit = fitAutoregression(R.ar.x);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.order).toBe(R.ar.order);
    fit.coefficients.forEach((c, i) => expectClose(c, R.ar.coefficients[i]!, 1e-10));
    expectClose(fit.variance, R.ar.var_pred, 1e-10);
    expectClose(fit.mean, R.ar.mean, 1e-12);
  });

  it('lag search: every lag of the differenced, prewhitened pair matches cor.test, Holm over the lags', () => {
    const result = correlateLagged(R.lagged.x, R.lagged.y, { maxLag: R.lagged.max_lag, minPairs: 3 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.transform.arOrder).toBe(R.lagged.ar_order);
    result.transform.arCoefficients.forEach((c, i) => expectClose(c, R.lagged.ar[i]!, 1e-10));
    expect(result.lags.map((l) => l.lag)).toEqual(R.lagged.prewhitened.map((l) => l.lag));
    result.lags.forEach((lag, i) => {
      const r = R.lagged.prewhitened[i]!;
      expect(lag.n).toBe(r.n);
      expectClose(lag.pearson.r, r.r);
      expectClose(lag.pearson.p, r.p, 1e-8, 1e-300);
      expectClose(lag.spearman.r, r.rho);
      expectClose(lag.spearman.p, r.rho_p, 1e-8, 1e-300);
      expectClose(lag.pAdjusted, r.p_holm, 1e-8, 1e-300);
    });
    expect(result.lag).toBe(3);
  });

  it('levels and differences without prewhitening match too', () => {
    for (const [difference, rows] of [[0, R.lagged.raw], [1, R.lagged.differenced]] as const) {
      const result = correlateLagged(R.lagged.x, R.lagged.y, { maxLag: R.lagged.max_lag, difference, prewhiten: false, minPairs: 3 });
      if (!result.ok) throw new Error(result.reason);
      result.lags.forEach((lag, i) => {
        expectClose(lag.pearson.r, rows[i]!.r);
        expectClose(lag.pearson.p, rows[i]!.p, 1e-8, 1e-300);
        expectClose(lag.pAdjusted, rows[i]!.p_holm, 1e-8, 1e-300);
      });
    }
  });
});

describe('Benjamini–Hochberg across the pairs of a tree against R p.adjust', () => {
  it('adjusts each pair’s lag-corrected p-value', () => {
    const series = Object.entries(R.pairs.series).map(([id, values]) => ({ id, values }));
    const matrix = correlateMetrics(series, { maxLag: R.pairs.max_lag, minPairs: 3, pairs: R.pairs.rows.map((r) => [r.leader, r.follower]) });
    expect(matrix.untested).toEqual([]);
    R.pairs.rows.forEach((expected, i) => {
      const pair = matrix.pairs[i]!;
      expect([pair.leader, pair.follower, pair.lag]).toEqual([expected.leader, expected.follower, expected.lag]);
      expectClose(pair.r, expected.r);
      expectClose(pair.pAdjusted, expected.p_holm, 1e-8, 1e-300);
      expectClose(pair.q, expected.q, 1e-8, 1e-300);
    });
  });
});
