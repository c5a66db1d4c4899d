import { connectWarehouse, openProjectStore, projectStoreUrl } from '../../project/index.js';
import type { SyncRun } from '../../store/index.js';
import { connectForSync, planSchedules, SyncWorker, todayIn, type WorkerEvent } from '../../sync/index.js';
import { analyzeAfterSync, renderAnalysisSummary } from '../analyze-after-sync.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { waitForStop } from '../wait-for-stop.js';

export interface WorkerOptions {
  project?: string;
  concurrency: string;
  poll: string;
  format: string;
}

/**
 * kpitree worker: one of several processes that share the sync through the job queue of a Postgres
 * store (pg-boss): metric jobs (never one metric twice at once), the schedules of kpitree.yaml (one
 * elected worker enqueues each run), until SIGINT or SIGTERM. The worker that finishes a run then
 * analyses what it wrote.
 */
export async function workerCommand(options: WorkerOptions, io: CliIo): Promise<void> {
  const concurrency = Number(options.concurrency);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency: "${options.concurrency}" is not a whole number from 1 to 64`);
  const pollSeconds = Number(options.poll);
  if (!Number.isFinite(pollSeconds) || pollSeconds < 0.5 || pollSeconds > 45) throw new UsageError(`--poll: "${options.poll}" is not a number of seconds from 0.5 to 45`);
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`--format: "${options.format}" is not a format; use text or json`);
  const open = await openProject(options.project, io);
  const { url } = projectStoreUrl(open.project, open.dir, io.env);
  if (url.startsWith('pglite:')) {
    throw new UsageError('kpitree worker shares work through a Postgres store: set DATABASE_URL (or store.url in kpitree.yaml); with the embedded store, run kpitree schedule');
  }
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const { warehouse, catalog } = await connectForSync(() => connectWarehouse(open.project, open.dir, io.env), { attempts: open.project.config.sync.attempts });
    try {
      const print = (event: WorkerEvent) => io.stdout(options.format === 'json' ? `${JSON.stringify(event)}\n` : `${new Date().toISOString()} ${describeEvent(event)}\n`);
      // The worker that finishes a run analyses it, one run at a time, after the sync's own event.
      let analyses = Promise.resolve();
      const analyse = async (run: SyncRun) => {
        const analysis = await analyzeAfterSync(store, open.project, run, todayIn(open.project.config.calendar.timezone, io.now()), { ...io, stderr: () => undefined });
        if (!analysis) return;
        io.stdout(options.format === 'json' ? `${JSON.stringify({ type: 'run-analysed', runId: run.id, analysis })}\n` : `${new Date().toISOString()} ${renderAnalysisSummary(analysis)}`);
      };
      const onEvent = (event: WorkerEvent) => {
        print(event);
        if (event.type === 'run-finished') analyses = analyses.then(() => analyse(event.run)).catch((error: unknown) => print({ type: 'error', worker: worker.name, message: `analysis of run ${event.run.id}: ${error instanceof Error ? error.message : String(error)}` }));
      };
      const worker = new SyncWorker({ env: { project: open.project, warehouse, catalog, store }, storeUrl: url, schedules: planSchedules(open.project), concurrency, pollSeconds, onEvent });
      await worker.start();
      const signal = await waitForStop();
      io.stderr(`${signal}: finishing the metrics in progress, then stopping.\n`);
      await worker.stop();
      await analyses;
    } finally {
      await warehouse.close();
    }
  } finally {
    await store.close();
  }
}

function describeEvent(event: WorkerEvent): string {
  switch (event.type) {
    case 'started':
      return `worker ${event.worker} started; schedules: ${event.schedules.map((s) => `${s.name} "${s.cron}" (${s.metrics} metrics)`).join(', ') || 'none'}`;
    case 'run-queued':
      return `run ${event.runId} queued by schedule ${event.schedule}: ${event.metrics} metrics`;
    case 'metric': {
      const o = event.outcome;
      return `run ${event.runId} ${o.metric}: ${o.status === 'succeeded' ? `${o.rows} values` : `failed: ${o.error}`} in ${Math.round(o.durationMs)} ms`;
    }
    case 'run-finished':
      return `run ${event.run.id} ${event.run.status}: ${event.run.metricsSucceeded} of ${event.run.metricsPlanned} metrics written`;
    case 'error':
      return `error: ${event.message}`;
  }
}
