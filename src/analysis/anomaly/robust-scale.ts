/** Median, MAD-based scale and robust z-scores: the yardsticks that outliers cannot stretch. */

/** R's mad() constant: 1.4826·MAD estimates the standard deviation of normal data. */
export const madToSd = 1.4826;

export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/** 1.4826·median|x − median(x)| (R's mad()); 0 when more than half the values are equal. */
export function robustSd(values: ArrayLike<number>, centre = median(values)): number {
  const deviations = Float64Array.from(values, (v) => Math.abs(v - centre));
  return madToSd * median(deviations);
}

/**
 * A robust scale that is positive whenever the values are not all equal: the MAD scale, or, when
 * more than half the values are equal (MAD = 0), the mean absolute deviation from the median
 * times √(π/2) (also a standard deviation under normality).
 */
export function robustScale(values: ArrayLike<number>, centre = median(values)): number {
  const sd = robustSd(values, centre);
  if (sd > 0) return sd;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]! - centre);
  return values.length > 0 ? (Math.sqrt(Math.PI / 2) * sum) / values.length : 0;
}

/** (x − median) / robustScale for each value; all zeros when the values do not vary. */
export function robustZScores(values: ArrayLike<number>): Float64Array {
  const centre = median(values);
  const scale = robustScale(values, centre);
  return Float64Array.from(values, (v) => (scale > 0 ? (v - centre) / scale : 0));
}
