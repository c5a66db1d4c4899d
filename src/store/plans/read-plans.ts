import type { Grain } from '../../model/index.js';
import { sliceKey } from '../series/slice-key.js';
import type { Slice } from '../series/series-types.js';
import type { Queryable, SqlParam } from '../store.js';
import { planStates, type ActionPlan, type PlanEvent, type PlanState } from './plan-types.js';
import { selectPlans } from './select-plans.js';
import { StoreError } from '../store-error.js';

export interface ListPlansOptions {
  owner?: string;
  state?: PlanState;
}

/** Plans, oldest first: by owner (responsible, or the person escalated to) and by state. */
export async function listPlans(db: Queryable, options: ListPlansOptions = {}): Promise<ActionPlan[]> {
  const params: SqlParam[] = [];
  const where: string[] = ['true'];
  if (options.owner !== undefined) {
    params.push(options.owner);
    where.push(`(owner_id = $${params.length} OR escalated_to = $${params.length})`);
  }
  if (options.state !== undefined) {
    if (!planStates.includes(options.state)) throw new StoreError('input', `"${options.state}" is not a plan state: use ${planStates.join(', ')}.`);
    params.push(options.state);
    where.push(`state = $${params.length}`);
  }
  return selectPlans(db, where.join(' AND '), params);
}

export async function readPlan(db: Queryable, id: number): Promise<ActionPlan | undefined> {
  return (await selectPlans(db, 'id = $1', [id]))[0];
}

/** The newest plan of a metric's slice and trigger, live or verified: what a new breach is compared with. */
export async function latestPlanFor(db: Queryable, key: { metric: string; grain: Grain; slice: Slice; trigger: string }): Promise<ActionPlan | undefined> {
  const plans = await selectPlans(
    db,
    'metric_id = $1 AND grain = $2 AND slice_key = $3 AND trigger_id = $4',
    [key.metric, key.grain, sliceKey(key.slice), key.trigger],
    ' DESC LIMIT 1',
  );
  return plans[0];
}

/** A plan's history, oldest first: its audit trail. */
export async function listPlanEvents(db: Queryable, planId: number): Promise<PlanEvent[]> {
  return db.query<PlanEvent>(
    `SELECT id, plan_id AS "planId", at, actor, event, from_state AS "fromState", to_state AS "toState", note
     FROM action_plan_events WHERE plan_id = $1 ORDER BY id`,
    [planId],
  );
}
