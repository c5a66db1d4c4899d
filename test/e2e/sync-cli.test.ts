import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, testDatabaseUrl } from '../../src/warehouse/test-support/postgres.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';
import { changeDuckDbFile } from '../sync/support/duckdb-file.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';

interface Row {
  period: string;
  slice: Record<string, string | null>;
  value: number | null;
}

const brokenFiles = {
  'datasets/stage_numbers.yaml': 'id: stage_numbers\ntable: stage_numbers\n',
  'metrics/stage_numbers.yaml': 'metrics:\n  - id: stage_number_total\n    kind: sum\n    dataset: stage_numbers\n    expr: stage_number\n    time: created_at\n',
};

/** The store engines a project can use: the embedded default (no setting), and Postgres through DATABASE_URL. */
const engines: [string, () => Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }>][] = [
  ['pglite (the default, in the project folder)', async () => ({ env: {}, cleanup: async () => undefined })],
  [
    'postgres (DATABASE_URL)',
    async () => {
      const admin = await createTestSchema(); // creates the database if needed; the store makes its own schema
      const schema = `${admin.schema}_store`;
      return {
        env: { DATABASE_URL: `${testDatabaseUrl}?schema=${schema}` },
        cleanup: async () => {
          await admin.admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await admin.drop();
        },
      };
    },
  ],
];

