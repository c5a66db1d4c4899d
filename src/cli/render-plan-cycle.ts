import type { PlanCycle } from '../actions/index.js';

/** The plan cycle in two lines: which plans moved, and what was sent. */
export function renderPlanCycle(cycle: PlanCycle): string {
  const { steps, deliveries } = cycle;
  const list = (ids: number[]) => (ids.length > 0 ? ` (${ids.join(', ')})` : '');
  return (
    `Plans: ${steps.open.length} opened${list(steps.open)}, ${steps.recur.length + steps.reopen.length} reopened${list([...steps.recur, ...steps.reopen])}, ` +
    `${steps.escalate.length} escalated${list(steps.escalate)}, ${steps.verify.length} verified${list(steps.verify)}.\n` +
    `Digests: ${cycle.digests}. Deliveries: ${deliveries.sent} sent, ${deliveries.retrying} to retry, ${deliveries.failed} failed${deliveries.retrying + deliveries.failed > 0 ? ' (kpitree plans deliveries)' : ''}.\n`
  );
}
