import type { SliceRows, Slice as ExplainSlice } from '../explain/index.js';
import type { Grain } from '../model/index.js';
import { readPeriods, sliceKey, type Queryable, type Slice } from '../store/index.js';
import type { SlicePart, SliceSource } from './slice-source.js';

/** How a missing dimension value (a stored null) is named in slices. */
export const noneValue = '(none)';

/** Where each side of the comparison is read: a period of a store (the baseline may come from another store). */
export interface PeriodSources {
  grain: Grain;
  baseline: { db: Queryable; period: string };
  current: { db: Queryable; period: string };
}

type FinestRows = Map<string, { slice: ExplainSlice; baseline: number; current: number }>;

/**
 * A metric's finest stored slices (every dimension the sync kept) in the two periods, as explain
 * wants them: a slice missing from a period, or null there, counts 0. A reason instead when the
 * metric cannot be split, or nothing is stored by slice.
 */
export async function readSliceRows(source: SliceSource, periods: PeriodSources): Promise<SliceRows | { reason: string }> {
  if (source.kind === 'none') return { reason: source.reason };
  if (source.kind === 'additive') {
    const rows = await readPart({ metric: source.metric }, periods);
    return 'reason' in rows ? rows : { kind: 'additive', rows: [...rows.values()] };
  }
  const [numerator, denominator] = [await readPart(source.numerator, periods), await readPart(source.denominator, periods)];
  if ('reason' in numerator) return numerator;
  if ('reason' in denominator) return denominator;
  const keys = new Set([...numerator.keys(), ...denominator.keys()]);
  const rows = [...keys].map((key) => {
    const [n, d] = [numerator.get(key), denominator.get(key)];
    const slice = (n ?? d)!.slice;
    return {
      slice,
      baseline: { numerator: n?.baseline ?? 0, denominator: d?.baseline ?? 0 },
      current: { numerator: n?.current ?? 0, denominator: d?.current ?? 0 },
    };
  });
  const dimensions = (rows: FinestRows) => Object.keys([...rows.values()][0]!.slice).join(', ');
  if (dimensions(numerator) !== dimensions(denominator)) {
    return { reason: `${source.numerator.metric} is stored by ${dimensions(numerator)} but ${source.denominator.metric} by ${dimensions(denominator)}` };
  }
  return { kind: 'ratio', rows };
}

/** One part's finest slices: the metric's value, times another metric's where asked. */
async function readPart(part: SlicePart, periods: PeriodSources): Promise<FinestRows | { reason: string }> {
  const values = await readFinest(part.metric, periods);
  if ('reason' in values || part.times === undefined) return values;
  const weights = await readFinest(part.times, periods);
  if ('reason' in weights) return weights;
  const product: FinestRows = new Map();
  for (const [key, row] of values) {
    const weight = weights.get(key);
    product.set(key, { slice: row.slice, baseline: row.baseline * (weight?.baseline ?? 0), current: row.current * (weight?.current ?? 0) });
  }
  return product;
}

async function readFinest(metric: string, periods: PeriodSources): Promise<FinestRows | { reason: string }> {
  const read = (side: 'baseline' | 'current') => readPeriods(periods[side].db, { metric, grain: periods.grain, periods: [periods[side].period] });
  const stored = [...(await read('baseline')).map((row) => ({ ...row, side: 'baseline' as const })), ...(await read('current')).map((row) => ({ ...row, side: 'current' as const }))];
  const depth = Math.max(0, ...stored.map((row) => Object.keys(row.slice).length));
  if (depth === 0) return { reason: `${metric} is stored without slices (sync.dimensions in kpitree.yaml chooses them)` };
  const rows: FinestRows = new Map();
  for (const row of stored) {
    if (Object.keys(row.slice).length !== depth) continue;
    const key = sliceKey(row.slice);
    const entry = rows.get(key) ?? { slice: named(row.slice), baseline: 0, current: 0 };
    entry[row.side] = row.value ?? 0;
    rows.set(key, entry);
  }
  return rows;
}

function named(slice: Slice): ExplainSlice {
  return Object.fromEntries(Object.entries(slice).map(([dimension, value]) => [dimension, value ?? noneValue]));
}
