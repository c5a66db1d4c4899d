import type { Grain } from '../../model/index.js';
import type { Queryable } from '../store.js';
import { checkSeriesKey } from './check-series-input.js';
import type { Slice } from './series-types.js';
import { sliceKey } from './slice-key.js';

/** A metric's latest stored period at a grain for one slice, and the period before it (for the change). */
export interface LatestValue {
  metric: string;
  period: string;
  value: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
}

/**
 * The latest two periods of each metric for one slice at a grain, in one statement: a tree's
 * node values. Metrics with nothing stored for the slice are left out.
 */
export async function latestValues(db: Queryable, query: { metrics: readonly string[]; grain: Grain; slice: Slice }): Promise<Map<string, LatestValue>> {
  for (const metric of query.metrics) checkSeriesKey(metric, query.grain);
  const rows = await db.query<LatestValue>(
    `SELECT m.metric_id AS metric, latest.period_start AS period, latest.value, previous.period_start AS "previousPeriod", previous.value AS "previousValue"
     FROM unnest($1::text[]) AS m (metric_id)
     CROSS JOIN LATERAL (
       SELECT period_start, value FROM metric_series
       WHERE metric_id = m.metric_id AND grain = $2 AND slice_key = $3 ORDER BY period_start DESC LIMIT 1
     ) AS latest
     LEFT JOIN LATERAL (
       SELECT period_start, value FROM metric_series
       WHERE metric_id = m.metric_id AND grain = $2 AND slice_key = $3 AND period_start < latest.period_start ORDER BY period_start DESC LIMIT 1
     ) AS previous ON true`,
    [query.metrics, query.grain, sliceKey(query.slice)],
  );
  return new Map(rows.map((row) => [row.metric, row]));
}
