import type { Store } from '../store/index.js';
import { planSchedules, runSync, SyncScheduler, todayIn, type SyncSchedule } from '../sync/index.js';
import { UsageError } from './cli-error.js';
import { connectSyncWarehouse } from './connect-sync-warehouse.js';
import type { CliIo } from './io.js';
import type { OpenProject } from './open-project.js';
import { renderSyncSummary } from './render-sync-summary.js';
import { analyzeAfterSync, renderAnalysisSummary } from './analyze-after-sync.js';

/**
 * Starts the embedded scheduler over kpitree.yaml's schedules, each run given a store by
 * `withStore` (`kpitree schedule` opens one per run; `kpitree serve` lends the server's, since a
 * PGlite folder has one process), and prints when each schedule runs next.
 */
export function startProjectScheduler(open: OpenProject, io: CliIo, withStore: <T>(use: (store: Store) => Promise<T>) => Promise<T>): SyncScheduler {
  const schedules = planSchedules(open.project);
  if (schedules.length === 0) throw new UsageError('nothing to schedule: the project has no metrics');
  const { timezone } = open.project.config.calendar;
  const scheduler = new SyncScheduler({
    schedules,
    timezone,
    run: (schedule) => withStore((store) => runScheduledSync(open, schedule, io, store)),
    onError: (error, schedule) => io.stderr(`${stamp()} ${schedule.name}: error: ${error instanceof Error ? error.message : String(error)}\n`),
    onSkip: (schedule) => io.stderr(`${stamp()} ${schedule.name}: skipped, its previous run has not ended\n`),
  });
  scheduler.start();
  for (const { schedule, next } of scheduler.nextRuns()) {
    io.stdout(`${schedule.name}: "${schedule.cron}" (${timezone}), ${schedule.metrics.length} metrics; next run ${next?.toISOString() ?? 'never'}\n`);
  }
  return scheduler;
}

async function runScheduledSync(open: OpenProject, schedule: SyncSchedule, io: CliIo, store: Store): Promise<void> {
  const { warehouse, catalog } = await connectSyncWarehouse(open, io, store, { trigger: 'schedule', metricsPlanned: schedule.metrics.length });
  const today = todayIn(open.project.config.calendar.timezone, io.now());
  try {
    const result = await runSync({ project: open.project, warehouse, catalog, store }, { metrics: schedule.metrics, trigger: 'schedule', today });
    io.stdout(`${stamp()} ${schedule.name}: ${renderSyncSummary(result)}`);
    // One summary per run: the analysis' progress lines are left out.
    const analysis = await analyzeAfterSync(store, open.project, result.run, today, { ...io, stderr: () => undefined });
    if (analysis) io.stdout(`${stamp()} ${schedule.name}: ${renderAnalysisSummary(analysis)}`);
  } finally {
    await warehouse.close();
  }
}

function stamp(): string {
  return new Date().toISOString();
}
