import { isInside, type Candidate } from './candidate.js';

/**
 * Orders slices by their part of the change, in the change's direction first (impact, not how far
 * a slice itself moved), then makes each as specific as the data supports: a slice is replaced by
 * the narrowest slice inside it that carries at least `concentration` of its part ("EMEA" becomes
 * "EMEA × Enterprise" when Enterprise holds almost all of EMEA's fall; an evenly spread fall stays "EMEA").
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
    const narrowest = narrowestCarrier(candidate, candidates, ripple, concentration);
    if (!ranked.has(narrowest.key)) ranked.set(narrowest.key, narrowest);
  }
  return [...ranked.values()];
}

function narrowestCarrier(outer: Candidate, candidates: readonly Candidate[], ripple: ReadonlyMap<string, number>, concentration: number): Candidate {
  let best = outer;
  for (const inner of candidates) {
    if (!isInside(inner, outer)) continue;
    if (Math.sign(inner.contribution) !== Math.sign(outer.contribution)) continue;
    if (Math.abs(inner.contribution) < concentration * Math.abs(outer.contribution)) continue;
    const deeper = inner.constraints.length - best.constraints.length;
    if (deeper > 0 || (deeper === 0 && (ripple.get(inner.key) ?? 0) > (ripple.get(best.key) ?? 0))) best = inner;
  }
  return best;
}
