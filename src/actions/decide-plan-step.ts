import type { ActionPlan } from '../store/index.js';
import type { TriggerVerdict } from './judge-trigger.js';

/** What one evaluation does for a metric's slice and trigger: at most one step. */
export type PlanStep =
  | { kind: 'none' }
  | { kind: 'open'; recurrenceOf: number | null }
  /** The same breach again after its plan was verified (e.g. history restated): that plan reopens. */
  | { kind: 'recur'; plan: ActionPlan }
  | { kind: 'escalate'; plan: ActionPlan; to: string }
  | { kind: 'verify'; plan: ActionPlan }
  /** Resolved, but the metric is still past its threshold on the review date. */
  | { kind: 'reopen'; plan: ActionPlan }
  /** Nothing changes but the value the plan was last judged on. */
  | { kind: 'reading'; plan: ActionPlan };

/**
 * The plan lifecycle, pure: one plan per breach, never two live ones; escalation of a plan
 * still unacknowledged after its due time; a resolved plan is verified once the metric has
 * recovered past its threshold, and reopened if it has not by its review date.
 */
export function decidePlanStep(latest: ActionPlan | undefined, verdict: TriggerVerdict, asOf: string, escalateTo: string | null): PlanStep {
  if (!latest || latest.state === 'verified') {
    if (!verdict.breaching) return { kind: 'none' };
    if (latest && latest.breach.start === verdict.breachStart) return { kind: 'recur', plan: latest };
    return { kind: 'open', recurrenceOf: latest?.id ?? null };
  }
  if (latest.state === 'resolved') {
    if (verdict.recovered) return { kind: 'verify', plan: latest };
    if (Date.parse(asOf) >= Date.parse(latest.reviewAt!)) return { kind: 'reopen', plan: latest };
  }
  const overdue = latest.state === 'open' && latest.escalatedAt === null && Date.parse(asOf) > Date.parse(latest.dueAt);
  if (overdue && escalateTo !== null && escalateTo !== latest.owner) return { kind: 'escalate', plan: latest, to: escalateTo };
  return { kind: 'reading', plan: latest };
}
