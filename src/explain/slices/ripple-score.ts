import type { Candidate } from './candidate.js';
import type { LeafTable } from './leaf-table.js';

/**
 * How well "only this slice changed, and every leaf inside it by the same proportion" (the ripple
 * effect of HotSpot and Squeeze) reproduces the leaves: the potential score
 * max(0, 1 − ‖v − a‖ / ‖v − f‖), with v the actual leaves, f the expected ones, and a = f scaled
 * inside the slice to its actual total. 1: the slice alone explains every leaf; 0: no better than nothing.
 */
export function rippleScorer(table: LeafTable): (candidate: Candidate) => number {
  const squared = table.actual.map((v, i) => (v - table.expected[i]!) ** 2);
  const total = squared.reduce((s, d) => s + d, 0);
  return (candidate) => {
    if (total === 0) return 0;
    const expected = candidate.members.reduce((s, i) => s + table.expected[i]!, 0);
    const actual = candidate.members.reduce((s, i) => s + table.actual[i]!, 0);
    let inside = 0;
    let outside = total;
    for (const i of candidate.members) {
      // A slice with nothing expected cannot scale: spread its actual total evenly.
      const predicted = expected !== 0 ? table.expected[i]! * (actual / expected) : actual / candidate.members.length;
      inside += (table.actual[i]! - predicted) ** 2;
      outside -= squared[i]!;
    }
    return Math.max(0, 1 - Math.sqrt(Math.max(0, outside) + inside) / Math.sqrt(total));
  };
}
