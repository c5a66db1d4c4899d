import { ActionError, deliverPending, evaluateActionPlans, projectNotifiers, queueDigests, retrySettings } from '../../actions/index.js';
import type { Project } from '../../model/index.js';
import { openProjectStore } from '../../project/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';

export interface PlansEvaluateOptions {
  project?: string;
  asOf?: string;
}

/**
 * kpitree plans evaluate: after a sync, judge every trigger on the stored values, move the plans
 * on, queue the digests that are due, and send what waits (retrying earlier failures that are due).
 */
export async function plansEvaluateCommand(options: PlansEvaluateOptions, io: CliIo): Promise<void> {
  const asOf = options.asOf === undefined ? io.now().toISOString() : parseMoment(options.asOf);
  const open = await openProject(options.project, io);
  const notifiers = notifiersOrUsage(open.project, io.env);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const steps = await evaluateActionPlans(store, open.project, { asOf });
    const digests = await queueDigests(store, open.project, { asOf });
    const sent = await deliverPending(store, notifiers, retrySettings(open.project, asOf));
    const list = (ids: number[]) => (ids.length > 0 ? ` (${ids.join(', ')})` : '');
    io.stdout(
      `Plans: ${steps.open.length} opened${list(steps.open)}, ${steps.recur.length + steps.reopen.length} reopened${list([...steps.recur, ...steps.reopen])}, ` +
        `${steps.escalate.length} escalated${list(steps.escalate)}, ${steps.verify.length} verified${list(steps.verify)}.\n` +
        `Digests: ${digests.length}. Deliveries: ${sent.sent} sent, ${sent.retrying} to retry, ${sent.failed} failed${sent.retrying + sent.failed > 0 ? ' (kpitree plans deliveries)' : ''}.\n`,
    );
  } finally {
    await store.close();
  }
}

/** Missing secrets are bad configuration, reported before anything is evaluated. */
function notifiersOrUsage(project: Project, env: NodeJS.ProcessEnv): ReturnType<typeof projectNotifiers> {
  try {
    return projectNotifiers(project, env);
  } catch (error) {
    if (error instanceof ActionError) throw new UsageError(`kpitree.yaml: ${error.message}`);
    throw error;
  }
}

function parseMoment(text: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(time)) throw new UsageError(`--as-of: "${text}" is not a date or time; write 2025-05-01 or 2025-05-01T08:00:00Z`);
  return new Date(time).toISOString();
}
