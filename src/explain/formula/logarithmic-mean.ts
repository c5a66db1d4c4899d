/**
 * The logarithmic mean L(a, b) = (a − b) / ln(a / b) of two numbers of one sign, L(a, a) = a.
 * `logRatio` may be passed when ln(a / b) is known as a sum of logs, so that weights built on it
 * add up exactly.
 */
export function logarithmicMean(a: number, b: number, logRatio = Math.log1p((a - b) / b)): number {
  if (a === b || logRatio === 0) return b;
  return (a - b) / logRatio;
}
