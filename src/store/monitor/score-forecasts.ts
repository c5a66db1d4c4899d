import type { Grain } from '../../model/index.js';
import { checkDate, checkSeriesKey } from '../series/check-series-input.js';
import type { Queryable } from '../store.js';

/**
 * Gives every kept forecast point whose period is over (on or before `through` of its grain) the
 * stored value of that period as its actual, again when a restatement changed it. Returns how
 * many points changed.
 */
export async function scoreForecasts(db: Queryable, through: Partial<Record<Grain, string>>): Promise<number> {
  const grains = Object.keys(through) as Grain[];
  const dates = grains.map((grain) => {
    checkSeriesKey('any', grain);
    return checkDate(through[grain], `the last period over (${grain})`);
  });
  if (grains.length === 0) return 0;
  const [row] = await db.query<{ count: number }>(
    `WITH cutoff AS (SELECT * FROM unnest($1::text[], $2::date[]) AS c (grain, through)),
     changed AS (
       UPDATE forecast_points AS p SET actual = s.value, scored_at = clock_timestamp()
       FROM forecasts AS f, cutoff AS c, metric_series AS s
       WHERE p.forecast_id = f.id AND c.grain = f.grain AND p.period_start <= c.through
         AND s.metric_id = f.metric_id AND s.grain = f.grain AND s.slice_key = f.slice_key AND s.period_start = p.period_start
         AND s.value IS NOT NULL AND p.actual IS DISTINCT FROM s.value
       RETURNING 1
     ) SELECT count(*)::integer AS count FROM changed`,
    [grains, dates],
  );
  return row?.count ?? 0;
}
