import { describe, expect, it } from 'vitest';
import { fitHoltWinters } from '../../src/analysis/forecast/fit-holt-winters.js';
import type { HoltWintersModel } from '../../src/analysis/forecast/holt-winters-start.js';
import { predictHoltWinters } from '../../src/analysis/forecast/predict-holt-winters.js';
import { expectClose, readFixture } from './relations-fixture.js';

// Reference values: test/analysis/fixtures/forecast.R (R 4.2.2: HoltWinters, predict with
// prediction.interval = TRUE at 95 % and 80 %; datasets co2, AirPassengers, Nile).
interface Case {
  x: number[]; period: number; alpha: number; beta: number; gamma: number; sse: number; coefficients: number[];
  xhat: number[]; level: number[]; fit: number[]; upr: number[]; lwr: number[]; upr80: number[];
}
const R = readFixture<Record<string, Case>>('forecast');

const models: Record<string, HoltWintersModel> = {
  co2: { period: 12, seasonal: 'additive', trend: true },
  air: { period: 12, seasonal: 'multiplicative', trend: true },
  weekly: { period: 13, seasonal: 'additive', trend: true },
  holt: { period: 1, seasonal: 'none', trend: true },
  nile: { period: 1, seasonal: 'none', trend: false },
  no_trend: { period: 13, seasonal: 'additive', trend: false },
};

describe.each(Object.keys(models))('Holt-Winters against R HoltWinters: %s', (name) => {
  const r = R[name]!;
  const model = models[name]!;

  it("with R's smoothing parameters: the same states, SSE, forecasts and intervals", () => {
    const fit = fitHoltWinters(r.x, model, { alpha: r.alpha, beta: r.beta, gamma: r.gamma });
    expectClose(fit.sse, r.sse, 1e-10);
    fit.fitted.forEach((f, i) => expectClose(f, r.xhat[i]!, 1e-11));
    expectClose(fit.level, r.coefficients[0]!, 1e-11);
    if (model.trend) expectClose(fit.trend, r.coefficients[1]!, 1e-9, 1e-12);
    fit.season.forEach((s, i) => expectClose(s, r.coefficients[(model.trend ? 2 : 1) + i]!, 1e-9, 1e-12));
    const points = predictHoltWinters(fit, r.fit.length);
    points.forEach((p, i) => {
      expectClose(p.value, r.fit[i]!, 1e-11);
      expectClose(p.upper, r.upr[i]!, 1e-11);
      expectClose(p.lower, r.lwr[i]!, 1e-11);
    });
    predictHoltWinters(fit, r.fit.length, 0.8).forEach((p, i) => expectClose(p.upper, r.upr80[i]!, 1e-11));
  });

  it("its own optimiser reaches R's SSE (or lower) near R's parameters", () => {
    const fit = fitHoltWinters(r.x, model);
    expect(fit.sse).toBeLessThanOrEqual(r.sse * (1 + 1e-6));
    // Flat valleys make the parameters less determined than the SSE: within 0.005 of R's (they land within 1e-4).
    expect(Math.abs(fit.parameters.alpha - r.alpha)).toBeLessThan(0.005);
    expect(Math.abs(fit.parameters.beta - r.beta)).toBeLessThan(0.005);
    expect(Math.abs(fit.parameters.gamma - r.gamma)).toBeLessThan(0.005);
  });
});
