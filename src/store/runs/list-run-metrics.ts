import type { Queryable } from '../store.js';

/** The metrics a sync run has recorded, with whether each was written, in metric order. */
export async function listRunMetrics(db: Queryable, runId: number): Promise<{ metric: string; status: 'succeeded' | 'failed' }[]> {
  return db.query('SELECT metric_id AS metric, status FROM sync_run_metrics WHERE run_id = $1 ORDER BY metric_id', [runId]);
}
