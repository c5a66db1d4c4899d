import { tTwoSidedP } from '../distributions.js';
import { correlate, type CorrelationTest } from './pearson-test.js';
import { hasTies, rankValues } from './rank-values.js';
import { spearmanTail } from './spearman-tail.js';
import type { Unavailable } from './result.js';

/**
 * Spearman's rho with the p-value R's cor.test(x, y, method = "spearman") gives: the exact null
 * distribution of S (AS 89: enumeration up to n = 9, Edgeworth series to n = 1290) when there are
 * no ties, else the t approximation (as R does with ties, or with exact = FALSE).
 */
export function testSpearman(x: readonly number[], y: readonly number[], options: { exact?: boolean } = {}): CorrelationTest | Unavailable {
  const r = correlate(rankValues(x), rankValues(y));
  if (typeof r !== 'number') return r;
  const n = x.length;
  const exact = (options.exact ?? true) && n <= 1290 && !hasTies(x) && !hasTies(y);
  let p: number;
  if (exact) {
    const q = ((n ** 3 - n) * (1 - r)) / 6;
    const upper = q > (n ** 3 - n) / 6;
    p = Math.min(1, 2 * spearmanTail(Math.round(q) + (upper ? 0 : 2), n, !upper));
  } else {
    p = Math.abs(r) >= 1 ? 0 : tTwoSidedP(r / Math.sqrt((1 - r * r) / (n - 2)), n - 2);
  }
  return { ok: true, method: 'spearman', r, p, n, lower: null, upper: null };
}
