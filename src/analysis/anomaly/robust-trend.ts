import { bisquareWeights } from './bisquare-weights.js';
import { loessSmooth } from './loess.js';

/**
 * A robust trend without a season: STL's trend smoother alone (local-linear loess, tricube
 * weights) with the same 15 bisquare robustness iterations, for histories too short for STL or
 * without a season. Returns the trend and the final robustness weights.
 */
export function fitRobustTrend(x: Float64Array, span: number, iterations = 15): { trend: Float64Array; weights: Float64Array } {
  const n = x.length;
  const odd = Math.max(3, span % 2 === 0 ? span + 1 : span);
  const jump = Math.ceil(odd / 10);
  const trend = new Float64Array(n);
  let weights: Float64Array | undefined;
  for (let k = 0; ; k++) {
    loessSmooth(x, n, odd, 1, jump, weights, trend, 0);
    if (k >= iterations) break;
    weights = bisquareWeights(x, trend, weights ?? new Float64Array(n));
  }
  return { trend, weights: weights ?? new Float64Array(n).fill(1) };
}
