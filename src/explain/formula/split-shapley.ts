import { unavailable, type Unavailable } from '../../analysis/index.js';
import type { FormulaPart, PeriodPair } from './formula-split.js';

/** Exact Shapley values enumerate 2ⁿ coalitions: 4,096 formula evaluations at 12 children. */
export const maxShapleyChildren = 12;

/**
 * Shapley-value split of f(current) − f(baseline) over the children: each child's part is its
 * average marginal effect of moving from baseline to current, over every order of moving them.
 * Exact (every coalition is evaluated), so the parts add up to the change by construction.
 */
export function splitShapley(
  players: readonly string[],
  values: ReadonlyMap<string, PeriodPair>,
  evaluate: (valueOf: (metric: string) => number | null) => number | null,
): FormulaPart[] | Unavailable {
  const n = players.length;
  if (n > maxShapleyChildren) return unavailable(`Shapley attribution is exact for up to ${maxShapleyChildren} children; this formula has ${n}`);
  const index = new Map(players.map((metric, i) => [metric, i]));
  const worth = new Float64Array(1 << n);
  for (let coalition = 0; coalition < 1 << n; coalition++) {
    const value = evaluate((metric) => {
      const i = index.get(metric);
      const pair = values.get(metric);
      if (i === undefined || !pair) return null;
      return coalition & (1 << i) ? pair.current : pair.baseline;
    });
    if (value === null) return unavailable(`the formula has no value when ${describeCoalition(players, coalition)} (a division by zero on the way)`);
    worth[coalition] = value;
  }
  const weight = coalitionWeights(n);
  return players.map((metric, i) => {
    const bit = 1 << i;
    let contribution = 0;
    for (let coalition = 0; coalition < 1 << n; coalition++) {
      if (coalition & bit) continue;
      contribution += weight[popCount(coalition)]! * (worth[coalition | bit]! - worth[coalition]!);
    }
    return { metric, contribution };
  });
}

/** s!(n−s−1)!/n!: the share of orderings in which a given child joins after exactly s others. */
function coalitionWeights(n: number): number[] {
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  return Array.from({ length: n }, (_, s) => (factorial[s]! * factorial[n - s - 1]!) / factorial[n]!);
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

function describeCoalition(players: readonly string[], coalition: number): string {
  const moved = players.filter((_, i) => coalition & (1 << i));
  if (moved.length === 0) return 'every child is at its baseline';
  if (moved.length === players.length) return 'every child is at its current value';
  return `only ${moved.join(', ')} ${moved.length === 1 ? 'is' : 'are'} at the current value`;
}
