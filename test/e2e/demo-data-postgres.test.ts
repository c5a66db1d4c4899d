import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceObjects } from '../../src/catalog/index.js';
import { buildDemoOrg, PostgresOrgWriter, type DemoManifest } from '../../src/demo/index.js';
import { columnTypeOf } from '../../src/warehouse/index.js';
import { createTestSchema, type TestSchema } from '../../src/warehouse/test-support/postgres.js';
import { runCli } from '../support/run-cli.js';

const options = ['--as-of', '2026-03-02', '--months', '9', '--scale', '0.3', '--seed', '9'];

describe('kpitree demo-data into Postgres', () => {
  let pg: TestSchema;
  let dir: string;
  const others: string[] = [];
  const schemaOf = (suffix: string) => {
    others.push(`${pg.schema}_${suffix}`);
    return `${pg.schema}_${suffix}`;
  };
  const manifestOf = async (name: string): Promise<DemoManifest> => JSON.parse(await readFile(join(dir, name), 'utf8'));

  beforeAll(async () => {
    pg = await createTestSchema();
    dir = await mkdtemp(join(tmpdir(), 'kpitree-demo-pg-'));
    const run = await runCli(['demo-data', ...options, '--warehouse', pg.url, '--schema', pg.schema], { cwd: dir });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    for (const schema of others) await pg?.admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same rows as the DuckDB writer, table by table', async () => {
    const duck = await runCli(['demo-data', ...options, '--out', 'same.duckdb'], { cwd: dir });
    expect(duck.code).toBe(0);
    const [postgres, duckdb] = [await manifestOf(`${pg.schema}.manifest.json`), await manifestOf('same.manifest.json')];
    expect(postgres.counts).toEqual(duckdb.counts);
    expect(postgres.target).toBe(`postgres://root@127.0.0.1:5432/kpitree_test schema ${pg.schema}`);
    for (const [table, n] of Object.entries(postgres.counts)) {
      const { rows } = await pg.admin.query(`SELECT count(*)::int AS n FROM "${pg.schema}"."${table}"`);
      expect(rows[0].n, table).toBe(n);
    }
    const { rows } = await pg.admin.query(`SELECT obj_description('"${pg.schema}"'::regnamespace, 'pg_namespace') AS comment`);
    expect(rows[0].comment).toBe('Written by kpitree demo-data');
  });

  it('has every table and column of the catalogue with its type, in both namings', async () => {
    const airbyte = schemaOf('airbyte');
    const run = await runCli(['demo-data', ...options, '--warehouse', pg.url, '--schema', airbyte, '--naming', 'airbyte', '--manifest', 'airbyte.json'], { cwd: dir });
    expect(run.code).toBe(0);
    for (const [schema, naming] of [[pg.schema, 'fivetran'], [airbyte, 'airbyte']] as const) {
      const { rows } = await pg.admin.query(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1`, [schema]);
      for (const object of salesforceObjects) {
        for (const column of object.columns) {
          const [table, name] = naming === 'fivetran' ? [object.name, column.name] : [object.api, column.api];
          const found = rows.find((r) => r.table_name === table && r.column_name === name);
          expect(found && columnTypeOf(found.data_type), `${schema}.${table}.${name}`).toBe(column.type);
        }
      }
      expect(rows.some((r) => r.column_name === '_fivetran_deleted')).toBe(naming === 'fivetran');
    }
    const won = await pg.admin.query(`SELECT count(*)::int AS n FROM "${airbyte}"."Opportunity" WHERE "IsWon" AND NOT "IsClosed"`);
    expect(won.rows[0].n).toBe(0);
  });

  it('rolls back a write that fails midway: no schema, no building schema', async () => {
    const failed = schemaOf('failed');
    let calls = 0;
    const build = buildDemoOrg({
      seed: 1, asOf: '2026-03-02', months: 9, scale: 0.3, incidents: 'none', naming: 'fivetran', schema: failed, progressEveryMs: 0,
      writer: new PostgresOrgWriter({ host: '127.0.0.1', port: 5432, database: 'kpitree_test', user: 'root' }, failed, 'fivetran'),
      onProgress: () => {
        if (++calls === 15) throw new Error('stopped midway');
      },
    });
    await expect(build).rejects.toThrow('stopped midway');
    const { rows } = await pg.admin.query(`SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname LIKE 'kpitree_demo_%'`, [failed]);
    expect(rows).toEqual([]);
  });

  it('replaces its own schema, but refuses a schema it did not write', async () => {
    const again = await runCli(['demo-data', ...options, '--months', '3', '--warehouse', pg.url, '--schema', pg.schema], { cwd: dir });
    expect(again.code).toBe(0);
    const mine = schemaOf('mine');
    await pg.admin.query(`CREATE SCHEMA "${mine}"; CREATE TABLE "${mine}".keep (x int); INSERT INTO "${mine}".keep VALUES (1)`);
    const refused = await runCli(['demo-data', ...options, '--warehouse', pg.url, '--schema', mine], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schema .*_mine exists and was not written by kpitree demo-data/);
    const { rows } = await pg.admin.query(`SELECT count(*)::int AS n FROM "${mine}".keep`);
    expect(rows[0].n).toBe(1);
  });
});
