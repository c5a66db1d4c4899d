import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { salesforceFixtureSql } from '../../src/catalog/test-support/salesforce-fixture.js';
import { writeTestDuckDbFile, type TestDuckDbFile } from '../../src/warehouse/test-support/duckdb.js';
import { createTestSchema, type TestSchema } from '../../src/warehouse/test-support/postgres.js';
import { runCli } from '../support/run-cli.js';

/** Discovery on Postgres: a schema with Fivetran-named tables, the same numbers as the same org in DuckDB. */
describe('kpitree discover on Postgres', () => {
  let pg: TestSchema;
  let duck: TestDuckDbFile;
  let dir: string;

  beforeAll(async () => {
    pg = await createTestSchema();
    await pg.admin.query(salesforceFixtureSql({ schema: pg.schema }));
    duck = await writeTestDuckDbFile(salesforceFixtureSql({ schema: 'salesforce' }));
    dir = await mkdtemp(join(tmpdir(), 'kpitree-discover-pg-'));
  });
  afterAll(async () => {
    await pg?.drop();
    await duck?.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the Fivetran tables, writes a project that validates, and its metrics match DuckDB', async () => {
    const run = await runCli(['discover', '-w', pg.url, '--schema', pg.schema, '-o', 'pg'], { cwd: dir });
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`schema ${pg.schema} (fivetran names)`);
    expect(run.stdout).toMatch(/Metrics computable: (\d+) of \1\n/);
    const config = parse(await readFile(join(dir, 'pg', 'kpitree.yaml'), 'utf8'));
    expect(config.warehouse).toEqual({ url: pg.url, schema: pg.schema });

    expect((await runCli(['validate', '-p', join(dir, 'pg')])).code).toBe(0);
    expect((await runCli(['discover', '-w', `duckdb:${duck.path}`, '-o', join(dir, 'duck')])).code).toBe(0);
    for (const metric of ['won_deals', 'pipeline_created', 'win_rate']) {
      const query = (project: string) => runCli(['query', metric, '-p', join(dir, project), '--from', '2025-01', '--to', '2025-08', '-f', 'json']);
      const [a, b] = await Promise.all([query('pg'), query('duck')]);
      expect(a.code, a.stderr).toBe(0);
      expect(JSON.parse(a.stdout), metric).toEqual(JSON.parse(b.stdout));
    }
  });
});
