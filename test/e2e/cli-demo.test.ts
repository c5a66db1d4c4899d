import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** The README's main command: a demo org, discovered, and its revenue tree with values that match hand SQL. */
describe('kpitree demo', () => {
  let dir: string;
  let tree: { period: string; root: { metric: string; value: number; children: { metric: string; value: number }[] } };
  let stderr: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-demo-'));
    const run = await runCli(['demo', '--dir', 'demo', '--scale', '0.3', '--as-of', '2026-11-23', '--format', 'json'], { cwd: dir });
    stderr = run.stderr;
    expect(run.code, run.stderr).toBe(0);
    tree = JSON.parse(run.stdout);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports each step on stderr and leaves the warehouse, the manifest and the discovered project', async () => {
    expect(stderr).toMatch(/Generating a demo Salesforce org/);
    expect(stderr).toMatch(/Metrics computable: (\d+) of \1/);
    for (const path of ['demo/warehouse.duckdb', 'demo/warehouse.manifest.json', 'demo/project/kpitree.yaml', 'demo/project/DISCOVERY.md']) {
      expect((await stat(join(dir, path))).isFile(), path).toBe(true);
    }
    const validate = await runCli(['validate', '-p', join(dir, 'demo/project')]);
    expect(validate.code).toBe(0);
  });

  it("prints the last month over, with the root and its formula children equal to hand-written SQL", async () => {
    expect(tree.period).toBe('2026-10-01');
    const instance = await DuckDBInstance.create(join(dir, 'demo/warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const [row] = (
      await connection.runAndReadAll(`
        SELECT SUM(amount) AS revenue, COUNT(*) AS won FROM salesforce.opportunity
        WHERE is_won AND NOT is_deleted AND NOT _fivetran_deleted
          AND close_date >= DATE '2026-10-01' AND close_date < DATE '2026-11-01'`)
    ).getRowObjectsJS() as { revenue: number; won: bigint }[];
    connection.closeSync();
    instance.closeSync();
    expect(tree.root.metric).toBe('closed_won_revenue');
    expect(tree.root.value).toBeCloseTo(Number(row!.revenue), 4);
    expect(tree.root.children.find((c) => c.metric === 'won_deals')?.value).toBe(Number(row!.won));
  });

  it('refuses bad options before writing anything', async () => {
    const run = await runCli(['demo', '--dir', 'other', '--format', 'csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format: a tree prints as table or json');
    await expect(stat(join(dir, 'other'))).rejects.toThrow();
  });
});
