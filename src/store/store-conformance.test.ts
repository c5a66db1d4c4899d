import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishRun } from './runs/finish-run.js';
import { heartbeatRun } from './runs/heartbeat-run.js';
import { listRuns, readRun } from './runs/list-runs.js';
import { recordMetricResult } from './runs/record-metric-result.js';
import { startRun } from './runs/start-run.js';
import { latestPeriod } from './series/latest-period.js';
import { latestValues } from './series/latest-values.js';
import { listSlices } from './series/list-slices.js';
import { readMetricsSeries } from './series/read-metrics-series.js';
import { readSeries } from './series/read-series.js';
import { replaceSeriesWindow } from './series/replace-series-window.js';
import type { SeriesRow, Slice } from './series/series-types.js';
import { storeMigrations } from './migrations/index.js';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';
import { bigWindowRows } from './test-support/big-window.js';
import { storeTargets, type StoreTarget } from './test-support/store-targets.js';

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
const emea: Slice = { region: 'EMEA' };
const na: Slice = { region: 'NA' };
const noRegion: Slice = { region: null };

/** 2024 by month for four slices; value = month number × 10 (+1 for EMEA …), null for noRegion in odd months. */
function seedRows(): SeriesRow[] {
  return months(2024).flatMap((period, i) => [
    { period, slice: {}, value: (i + 1) * 10 },
    { period, slice: emea, value: (i + 1) * 10 + 1 },
    { period, slice: na, value: (i + 1) * 10 + 2 },
    { period, slice: noRegion, value: i % 2 === 0 ? null : (i + 1) * 10 + 3 },
  ]);
}

const values = (rows: { value: number | null }[]) => rows.map((row) => row.value);

