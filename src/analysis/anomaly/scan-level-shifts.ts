import { normalTwoSidedP } from '../distributions.js';
import { fitWindow, windowSums, type WindowSums } from './window-regression.js';

export interface LevelShift {
  /** The first period at the new level. */
  index: number;
  /** New level minus old level. */
  shift: number;
  z: number;
  pValue: number;
}

export interface LevelShiftScan {
  shifts: LevelShift[];
  /** The smallest p-value over every position tried (1 when none could be). */
  minPValue: number;
}

/**
 * Level shifts in a deseasonalised series y cleaned of spikes: at each position t, least squares
 * over the `window` periods before and after (after t, as few as a quarter of a window, at least
 * 4, at the end of the series) of a level, a slope and a step at t. A shift counts when the step's
 * z = δ / (σ·√((XᵀX)⁻¹)) is significant at alpha with Bonferroni over the positions tried, and
 * when it persists: three quarters of the nearest window/2 periods on each side lie on their side
 * of the midpoint between the levels, and a change of slope at t (a ramp) does not fit the window
 * better than the step. The strongest shift is taken out of y and the scan repeated
 * (at most 5 shifts, half a window apart), so one shift does not make a phantom one beside it; each
 * is reported once, at its largest |z|.
 */
export function scanLevelShifts(series: Float64Array, sigma: number, options: { window: number; alpha: number; max?: number }): LevelShiftScan {
  const n = series.length;
  const w = options.window;
  const first = Math.ceil(w / 2);
  const last = n - Math.max(4, Math.ceil(w / 4));
  if (last < first || !(sigma > 0)) return { shifts: [], minPValue: 1 };
  const positions = last - first + 1;
  const y = Float64Array.from(series);
  const shifts: LevelShift[] = [];
  let minPValue = 1;
  for (let round = 0; round < (options.max ?? 5); round++) {
    const sums = windowSums(y);
    let best: (LevelShift & { level: number; slope: number }) | undefined;
    for (let t = first; t <= last; t++) {
      if (shifts.some((s) => Math.abs(s.index - t) < first)) continue;
      const fit = fitWindow(sums, Math.max(0, t - w), t, Math.min(n, t + w), 'step');
      if (!fit) continue;
      const z = fit.coefficient / (sigma * Math.sqrt(fit.varianceFactor));
      const pValue = Math.min(1, positions * normalTwoSidedP(z));
      if (round === 0) minPValue = Math.min(minPValue, pValue);
      if (pValue <= options.alpha && (!best || Math.abs(z) > Math.abs(best.z)) && persists(y, t, first, fit.levelAtT, fit.slope, fit.coefficient) && !bends(sums, t, w, n, fit.rss)) {
        best = { index: t, shift: fit.coefficient, z, pValue, level: fit.levelAtT, slope: fit.slope };
      }
    }
    if (!best) break;
    shifts.push({ index: best.index, shift: best.shift, z: best.z, pValue: best.pValue });
    for (let i = best.index; i < n; i++) y[i] = y[i]! - best.shift;
  }
  return { shifts: shifts.sort((a, b) => a.index - b.index), minPValue };
}

/** Whether a change of slope at t fits the window better than the step does (a ramp, not a shift). */
function bends(sums: WindowSums, t: number, w: number, n: number, stepRss: number): boolean {
  const hinge = fitWindow(sums, Math.max(0, t - w), t, Math.min(n, t + w), 'hinge');
  return hinge !== undefined && hinge.rss < stepRss;
}

/** Whether three quarters of the `reach` periods either side of t lie on their side of the midpoint. */
function persists(y: Float64Array, t: number, reach: number, level: number, slope: number, shift: number): boolean {
  const sign = Math.sign(shift);
  let before = 0;
  let beforeCount = 0;
  let after = 0;
  let afterCount = 0;
  for (let i = Math.max(0, t - reach); i < Math.min(y.length, t + reach); i++) {
    const offset = sign * (y[i]! - (level + slope * (i - t) + shift / 2));
    if (i < t) {
      beforeCount++;
      if (offset < 0) before++;
    } else {
      afterCount++;
      if (offset > 0) after++;
    }
  }
  return sign !== 0 && before >= 0.75 * beforeCount && after >= 0.75 * afterCount;
}
