import type { Grain } from '../../model/index.js';
import type { Queryable } from '../store.js';
import { checkSeriesKey } from './check-series-input.js';

/** The latest period start stored for a metric at a grain (any slice), or null when none is. */
export async function latestPeriod(db: Queryable, metric: string, grain: Grain): Promise<string | null> {
  checkSeriesKey(metric, grain);
  const [row] = await db.query<{ period: string | null }>(
    'SELECT max(period_start) AS period FROM metric_series WHERE metric_id = $1 AND grain = $2',
    [metric, grain],
  );
  return row?.period ?? null;
}
