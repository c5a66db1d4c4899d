import { openProjectStore } from '../../project/index.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { startProjectScheduler } from '../start-project-scheduler.js';
import { waitForStop } from '../wait-for-stop.js';

export interface ScheduleOptions {
  project?: string;
  now?: boolean;
}

/**
 * kpitree schedule: the embedded scheduler in the foreground. Each schedule of kpitree.yaml's
 * `sync:` runs at its cron times (in the calendar's time zone), one run at a time, until SIGINT or
 * SIGTERM; the store is opened for each run only, so `kpitree series` can read between runs.
 */
export async function scheduleCommand(options: ScheduleOptions, io: CliIo): Promise<void> {
  const open = await openProject(options.project, io);
  const scheduler = startProjectScheduler(open, io, async (use) => {
    const store = await openProjectStore(open.project, open.dir, io.env, { lockTimeoutMs: 60_000 });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  });
  io.stdout('Scheduler started; stop it with Ctrl-C (SIGINT) or SIGTERM.\n');
  if (options.now) for (const { schedule } of scheduler.nextRuns()) void scheduler.trigger(schedule);
  const signal = await waitForStop();
  io.stdout(`${signal}: waiting for the run in progress, then stopping.\n`);
  await scheduler.stop();
}
