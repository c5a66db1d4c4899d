import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import { checkDate } from '../series/check-series-input.js';

export interface MetricResult {
  runId: number;
  metric: string;
  status: 'succeeded' | 'failed';
  /** Values written (succeeded) — default 0. */
  rowsWritten?: number;
  /** Tries, the last included (default 1). */
  attempts?: number;
  durationMs: number;
  /** The restatement window written, 'YYYY-MM-DD' both. */
  window?: { from: string; to: string };
  /** Required when failed: the error message. */
  error?: string;
  /** The SQL that failed, when the failure was a query. */
  sql?: string;
}

/**
 * Records how one metric of a run went (again: a later result for the same run and metric
 * replaces the earlier), updates the run's counts and heartbeat. Pass the transaction that wrote
 * the metric's series, so the result and the values commit together.
 */
export async function recordMetricResult(db: Queryable, result: MetricResult): Promise<void> {
  const attempts = result.attempts ?? 1;
  const rowsWritten = result.rowsWritten ?? 0;
  if (result.status !== 'succeeded' && result.status !== 'failed') throw new StoreError('input', `A metric result's status is succeeded or failed, got "${String(result.status)}".`);
  if (result.status === 'failed' && !result.error) throw new StoreError('input', `The failed result of ${result.metric} needs its error message.`);
  for (const [name, value] of [['attempts', attempts], ['rowsWritten', rowsWritten], ['durationMs', Math.round(result.durationMs)]] as const) {
    if (!Number.isSafeInteger(value) || value < (name === 'attempts' ? 1 : 0)) throw new StoreError('input', `${name} of ${result.metric} must be a whole number ≥ ${name === 'attempts' ? 1 : 0}, got ${value}.`);
  }
  const from = result.window ? checkDate(result.window.from, 'window.from') : null;
  const to = result.window ? checkDate(result.window.to, 'window.to') : null;
  await db.withTransaction(async (tx) => {
    const updated = await tx.query(
      `UPDATE sync_runs SET heartbeat_at = clock_timestamp() WHERE id = $1 RETURNING id`,
      [result.runId],
    );
    if (updated.length === 0) throw new StoreError('input', `There is no sync run ${result.runId} to record ${result.metric} on.`);
    await tx.query(
      `INSERT INTO sync_run_metrics (run_id, metric_id, status, rows_written, attempts, duration_ms, window_from, window_to, error, failed_sql)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (run_id, metric_id) DO UPDATE SET
         status = excluded.status, rows_written = excluded.rows_written, attempts = excluded.attempts,
         duration_ms = excluded.duration_ms, window_from = excluded.window_from, window_to = excluded.window_to,
         error = excluded.error, failed_sql = excluded.failed_sql, finished_at = clock_timestamp()`,
      [result.runId, result.metric, result.status, rowsWritten, attempts, Math.round(result.durationMs), from, to, result.error ?? null, result.sql ?? null],
    );
    await tx.query(
      `UPDATE sync_runs SET (metrics_succeeded, metrics_failed, rows_written) = (
         SELECT count(*) FILTER (WHERE status = 'succeeded'), count(*) FILTER (WHERE status = 'failed'), coalesce(sum(rows_written), 0)
         FROM sync_run_metrics WHERE run_id = $1)
       WHERE id = $1`,
      [result.runId],
    );
  });
}
