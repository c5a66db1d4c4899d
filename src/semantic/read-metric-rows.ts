import type { Grain } from '../model/index.js';
import type { CompiledGrains, CompiledQuery } from './compile-metric.js';

/** A slice names a value for some of the requested dimensions; {} is the total. */
export type Slice = Record<string, string | null>;

export interface MetricRow {
  period: string;
  slice: Slice;
  value: number | null;
}

type RawValue = string | number | boolean | null;

/** Turns the rows of a compiled query into periods, slices and values, totals first. */
export function readMetricRows(query: CompiledQuery, rows: readonly Record<string, RawValue>[]): MetricRow[] {
  const out = rows.map((row) => {
    const slice: Slice = {};
    query.dimensions.forEach((name, i) => {
      if (Number(row[`g_${i}`]) === 0) slice[name] = row[`d_${i}`] === null ? null : String(row[`d_${i}`]);
    });
    return { period: String(row.period_start), slice, value: toNumber(row.value ?? null) };
  });
  return out.sort((a, b) => compareSlices(a.slice, b.slice, query.dimensions) || a.period.localeCompare(b.period));
}

function toNumber(value: RawValue): number | null {
  const number = typeof value === 'number' ? value : value === null ? null : Number(value);
  return number !== null && Number.isFinite(number) ? number : null;
}

/** Fewer dimensions first (the total leads), then by each dimension's value, missing values last. */
export function compareSlices(a: Slice, b: Slice, dimensions: readonly string[]): number {
  const size = Object.keys(a).length - Object.keys(b).length;
  if (size !== 0) return size;
  for (const name of dimensions) {
    const inA = name in a;
    if (inA !== name in b) return inA ? 1 : -1;
    const [x, y] = [a[name], b[name]];
    if (x === y) continue;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return x.localeCompare(y, undefined, { numeric: true });
  }
  return 0;
}

/** The rows of a several-grain statement, by grain (each grain's rows as readMetricRows orders them). */
export function readGrainRows(query: CompiledGrains, rows: readonly Record<string, RawValue>[]): Map<Grain, MetricRow[]> {
  const byGrain = new Map<Grain, MetricRow[]>();
  for (const grain of Object.keys(query.periods) as Grain[]) {
    const own = rows.filter((row) => row.grain === grain);
    byGrain.set(grain, readMetricRows({ ...query, grain, periods: query.periods[grain]! }, own));
  }
  return byGrain;
}
