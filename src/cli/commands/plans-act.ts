import { actOnPlan, ActionError, type PlanAction } from '../../actions/index.js';
import { openProjectStore } from '../../project/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { checkPerson, parsePlanId } from './plans.js';

export interface PlanActOptions {
  project?: string;
  as: string;
  note?: string;
}

/** kpitree plans ack|resolve <id> --as <person>: a person moves a plan on; the history records who. */
export async function planActCommand(action: PlanAction, id: string, options: PlanActOptions, io: CliIo): Promise<void> {
  const planId = parsePlanId(id);
  const open = await openProject(options.project, io);
  checkPerson(open.project, options.as, '--as');
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const at = io.now().toISOString();
    const plan = await actOnPlan(store, open.project, { planId, action, person: options.as, at, ...(options.note ? { note: options.note } : {}) });
    const review = plan.reviewAt ? `; kpitree verifies it once ${plan.breach.metric} is back past its threshold, or reopens it on ${plan.reviewAt.slice(0, 10)}` : '';
    io.stdout(`Plan ${plan.id} (${plan.breach.metric}) is ${plan.state}${review}.\n`);
  } catch (error) {
    if (error instanceof ActionError) throw new UsageError(error.field === 'person' ? `--as: ${error.message}` : error.message);
    throw error;
  } finally {
    await store.close();
  }
}
