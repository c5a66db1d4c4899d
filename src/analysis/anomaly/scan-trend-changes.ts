import { normalTwoSidedP } from '../distributions.js';
import { fitWindow, windowSums } from './window-regression.js';

export interface TrendChange {
  /** The hinge: the first period on the new slope. */
  index: number;
  slopeBefore: number;
  slopeAfter: number;
  z: number;
  pValue: number;
}

export interface TrendChangeScan {
  changes: TrendChange[];
  /** The smallest p-value over every position tried (1 when none could be). */
  minPValue: number;
}

/**
 * Trend changes in a deseasonalised series y cleaned of spikes and level shifts: at each position
 * t, least squares over the `window` periods before and after (after t, as few as half a window)
 * of a line with a hinge at t (a continuous change of slope). A change counts when the hinge's
 * z = c / (σ·√((XᵀX)⁻¹)) is significant at alpha with Bonferroni over the positions tried. The
 * strongest change is taken out of y and the scan repeated (at most 3 changes, a window apart);
 * each is reported once, at its largest |z|.
 */
export function scanTrendChanges(series: Float64Array, sigma: number, options: { window: number; alpha: number; max?: number }): TrendChangeScan {
  const n = series.length;
  const w = options.window;
  const first = Math.ceil(w / 2);
  const last = n - Math.max(4, Math.ceil(w / 2));
  if (last < first || !(sigma > 0)) return { changes: [], minPValue: 1 };
  const positions = last - first + 1;
  const y = Float64Array.from(series);
  const changes: TrendChange[] = [];
  let minPValue = 1;
  for (let round = 0; round < (options.max ?? 3); round++) {
    const sums = windowSums(y);
    let best: TrendChange | undefined;
    for (let t = first; t <= last; t++) {
      if (changes.some((c) => Math.abs(c.index - t) < w)) continue;
      const fit = fitWindow(sums, Math.max(0, t - w), t, Math.min(n, t + w), 'hinge');
      if (!fit) continue;
      const z = fit.coefficient / (sigma * Math.sqrt(fit.varianceFactor));
      const pValue = Math.min(1, positions * normalTwoSidedP(z));
      if (round === 0) minPValue = Math.min(minPValue, pValue);
      if (pValue <= options.alpha && (!best || Math.abs(z) > Math.abs(best.z))) best = { index: t, slopeBefore: fit.slope, slopeAfter: fit.slope + fit.coefficient, z, pValue };
    }
    if (!best) break;
    changes.push(best);
    for (let i = best.index; i < n; i++) y[i] = y[i]! - (best.slopeAfter - best.slopeBefore) * (i - best.index);
  }
  return { changes: changes.sort((a, b) => a.index - b.index), minPValue };
}
