import type { DeliveryChannel, Queryable } from '../../store/index.js';
import { claimDueDeliveries, recordDeliveryAttempt } from '../../store/index.js';
import type { Notifier } from './notifier.js';

export interface DeliverOptions {
  /** ISO UTC. */
  now: string;
  /** Tries before a delivery is marked failed. */
  attempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  backoffSeconds: number;
}

export interface DeliveryOutcome {
  sent: number;
  retrying: number;
  failed: number;
}

/** How long a sender holds the deliveries it took, so that another sender skips them. */
const leaseMs = 5 * 60_000;

/**
 * Sends the deliveries due by `now`, each by its channel's notifier. A failure is recorded with
 * its error and retried later (backoff, doubling) until the tries run out; the plan and the inbox
 * note it came from are never touched.
 */
export async function deliverPending(store: Queryable, notifiers: Partial<Record<DeliveryChannel, Notifier>>, options: DeliverOptions): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0 };
  const due = await claimDueDeliveries(store, options.now, new Date(Date.parse(options.now) + leaseMs).toISOString());
  for (const delivery of due) {
    const notifier = notifiers[delivery.channel];
    try {
      if (!notifier) throw new Error(`no ${delivery.channel} settings in kpitree.yaml notify:`);
      await notifier.send({ address: delivery.address, subject: delivery.subject, body: delivery.body });
      await recordDeliveryAttempt(store, delivery.id, { at: options.now });
      outcome.sent++;
    } catch (error) {
      const tries = delivery.attempts + 1;
      const retryAt = tries >= options.attempts ? null : new Date(Date.parse(options.now) + options.backoffSeconds * 1000 * 2 ** (tries - 1)).toISOString();
      await recordDeliveryAttempt(store, delivery.id, { at: options.now, error: error instanceof Error ? error.message : String(error), retryAt });
      outcome[retryAt ? 'retrying' : 'failed']++;
    }
  }
  return outcome;
}
