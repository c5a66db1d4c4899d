import type { Project } from '../../model/index.js';
import type { DeliveryChannel } from '../../store/index.js';
import type { DeliverOptions } from './deliver-pending.js';
import { emailNotifier } from './email-notifier.js';
import type { Notifier } from './notifier.js';
import { webhookNotifier } from './webhook-notifier.js';

/** The notifiers kpitree.yaml's notify: settings call for, with secrets from `env`. */
export function projectNotifiers(project: Project, env: Record<string, string | undefined>): Partial<Record<DeliveryChannel, Notifier>> {
  const notify = project.config.notify;
  return {
    ...(notify?.email ? { email: emailNotifier(notify.email, env) } : {}),
    ...(notify && notify.webhooks.length > 0 ? { webhook: webhookNotifier(env) } : {}),
  };
}

/** The retry settings of notify: (defaults when it is absent), for deliverPending. */
export function retrySettings(project: Project, now: string): DeliverOptions {
  return { now, attempts: project.config.notify?.attempts ?? 6, backoffSeconds: project.config.notify?.backoff.seconds ?? 60 };
}
