import type { Grain } from '../../model/index.js';
import type { Queryable } from '../store.js';
import { checkSeriesKey } from './check-series-input.js';
import type { Slice } from './series-types.js';

/**
 * Every slice stored for a metric at a grain: the total first, then by number of dimensions and
 * canonical key. A skip scan over the primary key: one index probe per slice, not one row per value.
 */
export async function listSlices(db: Queryable, metric: string, grain: Grain): Promise<Slice[]> {
  checkSeriesKey(metric, grain);
  const rows = await db.query<{ slice_key: string; slice: Slice }>(
    `WITH RECURSIVE slices (slice_key, slice) AS (
       (SELECT slice_key, slice FROM metric_series WHERE metric_id = $1 AND grain = $2 ORDER BY slice_key LIMIT 1)
       UNION ALL
       SELECT next.slice_key, next.slice FROM slices, LATERAL (
         SELECT slice_key, slice FROM metric_series
         WHERE metric_id = $1 AND grain = $2 AND slice_key > slices.slice_key
         ORDER BY slice_key LIMIT 1
       ) AS next
     ) SELECT slice_key, slice FROM slices`,
    [metric, grain],
  );
  const size = (slice: Slice) => Object.keys(slice).length;
  return rows
    .sort((a, b) => size(a.slice) - size(b.slice) || (a.slice_key < b.slice_key ? -1 : a.slice_key > b.slice_key ? 1 : 0))
    .map((row) => row.slice);
}
