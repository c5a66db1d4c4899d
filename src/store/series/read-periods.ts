import type { Queryable } from '../store.js';
import { checkDate, checkSeriesKey } from './check-series-input.js';
import type { SeriesKey, StoredSeriesRow } from './series-types.js';

/**
 * Every slice of a metric at a grain in the given periods (by period start), in one statement:
 * what a comparison of two periods across dimensions needs, without one read per slice.
 */
export async function readPeriods(db: Queryable, query: SeriesKey & { periods: readonly string[] }): Promise<StoredSeriesRow[]> {
  checkSeriesKey(query.metric, query.grain);
  const periods = query.periods.map((period, i) => checkDate(period, `periods[${i}]`));
  return db.query<StoredSeriesRow>(
    `SELECT period_start AS period, slice, value, computed_at AS "computedAt", run_id AS "runId"
     FROM metric_series
     WHERE metric_id = $1 AND grain = $2 AND period_start = ANY($3::date[])
     ORDER BY slice_key, period_start`,
    [query.metric, query.grain, periods],
  );
}
