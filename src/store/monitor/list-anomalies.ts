import type { Grain } from '../../model/index.js';
import { checkDate, checkSeriesKey } from '../series/check-series-input.js';
import type { Queryable, SqlParam } from '../store.js';
import type { StoredAnomaly, StoredSeriesCheck } from './monitor-types.js';

export interface AnomalyQuery {
  metric?: string;
  grain?: Grain;
  /** Periods from this date on ('YYYY-MM-DD'). */
  since?: string;
  /** Also those fully explained by another anomaly (default false: each incident once). */
  includeExplained?: boolean;
}

/** Stored anomalies, newest period first, then by metric and slice. */
export async function listAnomalies(db: Queryable, query: AnomalyQuery = {}): Promise<StoredAnomaly[]> {
  const { where, params } = filters(query);
  if (!query.includeExplained) where.push('explained_by IS NULL');
  return db.query<StoredAnomaly>(
    `SELECT metric_id AS metric, grain, slice_key AS "sliceKey", slice, period_start AS period, family, type, direction,
            observed, expected, lower_bound AS lower, upper_bound AS upper, score, p_value AS "pValue", series_q AS "seriesQ",
            details, explained_by AS "explainedBy", first_run_id AS "firstRunId", last_run_id AS "lastRunId",
            first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
     FROM anomalies ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY period_start DESC, metric_id, grain, slice_key, family`,
    params,
  );
}

/** What the latest analysis could and could not judge, by metric, grain and slice. */
export async function listSeriesChecks(db: Queryable, query: Pick<AnomalyQuery, 'metric' | 'grain'> & { status?: 'judged' | 'insufficient' } = {}): Promise<StoredSeriesCheck[]> {
  const { where, params } = filters(query);
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  return db.query<StoredSeriesCheck>(
    `SELECT metric_id AS metric, grain, slice, status, reason, periods, last_period AS "lastPeriod", run_id AS "runId", checked_at AS "checkedAt"
     FROM series_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY metric_id, grain, slice_key`,
    params,
  );
}

function filters(query: AnomalyQuery): { where: string[]; params: SqlParam[] } {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (query.metric !== undefined) {
    checkSeriesKey(query.metric, query.grain ?? 'week');
    params.push(query.metric);
    where.push(`metric_id = $${params.length}`);
  }
  if (query.grain !== undefined) {
    checkSeriesKey(query.metric ?? 'any', query.grain);
    params.push(query.grain);
    where.push(`grain = $${params.length}`);
  }
  if (query.since !== undefined) {
    params.push(checkDate(query.since, 'since'));
    where.push(`period_start >= $${params.length}`);
  }
  return { where, params };
}
