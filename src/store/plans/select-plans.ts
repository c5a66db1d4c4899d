import type { Queryable, SqlParam } from '../store.js';
import type { ActionPlan } from './plan-types.js';

interface PlanRow {
  id: number;
  metric_id: string;
  grain: ActionPlan['breach']['grain'];
  slice: ActionPlan['breach']['slice'];
  trigger_id: string;
  breach_start: string;
  state: ActionPlan['state'];
  owner_id: string;
  accountable_id: string | null;
  action: string;
  due_at: string;
  review_at: string | null;
  escalated_at: string | null;
  escalated_to: string | null;
  last_period: string;
  last_value: number | null;
  threshold_line: number | null;
  recurrence_of: number | null;
  opened_at: string;
  updated_at: string;
}

/** Plans matching a WHERE clause over action_plans (its `$n` bound to params), oldest first. */
export async function selectPlans(db: Queryable, where: string, params: readonly SqlParam[], suffix = ''): Promise<ActionPlan[]> {
  const rows = await db.query<PlanRow>(`SELECT * FROM action_plans WHERE ${where} ORDER BY id${suffix}`, params);
  return rows.map((row) => ({
    id: row.id,
    breach: { metric: row.metric_id, grain: row.grain, slice: row.slice, trigger: row.trigger_id, start: row.breach_start },
    state: row.state,
    owner: row.owner_id,
    accountable: row.accountable_id,
    action: row.action,
    dueAt: row.due_at,
    reviewAt: row.review_at,
    escalatedAt: row.escalated_at,
    escalatedTo: row.escalated_to,
    period: row.last_period,
    value: row.last_value,
    thresholdLine: row.threshold_line,
    recurrenceOf: row.recurrence_of,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
  }));
}
