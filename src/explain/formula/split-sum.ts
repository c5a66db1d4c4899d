import type { FormulaPart } from './formula-split.js';
import type { PeriodPair } from './formula-split.js';

/** constant + Σ cᵢ xᵢ changes by Σ cᵢ Δxᵢ: each child's part is its coefficient times its change. */
export function splitSum(coefficients: ReadonlyMap<string, number>, values: ReadonlyMap<string, PeriodPair>): FormulaPart[] {
  return [...coefficients].map(([metric, c]) => {
    const pair = values.get(metric)!;
    return { metric, contribution: c === 0 ? 0 : c * (pair.current - pair.baseline) };
  });
}
