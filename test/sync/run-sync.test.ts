import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/index.js';
import type { Catalog } from '../../src/semantic/index.js';
import { listRuns, readSeries, type Store } from '../../src/store/index.js';
import { storeTargets, type StoreTarget } from '../../src/store/test-support/store-targets.js';
import { runSync, syncRanges, type SyncEnv } from '../../src/sync/index.js';
import { createTestDuckDb, type TestDuckDb } from '../../src/warehouse/test-support/duckdb.js';
import { crmTables, tableStatements } from '../support/crm-data.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { countingWarehouse } from './support/counting-warehouse.js';
import { crmSyncProject, expectStoredEqualsQuery } from './support/crm-sync-project.js';

const treeMetrics = ['closed_won_revenue', 'won_deals', 'closed_deals', 'pipeline_created', 'win_rate', 'average_deal_size'];
// Metrics of every other kind the fixture has: distinct count, median, running totals, a rollup, days.
const otherKinds = ['accounts_with_new_opportunities', 'median_won_deal', 'revenue_quarter_to_date', 'revenue_running_total', 'stage_changes_per_won_deal', 'sales_cycle_days'];
const today = '2025-05-15';

const brokenFiles = {
  'datasets/stage_numbers.yaml': 'id: stage_numbers\ntable: stage_numbers\n',
  'metrics/stage_numbers.yaml': 'metrics:\n  - id: stage_number_total\n    kind: sum\n    dataset: stage_numbers\n    expr: stage_number\n    time: created_at\n',
};
const goodView = `CREATE OR REPLACE VIEW stage_numbers AS SELECT created_at, CASE WHEN stage_name LIKE 'Closed%' THEN 1 ELSE 0 END AS stage_number FROM opportunities`;
// Fails while it runs (DuckDB: Conversion Error), not when it is planned: an upstream view gone bad.
const brokenView = 'CREATE OR REPLACE VIEW stage_numbers AS SELECT created_at, CAST(stage_name AS INTEGER) AS stage_number FROM opportunities';

