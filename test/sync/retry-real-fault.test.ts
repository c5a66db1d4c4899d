import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/index.js';
import { openStore, readRun, type Store } from '../../src/store/index.js';
import { runSync } from '../../src/sync/index.js';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { createTestSchema, type TestSchema } from '../../src/warehouse/test-support/postgres.js';
import { crmTables, tableStatements } from '../support/crm-data.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { crmSyncProject, expectStoredEqualsQuery } from './support/crm-sync-project.js';

const slowFiles = {
  'datasets/slow_opportunities.yaml': 'id: slow_opportunities\ntable: slow_opportunities\n',
  'metrics/slow.yaml': 'metrics:\n  - id: slow_count\n    kind: count\n    dataset: slow_opportunities\n    time: created_at\n',
};

/**
 * Real warehouse faults on Postgres, not simulated: the session running a metric's statement is
 * terminated from outside (pg_terminate_backend), or the statement outlives statement_timeout.
 */
describe('retries on transient warehouse faults (Postgres)', () => {
  let pg: TestSchema;
  let copy: ProjectCopy;
  let project: Project;
  let store: Store;
  const warehouses: Warehouse[] = [];

  beforeAll(async () => {
    pg = await createTestSchema();
    for (const table of crmTables) for (const { sql, params } of tableStatements(table, pg.schema)) await pg.admin.query(sql, params);
    // Every scan of this view takes 0.5 s: long enough to be found and cut off.
    await pg.admin.query('CREATE VIEW slow_opportunities AS SELECT o.* FROM opportunities AS o CROSS JOIN (SELECT pg_sleep(0.5)) AS pause');
    ({ copy, project } = await crmSyncProject('history_start: "2025-01-01"\nattempts: 3', slowFiles, `{ url: "${pg.url}", schema: ${pg.schema} }`));
    store = await openStore('pglite::memory:');
  });
  afterAll(async () => {
    for (const warehouse of warehouses) await warehouse.close();
    await store?.close();
    await copy?.remove();
    await pg?.drop();
  });

  const open = async (statementTimeoutMs?: number) => {
    const warehouse = await openWarehouse(pg.url, { schema: pg.schema, ...(statementTimeoutMs ? { statementTimeoutMs } : {}) });
    warehouses.push(warehouse);
    return { warehouse, catalog: await warehouse.introspect() };
  };

  it('a session terminated mid-statement is tried again, and the metric is written once, whole', async () => {
    const { warehouse, catalog } = await open();
    let killed = 0;
    const retries: string[] = [];
    const killer = (async () => {
      for (let i = 0; i < 200 && killed === 0; i++) {
        const { rows } = await pg.admin.query<{ pid: number }>(
          // The statement's text is cut at 1 kB in pg_stat_activity, before its FROM: find the session by what it waits on.
          `SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND application_name = 'kpitree' AND datname = current_database()`,
        );
        for (const { pid } of rows) killed += (await pg.admin.query('SELECT pg_terminate_backend($1)', [pid])).rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const result = await runSync(
      { project, warehouse, catalog, store, retryDelayMs: 10, onRetry: (metric, error) => retries.push(`${metric}: ${(error as Error).message}`) },
      { metrics: ['slow_count', 'won_deals'], full: true, today: '2025-05-15' },
    );
    await killer;
    expect(killed).toBe(1);
    expect(retries).toEqual([expect.stringMatching(/^slow_count: .*(terminat|Connection)/i)]);
    expect(result.run.status).toBe('succeeded');
    expect(result.outcomes.find((o) => o.metric === 'slow_count')).toMatchObject({ status: 'succeeded', attempts: 2 });
    const [recorded] = await store.query<{ attempts: number }>('SELECT attempts FROM sync_run_metrics WHERE run_id = $1 AND metric_id = $2', [result.run.id, 'slow_count']);
    expect(recorded!.attempts).toBe(2);
    await expectStoredEqualsQuery({ store, project, catalog, warehouse }, 'slow_count', result.ranges, expect);
  });

  it('a statement that keeps timing out fails after the configured attempts, with its SQL recorded', async () => {
    const { warehouse, catalog } = await open(300);
    const result = await runSync({ project, warehouse, catalog, store, retryDelayMs: 10 }, { metrics: ['slow_count', 'won_deals'], today: '2025-05-15' });
    expect(result.run.status).toBe('partial');
    const failed = result.outcomes.find((o) => o.metric === 'slow_count')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.error).toMatch(/statement timeout/);
    const run = await readRun(store, result.run.id);
    expect(run!.failures).toEqual([expect.objectContaining({ metric: 'slow_count', attempts: 3, sql: expect.stringContaining('slow_opportunities') })]);
  });
});
