import type { SliceRows, Slice as ExplainSlice } from '../explain/index.js';
import type { Grain } from '../model/index.js';
import { readMetricsSeries, sliceKey, type Queryable, type Slice, type StoredSeriesRow } from '../store/index.js';
import type { SlicePart, SliceSource } from './slice-source.js';

/** How a missing dimension value (a stored null) is named in slices. */
export const noneValue = '(none)';

/** Where each side of the comparison is read: a period of a store (the baseline may come from another store). */
export interface PeriodSources {
  grain: Grain;
  baseline: { db: Queryable; period: string };
  current: { db: Queryable; period: string };
}

type Side = 'baseline' | 'current';
/** Every stored slice of the metrics asked, by metric, for each side. */
export type StoredSlices = Map<string, Record<Side, StoredSeriesRow[]>>;
type FinestRows = Map<string, { slice: ExplainSlice; baseline: number; current: number }>;

/** The slices of every metric the sources name, one read per side. */
export async function readStoredSlices(sources: readonly SliceSource[], periods: PeriodSources): Promise<StoredSlices> {
  const metrics = [...new Set(sources.flatMap((s) => (s.kind === 'additive' ? [s.metric] : s.kind === 'ratio' ? [s.numerator, s.denominator].flatMap(partMetrics) : [])))];
  const stored: StoredSlices = new Map(metrics.map((metric) => [metric, { baseline: [], current: [] }]));
  for (const side of ['baseline', 'current'] as const) {
    const { db, period } = periods[side];
    for (const row of await readMetricsSeries(db, { metrics, grain: periods.grain, from: period, to: period, slices: 'all' })) stored.get(row.metric)![side].push(row);
  }
  return stored;
}

/**
 * A metric's finest stored slices (every dimension the sync kept) in the two periods, as explain
 * wants them: a slice missing from a period, or null there, counts 0. A reason instead when the
 * metric cannot be split, or nothing is stored by slice.
 */
export function sliceRowsOf(source: SliceSource, stored: StoredSlices): SliceRows | { reason: string } {
  if (source.kind === 'none') return { reason: source.reason };
  if (source.kind === 'additive') {
    const rows = partRows({ metric: source.metric }, stored);
    return 'reason' in rows ? rows : { kind: 'additive', rows: [...rows.values()] };
  }
  const [numerator, denominator] = [partRows(source.numerator, stored), partRows(source.denominator, stored)];
  if ('reason' in numerator) return numerator;
  if ('reason' in denominator) return denominator;
  const dimensions = (rows: FinestRows) => Object.keys([...rows.values()][0]!.slice).join(', ');
  if (dimensions(numerator) !== dimensions(denominator)) {
    return { reason: `${source.numerator.metric} is stored by ${dimensions(numerator)} but ${source.denominator.metric} by ${dimensions(denominator)}` };
  }
  const rows = [...new Set([...numerator.keys(), ...denominator.keys()])].map((key) => {
    const [n, d] = [numerator.get(key), denominator.get(key)];
    return {
      slice: (n ?? d)!.slice,
      baseline: { numerator: n?.baseline ?? 0, denominator: d?.baseline ?? 0 },
      current: { numerator: n?.current ?? 0, denominator: d?.current ?? 0 },
    };
  });
  return { kind: 'ratio', rows };
}

function partMetrics(part: SlicePart): string[] {
  return part.times === undefined ? [part.metric] : [part.metric, part.times];
}

/** One part's finest slices: the metric's value, times another metric's where asked. */
function partRows(part: SlicePart, stored: StoredSlices): FinestRows | { reason: string } {
  const values = finestRows(part.metric, stored);
  if ('reason' in values || part.times === undefined) return values;
  const weights = finestRows(part.times, stored);
  if ('reason' in weights) return weights;
  const product: FinestRows = new Map();
  for (const [key, row] of values) {
    const weight = weights.get(key);
    product.set(key, { slice: row.slice, baseline: row.baseline * (weight?.baseline ?? 0), current: row.current * (weight?.current ?? 0) });
  }
  return product;
}

function finestRows(metric: string, stored: StoredSlices): FinestRows | { reason: string } {
  const sides = stored.get(metric)!;
  const depth = Math.max(0, ...[...sides.baseline, ...sides.current].map((row) => Object.keys(row.slice).length));
  if (depth === 0) return { reason: `${metric} is stored without slices (sync.dimensions in kpitree.yaml chooses them)` };
  const rows: FinestRows = new Map();
  for (const side of ['baseline', 'current'] as const) {
    for (const row of sides[side]) {
      if (Object.keys(row.slice).length !== depth) continue;
      const key = sliceKey(row.slice);
      const entry = rows.get(key) ?? { slice: named(row.slice), baseline: 0, current: 0 };
      entry[side] = row.value ?? 0;
      rows.set(key, entry);
    }
  }
  return rows;
}

function named(slice: Slice): ExplainSlice {
  return Object.fromEntries(Object.entries(slice).map(([dimension, value]) => [dimension, value ?? noneValue]));
}
