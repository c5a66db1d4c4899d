import { ActionError, projectNotifiers, runPlanCycle } from '../../actions/index.js';
import type { Project } from '../../model/index.js';
import { openProjectStore } from '../../project/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { renderPlanCycle } from '../render-plan-cycle.js';

export interface PlansEvaluateOptions {
  project?: string;
  asOf?: string;
}

/**
 * kpitree plans evaluate: what a sync does for the owners after its analysis (runPlanCycle), on
 * demand: judge every trigger on the stored values and anomalies, move the plans on, queue the
 * digests that are due, and send what waits (retrying earlier failures that are due).
 */
export async function plansEvaluateCommand(options: PlansEvaluateOptions, io: CliIo): Promise<void> {
  const asOf = options.asOf === undefined ? io.now().toISOString() : parseMoment(options.asOf);
  const open = await openProject(options.project, io);
  const notifiers = notifiersOrUsage(open.project, io.env);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    io.stdout(renderPlanCycle(await runPlanCycle(store, open.project, notifiers, asOf)));
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
