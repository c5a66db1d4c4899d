import type { Migration } from './migration.js';

export const monitoring: Migration = {
  version: 2,
  name: 'monitoring',
  sql: `
-- What the analysis after a sync could judge of each series, and why not when it could not
-- (short history, constant, all missing): replaced for a metric × grain by each analysis.
CREATE TABLE series_checks (
  metric_id   text        NOT NULL,
  grain       text        NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  slice_key   text        NOT NULL,
  slice       jsonb       NOT NULL CHECK (jsonb_typeof(slice) = 'object'),
  status      text        NOT NULL CHECK (status IN ('judged', 'insufficient')),
  reason      text,
  periods     integer     NOT NULL CHECK (periods >= 0),
  last_period date,
  run_id      bigint      NOT NULL,
  checked_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (metric_id, grain, slice_key),
  CHECK (status = 'judged' OR reason IS NOT NULL)
);

-- An anomaly's identity is its series, its period and its family (point: spike or dip; or
-- level_shift, trend_change, drift): finding it again updates it, and a change point that a
-- later fit places a period or two away keeps its first period (the monitor layer decides that).
CREATE TABLE anomalies (
  metric_id     text             NOT NULL,
  grain         text             NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  slice_key     text             NOT NULL,
  period_start  date             NOT NULL,
  family        text             NOT NULL CHECK (family IN ('point', 'level_shift', 'trend_change', 'drift')),
  slice         jsonb            NOT NULL CHECK (jsonb_typeof(slice) = 'object'),
  type          text             NOT NULL CHECK (type IN ('spike', 'dip', 'level_shift', 'trend_change', 'drift')),
  direction     text             NOT NULL CHECK (direction IN ('up', 'down')),
  observed      double precision NOT NULL,
  expected      double precision NOT NULL,
  lower_bound   double precision NOT NULL,
  upper_bound   double precision NOT NULL,
  score         double precision NOT NULL,
  p_value       double precision NOT NULL CHECK (p_value BETWEEN 0 AND 1),
  -- Benjamini–Hochberg q of the series among every series analysed with it.
  series_q      double precision NOT NULL CHECK (series_q BETWEEN 0 AND 1),
  details       jsonb            NOT NULL DEFAULT '{}',
  -- The anomaly that fully explains this one (a child metric's or a narrower slice's), as "metric|slice_key".
  explained_by  text,
  first_run_id  bigint           NOT NULL,
  last_run_id   bigint           NOT NULL,
  first_seen_at timestamptz      NOT NULL DEFAULT clock_timestamp(),
  last_seen_at  timestamptz      NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (metric_id, grain, slice_key, period_start, family),
  CHECK ((type IN ('spike', 'dip')) = (family = 'point'))
);
-- "What is new since …": the list across metrics by period.
CREATE INDEX anomalies_by_period ON anomalies (period_start, metric_id);

-- A forecast as issued: kept, so that its accuracy can be scored when the actuals land.
CREATE TABLE forecasts (
  id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  metric_id     text             NOT NULL,
  grain         text             NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  slice_key     text             NOT NULL,
  slice         jsonb            NOT NULL CHECK (jsonb_typeof(slice) = 'object'),
  -- The last period the model saw; a second forecast from the same origin replaces the first.
  origin_period date             NOT NULL,
  run_id        bigint           NOT NULL,
  issued_at     timestamptz      NOT NULL DEFAULT clock_timestamp(),
  model         jsonb            NOT NULL,
  level         double precision NOT NULL CHECK (level > 0 AND level < 1),
  -- MASE's denominator: the in-sample mean absolute (seasonal) naive error at issue, null when 0.
  naive_scale   double precision CHECK (naive_scale > 0),
  warnings      jsonb            NOT NULL DEFAULT '[]',
  UNIQUE (metric_id, grain, slice_key, origin_period)
);

CREATE TABLE forecast_points (
  forecast_id  bigint           NOT NULL REFERENCES forecasts (id) ON DELETE CASCADE,
  period_start date             NOT NULL,
  step         integer          NOT NULL CHECK (step >= 1),
  value        double precision NOT NULL,
  lower_bound  double precision NOT NULL,
  upper_bound  double precision NOT NULL,
  -- Filled (and refreshed, as restatements change it) once the period is over and stored.
  actual       double precision,
  scored_at    timestamptz,
  PRIMARY KEY (forecast_id, period_start)
);
-- Points still waiting for their actual.
CREATE INDEX forecast_points_unscored ON forecast_points (period_start) WHERE actual IS NULL;

-- The latest fit of each influence edge of each tree: lag search, correlation and regression weight.
CREATE TABLE influence_edges (
  tree_id        text             NOT NULL,
  driver_id      text             NOT NULL,
  outcome_id     text             NOT NULL,
  grain          text             NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  status         text             NOT NULL CHECK (status IN ('fitted', 'unavailable')),
  reason         text,
  lag            integer,
  r              double precision,
  p_adjusted     double precision CHECK (p_adjusted BETWEEN 0 AND 1),
  -- Benjamini–Hochberg across the edges of the tree.
  q              double precision CHECK (q BETWEEN 0 AND 1),
  n              integer,
  weight         double precision,
  weight_se      double precision,
  weight_p       double precision,
  standardized   double precision,
  run_id         bigint           NOT NULL,
  fitted_at      timestamptz      NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tree_id, driver_id, outcome_id, grain),
  CHECK (status = 'fitted' OR reason IS NOT NULL)
);
`,
};
