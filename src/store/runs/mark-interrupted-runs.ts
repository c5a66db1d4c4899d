import type { Queryable } from '../store.js';

/**
 * Records as interrupted every running run without a heartbeat for `olderThanMs` (0: every
 * running run, which is right on PGlite at open: the folder lock proves their process is gone).
 * Returns how many were marked.
 */
export async function markInterruptedRuns(db: Queryable, options: { olderThanMs: number }): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE sync_runs
     SET status = 'interrupted', finished_at = heartbeat_at,
         error = coalesce(error, 'Interrupted: the process running it stopped (killed, crashed or cut off) before finishing.')
     WHERE status = 'running' AND heartbeat_at <= clock_timestamp() - make_interval(secs => $1)
     RETURNING id`,
    [options.olderThanMs / 1000],
  );
  return rows.length;
}