describe.each(engines)('kpitree sync, runs and series on %s', (_name, makeEngine) => {
  let copy: ProjectCopy;
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  const cli = (...args: string[]) => runCli([...args, '-p', copy.dir], { env });

  beforeAll(async () => {
    ({ env, cleanup } = await makeEngine());
    ({ copy } = await crmSyncProject('dimensions: [region, segment]\nhistory_start: "2024-12-01"', brokenFiles));
    await changeDuckDbFile(join(copy.dir, 'warehouse.duckdb'), 'CREATE VIEW stage_numbers AS SELECT created_at, CAST(stage_name AS INTEGER) AS stage_number FROM opportunities');
  });
  afterAll(async () => {
    await copy?.remove();
    await cleanup?.();
  });

  it('says clearly that nothing is stored before the first sync', async () => {
    const series = await cli('series', 'closed_won_revenue', '--grain', 'month');
    expect(series.code).toBe(1);
    expect(series.stderr).toMatch(/nothing is stored yet for closed_won_revenue .*\n {2}run kpitree sync first/);
    const runs = await cli('runs');
    expect(runs).toMatchObject({ code: 0, stdout: '' });
    expect(runs.stderr).toMatch(/No sync runs yet/);
  });

  it('syncs every metric of the tree, then series gives what kpitree query gives, read from the store', async () => {
    const sync = await cli('sync', '--full');
    expect(sync.stderr).toMatch(/^Run 1: 6 metrics from duckdb:.* into .*; full history: week from 2024-11-25, month from 2024-12-01, quarter from 2024-10-01, to 2025-05-15\n/);
    expect(sync.stdout).toMatch(/^Run 1 succeeded: 6 of 6 metrics written, [\d,]+ values, /);
    expect(sync.code).toBe(0);

    for (const [metric, grain, dimension, value] of [
      ['win_rate', 'month', 'region', 'EMEA'],
      ['closed_won_revenue', 'week', 'segment', 'Enterprise'],
      ['pipeline_created', 'quarter', 'region', '(none)'],
    ] as const) {
      const series = await cli('series', metric, '--grain', grain, '--slice', `${dimension}=${value}`, '-f', 'json');
      expect(series.code, series.stderr).toBe(0);
      const query = await cli('query', metric, '--grain', grain, '--by', dimension, '--from', '2024-12-01', '--where', `${dimension}=${value}`, '-f', 'json');
      const wanted = (JSON.parse(query.stdout) as Row[]).filter((r) => dimension in r.slice);
      const stored = JSON.parse(series.stdout) as Row[];
      expect(stored.map((r) => [r.period, r.slice, r.value])).toEqual(wanted.map((r) => [r.period, r.slice, r.value]).filter(([period]) => (period as string) >= stored[0]!.period));
      expect(stored.length).toBeGreaterThanOrEqual(wanted.length - 1);
    }
    const table = await cli('series', 'closed_won_revenue', '--grain', 'month', '--from', '2025-01', '--to', '2025-04');
    expect(table.stdout.split('\n').slice(2, 6).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([['2025-01', '$1,250'], ['2025-02', '$0'], ['2025-03', '$2,300'], ['2025-04', '$900']]);
    expect(table.stderr).toMatch(/Closed won revenue by month, total: 4 values from /);
    const csv = await cli('series', 'win_rate', '--grain', 'quarter', '--slice', 'region=NA', '--slice', 'segment=Enterprise', '-f', 'csv');
    expect(csv.stdout.split('\n').slice(0, 4).map((line) => line.split(',').slice(0, 2))).toEqual([['period', 'win_rate'], ['2024-10-01', ''], ['2025-01-01', '0.5'], ['2025-04-01', '']]);
  });

  it('a failing metric does not stop the others; kpitree runs shows it, and its SQL on request', async () => {
    const sync = await cli('sync', '--metric', 'stage_number_total,won_deals');
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/^Run 2 partial: 1 of 2 metrics written, 1 failed, [\d,]+ values, .*\n {2}✗ stage_number_total: DuckDB rejected the query: Conversion Error.* \(1 attempt\)\n/);
    // A partial run is analysed too: the metric it wrote.
    expect(sync.stdout).toMatch(/\nAnalysis of run 2: [\d,]+ series judged, .*\n/);
    expect(sync.stderr).toMatch(/error: 1 of 2 metrics failed \(stage_number_total\); their previous values are kept\n {2}see each error and the SQL that failed: kpitree runs 2 --sql\n$/);

    const runs = await cli('runs');
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/^run +status +trigger +started +took +metrics +failed +values +worker\n/);
    expect(runs.stdout).toMatch(/\n +2 +partial +manual +.* 1\/2 +1 /);
    expect(runs.stdout).toMatch(/\n +1 +succeeded +backfill +.* 6\/6 +0 /);
    expect(runs.stdout).toMatch(/\nRun 2 partial\n {2}✗ stage_number_total: DuckDB rejected the query: Conversion Error/);
    expect(runs.stdout).not.toMatch(/SELECT/);
    expect(runs.stderr).toMatch(/The SQL that failed: kpitree runs 2 --sql/);

    const detail = await cli('runs', '2', '--sql');
    expect(detail.stdout).toMatch(/✗ stage_number_total \(1 attempt\):\n {6}DuckDB rejected the query: Conversion Error[^]*\n {6}WITH week_spine AS \(/);
    expect(detail.stdout).toMatch(/FROM "main"."stage_numbers"/);
    const json = JSON.parse((await cli('runs', '--limit', '1', '-f', 'json')).stdout);
    expect(json).toEqual([expect.objectContaining({ id: 2, status: 'partial', failures: [expect.objectContaining({ metric: 'stage_number_total', attempts: 1 })] })]);
    expect((await cli('series', 'won_deals', '--grain', 'week', '-f', 'json')).code).toBe(0);
  });

  it('refuses bad input before touching anything (exit 2)', async () => {
    const unknown = await cli('sync', '--metric', 'win_rte');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/--metric: unknown metric "win_rte" \(did you mean "win_rate"\?\)/);
    expect((await cli('series', 'win_rate', '--slice', 'region!=EMEA')).code).toBe(2);
    expect((await cli('series', 'win_rate', '--grain', 'fortnight')).code).toBe(2);
    expect((await cli('runs', 'abc')).code).toBe(2);
    const slice = await cli('series', 'win_rate', '--grain', 'month', '--slice', 'region=Mars');
    expect(slice.code).toBe(1);
    expect(slice.stderr).toMatch(/win_rate has no stored slice region=Mars by month\n {2}stored: total; region=EMEA; region=NA; region=\(none\);/);
  });
});

describe('an unreachable store or the wrong store', () => {
  let copy: ProjectCopy;

  beforeAll(async () => {
    ({ copy } = await crmSyncProject('dimensions: [region]'));
  });
  afterAll(() => copy?.remove());

  it('is a clear error with exit code 1, and nothing is run', async () => {
    const env = { DATABASE_URL: 'postgres://root@127.0.0.1:1/kpitree_test' };
    for (const args of [['sync'], ['runs'], ['series', 'win_rate']]) {
      const run = await runCli([...args, '-p', copy.dir], { env });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^error: .*127\.0\.0\.1:1.*\n$/);
      expect(run.stderr).not.toMatch(/KPITREE_DEBUG/);
    }
    expect(existsSync(join(copy.dir, '.kpitree'))).toBe(false); // no fallback to the embedded store
  });

  it('workers and --enqueue need a Postgres store (exit 2)', async () => {
    const worker = await runCli(['worker', '-p', copy.dir]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/kpitree worker shares work through a Postgres store: set DATABASE_URL/);
    const enqueue = await runCli(['sync', '--enqueue', '-p', copy.dir]);
    expect(enqueue.code).toBe(2);
    expect(enqueue.stderr).toMatch(/--enqueue hands the run to workers, which need a Postgres store/);
  });
});
