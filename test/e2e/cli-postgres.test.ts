import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../../src/warehouse/test-support/postgres.js';
import { crmTables, tableStatements } from '../support/crm-data.js';
import { copyCrmProject, type ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';

/** `kpitree query` on a Postgres warehouse returns what hand-written SQL returns. */
describe('kpitree query on Postgres', () => {
  let pg: TestSchema;
  let project: ProjectCopy;

  beforeAll(async () => {
    pg = await createTestSchema();
    for (const table of crmTables) for (const { sql, params } of tableStatements(table, pg.schema)) await pg.admin.query(sql, params);
    project = await copyCrmProject(`{ url: "${pg.url}", schema: ${pg.schema} }`);
  });
  afterAll(async () => {
    await project?.remove();
    await pg?.drop();
  });

  it('win rate by month and region equals GROUP BY in SQL', async () => {
    const run = await runCli(['query', 'win_rate', '-p', project.dir, '--from', '2025-01', '--to', '2025-04', '--by', 'region', '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows: { period: string; slice: { region?: string | null }; value: number | null }[] = JSON.parse(run.stdout);
    const { rows: expected } = await pg.admin.query(`
      SELECT to_char(date_trunc('month', o.close_date), 'YYYY-MM-DD') AS period, u.region,
             (count(*) FILTER (WHERE o.is_won))::float / count(*) FILTER (WHERE o.is_closed) AS win_rate
      FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
      WHERE NOT o.is_deleted AND o.is_closed AND o.close_date BETWEEN '2025-01-01' AND '2025-04-30'
      GROUP BY 1, 2`);
    expect(expected.length).toBeGreaterThan(3);
    for (const e of expected) {
      const got = rows.find((r) => r.period === e.period && 'region' in r.slice && r.slice.region === e.region);
      expect(got?.value, `${e.period} ${e.region}`).toBeCloseTo(e.win_rate, 12);
    }
    // February has no closed deal: its total is there, and empty.
    expect(rows.find((r) => r.period === '2025-02-01' && !('region' in r.slice))?.value).toBeNull();
  });

  it('validate reads the Postgres catalog and names the schema', async () => {
    const run = await runCli(['validate', '-p', project.dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ every table and column exists in postgres:\/\/root@127\.0\.0\.1:5432\/kpitree_test/);
  });
});
