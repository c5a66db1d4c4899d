import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import type { SyncRun } from './run-types.js';
import { selectRuns } from './select-runs.js';

/**
 * Ends a run: succeeded when every planned metric was written and there is no `error`, failed
 * when none was, partial otherwise. `error` is a failure of the run as a whole (the warehouse
 * unreachable). A run already marked interrupted still gets its real outcome.
 */
export async function finishRun(db: Queryable, runId: number, options: { error?: string } = {}): Promise<SyncRun> {
  return db.withTransaction(async (tx) => {
    const [current] = await tx.query<{ status: string }>('SELECT status FROM sync_runs WHERE id = $1 FOR UPDATE', [runId]);
    if (!current) throw new StoreError('input', `There is no sync run ${runId} to finish.`);
    if (current.status !== 'running' && current.status !== 'interrupted') throw new StoreError('input', `Sync run ${runId} is already finished (${current.status}).`);
    await tx.query(
      `UPDATE sync_runs SET
         finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(), error = $2,
         status = CASE
           WHEN metrics_succeeded = 0 AND (metrics_failed > 0 OR $2::text IS NOT NULL OR coalesce(metrics_planned, 0) > 0) THEN 'failed'
           WHEN metrics_failed > 0 OR $2::text IS NOT NULL OR metrics_succeeded < coalesce(metrics_planned, 0) THEN 'partial'
           ELSE 'succeeded' END
       WHERE id = $1`,
      [runId, options.error ?? null],
    );
    const [run] = await selectRuns(tx, { runId, limit: 1 });
    return run!;
  });
}
