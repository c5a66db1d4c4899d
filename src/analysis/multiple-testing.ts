/**
 * Adjusted p-values for many tests at once, in the input order (as R's p.adjust). Benjamini–
 * Hochberg controls the false discovery rate across the hundreds of series or pairs of a tree;
 * Holm and Bonferroni control the family-wise error (e.g. over the lags tried for one pair).
 */
export type Adjustment = 'bh' | 'holm' | 'bonferroni';

export function adjustPValues(pValues: readonly number[], method: Adjustment): number[] {
  const n = pValues.length;
  if (n === 0) return [];
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(n);
  if (method === 'bonferroni') return pValues.map((p) => Math.min(1, p * n));
  if (method === 'holm') {
    let running = 0;
    order.forEach(([p, i], rank) => {
      running = Math.max(running, Math.min(1, (n - rank) * p));
      adjusted[i] = running;
    });
    return adjusted;
  }
  let running = 1;
  for (let rank = n - 1; rank >= 0; rank--) {
    const [p, i] = order[rank]!;
    running = Math.min(running, (n / (rank + 1)) * p);
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}
