import type { Calendar, Grain } from '../model/index.js';
import { periodStarts } from '../semantic/index.js';
import { readSeries, type Queryable } from '../store/index.js';

/** Stored totals of several metrics on one run of periods, aligned by index (null: not stored). */
export interface NodeHistory {
  grain: Grain;
  periods: string[];
  baselineIndex: number;
  currentIndex: number;
  values: Map<string, (number | null)[]>;
}

/** One range read per metric: its total from `from` through the current period. */
export async function readNodeHistory(
  db: Queryable,
  metrics: Iterable<string>,
  range: { grain: Grain; from: string; baseline: string; current: string; calendar: Calendar },
): Promise<NodeHistory> {
  const periods = periodStarts(range.from, range.current, range.grain, range.calendar);
  const index = new Map(periods.map((period, i) => [period, i]));
  const values = new Map<string, (number | null)[]>();
  for (const metric of metrics) {
    const series: (number | null)[] = periods.map(() => null);
    for (const row of await readSeries(db, { metric, grain: range.grain, from: range.from, to: range.current })) {
      const i = index.get(row.period);
      if (i !== undefined) series[i] = row.value;
    }
    values.set(metric, series);
  }
  return { grain: range.grain, periods, baselineIndex: index.get(range.baseline)!, currentIndex: periods.length - 1, values };
}
