import { unavailable, type Unavailable } from '../../analysis/index.js';
import type { PeriodPair } from '../formula/formula-split.js';
import type { Fraction, Slice, SliceRows } from './slice-rows.js';
import { splitMixRate } from './split-mix-rate.js';

/**
 * The finest slices of a node, checked, with each slice's exact part of the node's change:
 * `contribution` adds up to `change`. For a ratio, each part is its mix plus its rate effect, and
 * `expected` is the numerator the slice would have had at its baseline rate on current volume.
 */
export interface LeafTable {
  kind: SliceRows['kind'];
  dimensions: string[];
  /** Per leaf, its value of each dimension, in `dimensions` order. */
  values: string[][];
  baseline: number;
  current: number;
  change: number;
  contribution: number[];
  /** The ripple-effect vectors: actual and expected leaf values (additive: current and baseline). */
  actual: number[];
  expected: number[];
  /** Ratio only: numerators and denominators per leaf and period, and the mix / rate split. */
  fractions?: { baseline: Fraction[]; current: Fraction[]; mix: number[]; rate: number[] };
}

/** Relative tolerance for slices to add up to the node's own value. */
const coverTolerance = 1e-6;

export function buildLeafTable(rows: SliceRows, node: PeriodPair): LeafTable | Unavailable {
  if (rows.rows.length === 0) return unavailable('no slices were given');
  const dimensions = Object.keys(rows.rows[0]!.slice).sort();
  if (dimensions.length === 0) return unavailable('the slices name no dimension');
  const seen = new Set<string>();
  for (const [i, row] of rows.rows.entries()) {
    const keys = Object.keys(row.slice).sort();
    if (keys.join(',') !== dimensions.join(',')) {
      return unavailable(`mismatched slices: row ${i + 1} is sliced by ${keys.join(', ') || 'nothing'}, row 1 by ${dimensions.join(', ')}`);
    }
    const key = dimensions.map((d) => `${d}=${row.slice[d]}`).join(', ');
    if (seen.has(key)) return unavailable(`mismatched slices: ${key} is given twice`);
    seen.add(key);
  }
  const values = rows.rows.map((row) => dimensions.map((d) => row.slice[d]!));
  return rows.kind === 'additive' ? additiveTable(rows.rows, dimensions, values, node) : ratioTable(rows.rows, dimensions, values, node);
}

function additiveTable(rows: Extract<SliceRows, { kind: 'additive' }>['rows'], dimensions: string[], values: string[][], node: PeriodPair): LeafTable | Unavailable {
  if (rows.some((r) => !Number.isFinite(r.baseline) || !Number.isFinite(r.current))) return unavailable('a slice has a value that is not a number');
  const expected = rows.map((r) => r.baseline);
  const actual = rows.map((r) => r.current);
  const totals = { baseline: sum(expected), current: sum(actual) };
  const mismatch = coverProblem(totals, node);
  if (mismatch) return unavailable(mismatch);
  const contribution = rows.map((r) => r.current - r.baseline);
  return { kind: 'additive', dimensions, values, ...totals, change: totals.current - totals.baseline, contribution, actual, expected };
}

function ratioTable(rows: Extract<SliceRows, { kind: 'ratio' }>['rows'], dimensions: string[], values: string[][], node: PeriodPair): LeafTable | Unavailable {
  const baseline = rows.map((r) => r.baseline);
  const current = rows.map((r) => r.current);
  for (const [period, fractions] of [['baseline', baseline], ['current period', current]] as const) {
    if (fractions.some((f) => !Number.isFinite(f.numerator) || !Number.isFinite(f.denominator))) return unavailable(`a slice has a value that is not a number in the ${period}`);
    if (fractions.some((f) => f.denominator < 0)) return unavailable(`a slice has a negative denominator in the ${period}`);
    const orphan = fractions.findIndex((f) => f.denominator === 0 && f.numerator !== 0);
    if (orphan >= 0) return unavailable(`slice ${describeSlice(dimensions, values[orphan]!)} has a numerator but no denominator in the ${period}`);
    if (sum(fractions.map((f) => f.denominator)) === 0) return unavailable(`the slices have no denominator in the ${period}: the ratio has no value`);
  }
  const split = splitMixRate(baseline, current);
  const mismatch = coverProblem(split, node);
  if (mismatch) return unavailable(mismatch);
  const rateOf = (f: Fraction) => (f.denominator > 0 ? f.numerator / f.denominator : null);
  return {
    kind: 'ratio',
    dimensions,
    values,
    baseline: split.baseline,
    current: split.current,
    change: split.current - split.baseline,
    contribution: split.mix.map((m, i) => m + split.rate[i]!),
    actual: current.map((f) => f.numerator),
    // The numerator at the baseline rate on current volume; a slice new this period has no baseline rate, so no rate change.
    expected: current.map((f, i) => f.denominator * (rateOf(baseline[i]!) ?? rateOf(f) ?? 0)),
    fractions: { baseline, current, mix: split.mix, rate: split.rate },
  };
}

function coverProblem(totals: PeriodPair, node: PeriodPair): string | null {
  for (const period of ['baseline', 'current'] as const) {
    const gap = Math.abs(totals[period] - node[period]);
    if (gap > coverTolerance * Math.max(1, Math.abs(node[period]))) {
      return `mismatched slices: they make ${totals[period]} in the ${period === 'baseline' ? 'baseline' : 'current period'}, the metric is ${node[period]}`;
    }
  }
  return null;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

export function describeSlice(dimensions: readonly string[], values: readonly string[]): string {
  return dimensions.map((d, i) => `${d}=${values[i]}`).join(', ');
}

export function sliceOf(dimensions: readonly string[], constraints: readonly (readonly [number, string])[]): Slice {
  return Object.fromEntries(constraints.map(([d, value]) => [dimensions[d]!, value]));
}
