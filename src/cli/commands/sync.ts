import { didYouMean } from '../../model/index.js';
import { projectStoreUrl } from '../../project/index.js';
import { openStore } from '../../store/index.js';
import { metricJobExpiry, runSync, syncedMetrics, syncRanges, SyncQueue } from '../../sync/index.js';
import { analyzeAfterSync, renderAnalysisSummary } from '../analyze-after-sync.js';
import { RuntimeFailure, UsageError } from '../cli-error.js';
import { connectSyncWarehouse } from '../connect-sync-warehouse.js';
import type { CliIo } from '../io.js';
import { openProject, type OpenProject } from '../open-project.js';
import { todayIso } from '../parse-options.js';
import { describeRanges, renderSyncSummary } from '../render-sync-summary.js';
import { SyncProgressLine } from '../sync-progress-line.js';

export interface SyncOptions {
  project?: string;
  metric: string[];
  full?: boolean;
  enqueue?: boolean;
  /** False with --no-analyze: skip the analysis after the sync. */
  analyze?: boolean;
  format: string;
}

/**
 * kpitree sync: every metric of every tree (or --metric), one warehouse statement and one store
 * transaction per metric, over the restatement window (or --full history); then, unless
 * --no-analyze, the analysis of what it wrote (anomalies, forecasts, influence edges). Exit 1 when any failed.
 */
export async function syncCommand(options: SyncOptions, io: CliIo): Promise<void> {
  if (options.format !== 'table' && options.format !== 'json') throw new UsageError(`--format: "${options.format}" is not a format; use table or json`);
  const open = await openProject(options.project, io);
  const metrics = chooseMetrics(open, options.metric);
  const { config } = open.project;
  const today = todayIso(io.now(), config.calendar.timezone);
  const full = options.full ?? false;
  const ranges = syncRanges(config.sync, config.calendar, today, full);
  const trigger = full ? 'backfill' : 'manual';
  const storeUrl = projectStoreUrl(open.project, open.dir, io.env).url;
  if (options.enqueue && storeUrl.startsWith('pglite:')) {
    throw new UsageError('--enqueue hands the run to workers, which need a Postgres store: set DATABASE_URL (or store.url in kpitree.yaml); without it, run kpitree sync here');
  }
  const store = await openStore(storeUrl, { baseDir: open.dir });
  try {
    if (options.enqueue) {
      const queue = await SyncQueue.open(storeUrl);
      try {
        const run = await queue.enqueueRun(store, { metrics, ranges, trigger, expireInSeconds: metricJobExpiry({ project: open.project }) });
        if (options.format === 'json') io.stdout(`${JSON.stringify({ run, ranges }, null, 2)}\n`);
        else io.stdout(`Queued run ${run.id}: ${metrics.length} metrics for the workers (kpitree worker); ${describeRanges(ranges, full)}.\nFollow it with: kpitree runs ${run.id}\n`);
      } finally {
        await queue.close({ timeoutMs: 1_000 });
      }
      return;
    }
    const { warehouse, catalog } = await connectSyncWarehouse(open, io, store, { trigger, metricsPlanned: metrics.length });
    const progress = new SyncProgressLine(io);
    try {
      const result = await runSync(
        {
          project: open.project,
          warehouse,
          catalog,
          store,
          onRetry: (metric, error, attempt, delayMs) => {
            progress.end();
            io.stderr(`${metric}: ${error instanceof Error ? error.message : String(error)} — try ${attempt + 1} in ${Math.round(delayMs / 100) / 10} s\n`);
          },
        },
        {
          metrics,
          full,
          trigger,
          today,
          onStart: (run) => io.stderr(`Run ${run.id}: ${metrics.length} metrics from ${warehouse.description} into ${store.description}; ${describeRanges(ranges, full)}\n`),
          onProgress: (p) => progress.update(p),
        },
      );
      progress.end();
      if (options.format === 'table') io.stdout(renderSyncSummary(result));
      const analysis = options.analyze === false ? undefined : await analyzeAfterSync(store, open.project, result.run, today, io);
      if (options.format === 'json') io.stdout(`${JSON.stringify({ run: result.run, outcomes: result.outcomes, ranges: result.ranges, durationMs: Math.round(result.durationMs), analysis: analysis ?? null }, null, 2)}\n`);
      else if (analysis) io.stdout(renderAnalysisSummary(analysis));
      const failed = result.outcomes.filter((o) => o.status === 'failed').map((o) => o.metric);
      if (failed.length > 0) {
        throw new RuntimeFailure(`${failed.length} of ${metrics.length} metrics failed (${failed.join(', ')}); their previous values are kept`, [
          `see each error and the SQL that failed: kpitree runs ${result.run.id} --sql`,
        ]);
      }
      if (analysis && analysis.failures.length > 0) {
        throw new RuntimeFailure(`the analysis after run ${result.run.id} failed for ${analysis.failures.map((f) => f.subject).join(', ')}; the synced values and every other result are stored`);
      }
    } finally {
      progress.end();
      await warehouse.close();
    }
  } finally {
    await store.close();
  }
}

/** --metric (repeatable, or comma-separated), else every metric a sync keeps; an unknown id is bad input. */
function chooseMetrics(open: OpenProject, given: string[]): string[] {
  const named = given.flatMap((text) => text.split(',')).map((id) => id.trim()).filter(Boolean);
  if (named.length === 0) return syncedMetrics(open.project);
  for (const id of named) {
    if (!open.project.metrics.has(id)) {
      const hint = didYouMean(id, open.project.metrics.keys());
      throw new UsageError(`--metric: unknown metric "${id}"${hint ? ` (${hint})` : ''}`);
    }
  }
  return [...new Set(named)];
}
