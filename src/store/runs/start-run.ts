import { hostname } from 'node:os';
import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import { markInterruptedRuns } from './mark-interrupted-runs.js';
import { runHeartbeatTimeoutMs, type RunTrigger, type SyncRun } from './run-types.js';
import { selectRuns } from './select-runs.js';

export interface StartRun {
  trigger: RunTrigger;
  /** How many metrics the run means to sync, for progress and for telling a complete run. */
  metricsPlanned?: number;
  /** Default: this host and pid. */
  worker?: string;
  /** Default runHeartbeatTimeoutMs. */
  heartbeatTimeoutMs?: number;
}

const triggers: readonly RunTrigger[] = ['manual', 'schedule', 'backfill'];

/**
 * Records a new running sync run and returns it. First records as interrupted the runs left
 * running by processes that died (no heartbeat for heartbeatTimeoutMs). The caller must then
 * call heartbeatRun at least every heartbeatTimeoutMs / 4 while it works, and finishRun at the end.
 */
export async function startRun(db: Queryable, start: StartRun): Promise<SyncRun> {
  if (!triggers.includes(start.trigger)) throw new StoreError('input', `"${start.trigger}" is not a run trigger: use ${triggers.join(', ')}.`);
  const planned = start.metricsPlanned ?? null;
  if (planned !== null && (!Number.isSafeInteger(planned) || planned < 0)) throw new StoreError('input', `metricsPlanned must be a whole number ≥ 0, got ${planned}.`);
  return db.withTransaction(async (tx) => {
    await markInterruptedRuns(tx, { olderThanMs: start.heartbeatTimeoutMs ?? runHeartbeatTimeoutMs });
    const [row] = await tx.query<{ id: number }>('INSERT INTO sync_runs (trigger, metrics_planned, worker) VALUES ($1, $2, $3) RETURNING id', [
      start.trigger,
      planned,
      start.worker ?? `${hostname()}:${process.pid}`,
    ]);
    const [run] = await selectRuns(tx, { runId: row!.id, limit: 1, heartbeatTimeoutMs: start.heartbeatTimeoutMs });
    return run!;
  });
}
