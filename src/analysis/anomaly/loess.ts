/**
 * The loess smoother of STL (Cleveland et al. 1990): local fits of degree 0 or 1 with tricube
 * weights, optionally times robustness weights, evaluated every `jump` positions and linearly
 * interpolated between. Positions are 1-based as in the paper (x = 1 … n), so that results agree
 * with R's stl() to rounding; arrays are 0-based.
 */

/**
 * The local fit at position xs from the points nleft … nright (1-based, inclusive) of y; undefined
 * when every weight is zero. Computed in one pass over weighted sums (the same fit as R's stlest,
 * which normalises the weights first, to rounding).
 */
export function loessEstimate(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  robustness: Float64Array | undefined,
): number | undefined {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (span > n) h += Math.floor((span - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  // One pass: the weighted sums of 1, d, d², y and d·y, with d = j − xs.
  let sw = 0;
  let swd = 0;
  let swdd = 0;
  let swy = 0;
  let swdy = 0;
  for (let j = nleft; j <= nright; j++) {
    const d = j - xs;
    const r = Math.abs(d);
    if (r > h9) continue;
    let weight = 1;
    if (r > h1) {
      const q = r / h;
      const c = 1 - q * q * q;
      weight = c * c * c;
    }
    if (robustness) weight *= robustness[j - 1]!;
    const v = y[j - 1]!;
    sw += weight;
    swd += weight * d;
    swdd += weight * d * d;
    swy += weight * v;
    swdy += weight * d * v;
  }
  if (sw <= 0) return undefined;
  const mean = swy / sw;
  if (!(h > 0 && degree > 0)) return mean;
  // Local linear: the weighted least-squares line at xs (d = 0), as STL's normalised-weight form.
  const centre = swd / sw;
  const spread = swdd / sw - centre * centre;
  if (!(Math.sqrt(Math.max(0, spread)) > 0.001 * range)) return mean;
  return mean - (centre * (swdy / sw - centre * mean)) / spread;
}

/**
 * Smooths y (length n) with a loess of the given span and degree into out[offset … offset+n-1],
 * fitting every `jump`-th position and interpolating linearly between them.
 */
export function loessSmooth(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  jump: number,
  robustness: Float64Array | undefined,
  out: Float64Array,
  offset: number,
): void {
  if (n < 2) {
    out[offset] = y[0]!;
    return;
  }
  const step = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (span >= n) {
    for (let i = 1; i <= n; i += step) out[offset + i - 1] = loessEstimate(y, n, span, degree, i, nleft, nright, robustness) ?? y[i - 1]!;
  } else if (step === 1) {
    const half = Math.floor((span + 1) / 2);
    nright = span;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      out[offset + i - 1] = loessEstimate(y, n, span, degree, i, nleft, nright, robustness) ?? y[i - 1]!;
    }
  } else {
    const half = Math.floor((span + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        nleft = 1;
        nright = span;
      } else if (i >= n - half + 1) {
        nleft = n - span + 1;
        nright = n;
      } else {
        nleft = i - half + 1;
        nright = span + i - half;
      }
      out[offset + i - 1] = loessEstimate(y, n, span, degree, i, nleft, nright, robustness) ?? y[i - 1]!;
    }
  }
  if (step === 1) return;
  for (let i = 1; i <= n - step; i += step) {
    const delta = (out[offset + i + step - 1]! - out[offset + i - 1]!) / step;
    for (let j = i + 1; j <= i + step - 1; j++) out[offset + j - 1] = out[offset + i - 1]! + delta * (j - i);
  }
  const last = Math.floor((n - 1) / step) * step + 1;
  if (last === n) return;
  out[offset + n - 1] = loessEstimate(y, n, span, degree, n, nleft, nright, robustness) ?? y[n - 1]!;
  if (last === n - 1) return;
  const delta = (out[offset + n - 1]! - out[offset + last - 1]!) / (n - last);
  for (let j = last + 1; j <= n - 1; j++) out[offset + j - 1] = out[offset + last - 1]! + delta * (j - last);
}
