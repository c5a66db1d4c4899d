import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { heartbeatRun, runHeartbeatTimeoutMs, type SyncRun } from '../../store/index.js';
import type { SyncSchedule } from '../plan-schedules.js';
import type { SyncEnv } from '../sync-env.js';
import { syncMetric, type MetricOutcome } from '../sync-metric.js';
import { syncRanges } from '../sync-ranges.js';
import { todayIn } from '../today-in.js';
import { createQueueOnce } from './create-queue-once.js';
import { finishRunIfDone } from './finish-run-if-done.js';
import { metricQueue, scheduleQueue, scheduleQueuePrefix, type MetricJob, type ScheduleJob } from './job-data.js';
import { SyncQueue } from './sync-queue.js';

export type WorkerEvent =
  | { type: 'started'; worker: string; schedules: { name: string; cron: string; metrics: number }[] }
  | { type: 'run-queued'; worker: string; runId: number; schedule: string; metrics: number }
  | { type: 'metric'; worker: string; runId: number; startedAt: string; finishedAt: string; outcome: MetricOutcome }
  | { type: 'run-finished'; worker: string; run: SyncRun }
  | { type: 'error'; worker: string; message: string };

export interface SyncWorkerOptions {
  env: SyncEnv;
  /** The store's url (postgres://…) and schema: the job queue lives beside it. */
  storeUrl: string;
  schema?: string;
  /** The project's schedules: registered with pg-boss, whose elected leader enqueues their runs. */
  schedules: readonly SyncSchedule[];
  /** Metric jobs this process works on at once (default 2). */
  concurrency?: number;
  /** How often idle loops look for jobs and the cron leader checks schedules (default 2 s). */
  pollSeconds?: number;
  onEvent?: (event: WorkerEvent) => void;
}

/**
 * A worker process's share of the sync: takes metric jobs from the queue (never a metric that is
 * active elsewhere: the queue's singleton policy), runs each as syncMetric does, and finishes a
 * run when its last metric is in. It also keeps the project's schedules registered in pg-boss,
 * whose cron runs in one elected worker at a time, and heartbeats every run that still has jobs.
 */
export class SyncWorker {
  readonly name = `${hostname()}:${process.pid}`;
  readonly #options: SyncWorkerOptions;
  #queue: SyncQueue | undefined;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(options: SyncWorkerOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { schedules, pollSeconds = 2 } = this.#options;
    const queue = await SyncQueue.open(this.#options.storeUrl, { schema: this.#options.schema, supervise: true, cronCheckSeconds: Math.max(1, Math.min(45, Math.round(pollSeconds))) });
    this.#queue = queue;
    queue.boss.on('error', (error) => this.#emit({ type: 'error', worker: this.name, message: error.message }));
    try {
      await this.#registerSchedules(queue.boss, schedules);
      const options = { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, pollSeconds) };
      for (let i = 0; i < Math.max(1, this.#options.concurrency ?? 2); i++) {
        // After a job, look for the next at once rather than after the polling interval.
        const loop: { id?: string } = {};
        loop.id = await queue.boss.work<MetricJob>(metricQueue, options, async (jobs) => {
          await this.#runMetrics(jobs);
          if (jobs.length > 0 && loop.id) queue.boss.notifyWorker(loop.id);
        });
      }
    } catch (error) {
      await queue.close({ timeoutMs: 1_000 });
      throw error;
    }
    this.#heartbeat = setInterval(() => void this.#beat(), runHeartbeatTimeoutMs / 4);
    this.#emit({ type: 'started', worker: this.name, schedules: schedules.map((s) => ({ name: s.name, cron: s.cron, metrics: s.metrics.length })) });
  }

  /** Stops taking jobs, waits for those in progress (up to `timeoutMs`, default 60 s), and disconnects. */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    clearInterval(this.#heartbeat);
    await this.#queue?.close(options);
    this.#queue = undefined;
  }

  /** One queue and one pg-boss schedule per schedule of the project; schedules no longer in it are removed. */
  async #registerSchedules(boss: PgBoss, schedules: readonly SyncSchedule[]): Promise<void> {
    const { timezone } = this.#options.env.project.config.calendar;
    const wanted = new Set(schedules.map((s) => scheduleQueue(s.name)));
    for (const old of await boss.getSchedules()) {
      if (old.name.startsWith(scheduleQueuePrefix) && !wanted.has(old.name)) await boss.unschedule(old.name);
    }
    for (const schedule of schedules) {
      const name = scheduleQueue(schedule.name);
      await createQueueOnce(boss, name, { policy: 'short' });
      try {
        await boss.schedule(name, schedule.cron, { schedule: schedule.name } satisfies ScheduleJob, { tz: timezone });
      } catch (error) {
        throw new Error(`sync schedule ${schedule.name} ("${schedule.cron}") cannot be registered with the job queue: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      await boss.work<ScheduleJob>(name, { pollingIntervalSeconds: Math.max(0.5, this.#options.pollSeconds ?? 2) }, (jobs) => this.#planRuns(jobs, schedules));
    }
  }

  async #planRuns(jobs: PgBoss.Job<ScheduleJob>[], schedules: readonly SyncSchedule[]): Promise<void> {
    const { env } = this.#options;
    const { config } = env.project;
    for (const job of jobs) {
      const schedule = schedules.find((s) => s.name === job.data.schedule);
      if (!schedule) continue; // registered by a worker with another version of the project
      const ranges = syncRanges(config.sync, config.calendar, todayIn(config.calendar.timezone), false);
      const run = await this.#queue!.enqueueRun(env.store, { metrics: schedule.metrics, ranges, trigger: 'schedule', expireInSeconds: metricJobExpiry(env) });
      this.#emit({ type: 'run-queued', worker: this.name, runId: run.id, schedule: schedule.name, metrics: schedule.metrics.length });
    }
  }

  async #runMetrics(jobs: PgBoss.Job<MetricJob>[]): Promise<void> {
    for (const job of jobs) {
      const startedAt = new Date().toISOString();
      const outcome = await syncMetric(this.#options.env, job.data);
      this.#emit({ type: 'metric', worker: this.name, runId: job.data.runId, startedAt, finishedAt: new Date().toISOString(), outcome });
      const run = await finishRunIfDone(this.#options.env.store, job.data.runId);
      if (run) this.#emit({ type: 'run-finished', worker: this.name, run });
    }
  }

  async #beat(): Promise<void> {
    try {
      for (const runId of (await this.#queue?.pendingRuns()) ?? []) await heartbeatRun(this.#options.env.store, runId);
    } catch (error) {
      this.#emit({ type: 'error', worker: this.name, message: `heartbeat: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  #emit(event: WorkerEvent): void {
    this.#options.onEvent?.(event);
  }
}

/**
 * How long a metric job may stay active before pg-boss takes it back (then a worker retries it):
 * longer than the metric can take (every try running to the statement timeout, plus backoff and
 * the store write), so a live worker never loses its job.
 */
export function metricJobExpiry(env: Pick<SyncEnv, 'project' | 'attempts'>): number {
  const timeout = env.project.config.warehouse.statement_timeout?.seconds ?? 300;
  const attempts = env.attempts ?? env.project.config.sync.attempts;
  return Math.min(23 * 3600, Math.ceil(timeout * attempts + 60 * attempts + 600));
}
