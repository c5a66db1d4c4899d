import type { FormulaPart, PeriodPair } from './formula-split.js';
import { logarithmicMean } from './logarithmic-mean.js';

/**
 * Log-mean Divisia (LMDI-I) split of V = k Π xᵢ^pᵢ: part i = L(V₁, V₀) · pᵢ · ln(xᵢ₁ / xᵢ₀).
 * The parts add up to V₁ − V₀ because Σ pᵢ ln(xᵢ₁/xᵢ₀) = ln(V₁/V₀); that same sum is used inside
 * L, so the identity also holds in floating point. Defined only when every factor keeps a
 * non-zero value of one sign (see `lmdiObstacle`).
 */
export function splitLmdi(exponents: ReadonlyMap<string, number>, values: ReadonlyMap<string, PeriodPair>, baseline: number, current: number): FormulaPart[] {
  const logs = [...exponents].map(([metric, p]) => {
    const pair = values.get(metric)!;
    return { metric, weightedLog: p === 0 ? 0 : p * Math.log1p((pair.current - pair.baseline) / pair.baseline) };
  });
  const logRatio = logs.reduce((sum, l) => sum + l.weightedLog, 0);
  const mean = logarithmicMean(current, baseline, logRatio);
  return logs.map(({ metric, weightedLog }) => ({ metric, contribution: mean * weightedLog }));
}

/** Why LMDI is undefined for these values (a zero or a sign change), or null when it is defined. */
export function lmdiObstacle(exponents: ReadonlyMap<string, number>, values: ReadonlyMap<string, PeriodPair>): string | null {
  for (const [metric, p] of exponents) {
    if (p === 0) continue;
    const { baseline, current } = values.get(metric)!;
    if (baseline === 0 || current === 0) return `${metric} is 0 in the ${baseline === 0 ? 'baseline' : 'current period'}`;
    if (Math.sign(baseline) !== Math.sign(current)) return `${metric} changes sign`;
  }
  return null;
}
