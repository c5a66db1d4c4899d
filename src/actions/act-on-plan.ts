import { didYouMean, type Project } from '../model/index.js';
import { changePlan, readPlan, type ActionPlan, type Queryable } from '../store/index.js';
import { ActionError } from './action-error.js';
import { findPerson } from './people.js';
import { addPeriod, reviewGrain } from './period-dates.js';

export type PlanAction = 'acknowledge' | 'resolve';

export interface ActOnPlan {
  planId: number;
  action: PlanAction;
  /** The person acting, an owners.yaml id: recorded in the plan's history. */
  person: string;
  at: string;
  note?: string;
}

const allowedFrom: Record<PlanAction, ActionPlan['state'][]> = { acknowledge: ['open'], resolve: ['open', 'acknowledged'] };

/**
 * A person acknowledges or resolves a plan. Resolving sets the review date one review period on
 * (when the evaluation verifies or reopens it). Only the people of the plan (responsible,
 * accountable, escalated to) or an admin or executive may act. Returns the plan after the change.
 */
export async function actOnPlan(store: Queryable, project: Project, act: ActOnPlan): Promise<ActionPlan> {
  const person = findPerson(project.owners, act.person);
  if (!person) {
    const hint = didYouMean(act.person, project.owners.people.map((p) => p.id));
    throw new ActionError('person', `unknown person "${act.person}" in owners.yaml${hint ? ` (${hint})` : ''}`);
  }
  const plan = await readPlan(store, act.planId);
  if (!plan) throw new ActionError('plan', `there is no action plan ${act.planId}; list them with: kpitree plans`);
  if (!allowedFrom[act.action].includes(plan.state)) {
    throw new ActionError('state', `plan ${plan.id} is ${plan.state}; only ${allowedFrom[act.action].join(' or ')} plans can be ${act.action === 'acknowledge' ? 'acknowledged' : 'resolved'}`);
  }
  const involved = [plan.owner, plan.accountable, plan.escalatedTo].includes(person.id) || person.role === 'admin' || person.role === 'executive';
  if (!involved) throw new ActionError('person', `${person.id} is not responsible or accountable for plan ${plan.id} (owner ${plan.owner}), nor an admin or executive`);
  const ownership = project.owners.ownership.find((o) => o.metric === plan.breach.metric);
  const reviewAt = act.action === 'resolve' ? addPeriod(act.at, ownership?.review ? reviewGrain[ownership.review] : plan.breach.grain) : null;
  await changePlan(store, plan, {
    event: act.action === 'acknowledge' ? 'acknowledged' : 'resolved',
    actor: person.id,
    at: act.at,
    state: act.action === 'acknowledge' ? 'acknowledged' : 'resolved',
    reviewAt,
    ...(act.note ? { note: act.note } : {}),
  });
  return (await readPlan(store, plan.id))!;
}
