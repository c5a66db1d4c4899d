import { openProjectStore } from '../../project/index.js';
import { planSchedules, runSync, SyncScheduler, todayIn, type SyncSchedule } from '../../sync/index.js';
import { analyzeAfterSync, renderAnalysisSummary } from '../analyze-after-sync.js';
import { UsageError } from '../cli-error.js';
import { connectSyncWarehouse } from '../connect-sync-warehouse.js';
import type { CliIo } from '../io.js';
import { openProject, type OpenProject } from '../open-project.js';
import { renderSyncSummary } from '../render-sync-summary.js';
import { waitForStop } from '../wait-for-stop.js';

export interface ScheduleOptions {
  project?: string;
  now?: boolean;
}

/**
 * kpitree schedule: the embedded scheduler in the foreground. Each schedule of kpitree.yaml's
 * `sync:` runs at its cron times (in the calendar's time zone), one run at a time, until SIGINT or
 * SIGTERM; each run is followed by the analysis of what it wrote; the store is opened for each run
 * only, so `kpitree series` can read between runs.
 */
export async function scheduleCommand(options: ScheduleOptions, io: CliIo): Promise<void> {
  const open = await openProject(options.project, io);
  const schedules = planSchedules(open.project);
  if (schedules.length === 0) throw new UsageError('nothing to schedule: the project has no metrics');
  const { timezone } = open.project.config.calendar;
  const scheduler = new SyncScheduler({
    schedules,
    timezone,
    run: (schedule) => runScheduled(open, schedule, io),
    onError: (error, schedule) => io.stderr(`${stamp()} ${schedule.name}: error: ${error instanceof Error ? error.message : String(error)}\n`),
    onSkip: (schedule) => io.stderr(`${stamp()} ${schedule.name}: skipped, its previous run has not ended\n`),
  });
  scheduler.start();
  for (const { schedule, next } of scheduler.nextRuns()) {
    io.stdout(`${schedule.name}: "${schedule.cron}" (${timezone}), ${schedule.metrics.length} metrics; next run ${next?.toISOString() ?? 'never'}\n`);
  }
  io.stdout('Scheduler started; stop it with Ctrl-C (SIGINT) or SIGTERM.\n');
  if (options.now) for (const schedule of schedules) void scheduler.trigger(schedule);
  const signal = await waitForStop();
  io.stdout(`${signal}: waiting for the run in progress, then stopping.\n`);
  await scheduler.stop();
}

async function runScheduled(open: OpenProject, schedule: SyncSchedule, io: CliIo): Promise<void> {
  const store = await openProjectStore(open.project, open.dir, io.env, { lockTimeoutMs: 60_000 });
  try {
    const { warehouse, catalog } = await connectSyncWarehouse(open, io, store, { trigger: 'schedule', metricsPlanned: schedule.metrics.length });
    const today = todayIn(open.project.config.calendar.timezone, io.now());
    try {
      const result = await runSync(
        { project: open.project, warehouse, catalog, store },
        { metrics: schedule.metrics, trigger: 'schedule', today },
      );
      io.stdout(`${stamp()} ${schedule.name}: ${renderSyncSummary(result)}`);
      const analysis = await analyzeAfterSync(store, open.project, result.run, today, silent(io));
      if (analysis) io.stdout(`${stamp()} ${schedule.name}: ${renderAnalysisSummary(analysis)}`);
    } finally {
      await warehouse.close();
    }
  } finally {
    await store.close();
  }
}

/** The scheduler prints one summary per run, not the analysis' progress. */
function silent(io: CliIo): CliIo {
  return { ...io, stderr: () => undefined };
}

function stamp(): string {
  return new Date().toISOString();
}
