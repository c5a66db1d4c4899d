import { median, robustScale } from './robust-scale.js';
import { fitRobustTrend } from './robust-trend.js';

/**
 * Blunts gross outliers before a robust STL, which a gross outlier can trap when the season has
 * few cycles: in STL's first, unweighted pass the outlier drags its season position so far that
 * the other cycles' values there look like outliers too, every weight at that position drops to
 * zero, and the season keeps the raw values. Here a robust trend (loess over 1.5 seasons) and one
 * median per season position (which one outlier in three cycles cannot move) give each period a
 * rough expectation; values more than 5 robust standard deviations from it are replaced by it.
 */
export function preClean(x: Float64Array, seasonLength: number): Float64Array {
  const n = x.length;
  const span = Math.min(n, 2 * Math.round(0.75 * seasonLength) + 1);
  const { trend } = fitRobustTrend(x, span, 2);
  const detrended = Float64Array.from(x, (v, i) => v - trend[i]!);
  const season = new Float64Array(seasonLength);
  for (let p = 0; p < seasonLength; p++) {
    const at: number[] = [];
    for (let i = p; i < n; i += seasonLength) at.push(detrended[i]!);
    season[p] = median(at);
  }
  const residual = Float64Array.from(detrended, (d, i) => d - season[i % seasonLength]!);
  const centre = median(residual);
  const limit = 5 * robustScale(residual, centre);
  if (!(limit > 0)) return x;
  return Float64Array.from(x, (v, i) => (Math.abs(residual[i]! - centre) > limit ? trend[i]! + season[i % seasonLength]! : v));
}
