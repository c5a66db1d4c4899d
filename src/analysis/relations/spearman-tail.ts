import { normalTwoSidedP } from '../distributions.js';

/**
 * AS 89 (Best & Roberts 1975), as R's prho: P[S ≥ s] (or P[S < s] with lowerTail) for Spearman's
 * S = Σ d² under independence, by enumerating permutations up to n = 9, else an Edgeworth series.
 */
export function spearmanTail(s: number, n: number, lowerTail: boolean): number {
  const initial = lowerTail ? 0 : 1;
  if (n <= 1 || s <= 0) return initial;
  const maximum = (n * (n * n - 1)) / 3;
  if (s > maximum) return 1 - initial;
  if (n <= 9) return exactTail(s, n, lowerTail);
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(1 / b - 1);
  let y = x * x;
  const u =
    x * b * (0.2274 + b * (0.2531 + 0.1745 * b) + y * (-0.0758 + b * (0.1033 + 0.3932 * b) - y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
  y = u / Math.exp(y / 2);
  const beyond = normalTwoSidedP(x) / 2;
  const p = lowerTail ? (x <= 0 ? beyond : 1 - beyond) - y : (x >= 0 ? beyond : 1 - beyond) + y;
  return Math.min(1, Math.max(0, p));
}

function exactTail(s: number, n: number, lowerTail: boolean): number {
  const permutation = Array.from({ length: n }, (_, i) => i + 1);
  let total = 0;
  let atLeast = 0;
  const visit = (k: number, sum: number): void => {
    if (k === n) {
      total++;
      if (sum >= s) atLeast++;
      return;
    }
    for (let i = k; i < n; i++) {
      [permutation[k], permutation[i]] = [permutation[i]!, permutation[k]!];
      const d = k + 1 - permutation[k]!;
      visit(k + 1, sum + d * d);
      [permutation[k], permutation[i]] = [permutation[i]!, permutation[k]!];
    }
  };
  visit(0, 0);
  return (lowerTail ? total - atLeast : atLeast) / total;
}
