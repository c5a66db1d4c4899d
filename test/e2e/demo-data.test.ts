import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceObjects } from '../../src/catalog/index.js';
import { buildDemoOrg, DuckDbOrgWriter, type DemoManifest } from '../../src/demo/index.js';
import { columnTypeOf } from '../../src/warehouse/index.js';
import { runCli } from '../support/run-cli.js';

/** Rows of a query on a DuckDB file, opened read-only. */
async function query(path: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    connection.closeSync();
    return rows;
  } finally {
    instance.closeSync();
  }
}

const asOf = '2026-03-02';
const small = ['--as-of', asOf, '--months', '15', '--scale', '0.3', '--seed', '5'];

describe('kpitree demo-data into DuckDB', () => {
  let dir: string;
  let fivetran: string;
  let airbyte: string;
  let stderr: string;
  let stdout: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-demo-'));
    const run = await runCli(['demo-data', ...small], { cwd: dir });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    ({ stderr, stdout } = run);
    fivetran = join(dir, 'demo.duckdb');
    airbyte = join(dir, 'airbyte.duckdb');
    const second = await runCli(['demo-data', ...small, '--naming', 'airbyte', '--out', 'airbyte.duckdb', '--schema', 'sf'], { cwd: dir });
    expect(second.code).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes demo.duckdb and its manifest beside it, and says what it wrote', async () => {
    expect((await readdir(dir)).sort()).toEqual(['airbyte.duckdb', 'airbyte.manifest.json', 'demo.duckdb', 'demo.manifest.json']);
    expect(stderr).toMatch(/^Generating a demo Salesforce org \(fivetran naming, scale 0.3, 15 months up to 2026-03-02, seed 5\)/);
    expect(stderr).toMatch(/100% · [\d,]+ rows · [\d,]+ rows\/s · \d+:\d\d elapsed\n$/);
    expect(stdout).toMatch(/^Wrote [\d,]+ opportunities, [\d,]+ activities/);
    const manifest: DemoManifest = JSON.parse(await readFile(join(dir, 'demo.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 5, scale: 0.3, as_of: asOf, naming: 'fivetran', schema: 'salesforce', control: false });
    expect(manifest.incidents.map((i) => i.metrics[0])).toEqual(['stage_conversion_proposal_to_negotiation', 'activities', 'sales_cycle_length']);
    const [opportunities] = await query(fivetran, 'SELECT count(*) AS n FROM salesforce.opportunity');
    expect(Number(opportunities!.n)).toBe(manifest.counts.opportunity);
  });

  it('has every table and column of the catalogue with its type, in both namings', async () => {
    for (const [path, schema, naming] of [[fivetran, 'salesforce', 'fivetran'], [airbyte, 'sf', 'airbyte']] as const) {
      const columns = await query(path, `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = '${schema}'`);
      const tables = new Set(columns.map((c) => c.table_name));
      expect(tables.size).toBe(salesforceObjects.length);
      for (const object of salesforceObjects) {
        const table = naming === 'fivetran' ? object.name : object.api;
        for (const column of object.columns) {
          const name = naming === 'fivetran' ? column.name : column.api;
          const found = columns.find((c) => c.table_name === table && c.column_name === name);
          expect(found && columnTypeOf(String(found.data_type)), `${table}.${name}`).toBe(column.type);
        }
        const system = columns.filter((c) => c.table_name === table && String(c.column_name).startsWith('_fivetran'));
        expect(system.map((c) => c.column_name).sort()).toEqual(naming === 'fivetran' ? ['_fivetran_deleted', '_fivetran_synced'] : []);
      }
    }
  });

  it('keeps Salesforce invariants: won means closed, history ends at the current stage, nothing after the as-of date', async () => {
    const [check] = await query(fivetran, `
      WITH last AS (SELECT opportunity_id, arg_max(stage_name, created_date) AS stage, arg_min(stage_name, created_date) AS first, count(*) AS changes
                    FROM salesforce.opportunity_history GROUP BY 1)
      SELECT count(*) FILTER (WHERE is_won AND NOT is_closed) AS won_not_closed,
             count(*) FILTER (WHERE is_won <> (stage_name = 'Closed Won')) AS won_mismatch,
             count(*) FILTER (WHERE last.stage IS DISTINCT FROM o.stage_name) AS history_mismatch,
             count(*) FILTER (WHERE last.first <> 'Prospecting') AS first_not_prospecting,
             count(*) FILTER (WHERE o.created_date >= DATE '${asOf}' OR (o.is_closed AND o.close_date >= DATE '${asOf}')) AS after_as_of,
             count(*) FILTER (WHERE o.is_closed AND o.is_won = false AND o.loss_reason__c IS NULL) AS lost_without_reason,
             count(*) FILTER (WHERE o.is_deleted) AS deleted, count(*) FILTER (WHERE o._fivetran_deleted) AS hard_deleted,
             count(*) FILTER (WHERE last.changes >= 6) AS long_histories, count(*) AS n
      FROM salesforce.opportunity o LEFT JOIN last ON last.opportunity_id = o.id`);
    expect(check).toMatchObject({ won_not_closed: 0n, won_mismatch: 0n, history_mismatch: 0n, first_not_prospecting: 0n, after_as_of: 0n, lost_without_reason: 0n });
    expect(Number(check!.deleted)).toBeGreaterThan(0);
    expect(Number(check!.hard_deleted)).toBeGreaterThan(0);
    expect(Number(check!.long_histories)).toBeGreaterThan(0);
    for (const table of salesforceObjects.filter((o) => o.columns.some((c) => c.name === 'created_date'))) {
      const [row] = await query(fivetran, `SELECT count(*) AS late FROM salesforce."${table.name}" WHERE created_date >= DATE '${asOf}' AND created_date < DATE '${asOf}' + 365 * 10`);
      expect(row!.late, table.name).toBe(0n);
    }
    const [activity] = await query(fivetran, `SELECT (SELECT count(*) FROM salesforce.event WHERE start_date_time >= DATE '${asOf}') AS future_meetings,
      (SELECT count(*) FROM salesforce.task WHERE dayofweek(created_date) IN (0, 6)) * 1.0 / (SELECT count(*) FROM salesforce.task) AS weekend_share,
      (SELECT count(*) FROM salesforce.email_message WHERE reply_to_email_message_id IS NOT NULL) AS replies`);
    expect(activity!.future_meetings).toBe(0n);
    expect(Number(activity!.weekend_share)).toBeLessThan(0.05);
    expect(Number(activity!.replies)).toBeGreaterThan(0);
  });

  it('leaves hard-deleted rows out for Airbyte, and keeps stage regressions in the history', async () => {
    const [row] = await query(airbyte, `SELECT count(*) AS n FROM sf."Opportunity" WHERE "IsDeleted"`);
    expect(Number(row!.n)).toBeGreaterThan(0);
    const [regressions] = await query(fivetran, `
      SELECT count(*) AS n FROM salesforce.opportunity_field_history
      WHERE field = 'StageName' AND old_value = 'Negotiation' AND new_value = 'Proposal'`);
    expect(Number(regressions!.n)).toBeGreaterThan(0);
  });

  it('replaces its own earlier file, but never someone else’s', async () => {
    const again = await runCli(['demo-data', ...small, '--months', '3'], { cwd: dir });
    expect(again.code).toBe(0);
    const foreign = join(dir, 'mine.duckdb');
    await writeFile(foreign, 'not a demo org');
    const refused = await runCli(['demo-data', ...small, '--out', foreign], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/mine\.duckdb exists and was not written by kpitree demo-data/);
    expect(await readFile(foreign, 'utf8')).toBe('not a demo org');
  });

  it('leaves no file behind when the build fails midway', async () => {
    const path = join(dir, 'failed.duckdb');
    let calls = 0;
    const failing = buildDemoOrg({
      seed: 1, asOf, months: 15, scale: 0.3, incidents: 'default', naming: 'fivetran', schema: 'salesforce', writer: new DuckDbOrgWriter(path, 'salesforce', 'fivetran'),
      manifestPath: join(dir, 'failed.manifest.json'), progressEveryMs: 0,
      onProgress: () => {
        if (++calls === 20) throw new Error('stopped midway');
      },
    });
    await expect(failing).rejects.toThrow('stopped midway');
    expect((await readdir(dir)).filter((name) => name.startsWith('failed'))).toEqual([]);
  });

  it.each([
    [['--scale', 'lots'], /--scale: "lots" is not a number above 0/],
    [['--scale', '0'], /--scale: "0" is not a number above 0/],
    [['--naming', 'stitch'], /--naming: "stitch" is not a naming/],
    [['--as-of', '2026-02-30'], /--as-of: "2026-02-30" is not a date/],
    [['--months', '2.5'], /--months: "2.5" is not a whole number/],
    [['--out', '/no/such/folder/demo.duckdb'], /cannot write \/no\/such\/folder\/demo\.duckdb: its folder/],
    [['--warehouse', 'mysql://db/x'], /Unsupported warehouse url scheme/],
    [['--warehouse', 'postgres://u:secret@localhost/db'], /contains a password/],
    [['--incidents', 'missing.json'], /--incidents: cannot read .*missing\.json/],
    [['--schema', 'bad name'], /--schema: "bad name"/],
  ])('refuses %s with exit 2 and writes nothing', async (args, message) => {
    const empty = await mkdtemp(join(tmpdir(), 'kpitree-demo-bad-'));
    const run = await runCli(['demo-data', ...small, ...args], { cwd: empty });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(await readdir(empty)).toEqual([]);
    await rm(empty, { recursive: true });
  });

  it('reports every problem of an incidents file at once', async () => {
    const file = join(dir, 'incidents.json');
    await writeFile(file, JSON.stringify({ incidents: [{ kind: 'win_rate', slice: { region: 'LATAM' }, size: -0.2, start: 10 }, { kind: 'conversion', from_stage: 'Proposal', to_stage: 'Closed Won', size: 0.1, start: 500 }] }));
    const run = await runCli(['demo-data', ...small, '--incidents', file, '--out', 'never.duckdb'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the incidents have 3 problems\n.*region "LATAM" is not in the org\n.*adjacent stages.*\n.*is not before the as-of date/);
    expect(existsSync(join(dir, 'never.duckdb'))).toBe(false);
  });

  it('says so and exits 1 when the Postgres server cannot be reached', async () => {
    const run = await runCli(['demo-data', ...small, '--warehouse', 'postgres://root@127.0.0.1:1/kpitree_test'], { cwd: dir });
    expect(run.stderr).toMatch(/cannot connect to Postgres at 127\.0\.0\.1:1\/kpitree_test/);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, 'salesforce.manifest.json'))).toBe(false);
  });
});
