import { cadenceSchema, type Cadence, type Project } from '../model/index.js';
import { addNotification, listPlans, type ActionPlan, type Queryable } from '../store/index.js';
import { deliveryAddresses } from './people.js';
import { periodStartOf, reviewGrain } from './period-dates.js';
import { formatTime } from './plan-message.js';

/**
 * One digest per person per period of their cadence (the most frequent review cadence of the
 * metrics they are responsible or accountable for; weekly when none), listing the plans that need them: their
 * own open and acknowledged plans and those escalated to them. Nobody gets an empty digest; a
 * second call in the same period writes nothing. Returns the people a digest was queued for.
 */
export async function queueDigests(store: Queryable, project: Project, options: { asOf: string }): Promise<string[]> {
  const plans = (await listPlans(store)).filter((p) => p.state === 'open' || p.state === 'acknowledged');
  const queued: string[] = [];
  for (const person of project.owners.people) {
    const mine = plans.filter((p) => p.owner === person.id || (p.escalatedTo === person.id && p.state === 'open'));
    if (mine.length === 0) continue;
    const cadence = digestCadence(project, person.id);
    const period = periodStartOf(options.asOf.slice(0, 10), reviewGrain[cadence], project.config.calendar.week_start);
    const subject = `[kpitree] Your ${cadence} digest: ${mine.length} action plan${mine.length === 1 ? ' needs' : 's need'} you`;
    const body = mine.map((plan) => digestLine(plan, person.id)).join('\n');
    const id = await addNotification(store, {
      person: person.id,
      planId: null,
      kind: 'digest',
      subject,
      body,
      dedupeKey: `digest:${person.id}:${cadence}:${period}`,
      at: options.asOf,
      deliveries: deliveryAddresses(project.owners, project.config.notify, person.id),
    });
    if (id !== null) queued.push(person.id);
  }
  return queued;
}

function digestCadence(project: Project, person: string): Cadence {
  const cadences = project.owners.ownership.filter((o) => (o.responsible === person || o.accountable === person) && o.review).map((o) => o.review!);
  return cadenceSchema.options.find((c) => cadences.includes(c)) ?? 'weekly';
}

function digestLine(plan: ActionPlan, person: string): string {
  const escalated = plan.escalatedTo === person && plan.owner !== person ? `, escalated from ${plan.owner}` : '';
  return `#${plan.id} ${plan.breach.metric} (${plan.state}, due ${formatTime(plan.dueAt)}${escalated}): ${plan.action}`;
}
