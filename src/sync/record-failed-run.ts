import { finishRun, startRun, type Queryable, type RunTrigger, type SyncRun } from '../store/index.js';

/**
 * Records a run that could not start its work (the warehouse unreachable, its catalog unreadable):
 * failed, with the error, so that scheduled runs that never got going still show in `kpitree runs`.
 */
export async function recordFailedRun(store: Queryable, run: { trigger: RunTrigger; metricsPlanned: number; error: string }): Promise<SyncRun> {
  const started = await startRun(store, { trigger: run.trigger, metricsPlanned: run.metricsPlanned });
  return finishRun(store, started.id, { error: run.error });
}
