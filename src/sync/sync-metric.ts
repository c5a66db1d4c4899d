import { readGrainRows, type CompiledGrains, type GrainRange } from '../semantic/index.js';
import { recordMetricResult, replaceSeriesWindow, StoreError } from '../store/index.js';
import { compileMetricSync, sqlWithParameters } from './compile-metric-sync.js';
import { retryTransient } from './retry-transient.js';
import type { SyncEnv } from './sync-env.js';

/** How one metric of a run went. */
export interface MetricOutcome {
  metric: string;
  status: 'succeeded' | 'failed';
  /** Values written, every grain and slice. */
  rows: number;
  attempts: number;
  durationMs: number;
  error?: string;
  /** The statement that failed, with its parameters. */
  sql?: string;
}

/**
 * Syncs one metric for a run: ONE warehouse statement for every grain and slice (tried again with
 * backoff while the warehouse fails transiently), then ONE store transaction that replaces the
 * window of every grain and records the result; either all of it commits or none. A failure of
 * the metric (its SQL, its compilation) is recorded on the run and returned. A store that cannot
 * be reached is thrown: nothing else can be recorded either.
 */
export async function syncMetric(env: SyncEnv, job: { runId: number; metric: string; ranges: GrainRange[] }): Promise<MetricOutcome> {
  const started = performance.now();
  const { runId, metric } = job;
  const fail = (error: unknown, attempts: number, sql?: string) => recordFailure(env, { runId, metric, attempts, started, error, sql });
  let compiled: CompiledGrains;
  try {
    compiled = compileMetricSync(env, metric, job.ranges);
  } catch (error) {
    return fail(error, 1);
  }
  const sql = sqlWithParameters(compiled.sql, compiled.params);
  const result = await retryTransient(() => env.warehouse.query(compiled.sql, compiled.params), {
    attempts: env.attempts ?? env.project.config.sync.attempts,
    baseDelayMs: env.retryDelayMs,
    onRetry: (error, attempt, delayMs) => env.onRetry?.(metric, error, attempt, delayMs),
  });
  if (!result.ok) return fail(result.error, result.attempts, sql);
  try {
    const byGrain = readGrainRows(compiled, result.value);
    const windows = job.ranges.map((range) => ({ grain: range.grain, from: range.from, to: compiled.periods[range.grain]!.at(-1)!, rows: byGrain.get(range.grain) ?? [] }));
    const rows = await env.store.withTransaction(async (tx) => {
      let written = 0;
      for (const window of windows) written += (await replaceSeriesWindow(tx, { metric, runId, ...window })).written;
      await recordMetricResult(tx, {
        runId,
        metric,
        status: 'succeeded',
        rowsWritten: written,
        attempts: result.attempts,
        durationMs: performance.now() - started,
        window: { from: windows.map((w) => w.from).sort()[0]!, to: windows.map((w) => w.to).sort().at(-1)! },
      });
      return written;
    });
    return { metric, status: 'succeeded', rows, attempts: result.attempts, durationMs: performance.now() - started };
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'connection') throw error;
    // The statement ran: what failed was keeping its values, and the previous ones stay.
    return fail(new Error(`The values could not be stored: ${error instanceof Error ? error.message : String(error)}`), result.attempts);
  }
}

async function recordFailure(
  env: SyncEnv,
  failure: { runId: number; metric: string; attempts: number; started: number; error: unknown; sql?: string },
): Promise<MetricOutcome> {
  const error = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const durationMs = performance.now() - failure.started;
  await recordMetricResult(env.store, {
    runId: failure.runId,
    metric: failure.metric,
    status: 'failed',
    attempts: failure.attempts,
    durationMs,
    error,
    ...(failure.sql ? { sql: failure.sql } : {}),
  });
  return { metric: failure.metric, status: 'failed', rows: 0, attempts: failure.attempts, durationMs, error, ...(failure.sql ? { sql: failure.sql } : {}) };
}
