export type RunTrigger = 'manual' | 'schedule' | 'backfill';

/**
 * succeeded: every metric it planned and attempted was written; failed: none was; partial: some
 * were; interrupted: its process died (PGlite: found on open; Postgres: no heartbeat for
 * `runHeartbeatTimeoutMs`); running: still going.
 */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'interrupted';

/** How long a running run may go without a heartbeat before it counts as interrupted. */
export const runHeartbeatTimeoutMs = 120_000;

export interface MetricFailure {
  metric: string;
  error: string;
  /** The SQL that failed, when the failure was a query. */
  sql: string | null;
  attempts: number;
  durationMs: number;
  finishedAt: string;
}

export interface SyncRun {
  id: number;
  trigger: RunTrigger;
  status: RunStatus;
  /** ISO UTC timestamps. */
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  /** host:pid of the process that ran it. */
  worker: string | null;
  metricsPlanned: number | null;
  metricsSucceeded: number;
  metricsFailed: number;
  rowsWritten: number;
  /** A failure of the run as a whole (the warehouse unreachable), or why it was interrupted. */
  error: string | null;
  failures: MetricFailure[];
}
