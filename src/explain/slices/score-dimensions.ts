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
    const groups = [...groupBy(table, d)];
    const surprise = surprises(table, groups.map(([, members]) => members));
    const elements = groups.map(([value, members], i) => ({ value, explanatoryPower: sumOver(table.contribution, members) / table.change, surprise: surprise[i]! }));
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

/** Per value of a dimension, its surprise: for a ratio, the numerator's term plus the denominator's. */
function surprises(table: LeafTable, groups: readonly number[][]): number[] {
  const measures: [readonly number[], readonly number[]][] = table.fractions
    ? [
        [table.fractions.baseline.map((f) => f.numerator), table.fractions.current.map((f) => f.numerator)],
        [table.fractions.baseline.map((f) => f.denominator), table.fractions.current.map((f) => f.denominator)],
      ]
    : [[table.expected, table.actual]];
  const totals = measures.map(([baseline, current]) => [total(baseline), total(current)] as const);
  const share = (values: readonly number[], members: readonly number[], whole: number) => (whole > 0 ? sumOver(values, members) / whole : 0);
  return groups.map((members) =>
    measures.reduce((sum, [baseline, current], m) => sum + jensenShannonTerm(share(baseline, members, totals[m]![0]), share(current, members, totals[m]![1])), 0),
  );
}

function total(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
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
