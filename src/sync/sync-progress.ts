/** Where a run stands, after each metric starts or ends. */
export interface SyncProgress {
  runId: number;
  total: number;
  /** Metrics finished, succeeded or failed. */
  done: number;
  failed: number;
  /** Values written so far. */
  rows: number;
  elapsedMs: number;
  /** Estimated time left, from the pace so far; undefined before the first metric ends. */
  etaMs: number | undefined;
  /** Metrics being synced now. */
  running: string[];
}

/** Time left at the pace so far (elapsed per finished metric, parallel work included) times the metrics left. */
export function estimateRemaining(done: number, total: number, elapsedMs: number): number | undefined {
  if (done === 0) return undefined;
  return Math.round((elapsedMs / done) * (total - done));
}
