import { describe, expect, it } from 'vitest';
import { fitOls, type CovarianceKind, type OlsFit } from '../../src/analysis/relations/fit-ols.js';
import { lagSeries } from '../../src/analysis/relations/lag-series.js';
import { welch } from '../../src/analysis/trends/compare-trailing-windows.js';
import { fitTrendSlope } from '../../src/analysis/trends/fit-trend-slope.js';
import { expectClose, readFixture } from './relations-fixture.js';

// Reference values: test/analysis/fixtures/regression.R (R 4.2.2: lm, summary.lm, confint, vcov,
// hatvalues; HC3 and Newey–West written out as matrix formulas; svd; t.test).
interface Row { name: string; estimate: number; se: number; t: number; p: number; lower: number; upper: number }
interface RFit {
  classical: Row[]; hc3: Row[]; newey_west: Row[]; confint: number[];
  sigma: number; r_squared: number; adj_r_squared: number; f: number | null; f_df: number[] | null; f_p: number | null;
  nw_lag: number; n: number; aliased: string[];
}
interface Fixture {
  data: Record<'y' | 'x1' | 'x2' | 'x3' | 'x4', number[]>;
  full: RFit; full90: RFit; no_intercept: RFit; collinear: RFit; lagged: RFit;
  vif: Record<string, number>; condition_number: number;
  slope: { values: number[]; table: Row; r_squared: number };
  welch: { x: number[]; y: number[]; t: number; df: number; p: number };
}
const R = readFixture<Fixture>('regression');
const { y, x1, x2, x3, x4 } = R.data;

function expectFit(fit: ReturnType<typeof fitOls>, expected: RFit, names: string[]): OlsFit {
  if (!fit.ok) throw new Error(fit.reason);
  expect(fit.n).toBe(expected.n);
  expect(fit.coefficients.map((c) => c.name)).toEqual(names);
  expect(fit.aliased).toEqual(expected.aliased);
  const kinds: [CovarianceKind, Row[]][] = [['classical', expected.classical], ['hc3', expected.hc3], ['neweyWest', expected.newey_west]];
  for (const [kind, rows] of kinds) {
    fit.coefficients.forEach((c, i) => {
      const row = rows[i]!;
      const inference = c[kind]!;
      expectClose(c.estimate, row.estimate, 1e-9);
      expectClose(inference.se, row.se, 1e-9);
      expectClose(inference.t, row.t, 1e-9);
      expectClose(inference.p, row.p, 1e-8, 1e-300);
      expectClose(inference.lower, row.lower, 1e-9);
      expectClose(inference.upper, row.upper, 1e-9);
    });
  }
  fit.coefficients.forEach((c, i) => {
    expectClose(c.classical.lower, expected.confint[2 * i]!, 1e-9);
    expectClose(c.classical.upper, expected.confint[2 * i + 1]!, 1e-9);
  });
  expectClose(fit.sigma, expected.sigma, 1e-10);
  expectClose(fit.rSquared, expected.r_squared, 1e-10);
  expectClose(fit.adjustedRSquared, expected.adj_r_squared, 1e-10);
  expect(fit.neweyWestLag).toBe(expected.nw_lag);
  if (expected.f !== null) {
    expectClose(fit.fStatistic, expected.f, 1e-9);
    expect(fit.fDf).toEqual(expected.f_df);
    // distributions.ts computes 1 − cdf, exact to ~1e-16 absolute rather than relative.
    expectClose(fit.fP, expected.f_p!, 1e-6, 1e-15);
  }
  return fit;
}

describe('OLS against R lm', () => {
  it('summary, confint, HC3 and Newey–West for y ~ x1 + x2 + x3', () => {
    const fit = expectFit(fitOls(y, [{ name: 'x1', values: x1 }, { name: 'x2', values: x2 }, { name: 'x3', values: x3 }]), R.full, ['(Intercept)', 'x1', 'x2', 'x3']);
    fit.collinearity.vif.forEach((v) => expectClose(v.vif, R.vif[v.name]!, 1e-9));
    expectClose(fit.collinearity.conditionNumber, R.condition_number, 1e-9);
    expect(fit.collinearity.warnings).toEqual([]);
  });

  it('intervals at 90 %', () => {
    expectFit(fitOls(y, [{ name: 'x1', values: x1 }, { name: 'x2', values: x2 }, { name: 'x3', values: x3 }], { level: 0.9 }), R.full90, ['(Intercept)', 'x1', 'x2', 'x3']);
  });

  it('without an intercept (uncentred R²)', () => {
    expectFit(fitOls(y, [{ name: 'x1', values: x1 }, { name: 'x3', values: x3 }], { intercept: false }), R.no_intercept, ['x1', 'x3']);
  });

  it('drops a perfectly collinear indicator as lm does (NA) and says so', () => {
    const fit = expectFit(
      fitOls(y, [{ name: 'x1', values: x1 }, { name: 'x2', values: x2 }, { name: 'x4', values: x4 }, { name: 'x3', values: x3 }]),
      R.collinear,
      ['(Intercept)', 'x1', 'x2', 'x3'],
    );
    expect(fit.warnings[0]).toMatch(/x4 is an exact linear combination/);
  });

  it('a lagged regressor: y[t] on x1[t − 3]', () => {
    expectFit(fitOls(y, [{ name: 'x1[1:(n - 3)]', values: lagSeries(x1, 3) }]), R.lagged, ['(Intercept)', 'x1[1:(n - 3)]']);
  });
});

describe('trends against R', () => {
  it('the 12-period slope is lm(y ~ t)', () => {
    const slope = fitTrendSlope(R.slope.values);
    if (!slope.ok) throw new Error(slope.reason);
    expectClose(slope.slope, R.slope.table.estimate, 1e-9);
    expectClose(slope.se, R.slope.table.se, 1e-9);
    expectClose(slope.p, R.slope.table.p, 1e-8);
    expectClose(slope.lower, R.slope.table.lower, 1e-9);
    expectClose(slope.rSquared, R.slope.r_squared, 1e-10);
  });

  it('the windows test is t.test (Welch)', () => {
    const test = welch(R.welch.x, R.welch.y)!;
    expectClose(test.t, R.welch.t, 1e-10);
    expectClose(test.df, R.welch.df, 1e-10);
    expectClose(test.p, R.welch.p, 1e-8);
  });
});
