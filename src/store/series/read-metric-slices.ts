import type { Grain } from '../../model/index.js';
import type { Queryable, SqlParam } from '../store.js';
import { checkDate, checkSeriesKey } from './check-series-input.js';
import type { Slice } from './series-types.js';

export interface SliceSeries {
  sliceKey: string;
  slice: Slice;
  /** In period order. */
  periods: string[];
  values: (number | null)[];
}

/** Every slice of a metric at a grain in one range scan, each in period order (up to `to` when given). */
export async function readMetricSlices(db: Queryable, query: { metric: string; grain: Grain; to?: string }): Promise<SliceSeries[]> {
  checkSeriesKey(query.metric, query.grain);
  const params: SqlParam[] = [query.metric, query.grain];
  if (query.to !== undefined) params.push(checkDate(query.to, 'to'));
  const rows = await db.query<{ slice_key: string; slice: Slice; period: string; value: number | null }>(
    `SELECT slice_key, slice, period_start AS period, value FROM metric_series
     WHERE metric_id = $1 AND grain = $2 ${query.to !== undefined ? 'AND period_start <= $3' : ''}
     ORDER BY slice_key, period_start`,
    params,
  );
  const out: SliceSeries[] = [];
  for (const row of rows) {
    let last = out.at(-1);
    if (last?.sliceKey !== row.slice_key) {
      last = { sliceKey: row.slice_key, slice: row.slice, periods: [], values: [] };
      out.push(last);
    }
    last.periods.push(row.period);
    last.values.push(row.value);
  }
  return out;
}
