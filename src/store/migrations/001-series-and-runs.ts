import type { Migration } from './migration.js';

export const seriesAndRuns: Migration = {
  version: 1,
  name: 'series_and_runs',
  sql: `
-- One value per metric, grain, slice and period. The primary key's order serves the common read
-- (one slice of one metric over a range: a range scan in period order); slice_key is the slice as
-- canonical JSON (keys sorted, '{}' for the total), slice the same as jsonb for filtering.
CREATE TABLE metric_series (
  metric_id    text             NOT NULL,
  grain        text             NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  slice_key    text             NOT NULL,
  period_start date             NOT NULL,
  slice        jsonb            NOT NULL CHECK (jsonb_typeof(slice) = 'object'),
  value        double precision,
  computed_at  timestamptz      NOT NULL,
  run_id       bigint           NOT NULL,
  PRIMARY KEY (metric_id, grain, slice_key, period_start)
);
-- A restatement window (every slice of a metric and grain between two dates) and the latest period.
CREATE INDEX metric_series_by_period ON metric_series (metric_id, grain, period_start);

CREATE TABLE sync_runs (
  id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trigger           text        NOT NULL CHECK (trigger IN ('manual', 'schedule', 'backfill')),
  status            text        NOT NULL DEFAULT 'running'
                                CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'interrupted')),
  started_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  heartbeat_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at       timestamptz,
  worker            text,
  metrics_planned   integer     CHECK (metrics_planned >= 0),
  metrics_succeeded integer     NOT NULL DEFAULT 0,
  metrics_failed    integer     NOT NULL DEFAULT 0,
  rows_written      bigint      NOT NULL DEFAULT 0,
  error             text,
  CHECK ((status = 'running') = (finished_at IS NULL))
);
-- Runs that may have been left behind by a dead process.
CREATE INDEX sync_runs_running ON sync_runs (heartbeat_at) WHERE status = 'running';

CREATE TABLE sync_run_metrics (
  run_id       bigint      NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
  metric_id    text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('succeeded', 'failed')),
  rows_written integer     NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
  attempts     integer     NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  duration_ms  integer     NOT NULL CHECK (duration_ms >= 0),
  window_from  date,
  window_to    date,
  error        text,
  failed_sql   text,
  finished_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (run_id, metric_id),
  CHECK (status = 'succeeded' OR error IS NOT NULL)
);
-- "When did this metric last fail, and with which SQL?"
CREATE INDEX sync_run_metrics_failures ON sync_run_metrics (metric_id, run_id) WHERE status = 'failed';
`,
};