describe.each(storeTargets)('a sync into the store on %s', (_name, makeTarget) => {
  let target: StoreTarget;
  let store: Store;
  let db: TestDuckDb;
  let copy: ProjectCopy;
  let env: SyncEnv & { warehouse: ReturnType<typeof countingWarehouse> };
  let project: Project;
  let catalog: Catalog;

  beforeAll(async () => {
    target = await makeTarget();
    store = await target.open();
    db = await createTestDuckDb();
    for (const table of crmTables) for (const { sql, params } of tableStatements(table)) await db.connection.run(sql, params as never);
    await db.connection.run(goodView);
    ({ copy, project } = await crmSyncProject('dimensions: [region, segment]\nhistory_start: "2024-12-01"', brokenFiles));
    const warehouse = countingWarehouse(await db.warehouse());
    catalog = await warehouse.introspect();
    env = { project, warehouse, catalog, store, retryDelayMs: 1 };
  });
  afterAll(async () => {
    await env?.warehouse.close();
    db?.close();
    await store?.close();
    await target?.cleanup();
    await copy?.remove();
  });

  it('keeps every grain and slice of each metric equal to what the warehouse query returns, with one query per metric', async () => {
    env.warehouse.queries.length = 0;
    const metrics = [...treeMetrics, ...otherKinds];
    const result = await runSync(env, { metrics, full: true, today });
    expect(result.run).toMatchObject({ status: 'succeeded', trigger: 'backfill', metricsPlanned: 12, metricsSucceeded: 12, metricsFailed: 0 });
    expect(env.warehouse.queries).toHaveLength(metrics.length);
    expect(env.warehouse.queries.every((sql) => sql.includes("'week' AS grain") && sql.includes("'quarter' AS grain"))).toBe(true);
    let compared = 0;
    for (const metric of metrics) compared += await expectStoredEqualsQuery({ store, project, catalog, warehouse: env.warehouse }, metric, result.ranges, expect);
    expect(compared).toBe(result.run.rowsWritten);

    // Hand-checked against the fixture rows (test/support/crm-data.ts).
    const monthly = async (metric: string, slice = {}) => (await readSeries(store, { metric, grain: 'month', slice })).map((r) => [r.period, r.value]);
    expect(await monthly('closed_won_revenue')).toEqual([['2024-12-01', 0], ['2025-01-01', 1250], ['2025-02-01', 0], ['2025-03-01', 2300], ['2025-04-01', 900], ['2025-05-01', 0]]);
    expect(await monthly('closed_won_revenue', { region: 'EMEA' })).toEqual([['2024-12-01', 0], ['2025-01-01', 1000], ['2025-02-01', 0], ['2025-03-01', 0], ['2025-04-01', 900], ['2025-05-01', 0]]);
    expect(await monthly('win_rate')).toEqual([['2024-12-01', null], ['2025-01-01', 2 / 3], ['2025-02-01', null], ['2025-03-01', 2 / 3], ['2025-04-01', 1], ['2025-05-01', null]]);
    expect((await readSeries(store, { metric: 'won_deals', grain: 'quarter', slice: { region: null, segment: 'SMB' } })).map((r) => [r.period, r.value])).toEqual([['2024-10-01', 0], ['2025-01-01', 1], ['2025-04-01', 0]]); // o5: Cai (no region), Bolt (SMB), won in March
  });

  it('records a metric whose SQL fails with that SQL, goes on with the others, and keeps its previous values', async () => {
    const first = await runSync(env, { metrics: ['stage_number_total', 'won_deals'], today });
    expect(first.run.status).toBe('succeeded');
    const before = await readSeries(store, { metric: 'stage_number_total', grain: 'month' });
    expect(before.every((row) => row.runId === first.run.id)).toBe(true);

    await db.connection.run(brokenView);
    try {
      const second = await runSync(env, { metrics: ['stage_number_total', 'won_deals', 'win_rate'], today });
      expect(second.run).toMatchObject({ status: 'partial', metricsSucceeded: 2, metricsFailed: 1 });
      const failed = second.outcomes.find((o) => o.metric === 'stage_number_total')!;
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, rows: 0 }); // a query error is not tried again
      expect(failed.error).toMatch(/Conversion Error/);
      const [listed] = await listRuns(store, { limit: 1 });
      expect(listed!.id).toBe(second.run.id);
      expect(listed!.failures).toEqual([expect.objectContaining({ metric: 'stage_number_total', error: failed.error, attempts: 1 })]);
      expect(listed!.failures[0]!.sql).toMatch(/FROM "main"."stage_numbers"/);
      expect(listed!.failures[0]!.sql).toMatch(/-- parameters: \$1 = /);
      expect(await readSeries(store, { metric: 'stage_number_total', grain: 'month' })).toEqual(before);
      const monthFrom = second.ranges.find((r) => r.grain === 'month')!.from;
      expect((await readSeries(store, { metric: 'won_deals', grain: 'month', from: monthFrom })).every((row) => row.runId === second.run.id)).toBe(true);
    } finally {
      await db.connection.run(goodView);
    }
  });

  it('syncs only the restatement window incrementally, leaving older periods as they were', async () => {
    const before = await readSeries(store, { metric: 'pipeline_created', grain: 'week' });
    const result = await runSync(env, { metrics: ['pipeline_created'], today });
    expect(result.ranges).toEqual(syncRanges(project.config.sync, project.config.calendar, today, false));
    const after = await readSeries(store, { metric: 'pipeline_created', grain: 'week' });
    const windowStart = result.ranges[0]!.from;
    expect(after.filter((r) => r.period < windowStart)).toEqual(before.filter((r) => r.period < windowStart));
    expect(after.filter((r) => r.period >= windowStart).every((r) => r.runId === result.run.id)).toBe(true);
    expect(after.map((r) => [r.period, r.value])).toEqual(before.map((r) => [r.period, r.value]));
  });
});
