import { isInside, type Candidate } from './candidate.js';

/**
 * Orders slices by their part of the change, in the change's direction first (impact, not how far
 * a slice itself moved), then makes each as specific as the data supports: a slice is replaced by
 * the slice inside it that carries at least `concentration` of its part and best fits the leaves
 * (highest ripple score, when higher than its own): "EMEA" becomes "EMEA × Enterprise" when the
 * fall sits in Enterprise; a fall spread evenly over EMEA stays "EMEA".
 */
export function rankCauses(candidates: readonly Candidate[], change: number, ripple: ReadonlyMap<string, number>, concentration: number): Candidate[] {
  const direction = Math.sign(change) || 1;
  const byImpact = [...candidates].sort(
    (a, b) =>
      b.contribution * direction - a.contribution * direction ||
      a.constraints.length - b.constraints.length ||
      (ripple.get(b.key) ?? 0) - (ripple.get(a.key) ?? 0),
  );
  const ranked = new Map<string, Candidate>();
  for (const candidate of byImpact) {
    const carrier = bestCarrier(candidate, candidates, ripple, concentration);
    if (!ranked.has(carrier.key)) ranked.set(carrier.key, carrier);
  }
  return [...ranked.values()];
}

function bestCarrier(outer: Candidate, candidates: readonly Candidate[], ripple: ReadonlyMap<string, number>, concentration: number): Candidate {
  let best = outer;
  for (const inner of candidates) {
    if (!isInside(inner, outer)) continue;
    if (Math.sign(inner.contribution) !== Math.sign(outer.contribution)) continue;
    if (Math.abs(inner.contribution) < concentration * Math.abs(outer.contribution)) continue;
    if ((ripple.get(inner.key) ?? 0) > (ripple.get(best.key) ?? 0)) best = inner;
  }
  return best;
}
