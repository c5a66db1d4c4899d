import type { LeafTable } from './leaf-table.js';
import { groupBy, sumOver } from './score-dimensions.js';

/**
 * The dimensions along which a ratio shows Simpson's paradox: every value's own rate moved against
 * the total (all rose while the total fell, or the reverse), so the total's move is volume shifting
 * between values (mix), not any value getting worse.
 */
export function findParadox(table: LeafTable): string[] {
  if (!table.fractions || table.change === 0) return [];
  const { baseline, current } = table.fractions;
  return table.dimensions.filter((_, d) => {
    const moves = [...groupBy(table, d).values()].flatMap((members) => {
      const rate = (rows: typeof baseline) => {
        const denominator = sumOver(rows.map((r) => r.denominator), members);
        return denominator > 0 ? sumOver(rows.map((r) => r.numerator), members) / denominator : null;
      };
      const [r0, r1] = [rate(baseline), rate(current)];
      return r0 === null || r1 === null ? [] : [r1 - r0];
    });
    return moves.length >= 2 && moves.every((move) => Math.sign(move) === -Math.sign(table.change));
  });
}
