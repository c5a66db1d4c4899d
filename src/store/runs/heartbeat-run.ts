import type { Queryable } from '../store.js';

/** Tells readers the run's process is alive. Call it at least every runHeartbeatTimeoutMs / 4 while the run works. */
export async function heartbeatRun(db: Queryable, runId: number): Promise<void> {
  await db.query('UPDATE sync_runs SET heartbeat_at = clock_timestamp() WHERE id = $1', [runId]);
}
