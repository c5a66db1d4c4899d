import { partialSort } from './partial-sort.js';

/**
 * Tukey's bisquare robustness weights of STL: B(|y − fit| / (6·median|y − fit|)), with
 * B(u) = (1 − u²)² for u < 1 and 0 beyond; residuals within 0.1% of the cut-off count as 0 or 1,
 * as in R's stl (whose median comes from its partial sort: see partial-sort.ts). Writes into and returns `out`.
 */
export function bisquareWeights(y: ArrayLike<number>, fit: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = y.length;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = Math.abs(y[i]! - fit[i]!);
  const sorted = Float64Array.from(residuals);
  const mid = Math.floor(n / 2) + 1;
  partialSort(sorted, [mid, n - mid + 1]);
  const cmad = 3 * (sorted[mid - 1]! + sorted[n - mid]!);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = residuals[i]!;
    if (r <= c1) out[i] = 1;
    else if (r <= c9) {
      const u = r / cmad;
      const c = 1 - u * u;
      out[i] = c * c;
    } else out[i] = 0;
  }
  return out;
}
