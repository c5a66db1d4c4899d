/**
 * The seed's forecast accuracy, 1 − |forecast − actual| / actual (1 is perfect; it goes below 0
 * when the miss is larger than the actual). Undefined (null) when the actual is 0 or negative.
 */
export function forecastAccuracy(forecast: number, actual: number): number | null {
  if (!(actual > 0) || !Number.isFinite(forecast)) return null;
  return 1 - Math.abs(forecast - actual) / actual;
}

/** Mean absolute one-step change of a naive (seasonal-naive for period > 1) forecast: MASE's scale. */
export function naiveScale(values: readonly number[], period = 1): number | null {
  let sum = 0;
  let count = 0;
  for (let t = period; t < values.length; t++) {
    sum += Math.abs(values[t]! - values[t - period]!);
    count++;
  }
  return count > 0 && sum > 0 ? sum / count : null;
}
