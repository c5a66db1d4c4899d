import type { GrainRange } from '../semantic/index.js';
import { finishRun, startRun, type RunTrigger, type SyncRun } from '../store/index.js';
import { startHeartbeat } from './run-heartbeat.js';
import type { SyncEnv } from './sync-env.js';
import { syncMetric, type MetricOutcome } from './sync-metric.js';
import { estimateRemaining, type SyncProgress } from './sync-progress.js';
import { syncRanges } from './sync-ranges.js';

export interface SyncRequest {
  metrics: readonly string[];
  /** Recompute all history (sync.history_start) instead of the restatement window. */
  full?: boolean;
  /** Default: backfill when full, else manual. */
  trigger?: RunTrigger;
  /** 'YYYY-MM-DD' in the calendar's time zone: the last day computed. */
  today: string;
  /** Metrics in flight at once (default 2: one queries while another is written). */
  concurrency?: number;
  onStart?: (run: SyncRun, ranges: GrainRange[]) => void;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  /** As finished: succeeded, partial or failed, with its failures. */
  run: SyncRun;
  outcomes: MetricOutcome[];
  ranges: GrainRange[];
  durationMs: number;
}

/**
 * One sync run: records it, syncs each metric (one statement, one transaction; see syncMetric) a
 * few at a time, heartbeats while it works, and finishes it succeeded, partial or failed. A
 * metric's failure is recorded and the others go on. If the store itself fails, the run stops,
 * is finished with that error if the store still answers, and the error is thrown.
 */
export async function runSync(env: SyncEnv, request: SyncRequest): Promise<SyncResult> {
  const started = performance.now();
  const { config } = env.project;
  const ranges = syncRanges(config.sync, config.calendar, request.today, request.full ?? false);
  const metrics = [...new Set(request.metrics)];
  const run = await startRun(env.store, { trigger: request.trigger ?? (request.full ? 'backfill' : 'manual'), metricsPlanned: metrics.length });
  request.onStart?.(run, ranges);
  const heartbeat = startHeartbeat(env.store, () => [run.id]);
  const outcomes: MetricOutcome[] = [];
  const running = new Set<string>();
  const state = { done: 0, failed: 0, rows: 0 };
  const report = () => {
    const elapsedMs = performance.now() - started;
    request.onProgress?.({ runId: run.id, total: metrics.length, ...state, elapsedMs, etaMs: estimateRemaining(state.done, metrics.length, elapsedMs), running: [...running] });
  };
  let next = 0;
  let fatal: unknown;
  const slot = async () => {
    while (fatal === undefined && next < metrics.length) {
      const metric = metrics[next++]!;
      running.add(metric);
      report();
      try {
        const outcome = await syncMetric(env, { runId: run.id, metric, ranges });
        outcomes.push(outcome);
        state.done++;
        state.rows += outcome.rows;
        if (outcome.status === 'failed') state.failed++;
      } catch (error) {
        fatal ??= error;
      } finally {
        running.delete(metric);
      }
      report();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(request.concurrency ?? 2, metrics.length)) }, slot));
  } finally {
    await heartbeat.stop();
  }
  if (fatal !== undefined) {
    const message = fatal instanceof Error ? fatal.message : String(fatal);
    await finishRun(env.store, run.id, { error: `Stopped: ${message}` }).catch(() => undefined);
    throw fatal;
  }
  const finished = await finishRun(env.store, run.id);
  return { run: finished, outcomes, ranges, durationMs: performance.now() - started };
}
