import type { Migration } from './migration.js';

export const actionPlans: Migration = {
  version: 4,
  name: 'action_plans',
  sql: `
-- One plan per breach: a metric's slice at a grain broke a trigger from a period on. People are
-- owners.yaml ids (text, no foreign key: owners.yaml is the source of truth and may drop a person
-- while their history stays).
CREATE TABLE action_plans (
  id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  metric_id      text             NOT NULL,
  grain          text             NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
  slice_key      text             NOT NULL,
  slice          jsonb            NOT NULL CHECK (jsonb_typeof(slice) = 'object'),
  trigger_id     text             NOT NULL,
  breach_start   date             NOT NULL,
  state          text             NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved', 'verified')),
  owner_id       text             NOT NULL,
  accountable_id text,
  action         text             NOT NULL,
  due_at         timestamptz      NOT NULL,
  review_at      timestamptz,
  escalated_at   timestamptz,
  escalated_to   text,
  last_period    date             NOT NULL,
  last_value     double precision,
  threshold_line double precision,
  recurrence_of  bigint           REFERENCES action_plans (id),
  opened_at      timestamptz      NOT NULL,
  updated_at     timestamptz      NOT NULL,
  UNIQUE (metric_id, grain, slice_key, trigger_id, breach_start),
  CHECK ((state = 'resolved') = (review_at IS NOT NULL))
);
-- Never two live plans for one metric, slice and trigger: a recurrence reopens the live one.
CREATE UNIQUE INDEX action_plans_live ON action_plans (metric_id, grain, slice_key, trigger_id) WHERE state <> 'verified';
CREATE INDEX action_plans_by_owner ON action_plans (owner_id, state);

-- The audit trail: every change of state, escalation and recurrence, with who did it.
CREATE TABLE action_plan_events (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id    bigint      NOT NULL REFERENCES action_plans (id),
  at         timestamptz NOT NULL,
  actor      text        NOT NULL,
  event      text        NOT NULL CHECK (event IN ('opened', 'acknowledged', 'resolved', 'verified', 'reopened', 'escalated', 'recurred')),
  from_state text,
  to_state   text        NOT NULL,
  note       text
);
CREATE INDEX action_plan_events_by_plan ON action_plan_events (plan_id, id);

-- The in-app inbox, per person. dedupe_key makes re-running an evaluation write nothing twice.
CREATE TABLE notifications (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id  text        NOT NULL,
  plan_id    bigint      REFERENCES action_plans (id),
  kind       text        NOT NULL CHECK (kind IN ('plan', 'escalation', 'reopened', 'digest')),
  subject    text        NOT NULL,
  body       text        NOT NULL,
  dedupe_key text        NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  read_at    timestamptz
);
CREATE INDEX notifications_unread ON notifications (person_id, id) WHERE read_at IS NULL;

-- The outbox: email and webhook messages written with the plan change, sent afterwards with
-- retries; a failure stays visible (attempts, last_error) and never touches the plan.
CREATE TABLE deliveries (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint      NOT NULL REFERENCES notifications (id),
  channel         text        NOT NULL CHECK (channel IN ('email', 'webhook')),
  address         text        NOT NULL,
  status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  sent_at         timestamptz,
  UNIQUE (notification_id, channel, address)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
`,
};
