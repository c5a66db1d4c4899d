import type { Project, TriggerCondition } from '../model/index.js';
import type { ActionPlan, NotificationKind } from '../store/index.js';

const conditionText = (condition: TriggerCondition): string =>
  condition === 'threshold' ? 'past its threshold' : condition === 'anomaly' ? 'anomalous' : `worse ${condition.decline} periods running`;

/** The words of a plan notification: what broke, what to do, by when, and how to acknowledge it. */
export function planMessage(project: Project, plan: ActionPlan, kind: Exclude<NotificationKind, 'digest'>, recipient: string): { subject: string; body: string } {
  const metric = project.metrics.get(plan.breach.metric);
  const name = metric?.name ?? plan.breach.metric;
  const ownership = project.owners.ownership.find((o) => o.metric === plan.breach.metric);
  const trigger = ownership?.triggers?.find((t) => t.id === plan.breach.trigger);
  const why = trigger ? trigger.when.map(conditionText).join(' and ') : 'past its threshold';
  const slice = Object.keys(plan.breach.slice).length > 0 ? ` (${Object.entries(plan.breach.slice).map(([k, v]) => `${k}=${v ?? '(none)'}`).join(', ')})` : '';
  const due = formatTime(plan.dueAt);
  const lead = {
    plan: `${name}${slice} is ${why}.`,
    escalation: `${name}${slice} is ${why}, and plan ${plan.id} for ${plan.owner} was not acknowledged by ${due}. It is escalated to you.`,
    reopened: `${name}${slice} has not recovered past its threshold by the review date: plan ${plan.id} is open again.`,
  }[kind];
  const subject = {
    plan: `[kpitree] Action plan ${plan.id}: ${name}${slice} is ${why}`,
    escalation: `[kpitree] Escalated: ${name}${slice} (plan ${plan.id}, due ${due})`,
    reopened: `[kpitree] Reopened: ${name}${slice} (plan ${plan.id})`,
  }[kind];
  const body = [
    lead,
    `Value ${formatNumber(plan.value)} for the ${plan.breach.grain} of ${plan.period}; threshold ${formatNumber(plan.thresholdLine)}; since the ${plan.breach.grain} of ${plan.breach.start}.`,
    `Action: ${plan.action}`,
    `Due: ${due}`,
    `Acknowledge: kpitree plans ack ${plan.id} --as ${recipient}`,
  ].join('\n');
  return { subject, body };
}

export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function formatNumber(value: number | null): string {
  return value === null ? '–' : String(Number(value.toPrecision(4)));
}
