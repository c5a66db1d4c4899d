import type { Queryable, SqlParam } from '../store.js';
import { runHeartbeatTimeoutMs, type MetricFailure, type SyncRun } from './run-types.js';

/**
 * Runs with their failed metrics, newest first. A `running` run whose heartbeat is older than
 * `heartbeatTimeoutMs` is reported as interrupted (and recorded so by the next startRun).
 */
export async function selectRuns(
  db: Queryable,
  where: { runId?: number; limit: number; heartbeatTimeoutMs?: number },
): Promise<SyncRun[]> {
  const params: SqlParam[] = [(where.heartbeatTimeoutMs ?? runHeartbeatTimeoutMs) / 1000, where.limit];
  if (where.runId !== undefined) params.push(where.runId);
  const runs = await db.query<Omit<SyncRun, 'failures'>>(
    `SELECT id, trigger,
            CASE WHEN status = 'running' AND heartbeat_at < clock_timestamp() - make_interval(secs => $1)
                 THEN 'interrupted' ELSE status END AS status,
            started_at AS "startedAt", heartbeat_at AS "heartbeatAt", finished_at AS "finishedAt", worker,
            metrics_planned AS "metricsPlanned", metrics_succeeded AS "metricsSucceeded",
            metrics_failed AS "metricsFailed", rows_written AS "rowsWritten", error
     FROM sync_runs ${where.runId === undefined ? '' : 'WHERE id = $3'}
     ORDER BY id DESC LIMIT $2`,
    params,
  );
  if (runs.length === 0) return [];
  const failures = await db.query<MetricFailure & { runId: number }>(
    `SELECT run_id AS "runId", metric_id AS metric, error, failed_sql AS sql, attempts,
            duration_ms AS "durationMs", finished_at AS "finishedAt"
     FROM sync_run_metrics WHERE run_id = ANY($1::bigint[]) AND status = 'failed'
     ORDER BY run_id, metric_id`,
    [runs.map((run) => run.id)],
  );
  return runs.map((run) => ({
    ...run,
    failures: failures.filter((f) => f.runId === run.id).map(({ runId: _runId, ...failure }) => failure),
  }));
}
