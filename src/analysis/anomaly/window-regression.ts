/**
 * Least squares over a window [a, b) of y on a level, a slope in x = i − t, and one more term at t:
 * a step ([i ≥ t], a level shift) or a hinge ((i − t)₊, a trend change). Running sums make each
 * window O(1), so every position of a series can be tried.
 */
export interface WindowSums {
  y: Float64Array;
  iy: Float64Array;
  yy: Float64Array;
  mean: number;
}

export interface WindowFit {
  /** Coefficient of the step or hinge term. */
  coefficient: number;
  /** Its variance divided by σ²: ((XᵀX)⁻¹)₃₃. */
  varianceFactor: number;
  /** The slope before t. */
  slope: number;
  /** The level (fit without the step or hinge) at t. */
  levelAtT: number;
  /** The residual sum of squares. */
  rss: number;
}

/** Running sums of y, i·y and y² (y centred on its mean, to keep rounding small). */
export function windowSums(y: ArrayLike<number>): WindowSums {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]! / n;
  const s = { y: new Float64Array(n + 1), iy: new Float64Array(n + 1), yy: new Float64Array(n + 1), mean };
  for (let i = 0; i < n; i++) {
    const v = y[i]! - mean;
    s.y[i + 1] = s.y[i]! + v;
    s.iy[i + 1] = s.iy[i]! + i * v;
    s.yy[i + 1] = s.yy[i]! + v * v;
  }
  return s;
}

export function fitWindow(s: WindowSums, a: number, t: number, b: number, term: 'step' | 'hinge'): WindowFit | undefined {
  const n = b - a;
  const m = b - t;
  const sumY = s.y[b]! - s.y[a]!;
  const sumIY = s.iy[b]! - s.iy[a]!;
  const rightY = s.y[b]! - s.y[t]!;
  const rightIY = s.iy[b]! - s.iy[t]!;
  // x = i − t runs from a − t ≤ 0 to b − t − 1 ≥ 0.
  const lo = a - t;
  const hi = b - t - 1;
  const sx = (n * (lo + hi)) / 2;
  const sxx = sumSquares(hi) + sumSquares(-lo);
  const sxy = sumIY - t * sumY;
  const k1 = (m * (m - 1)) / 2;
  const k2 = ((m - 1) * m * (2 * m - 1)) / 6;
  const [sz, szz, sxz, szy] = term === 'step' ? [m, m, k1, rightY] : [k1, k2, k2, rightIY - t * rightY];
  const inverse = invertSymmetric3(n, sx, sz, sxx, sxz, szz);
  if (!inverse) return undefined;
  const [i11, i12, i13, i22, i23, i33] = inverse as [number, number, number, number, number, number];
  const level = i11 * sumY + i12 * sxy + i13 * szy;
  const slope = i12 * sumY + i22 * sxy + i23 * szy;
  const coefficient = i13 * sumY + i23 * sxy + i33 * szy;
  return {
    coefficient,
    varianceFactor: i33,
    slope,
    levelAtT: level + s.mean,
    rss: Math.max(0, s.yy[b]! - s.yy[a]! - (level * sumY + slope * sxy + coefficient * szy)),
  };
}

/** Σ x² for x = 0 … k. */
function sumSquares(k: number): number {
  return (k * (k + 1) * (2 * k + 1)) / 6;
}

/** The inverse of [[a, b, c], [b, d, e], [c, e, f]] as its six distinct entries, or undefined if singular. */
function invertSymmetric3(a: number, b: number, c: number, d: number, e: number, f: number): number[] | undefined {
  const A = d * f - e * e;
  const B = c * e - b * f;
  const C = b * e - c * d;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 1e-12 * Math.abs(a * d * f))) return undefined;
  return [A / det, B / det, C / det, (a * f - c * c) / det, (b * c - a * e) / det, (a * d - b * b) / det];
}
