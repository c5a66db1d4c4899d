import type { InfluenceEdge } from './fit-influence-edges.js';
import { unavailable, type Unavailable } from './result.js';

export interface IndicatorAnomaly {
  /** The metric the anomaly is on, the period index it happened in, and its observed and expected values. */
  metric: string;
  period: number;
  observed: number;
  expected: number;
}

export interface ProjectedStep {
  metric: string;
  /** The period the change should arrive in (anomaly period + the lags so far). */
  period: number;
  /** Expected deviation from its own expectation, with an approximate interval (delta method). */
  change: number;
  lower: number;
  upper: number;
}

/**
 * Carries an anomaly on a leading indicator up a chain of influence edges (indicator → … →
 * outcome): each edge multiplies the deviation by its weight and adds its lag, so the outcome's
 * expected move and its period are known before the outcome moves. The interval treats the edge
 * weights as independent (first-order delta method) and uses a normal 95 % band by default.
 */
export function projectAnomaly(anomaly: IndicatorAnomaly, path: readonly InfluenceEdge[], options: { z?: number } = {}): { ok: true; steps: ProjectedStep[] } | Unavailable {
  if (![anomaly.observed, anomaly.expected, anomaly.period].every(Number.isFinite)) return unavailable('the anomaly has no observed or expected value');
  if (path.length === 0) return unavailable(`${anomaly.metric} has no influence edge to project along`);
  if (path[0]!.indicator !== anomaly.metric) return unavailable(`the path starts at ${path[0]!.indicator}, not at ${anomaly.metric}`);
  const z = options.z ?? 1.959963984540054;
  const steps: ProjectedStep[] = [];
  const deviation = anomaly.observed - anomaly.expected;
  let change = deviation;
  let period = anomaly.period;
  for (const [i, edge] of path.entries()) {
    if (i > 0 && edge.indicator !== path[i - 1]!.outcome) return unavailable(`the path breaks between ${path[i - 1]!.outcome} and ${edge.indicator}`);
    change *= edge.weight;
    period += edge.lag;
    // Var(Δ Π wⱼ) ≈ Δ² Σᵢ seᵢ² Πⱼ≠ᵢ wⱼ²
    const walked = path.slice(0, i + 1);
    const variance = walked.reduce((sum, e, k) => sum + e.se ** 2 * walked.reduce((prod, other, j) => (j === k ? prod : prod * other.weight ** 2), deviation ** 2), 0);
    const half = z * Math.sqrt(variance);
    steps.push({ metric: edge.outcome, period, change, lower: change - half, upper: change + half });
  }
  return { ok: true, steps };
}
