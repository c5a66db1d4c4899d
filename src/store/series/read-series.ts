import type { Queryable, SqlParam } from '../store.js';
import { checkDate, checkSeriesKey } from './check-series-input.js';
import type { SeriesKey, Slice, StoredSeriesRow } from './series-types.js';
import { sliceKey, sliceProblem } from './slice-key.js';
import { StoreError } from '../store-error.js';

export interface SeriesQuery extends SeriesKey {
  /** Exactly this slice; {} (the default) is the total. */
  slice?: Slice;
  /** First and last period start to read, 'YYYY-MM-DD', both included. */
  from?: string;
  to?: string;
}

/** One slice of a metric at a grain, in period order: a range scan of the primary key. */
export async function readSeries(db: Queryable, query: SeriesQuery): Promise<StoredSeriesRow[]> {
  checkSeriesKey(query.metric, query.grain);
  const slice = query.slice ?? {};
  const problem = sliceProblem(slice);
  if (problem) throw new StoreError('input', `${problem}.`);
  const params: SqlParam[] = [query.metric, query.grain, sliceKey(slice)];
  let range = '';
  if (query.from !== undefined) {
    params.push(checkDate(query.from, 'from'));
    range += ` AND period_start >= $${params.length}`;
  }
  if (query.to !== undefined) {
    params.push(checkDate(query.to, 'to'));
    range += ` AND period_start <= $${params.length}`;
  }
  return db.query<StoredSeriesRow>(
    `SELECT period_start AS period, slice, value, computed_at AS "computedAt", run_id AS "runId"
     FROM metric_series
     WHERE metric_id = $1 AND grain = $2 AND slice_key = $3${range}
     ORDER BY period_start`,
    params,
  );
}
