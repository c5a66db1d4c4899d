import type PgBoss from 'pg-boss';
import type { GrainRange } from '../../semantic/index.js';
import { finishRun, parseStoreUrl, startRun, type Queryable, type RunTrigger, type SyncRun } from '../../store/index.js';
import { createQueueOnce } from './create-queue-once.js';
import { metricQueue, type MetricJob } from './job-data.js';

export interface SyncQueueOptions {
  /** Postgres: the store's schema (`?schema=` or the one openStore was given); jobs go to `<schema>_jobs`. */
  schema?: string;
  /** Run pg-boss's maintenance and its leader-elected cron (workers); enqueuing alone needs neither. */
  supervise?: boolean;
  /** How often the cron leader checks schedules (1–45 s, default 30). */
  cronCheckSeconds?: number;
}

export interface EnqueueRun {
  metrics: readonly string[];
  ranges: GrainRange[];
  trigger: RunTrigger;
  /** How long a worker may hold a metric job before pg-boss takes it back and retries it. */
  expireInSeconds: number;
}

/**
 * The job queue of a Postgres store (pg-boss, in the schema `<store schema>_jobs` of the same
 * database): one job per metric of a run, in a queue of policy `singleton` keyed by metric, so the
 * database itself refuses a second active job of a metric (pg-boss's unique index job_i2).
 */
export class SyncQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly schema: string,
  ) {}

  static async open(storeUrl: string, options: SyncQueueOptions = {}): Promise<SyncQueue> {
    const location = parseStoreUrl(storeUrl);
    if (location.engine !== 'postgres') {
      throw new Error('Workers share sync work through a Postgres store (DATABASE_URL or store.url in kpitree.yaml); this store is PGlite, kept by one process: use kpitree schedule.');
    }
    const { target } = location;
    const schema = `${(options.schema ?? target.schema ?? 'kpitree').replace(/\W/g, '_')}_jobs`;
    const { default: Boss } = await import('pg-boss');
    const boss = new Boss({
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      ...(target.password === undefined ? {} : { password: target.password }),
      ...(target.ssl === 'require' ? { ssl: { rejectUnauthorized: false } } : target.ssl === 'verify-full' ? { ssl: true } : {}),
      schema,
      application_name: 'kpitree',
      max: 4,
      supervise: options.supervise ?? false,
      schedule: options.supervise ?? false,
      ...(options.cronCheckSeconds === undefined ? {} : { cronMonitorIntervalSeconds: options.cronCheckSeconds, cronWorkerIntervalSeconds: options.cronCheckSeconds }),
    });
    let firstError: unknown;
    boss.on('error', (error) => (firstError ??= error));
    try {
      await boss.start();
      await createQueueOnce(boss, metricQueue, { policy: 'singleton' });
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw new Error(`Cannot open the job queue in schema ${schema}: ${error instanceof Error ? error.message : String(error ?? firstError)}`, { cause: error });
    }
    return new SyncQueue(boss, schema);
  }

  /**
   * Records a running run on the store, then one job per metric. Jobs insert in one statement; if
   * that fails, the run is finished with the error and nothing is left queued.
   */
  async enqueueRun(store: Queryable, request: EnqueueRun): Promise<SyncRun> {
    const metrics = [...new Set(request.metrics)];
    const run = await startRun(store, { trigger: request.trigger, metricsPlanned: metrics.length });
    if (metrics.length === 0) return finishRun(store, run.id);
    try {
      await this.boss.insert(
        metrics.map((metric) => ({
          name: metricQueue,
          data: { runId: run.id, metric, ranges: request.ranges } satisfies MetricJob,
          singletonKey: metric,
          retryLimit: 1,
          retryDelay: 5,
          expireInSeconds: request.expireInSeconds,
        })),
      );
    } catch (error) {
      await finishRun(store, run.id, { error: `Could not queue its metrics: ${error instanceof Error ? error.message : String(error)}` }).catch(() => undefined);
      throw error;
    }
    return run;
  }

  /** The runs that still have metric jobs waiting or in progress. */
  async pendingRuns(): Promise<number[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT DISTINCT (data->>'runId')::bigint AS id FROM ${this.schema}.job WHERE name = $1 AND state < 'completed'`,
      [metricQueue],
    );
    return rows.map((row: { id: string | number }) => Number(row.id));
  }

  close(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.boss.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 60_000 });
  }
}
