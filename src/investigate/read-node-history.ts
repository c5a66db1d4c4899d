import type { Calendar, Grain } from '../model/index.js';
import { periodStarts } from '../semantic/index.js';
import { readMetricsSeries, type Queryable } from '../store/index.js';

/** Stored totals of several metrics on one run of periods, aligned by index (null: not stored). */
export interface NodeHistory {
  grain: Grain;
  periods: string[];
  baselineIndex: number;
  currentIndex: number;
  values: Map<string, (number | null)[]>;
}

/** Every metric's total from `from` through the current period, in one read. */
export async function readNodeHistory(
  db: Queryable,
  metrics: readonly string[],
  range: { grain: Grain; from: string; baseline: string; current: string; calendar: Calendar },
): Promise<NodeHistory> {
  const periods = periodStarts(range.from, range.current, range.grain, range.calendar);
  const index = new Map(periods.map((period, i) => [period, i]));
  const values = new Map(metrics.map((metric) => [metric, periods.map((): number | null => null)]));
  for (const row of await readMetricsSeries(db, { metrics, grain: range.grain, from: range.from, to: range.current, slices: 'total' })) {
    const i = index.get(row.period);
    if (i !== undefined) values.get(row.metric)![i] = row.value;
  }
  return { grain: range.grain, periods, baselineIndex: index.get(range.baseline)!, currentIndex: periods.length - 1, values };
}
