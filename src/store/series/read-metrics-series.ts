import type { Grain } from '../../model/index.js';
import type { Queryable } from '../store.js';
import { checkDate, checkSeriesKey } from './check-series-input.js';
import type { StoredSeriesRow } from './series-types.js';

export interface MetricsQuery {
  metrics: readonly string[];
  grain: Grain;
  /** First and last period start, 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  /** Only the totals (slice {}), or every slice. */
  slices: 'total' | 'all';
}

/**
 * Several metrics' stored values at a grain over a range, in one statement: what a comparison
 * across a tree needs (every node's history, or every slice of two periods) without a read per
 * metric or per slice. Rows are in metric, slice and period order.
 */
export async function readMetricsSeries(db: Queryable, query: MetricsQuery): Promise<(StoredSeriesRow & { metric: string })[]> {
  for (const metric of query.metrics) checkSeriesKey(metric, query.grain);
  const total = query.slices === 'total' ? " AND slice_key = '{}'" : '';
  return db.query<StoredSeriesRow & { metric: string }>(
    `SELECT metric_id AS metric, period_start AS period, slice, value, computed_at AS "computedAt", run_id AS "runId"
     FROM metric_series
     WHERE metric_id = ANY($1::text[]) AND grain = $2 AND period_start >= $3 AND period_start <= $4${total}
     ORDER BY metric_id, slice_key, period_start`,
    [query.metrics, query.grain, checkDate(query.from, 'from'), checkDate(query.to, 'to')],
  );
}
