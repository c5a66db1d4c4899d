import type { Grain } from '../../model/index.js';
import { checkSeriesKey } from '../series/check-series-input.js';
import type { Queryable, SqlParam } from '../store.js';
import type { ScoredPoint, StoredForecast, StoredForecastPoint } from './forecast-types.js';

/** A metric's kept forecasts (the total unless a slice key is given), newest origin first, each with its points. */
export async function listForecasts(db: Queryable, query: { metric: string; grain?: Grain; sliceKey?: string; limit?: number }): Promise<StoredForecast[]> {
  checkSeriesKey(query.metric, query.grain ?? 'week');
  const params: SqlParam[] = [query.metric, query.sliceKey ?? '{}', query.limit ?? 20];
  if (query.grain) params.push(query.grain);
  const forecasts = await db.query<Omit<StoredForecast, 'points'>>(
    `SELECT id, metric_id AS metric, grain, slice, origin_period AS "originPeriod", run_id AS "runId", issued_at AS "issuedAt",
            model, level, naive_scale AS "naiveScale", warnings
     FROM forecasts WHERE metric_id = $1 AND slice_key = $2 ${query.grain ? 'AND grain = $4' : ''}
     ORDER BY origin_period DESC, grain LIMIT $3`,
    params,
  );
  if (forecasts.length === 0) return [];
  const points = await db.query<StoredForecastPoint & { forecastId: number }>(
    `SELECT forecast_id AS "forecastId", period_start AS period, step, value, lower_bound AS lower, upper_bound AS upper, actual
     FROM forecast_points WHERE forecast_id = ANY($1::bigint[]) ORDER BY forecast_id, step`,
    [forecasts.map((f) => f.id)],
  );
  return forecasts.map((f) => ({ ...f, points: points.filter((p) => p.forecastId === f.id).map(({ forecastId: _id, ...p }) => p) }));
}

/** Every forecast point of a total whose actual has landed (of one metric, or all), oldest first. */
export async function listScoredPoints(db: Queryable, query: { metric?: string } = {}): Promise<ScoredPoint[]> {
  if (query.metric !== undefined) checkSeriesKey(query.metric, 'week');
  return db.query<ScoredPoint>(
    `SELECT f.metric_id AS metric, f.grain, f.origin_period AS "originPeriod", f.naive_scale AS "naiveScale",
            p.period_start AS period, p.step, p.value, p.lower_bound AS lower, p.upper_bound AS upper, p.actual
     FROM forecast_points AS p JOIN forecasts AS f ON f.id = p.forecast_id
     WHERE p.actual IS NOT NULL AND f.slice_key = '{}' ${query.metric !== undefined ? 'AND f.metric_id = $1' : ''}
     ORDER BY f.metric_id, f.grain, p.period_start, p.step`,
    query.metric !== undefined ? [query.metric] : [],
  );
}
