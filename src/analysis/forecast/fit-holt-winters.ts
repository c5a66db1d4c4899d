import { holtWintersStart, type HoltWintersModel, type HoltWintersStart } from './holt-winters-start.js';
import { minimizeInBox } from './minimize-in-box.js';
import { runHoltWinters, type HoltWintersRun, type SmoothingParameters } from './run-holt-winters.js';

export interface HoltWintersFit extends HoltWintersRun {
  model: HoltWintersModel;
  parameters: SmoothingParameters;
  start: HoltWintersStart;
  /** Observed minus one-step prediction, from the first predicted value on. */
  residuals: number[];
}

/**
 * Holt-Winters exponential smoothing (level, trend, seasonality: additive or multiplicative), the
 * parameters not given chosen to minimise the one-step squared error as R's HoltWinters does.
 * The caller has checked the values (finite, long enough; non-zero for multiplicative).
 */
export function fitHoltWinters(x: readonly number[], model: HoltWintersModel, fixed: Partial<SmoothingParameters> = {}): HoltWintersFit {
  const start = holtWintersStart(x, model);
  const free = (['alpha', 'beta', 'gamma'] as const).filter((name) => fixed[name] === undefined && (name !== 'beta' || model.trend) && (name !== 'gamma' || model.seasonal !== 'none'));
  const parameters = (p: readonly number[]): SmoothingParameters => {
    const value = (name: 'alpha' | 'beta' | 'gamma') => (free.includes(name) ? p[free.indexOf(name)]! : (fixed[name] ?? 0));
    return { alpha: value('alpha'), beta: model.trend ? value('beta') : 0, gamma: model.seasonal !== 'none' ? value('gamma') : 0 };
  };
  let chosen = parameters([]);
  if (free.length > 0) {
    const initial = { alpha: 0.3, beta: 0.1, gamma: 0.1 };
    const grid = [0.05, 0.3, 0.7, 0.95];
    const starts = [free.map((name) => initial[name]), ...grid.map((g) => free.map((name) => (name === 'alpha' ? g : g / 2)))];
    const found = minimizeInBox((p) => runHoltWinters(x, model, start, parameters(p)).sse, starts);
    chosen = parameters(found.point);
  }
  const run = runHoltWinters(x, model, start, chosen);
  return { ...run, model, parameters: chosen, start, residuals: run.fitted.map((f, i) => x[start.firstPredicted + i]! - f) };
}
