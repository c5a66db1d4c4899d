import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns, openStore, type Store, type SyncRun } from '../../src/store/index.js';
import type { WorkerEvent } from '../../src/sync/index.js';
import { createTestSchema, testDatabaseUrl, type TestSchema } from '../../src/warehouse/test-support/postgres.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';
import { spawnKpitree, type KpitreeProcess } from '../sync/support/spawn-kpitree.js';

type MetricEvent = Extract<WorkerEvent, { type: 'metric' }>;

/**
 * Two real `kpitree worker` processes on one Postgres store share queued runs and the schedule:
 * every metric of every run is synced exactly once, never by both workers at once, and the
 * schedule's minute yields one run, not one per worker.
 */
describe('two workers on a Postgres store', () => {
  let admin: TestSchema;
  let copy: ProjectCopy;
  let store: Store;
  let env: NodeJS.ProcessEnv;
  const workers: KpitreeProcess[] = [];
  const queued: number[] = [];
  let runs: SyncRun[];
  let events: MetricEvent[];
  let analysed: { runId: number; analysis: { failures: unknown[]; forecasts: number } }[];
  let exits: [number | null, NodeJS.Signals | null][];

  beforeAll(async () => {
    admin = await createTestSchema();
    const url = `${testDatabaseUrl}?schema=${admin.schema}_store`;
    env = { DATABASE_URL: url };
    ({ copy } = await crmSyncProject('cron: "* * * * *"\ndimensions: [region, segment]\nhistory_start: "2024-12-01"'));
    store = await openStore(url);
    for (let i = 0; i < 2; i++) workers.push(spawnKpitree(['worker', '-p', copy.dir, '--concurrency', '4', '--poll', '0.5', '--format', 'json'], env));
    await Promise.all(workers.map((w) => w.waitFor(/"type":"started"/)));
    for (const args of [[], [], [], ['--metric', 'win_rate,won_deals,closed_deals'], ['--metric', 'win_rate,won_deals,closed_deals']]) {
      const run = await runCli(['sync', '--enqueue', '-p', copy.dir, ...args, '-f', 'json'], { env });
      expect(run.code, run.stderr).toBe(0);
      queued.push(JSON.parse(run.stdout).run.id);
    }
    // Wait for the queued runs and the first scheduled one to finish.
    for (let waited = 0; ; waited += 250) {
      runs = await listRuns(store, { limit: 50 });
      const done = (run: SyncRun) => run.status !== 'running';
      if (queued.every((id) => runs.some((r) => r.id === id && done(r))) && runs.some((r) => r.trigger === 'schedule' && done(r))) break;
      if (waited > 60_000) throw new Error(`runs still going: ${JSON.stringify(runs.map((r) => [r.id, r.status]))}\n${workers.map((w) => w.stdout + w.stderr).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    runs = await listRuns(store, { limit: 50 });
    for (const worker of workers) worker.stop();
    exits = await Promise.all(workers.map((w) => w.exited));
    const lines = workers.flatMap((w) => w.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as WorkerEvent | ({ type: 'run-analysed' } & (typeof analysed)[number])));
    events = lines.filter((e): e is MetricEvent => e.type === 'metric');
    analysed = lines.flatMap((e) => (e.type === 'run-analysed' ? [e] : []));
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill();
    await store?.close();
    await admin?.admin.query(`DROP SCHEMA IF EXISTS "${admin.schema}_store" CASCADE`);
    await admin?.admin.query(`DROP SCHEMA IF EXISTS "${admin.schema}_store_jobs" CASCADE`);
    await admin?.drop();
    await copy?.remove();
  });

  it('syncs every metric of every run exactly once, and both workers take part', () => {
    expect(exits).toEqual([[0, null], [0, null]]);
    const finished = runs.filter((r) => r.status !== 'running');
    expect(finished.length).toBeGreaterThanOrEqual(queued.length + 1);
    for (const run of finished) {
      expect(run, `run ${run.id}`).toMatchObject({ status: 'succeeded', metricsSucceeded: run.metricsPlanned, metricsFailed: 0 });
      const done = events.filter((e) => e.runId === run.id).map((e) => e.outcome.metric).sort();
      expect(done, `run ${run.id}`).toHaveLength(run.metricsPlanned!);
      expect(new Set(done).size, `run ${run.id}: a metric ran twice`).toBe(done.length);
    }
    const byWorker = new Map<string, number>();
    for (const e of events) byWorker.set(e.worker, (byWorker.get(e.worker) ?? 0) + 1);
    expect(byWorker.size).toBe(2);
  });

  it('analyses each run once, in the worker that finished it', () => {
    const ids = analysed.map((a) => a.runId);
    expect(new Set(ids).size, 'a run analysed twice').toBe(ids.length);
    for (const run of runs.filter((r) => r.status === 'succeeded')) expect(ids, `run ${run.id}`).toContain(run.id);
    // On the Postgres store, every step was written.
    expect(analysed.filter((a) => a.analysis.failures.length > 0)).toEqual([]);
    expect(analysed.every((a) => a.analysis.forecasts > 0)).toBe(true);
  });

  it('never syncs one metric twice at once, though 8 slots were free for 6 metrics', () => {
    const byMetric = new Map<string, MetricEvent[]>();
    for (const e of events) byMetric.set(e.outcome.metric, [...(byMetric.get(e.outcome.metric) ?? []), e]);
    let overlapsPossible = 0;
    for (const [metric, list] of byMetric) {
      const spans = list.map((e) => [Date.parse(e.startedAt), Date.parse(e.finishedAt)] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0], `${metric} started before its previous job ended`).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      overlapsPossible += spans.length - 1;
    }
    expect(overlapsPossible).toBeGreaterThan(10);
  });

  it('the schedule comes due once per minute for both workers together', () => {
    const scheduled = runs.filter((r) => r.trigger === 'schedule');
    const minutes = new Set(scheduled.map((r) => r.startedAt.slice(0, 16)));
    expect(scheduled.length).toBe(minutes.size);
  });

  it('leaves each series window written whole by one run (the queued runs share one window)', async () => {
    const mixed = await store.query<{ metric_id: string; grain: string; runs: number }>(
      `SELECT metric_id, grain, count(DISTINCT run_id)::integer AS runs FROM metric_series
       WHERE period_start BETWEEN '2025-02-10' AND '2025-05-15' GROUP BY 1, 2 HAVING count(DISTINCT run_id) > 1`,
    );
    expect(mixed).toEqual([]);
  });
});
