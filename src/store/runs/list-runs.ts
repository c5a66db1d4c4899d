import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import type { SyncRun } from './run-types.js';
import { selectRuns } from './select-runs.js';

export interface ListRunsOptions {
  /** Most runs to return, newest first (default 20). */
  limit?: number;
  /** Default runHeartbeatTimeoutMs. */
  heartbeatTimeoutMs?: number;
}

/** Recent sync runs, newest first, each with its failed metrics (error and SQL). */
export async function listRuns(db: Queryable, options: ListRunsOptions = {}): Promise<SyncRun[]> {
  const limit = options.limit ?? 20;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StoreError('input', `limit must be a positive whole number, got ${limit}.`);
  return selectRuns(db, { limit, heartbeatTimeoutMs: options.heartbeatTimeoutMs });
}

/** One sync run with its failed metrics, or undefined when there is no such run. */
export async function readRun(db: Queryable, runId: number, options: { heartbeatTimeoutMs?: number } = {}): Promise<SyncRun | undefined> {
  const [run] = await selectRuns(db, { runId, limit: 1, heartbeatTimeoutMs: options.heartbeatTimeoutMs });
  return run;
}
