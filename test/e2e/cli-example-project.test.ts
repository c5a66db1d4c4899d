import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { copyExampleProject } from '../support/example-project.js';
import { runCli } from '../support/run-cli.js';

/** The hand-written example project on a demo org: tree, query and validate against hand-written SQL. */
describe('kpitree on the example project (DuckDB file)', () => {
  let project: Awaited<ReturnType<typeof copyExampleProject>>;
  let handSql: (sql: string) => Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    project = await copyExampleProject();
    handSql = async (sql) => {
      const instance = await DuckDBInstance.create(join(project.dir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
      const connection = await instance.connect();
      try {
        return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    };
  });
  afterAll(() => project?.remove());

  it('prints the revenue tree for the last month that is over, with values that match hand SQL', async () => {
    const run = await runCli(['tree', '--project', project.dir, '--format', 'json'], { now: '2026-11-23T12:00:00Z' });
    expect(run.code).toBe(0);
    const tree = JSON.parse(run.stdout);
    expect(tree.period).toBe('2026-10-01');
    const [row] = await handSql(`
      SELECT SUM(amount) AS revenue, COUNT(*) AS won FROM salesforce.opportunity
      WHERE is_won AND NOT is_deleted AND NOT _fivetran_deleted AND close_date >= DATE '2026-10-01' AND close_date < DATE '2026-11-01'`);
    expect(tree.root.metric).toBe('closed_won_revenue');
    expect(tree.root.value).toBeCloseTo(Number(row!.revenue), 6);
    expect(tree.root.children[0].value).toBe(Number(row!.won));
    const text = await runCli(['tree', '--project', project.dir, '--period', '2026-10'], { now: '2026-11-23T12:00:00Z' });
    expect(text.stdout).toMatch(/Revenue engine · month 2026-10, change from 2026-09/);
    expect(text.stdout).toMatch(/└─ Average deal size/);
    expect(text.stdout).toContain('Closed won revenue  = Won deals × Average deal size');
  });

  it('query by region as JSON equals GROUP BY in hand-written SQL', async () => {
    const run = await runCli(['query', 'win_rate', '--project', project.dir, '--grain', 'quarter', '--from', '2025-01-01', '--to', '2025-12-31', '--by', 'region', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows: { period: string; slice: Record<string, string>; value: number | null }[] = JSON.parse(run.stdout);
    const expected = await handSql(`
      SELECT CAST(date_trunc('quarter', o.close_date) AS VARCHAR) AS period, u.region__c AS region,
             COUNT(*) FILTER (WHERE o.is_won) * 1.0 / COUNT(*) FILTER (WHERE o.is_closed) AS win_rate
      FROM salesforce.opportunity o LEFT JOIN salesforce."user" u ON o.owner_id = u.id AND NOT u._fivetran_deleted
      WHERE NOT o.is_deleted AND NOT o._fivetran_deleted AND o.close_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
      GROUP BY ALL ORDER BY 1, 2`);
    expect(expected.length).toBe(12);
    for (const e of expected) {
      const got = rows.find((r) => r.period === String(e.period).slice(0, 10) && r.slice.region === e.region);
      expect(got?.value, `${e.period} ${e.region}`).toBeCloseTo(Number(e.win_rate), 9);
    }
    expect(rows.filter((r) => Object.keys(r.slice).length === 0)).toHaveLength(4);
  });

  it('prints a table and CSV', async () => {
    const table = await runCli(['query', 'closed_won_revenue', '-p', project.dir, '--from', '2026-01', '--to', '2026-03']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^period\s+closed_won_revenue$/);
    expect(table.stdout).toMatch(/2026-02\s+\$[\d,]+/);
    const csv = await runCli(['query', 'win_rate', '-p', project.dir, '--from', '2026-01', '--to', '2026-03', '--by', 'segment', '--where', 'region=EMEA', '-f', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,segment,win_rate');
    expect(lines).toContain(lines.find((l) => l.startsWith('2026-01-01,(all),')));
    expect(lines.filter((l) => l.includes(',Enterprise,'))).toHaveLength(3);
  });

  it('validates the project against the warehouse', async () => {
    const run = await runCli(['validate', '-p', project.dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ example-revenue: 6 datasets, \d+ metrics, 1 tree, 3 people — definitions are valid/);
    expect(run.stdout).toMatch(/✓ every table and column exists in duckdb:/);
  });
});
