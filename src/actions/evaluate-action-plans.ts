import type { Grain, Ownership, Project, Trigger } from '../model/index.js';
import { addNotification, changePlan, insertPlan, latestPlanFor, listSlices, readPlan, readSeries, recordPlanReading, sliceKey, type Queryable, type Slice } from '../store/index.js';
import { decidePlanStep, type PlanStep } from './decide-plan-step.js';
import { judgeTrigger, type TriggerVerdict } from './judge-trigger.js';
import type { MetricAnomaly } from './metric-anomaly.js';
import { ownershipTriggers } from './ownership-triggers.js';
import { deliveryAddresses, escalationTarget } from './people.js';
import { judgedGrain } from './period-dates.js';
import { planMessage } from './plan-message.js';

export interface EvaluateOptions {
  /** The moment of the evaluation (ISO UTC): periods over by then are judged; due and review times compare with it. */
  asOf: string;
  /** Anomalies of the stored series, from the monitor; without them, "anomaly" conditions never hold. */
  anomalies?: readonly MetricAnomaly[];
}

/** The ids of the plans each kind of step touched. */
export type PlanSteps = Record<Exclude<PlanStep['kind'], 'none' | 'reading'>, number[]>;

const actor = 'kpitree';

/**
 * Run after a sync: judges every trigger of every owned metric on its stored values and moves the
 * action plans on (open, escalate, verify, reopen), each step with its event and its notifications
 * in one transaction under a lock per breach key. Running it twice changes nothing the second time.
 * Returns the plan ids per step.
 */
export async function evaluateActionPlans(store: Queryable, project: Project, options: EvaluateOptions): Promise<PlanSteps> {
  const steps: PlanSteps = { open: [], recur: [], escalate: [], verify: [], reopen: [] };
  for (const ownership of project.owners.ownership) {
    const grain = judgedGrain(ownership, project.config.sync.grains);
    for (const trigger of ownershipTriggers(ownership)) {
      for (const slice of await triggerSlices(store, ownership.metric, grain, trigger)) {
        const values = await readSeries(store, { metric: ownership.metric, grain, slice });
        const anomalies = (options.anomalies ?? []).filter((a) => a.metric === ownership.metric && a.grain === grain && sliceKey(a.slice ?? {}) === sliceKey(slice));
        const verdict = judgeTrigger({ ownership, trigger, grain, values, anomalies, asOf: options.asOf });
        if (!verdict) continue;
        const key = { metric: ownership.metric, grain, slice, trigger: trigger.id };
        const step = await store.withTransaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`action_plan:${JSON.stringify({ ...key, slice: sliceKey(slice) })}`]);
          const latest = await latestPlanFor(tx, key);
          const next = decidePlanStep(latest, verdict, options.asOf, escalationTarget(project.owners, ownership));
          return { kind: next.kind, planId: await applyStep(tx, project, { ownership, key, verdict, step: next, asOf: options.asOf }) };
        });
        if (step.kind !== 'none' && step.kind !== 'reading') steps[step.kind].push(step.planId!);
      }
    }
  }
  return steps;
}

/** The total, or every stored slice of exactly the trigger's `by` dimensions. */
async function triggerSlices(store: Queryable, metric: string, grain: Grain, trigger: Trigger): Promise<Slice[]> {
  if (!trigger.by) return [{}];
  const wanted = [...trigger.by].sort().join(',');
  return (await listSlices(store, metric, grain)).filter((slice) => Object.keys(slice).sort().join(',') === wanted);
}

interface StepContext {
  ownership: Ownership;
  key: { metric: string; grain: Grain; slice: Slice; trigger: string };
  verdict: TriggerVerdict;
  step: PlanStep;
  asOf: string;
}

async function applyStep(tx: Queryable, project: Project, context: StepContext): Promise<number | null> {
  const { step, verdict, asOf, ownership } = context;
  const reading = { period: verdict.period, value: verdict.value, thresholdLine: verdict.thresholdLine };
  const dueAt = new Date(Date.parse(asOf) + ownership.playbook!.due.seconds * 1000).toISOString();
  switch (step.kind) {
    case 'none':
      return null;
    case 'reading':
      await recordPlanReading(tx, step.plan.id, reading);
      return step.plan.id;
    case 'open': {
      const breach = { ...context.key, start: verdict.breachStart! };
      const plan = { breach, owner: ownership.responsible, accountable: ownership.accountable ?? null, action: ownership.playbook!.action, dueAt, recurrenceOf: step.recurrenceOf, ...reading };
      const { planId, eventId } = await insertPlan(tx, plan, asOf);
      await notify(tx, project, planId, 'plan', ownership.responsible, eventId, asOf);
      return planId;
    }
    case 'recur':
    case 'reopen': {
      const note = step.kind === 'recur' ? 'the breach recurred after the plan was verified' : 'not recovered past the threshold by the review date';
      const eventId = await changePlan(tx, step.plan, { event: step.kind === 'recur' ? 'recurred' : 'reopened', actor, at: asOf, state: 'open', dueAt, reading, note });
      await notify(tx, project, step.plan.id, 'reopened', step.plan.owner, eventId, asOf);
      return step.plan.id;
    }
    case 'escalate': {
      const eventId = await changePlan(tx, step.plan, { event: 'escalated', actor, at: asOf, escalatedTo: step.to, reading, note: `not acknowledged by its due time; escalated to ${step.to}` });
      await notify(tx, project, step.plan.id, 'escalation', step.to, eventId, asOf);
      return step.plan.id;
    }
    case 'verify':
      await changePlan(tx, step.plan, { event: 'verified', actor, at: asOf, state: 'verified', reading, note: 'recovered past the threshold' });
      return step.plan.id;
  }
}

async function notify(tx: Queryable, project: Project, planId: number, kind: 'plan' | 'escalation' | 'reopened', person: string, eventId: number, at: string): Promise<void> {
  const plan = (await readPlan(tx, planId))!;
  const { subject, body } = planMessage(project, plan, kind, person);
  const deliveries = deliveryAddresses(project.owners, project.config.notify, person);
  await addNotification(tx, { person, planId, kind, subject, body, dedupeKey: `event:${eventId}:${person}`, at, deliveries });
}
