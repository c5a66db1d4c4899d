import type { Project } from '../model/index.js';
import type { DeliveryChannel, Queryable } from '../store/index.js';
import { evaluateActionPlans, type PlanSteps } from './evaluate-action-plans.js';
import type { Notifier } from './notify/notifier.js';
import { deliverPending, type DeliveryOutcome } from './notify/deliver-pending.js';
import { retrySettings } from './notify/project-notifiers.js';
import { queueDigests } from './queue-digests.js';
import { readTriggerAnomalies } from './trigger-anomalies.js';

export interface PlanCycle {
  steps: PlanSteps;
  /** Digests queued. */
  digests: number;
  deliveries: DeliveryOutcome;
}

/**
 * What follows a sync for the owners: judge every trigger on the stored values and anomalies, move
 * the plans on, queue the digests that are due, and send what waits (earlier failures included).
 */
export async function runPlanCycle(store: Queryable, project: Project, notifiers: Partial<Record<DeliveryChannel, Notifier>>, asOf: string): Promise<PlanCycle> {
  const steps = await evaluateActionPlans(store, project, { asOf, anomalies: await readTriggerAnomalies(store, asOf) });
  const digests = await queueDigests(store, project, { asOf });
  const deliveries = await deliverPending(store, notifiers, retrySettings(project, asOf));
  return { steps, digests: digests.length, deliveries };
}