describe.each(storeTargets)('store on %s', (_name, makeTarget) => {
  // Rules of one engine only are registered for that engine, not skipped on the other.
  const itOn = (engine: string): typeof it | ((name: string, fn: () => Promise<void>) => void) => (_name === engine ? it : () => undefined);
  let target: StoreTarget;
  let store: Store;

  beforeAll(async () => {
    target = await makeTarget();
    store = await target.open();
  });

  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  async function seed(metric: string, runId = 1): Promise<void> {
    await replaceSeriesWindow(store, { metric, grain: 'month', from: '2024-01-01', to: '2024-12-01', rows: seedRows(), runId });
  }

  it('applies every migration once, and none again on reopen', async () => {
    const before = await store.query<{ version: number; name: string; applied_at: string }>('SELECT * FROM kpitree_migrations ORDER BY version');
    expect(before.map(({ version, name }) => ({ version, name }))).toEqual(storeMigrations.map(({ version, name }) => ({ version, name })));
    await store.close();
    store = await target.open();
    expect(await store.query('SELECT * FROM kpitree_migrations ORDER BY version')).toEqual(before);
    const tables = await store.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(['action_plan_events', 'action_plans', 'anomalies', 'api_tokens', 'audit_log', 'deliveries', 'forecast_points', 'forecasts', 'influence_edges', 'kpitree_migrations', 'metric_series', 'notifications', 'series_checks', 'sessions', 'sync_run_metrics', 'sync_runs', 'users']);
  });

  itOn('postgres')('migrates once when two processes open a new database at the same moment (advisory lock)', async () => {
    const fresh = await makeTarget();
    try {
      const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
      const rows = await stores[0]!.query<{ version: number }>('SELECT version FROM kpitree_migrations');
      expect(rows.map((r) => r.version)).toEqual(storeMigrations.map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await fresh.cleanup();
    }
  });

  itOn('pglite folder')('lets one process at a time open a PGlite folder: a second open says the folder is in use', async () => {
    const error = await target.open({ lockTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('in_use');
    expect((error as StoreError).message).toMatch(/in use by another kpitree process \(pid \d+ .*DATABASE_URL/);
  });

  it('replaces exactly the window: values outside untouched, vanished slices gone inside, nulls kept', async () => {
    await seed('won_deals');
    await seed('lost_deals');
    await replaceSeriesWindow(store, { metric: 'won_deals', grain: 'week', from: '2024-01-01', to: '2024-12-30', rows: [{ period: '2024-04-01', slice: {}, value: 7 }], runId: 1 });
    const window = ['2024-04-01', '2024-05-01', '2024-06-01'];
    const rows = window.flatMap((period): SeriesRow[] => [
      { period, slice: {}, value: 1000 },
      { period, slice: { region: 'EMEA' }, value: 1001 },
      { period, slice: noRegion, value: null },
    ]); // NA vanished from the source
    const result = await replaceSeriesWindow(store, { metric: 'won_deals', grain: 'month', from: '2024-04-01', to: '2024-06-30', rows, runId: 2 });
    expect(result).toEqual({ deleted: 12, written: 9 });

    const total = await readSeries(store, { metric: 'won_deals', grain: 'month' });
    expect(total.map((r) => r.period)).toEqual(months(2024));
    expect(values(total)).toEqual([10, 20, 30, 1000, 1000, 1000, 70, 80, 90, 100, 110, 120]);
    expect(total.map((r) => r.runId)).toEqual([1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
    const naRows = await readSeries(store, { metric: 'won_deals', grain: 'month', slice: na });
    expect(naRows.map((r) => r.period)).toEqual(months(2024).filter((p) => !window.includes(p)));
    const nulls = await readSeries(store, { metric: 'won_deals', grain: 'month', slice: noRegion });
    expect(values(nulls)).toEqual([null, 23, null, null, null, null, null, 83, null, 103, null, 123]);
    // Other metrics and grains are another series.
    expect(values(await readSeries(store, { metric: 'lost_deals', grain: 'month' }))).toEqual(months(2024).map((_, i) => (i + 1) * 10));
    expect(values(await readSeries(store, { metric: 'won_deals', grain: 'week' }))).toEqual([7]);
  });

  it('empties a window given no rows, and refuses rows outside the window or twice before writing anything', async () => {
    await seed('empty_me');
    expect(await replaceSeriesWindow(store, { metric: 'empty_me', grain: 'month', from: '2024-11-01', to: '2024-12-31', rows: [], runId: 3 })).toEqual({ deleted: 8, written: 0 });
    expect(await latestPeriod(store, 'empty_me', 'month')).toBe('2024-10-01');
    const outside = replaceSeriesWindow(store, { metric: 'empty_me', grain: 'month', from: '2024-01-01', to: '2024-03-31', rows: [{ period: '2024-04-01', slice: {}, value: 1 }], runId: 3 });
    await expect(outside).rejects.toThrow(/row 1 of empty_me \(month\): period 2024-04-01 is outside the window 2024-01-01 … 2024-03-31/);
    const twice = [{ period: '2024-01-01', slice: { a: 'x', b: 'y' }, value: 1 }, { period: '2024-01-01', slice: { b: 'y', a: 'x' }, value: 2 }];
    await expect(replaceSeriesWindow(store, { metric: 'empty_me', grain: 'month', from: '2024-01-01', to: '2024-03-31', rows: twice, runId: 3 })).rejects.toThrow(/has period 2024-01-01 twice/);
    const nan = [{ period: '2024-01-01', slice: {}, value: Number.NaN }];
    await expect(replaceSeriesWindow(store, { metric: 'empty_me', grain: 'month', from: '2024-01-01', to: '2024-03-31', rows: nan, runId: 3 })).rejects.toThrow(/not a finite number/);
    expect(values(await readSeries(store, { metric: 'empty_me', grain: 'month', to: '2024-03-01' }))).toEqual([10, 20, 30]);
  });

  it('keeps the previous values when a transaction throws midway, and undoes only a failed savepoint', async () => {
    await seed('rolled_back');
    const replacement = [{ period: '2024-02-01', slice: {}, value: -1 }];
    const failing = store.withTransaction(async (tx) => {
      await replaceSeriesWindow(tx, { metric: 'rolled_back', grain: 'month', from: '2024-01-01', to: '2024-12-31', rows: replacement, runId: 9 });
      await tx.query(`UPDATE metric_series SET value = 0 WHERE metric_id = 'lost_deals'`);
      throw new Error('the warehouse went away');
    });
    await expect(failing).rejects.toThrow('the warehouse went away');
    expect(values(await readSeries(store, { metric: 'rolled_back', grain: 'month' }))).toEqual(months(2024).map((_, i) => (i + 1) * 10));
    expect(values(await readSeries(store, { metric: 'lost_deals', grain: 'month', to: '2024-01-01' }))).toEqual([10]);

    // A failed inner step (a savepoint) is undone; the outer transaction commits the rest.
    await store.withTransaction(async (tx) => {
      await replaceSeriesWindow(tx, { metric: 'rolled_back', grain: 'month', from: '2024-01-01', to: '2024-01-31', rows: [{ period: '2024-01-01', slice: {}, value: 5 }], runId: 10 });
      const inner = tx.withTransaction(async (nested) => {
        await replaceSeriesWindow(nested, { metric: 'rolled_back', grain: 'month', from: '2024-02-01', to: '2024-02-29', rows: [], runId: 10 });
        await nested.query('SELECT 1 / 0');
      });
      await expect(inner).rejects.toMatchObject({ name: 'StoreError', kind: 'query', code: '22012' });
    });
    expect(values(await readSeries(store, { metric: 'rolled_back', grain: 'month', to: '2024-02-01' }))).toEqual([5, 20]);

    // A statement error caught inside the callback cannot commit the rest.
    const swallowed = store.withTransaction(async (tx) => {
      await replaceSeriesWindow(tx, { metric: 'rolled_back', grain: 'month', from: '2024-03-01', to: '2024-03-31', rows: [], runId: 11 });
      await tx.query('SELECT * FROM no_such_table').catch(() => undefined);
    });
    await expect(swallowed).rejects.toThrow(/Nothing was written: a statement in the transaction failed/);
    expect(await readSeries(store, { metric: 'rolled_back', grain: 'month', from: '2024-03-01', to: '2024-03-01' })).toHaveLength(1);
  });

  it('refuses the store itself inside its own transaction (PGlite would wait forever), and writes series concurrently', async () => {
    const misuse = store.withTransaction(async () => {
      await store.query('SELECT 1');
    });
    await expect(misuse).rejects.toMatchObject({ kind: 'input', message: expect.stringMatching(/use the transaction the callback received \(tx\)/) });

    const write = (metric: string, value: number) =>
      replaceSeriesWindow(store, { metric, grain: 'week', from: '2024-01-01', to: '2024-12-31', rows: [{ period: '2024-01-01', slice: {}, value }, { period: '2024-01-08', slice: {}, value }], runId: value });
    await Promise.all([write('busy_a', 1), write('busy_b', 2), write('busy_a', 3), write('busy_a', 4), write('busy_b', 5)]);
    const a = values(await readSeries(store, { metric: 'busy_a', grain: 'week' }));
    expect([[1, 1], [3, 3], [4, 4]]).toContainEqual(a);
    expect([[2, 2], [5, 5]]).toContainEqual(values(await readSeries(store, { metric: 'busy_b', grain: 'week' })));
  });

  it("latestValues: each metric's latest period and the one before, for one slice, in one statement", async () => {
    await seed('latest_a');
    await replaceSeriesWindow(store, { metric: 'latest_b', grain: 'month', from: '2024-01-01', to: '2024-02-01', rows: [{ period: '2024-01-01', slice: emea, value: 5 }], runId: 1 });
    const values = await latestValues(store, { metrics: ['latest_a', 'latest_b', 'latest_missing'], grain: 'month', slice: emea });
    expect([...values.values()]).toEqual([
      { metric: 'latest_a', period: '2024-12-01', value: 121, previousPeriod: '2024-11-01', previousValue: 111 },
      { metric: 'latest_b', period: '2024-01-01', value: 5, previousPeriod: null, previousValue: null },
    ]);
    expect((await latestValues(store, { metrics: ['latest_a'], grain: 'month', slice: { region: 'Mars' } })).size).toBe(0);
    await expect(latestValues(store, { metrics: ["x'; DROP TABLE metric_series; --"], grain: 'month', slice: {} })).rejects.toThrow(StoreError);
  });

  it('reads one slice over a range in period order, lists slices, and finds the latest period', async () => {
    await seed('pipeline');
    const q2 = await readSeries(store, { metric: 'pipeline', grain: 'month', slice: emea, from: '2024-04-01', to: '2024-06-30' });
    expect(q2).toEqual([
      { period: '2024-04-01', slice: emea, value: 41, computedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), runId: 1 },
      { period: '2024-05-01', slice: emea, value: 51, computedAt: q2[0]!.computedAt, runId: 1 },
      { period: '2024-06-01', slice: emea, value: 61, computedAt: q2[0]!.computedAt, runId: 1 },
    ]);
    expect(values(await readSeries(store, { metric: 'pipeline', grain: 'month', slice: {}, from: '2024-11-15' }))).toEqual([120]);
    expect(await readSeries(store, { metric: 'pipeline', grain: 'month', slice: { region: 'APAC' } })).toEqual([]);
    expect(await readSeries(store, { metric: 'pipeline', grain: 'quarter' })).toEqual([]);

    // Slices are matched whatever their key order; a missing dimension value is its own slice.
    const two = [{ period: '2024-01-01', slice: { segment: 'SMB', region: 'EMEA' }, value: 3 }];
    await replaceSeriesWindow(store, { metric: 'pipeline', grain: 'year', from: '2024-01-01', to: '2024-01-01', rows: two, runId: 1 });
    expect(values(await readSeries(store, { metric: 'pipeline', grain: 'year', slice: { region: 'EMEA', segment: 'SMB' } }))).toEqual([3]);
    expect(await listSlices(store, 'pipeline', 'month')).toEqual([{}, emea, na, noRegion]);
    expect(await listSlices(store, 'pipeline', 'year')).toEqual([{ region: 'EMEA', segment: 'SMB' }]);
    expect(await listSlices(store, 'pipeline', 'day')).toEqual([]);
    expect(await latestPeriod(store, 'pipeline', 'month')).toBe('2024-12-01');
    expect(await latestPeriod(store, 'pipeline', 'day')).toBeNull();
    await expect(readSeries(store, { metric: 'Pipeline!', grain: 'month' })).rejects.toMatchObject({ kind: 'input' });
    await expect(readSeries(store, { metric: 'pipeline', grain: 'month', from: '2024-13-01' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('reads several metrics at once: their totals over a range, or every slice of a period', async () => {
    await seed('pipeline');
    await seed('win_rate');
    const totals = await readMetricsSeries(store, { metrics: ['win_rate', 'pipeline', 'absent'], grain: 'month', from: '2024-02-01', to: '2024-03-01', slices: 'total' });
    expect(totals.map((r) => [r.metric, r.period, r.value])).toEqual([['pipeline', '2024-02-01', 20], ['pipeline', '2024-03-01', 30], ['win_rate', '2024-02-01', 20], ['win_rate', '2024-03-01', 30]]);
    const march = await readMetricsSeries(store, { metrics: ['pipeline'], grain: 'month', from: '2024-03-01', to: '2024-03-01', slices: 'all' });
    // In slice_key order: canonical JSON text ('"' sorts before '}', so the total {} comes last).
    expect(march.map((r) => [r.slice, r.value])).toEqual([[emea, 31], [na, 32], [{ region: null }, null], [{}, 30]]);
    await expect(readMetricsSeries(store, { metrics: ['Pipeline!'], grain: 'month', from: '2024-01-01', to: '2024-01-01', slices: 'all' })).rejects.toMatchObject({ kind: 'input' });
  });

  it('records a run: results per metric (failures with their SQL), counts, and the outcome', async () => {
    const run = await startRun(store, { trigger: 'schedule', metricsPlanned: 3 });
    expect(run).toMatchObject({ trigger: 'schedule', status: 'running', finishedAt: null, metricsPlanned: 3, metricsSucceeded: 0, rowsWritten: 0, failures: [] });
    await store.withTransaction(async (tx) => {
      const { written } = await replaceSeriesWindow(tx, { metric: 'win_rate', grain: 'month', from: '2024-01-01', to: '2024-12-31', rows: seedRows(), runId: run.id });
      await recordMetricResult(tx, { runId: run.id, metric: 'win_rate', status: 'succeeded', rowsWritten: written, durationMs: 120.4, window: { from: '2024-01-01', to: '2024-12-31' } });
    });
    await recordMetricResult(store, { runId: run.id, metric: 'deal_size', status: 'succeeded', rowsWritten: 5, attempts: 2, durationMs: 80 });
    const sql = 'SELECT sum(amount) FROM opportunity WHERE stage = $1';
    await recordMetricResult(store, { runId: run.id, metric: 'arr', status: 'failed', attempts: 3, durationMs: 3000, error: 'column "amount" does not exist', sql });
    // A retried result replaces the earlier one.
    await recordMetricResult(store, { runId: run.id, metric: 'deal_size', status: 'succeeded', rowsWritten: 6, attempts: 2, durationMs: 80 });
    await heartbeatRun(store, run.id);

    const finished = await finishRun(store, run.id);
    expect(finished).toMatchObject({ id: run.id, status: 'partial', metricsSucceeded: 2, metricsFailed: 1, rowsWritten: 54, error: null });
    expect(finished.finishedAt! >= finished.startedAt).toBe(true);
    expect(finished.failures).toEqual([{ metric: 'arr', error: 'column "amount" does not exist', sql, attempts: 3, durationMs: 3000, finishedAt: expect.any(String) }]);
    await expect(finishRun(store, run.id)).rejects.toThrow(/already finished \(partial\)/);
    await expect(recordMetricResult(store, { runId: run.id, metric: 'x', status: 'failed', durationMs: 1 })).rejects.toThrow(/needs its error message/);
    await expect(recordMetricResult(store, { runId: 999_999, metric: 'x', status: 'succeeded', durationMs: 1 })).rejects.toThrow(/no sync run 999999/);

    const clean = await startRun(store, { trigger: 'manual', metricsPlanned: 1 });
    await recordMetricResult(store, { runId: clean.id, metric: 'win_rate', status: 'succeeded', rowsWritten: 1, durationMs: 5 });
    expect((await finishRun(store, clean.id)).status).toBe('succeeded');
    const down = await startRun(store, { trigger: 'backfill' });
    expect(await finishRun(store, down.id, { error: 'Cannot reach the warehouse' })).toMatchObject({ status: 'failed', error: 'Cannot reach the warehouse' });

    const recent = await listRuns(store, { limit: 3 });
    expect(recent.map((r) => [r.id, r.trigger, r.status])).toEqual([
      [down.id, 'backfill', 'failed'],
      [clean.id, 'manual', 'succeeded'],
      [run.id, 'schedule', 'partial'],
    ]);
    expect(recent[2]!.failures.map((f) => f.sql)).toEqual([sql]);
    expect(await listRuns(store, { limit: 1 })).toHaveLength(1);
  });

  it('reports a run without a heartbeat as interrupted, and the next startRun records it so', async () => {
    const stale = await startRun(store, { trigger: 'schedule' });
    await store.query(`UPDATE sync_runs SET heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = $1`, [stale.id]);
    expect((await readRun(store, stale.id))?.status).toBe('interrupted');
    expect((await readRun(store, stale.id, { heartbeatTimeoutMs: 2 * 3_600_000 }))?.status).toBe('running');
    const next = await startRun(store, { trigger: 'manual' });
    const [stored] = await store.query<{ status: string; finished_at: string }>('SELECT status, finished_at FROM sync_runs WHERE id = $1', [stale.id]);
    expect(stored).toMatchObject({ status: 'interrupted', finished_at: expect.any(String) });
    expect((await readRun(store, stale.id))?.error).toMatch(/Interrupted: the process running it stopped/);
    expect((await readRun(store, next.id))?.status).toBe('running');
    await finishRun(store, next.id);
  });

  itOn('pglite folder')('marks runs left running as interrupted when the folder is reopened (its process is gone)', async () => {
    const run = await startRun(store, { trigger: 'schedule' });
    await store.close();
    store = await target.open();
    expect((await readRun(store, run.id))?.status).toBe('interrupted');
  });

  it('writes a window of 100,000 values in batches', async () => {
    const { rows, to } = bigWindowRows('2020-01-01', 100_000, 1.5);
    const started = performance.now();
    const { written } = await replaceSeriesWindow(store, { metric: 'bulk', grain: 'day', from: '2020-01-01', to, rows, runId: 1 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${target.engine}: wrote ${written} values in ${seconds.toFixed(2)} s (${Math.round(written / seconds)} rows/s)`);
    expect(written).toBe(100_000);
    const [count] = await store.query<{ n: number }>(`SELECT count(*)::integer AS n FROM metric_series WHERE metric_id = 'bulk'`);
    expect(count?.n).toBe(100_000);
    expect(await listSlices(store, 'bulk', 'day')).toHaveLength(Math.ceil(100_000 / 366));
  });
});
