import { finishRun, readRun, StoreError, type Queryable, type SyncRun } from '../../store/index.js';

/**
 * Finishes a queued run once every planned metric has a result, whichever worker recorded the
 * last one. Two workers may both see it done: finishRun locks the run, and the second is refused
 * ("already finished") and returns undefined.
 */
export async function finishRunIfDone(store: Queryable, runId: number): Promise<SyncRun | undefined> {
  const run = await readRun(store, runId);
  if (!run || (run.status !== 'running' && run.status !== 'interrupted') || run.metricsPlanned === null) return undefined;
  if (run.metricsSucceeded + run.metricsFailed < run.metricsPlanned) return undefined;
  try {
    return await finishRun(store, runId);
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'input') return undefined;
    throw error;
  }
}
