import { sliceKey } from '../series/slice-key.js';
import type { Queryable } from '../store.js';
import type { ActionPlan, Breach, PlanEventKind, PlanReading, PlanState } from './plan-types.js';
import { StoreError } from '../store-error.js';

export interface NewPlan extends PlanReading {
  breach: Breach;
  owner: string;
  accountable: string | null;
  action: string;
  dueAt: string;
  recurrenceOf: number | null;
}

/** What changes on a plan, and the event that records who changed it. */
export interface PlanChange {
  event: PlanEventKind;
  actor: string;
  at: string;
  state?: PlanState;
  dueAt?: string;
  /** Set when resolved; cleared otherwise. */
  reviewAt?: string | null;
  escalatedTo?: string;
  reading?: PlanReading;
  note?: string;
}

/** Inserts a plan and its "opened" event in one transaction; returns the plan id and the event id. */
export async function insertPlan(db: Queryable, plan: NewPlan, at: string): Promise<{ planId: number; eventId: number }> {
  return db.withTransaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO action_plans (metric_id, grain, slice_key, slice, trigger_id, breach_start, owner_id, accountable_id, action, due_at,
         last_period, last_value, threshold_line, recurrence_of, opened_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
      [plan.breach.metric, plan.breach.grain, sliceKey(plan.breach.slice), JSON.stringify(plan.breach.slice), plan.breach.trigger, plan.breach.start,
        plan.owner, plan.accountable, plan.action, plan.dueAt, plan.period, plan.value, plan.thresholdLine, plan.recurrenceOf, at],
    );
    const eventId = await insertEvent(tx, row!.id, { event: 'opened', actor: 'kpitree', at, state: 'open' }, null);
    return { planId: row!.id, eventId };
  });
}

/**
 * Applies a change to a plan that is still in `from` (so two people acting at once cannot both
 * move it), with its event; returns the event id. Throws an input error when the plan has moved on.
 */
export async function changePlan(db: Queryable, plan: Pick<ActionPlan, 'id' | 'state'>, change: PlanChange): Promise<number> {
  return db.withTransaction(async (tx) => {
    const to = change.state ?? plan.state;
    const updated = await tx.query(
      `UPDATE action_plans SET state = $3, updated_at = $4,
         due_at = coalesce($5, due_at),
         review_at = CASE WHEN $3 = 'resolved' THEN coalesce($6, review_at) ELSE NULL END,
         escalated_to = coalesce($7, escalated_to),
         escalated_at = CASE WHEN $7::text IS NOT NULL THEN $4::timestamptz WHEN $3 = 'open' AND $2 <> 'open' THEN NULL ELSE escalated_at END,
         last_period = coalesce($8, last_period),
         last_value = CASE WHEN $8::date IS NULL THEN last_value ELSE $9 END,
         threshold_line = CASE WHEN $8::date IS NULL THEN threshold_line ELSE $10 END
       WHERE id = $1 AND state = $2 RETURNING id`,
      [plan.id, plan.state, to, change.at, change.dueAt ?? null, change.reviewAt ?? null, change.escalatedTo ?? null,
        change.reading?.period ?? null, change.reading?.value ?? null, change.reading?.thresholdLine ?? null],
    );
    if (updated.length === 0) throw new StoreError('input', `Action plan ${plan.id} is no longer ${plan.state}: someone changed it meanwhile; nothing was written.`);
    return insertEvent(tx, plan.id, { ...change, state: to }, plan.state);
  });
}

/** Records the latest value a plan was judged on, without an event (not a change of state). */
export async function recordPlanReading(db: Queryable, planId: number, reading: PlanReading): Promise<void> {
  await db.query('UPDATE action_plans SET last_period = $2, last_value = $3, threshold_line = $4 WHERE id = $1', [planId, reading.period, reading.value, reading.thresholdLine]);
}

async function insertEvent(db: Queryable, planId: number, change: PlanChange & { state: PlanState }, from: PlanState | null): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO action_plan_events (plan_id, at, actor, event, from_state, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [planId, change.at, change.actor, change.event, from, change.state, change.note ?? null],
  );
  return row!.id;
}
