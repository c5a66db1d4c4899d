import type { LeafTable } from './leaf-table.js';

export interface ElementScore {
  value: string;
  /** Its part of the node's change over the change (Adtributor's explanatory power). */
  explanatoryPower: number;
  /** Jensen–Shannon divergence term between its baseline and current share (bits; for a ratio, numerator plus denominator). */
  surprise: number;
}

export interface DimensionScore {
  dimension: string;
  /** The explanatory set: the most surprising values that together explain most of the change. */
  elements: ElementScore[];
  explanatoryPower: number;
  surprise: number;
}

/**
 * Adtributor (Bhagwan et al., NSDI 2014), one dimension at a time: values are taken in order of
 * surprise, each explaining at least `elementPower` of the change, until together they explain
 * `explanatoryPower`; dimensions with such a set are ranked by its surprise. A set of every value
 * of a dimension says "everywhere" and is left out.
 */
export function scoreDimensions(table: LeafTable, thresholds: { explanatoryPower: number; elementPower: number }): DimensionScore[] {
  const scores: DimensionScore[] = [];
  table.dimensions.forEach((dimension, d) => {
    const elements = [...groupBy(table, d)].map(([value, members]) => ({ value, explanatoryPower: sumOver(table.contribution, members) / table.change, surprise: surpriseOf(table, members) }));
    const chosen: ElementScore[] = [];
    let power = 0;
    for (const element of [...elements].sort((a, b) => b.surprise - a.surprise)) {
      if (element.explanatoryPower < thresholds.elementPower) continue;
      chosen.push(element);
      power += element.explanatoryPower;
      if (power >= thresholds.explanatoryPower) break;
    }
    if (power < thresholds.explanatoryPower || chosen.length === elements.length) return;
    scores.push({ dimension, elements: chosen, explanatoryPower: power, surprise: chosen.reduce((s, e) => s + e.surprise, 0) });
  });
  return scores.sort((a, b) => b.surprise - a.surprise);
}

/** ½ [p log₂(2p/(p+q)) + q log₂(2q/(p+q))]: one value's term of the Jensen–Shannon divergence. */
export function jensenShannonTerm(p: number, q: number): number {
  const m = (p + q) / 2;
  const term = (x: number) => (x > 0 ? x * Math.log2(x / m) : 0);
  return 0.5 * (term(p) + term(q));
}

function surpriseOf(table: LeafTable, members: number[]): number {
  const term = (baseline: readonly number[], current: readonly number[]) => {
    const shareOf = (values: readonly number[]) => {
      const total = values.reduce((s, v) => s + v, 0);
      return total > 0 ? sumOver(values, members) / total : 0;
    };
    return jensenShannonTerm(shareOf(baseline), shareOf(current));
  };
  if (!table.fractions) return term(table.expected, table.actual);
  const { baseline, current } = table.fractions;
  return term(baseline.map((f) => f.numerator), current.map((f) => f.numerator)) + term(baseline.map((f) => f.denominator), current.map((f) => f.denominator));
}

export function groupBy(table: LeafTable, dimension: number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  table.values.forEach((values, leaf) => {
    const value = values[dimension]!;
    const group = groups.get(value);
    if (group) group.push(leaf);
    else groups.set(value, [leaf]);
  });
  return groups;
}

export function sumOver(values: readonly number[], members: readonly number[]): number {
  return members.reduce((s, i) => s + values[i]!, 0);
}
