import type { InfluenceEdge } from './fit-influence-edges.js';

/** A p-value as people read it: "p < 0.001", "p = 0.023". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * One sentence of evidence for an influence edge: "pipeline created leads closed revenue by 9
 * weeks, r = 0.71, p < 0.001; +10% pipeline created ≈ +$240k closed revenue". Names, the period
 * word and the outcome's number format come from the caller (analysis does not know them).
 */
export function describeInfluence(
  edge: InfluenceEdge,
  words: { indicator: string; outcome: string; period?: string; formatOutcome?: (value: number) => string },
): string {
  const period = words.period ?? 'period';
  const format = words.formatOutcome ?? ((v: number) => v.toPrecision(3));
  const lag = edge.lag === 0 ? 'moves with' : `leads`;
  const by = edge.lag === 0 ? '' : ` by ${edge.lag} ${period}${edge.lag === 1 ? '' : 's'}`;
  const evidence = edge.correlation ? `, r = ${edge.correlation.r.toFixed(2)}, ${formatP(edge.correlation.pAdjusted)}` : edge.p !== null ? `, ${formatP(edge.p)}` : '';
  const whatIf = edge.whatIf.ok
    ? `; ${edge.whatIf.changePercent >= 0 ? '+' : ''}${edge.whatIf.changePercent}% ${words.indicator} ≈ ${edge.whatIf.outcomeChange >= 0 ? '+' : '-'}${format(Math.abs(edge.whatIf.outcomeChange))} ${words.outcome}`
    : '';
  return `${words.indicator} ${lag} ${words.outcome}${by}${evidence}${whatIf}`;
}
