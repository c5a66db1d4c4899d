import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceFixtureSql } from '../../src/catalog/test-support/salesforce-fixture.js';
import { writeTestDuckDbFile, type TestDuckDbFile } from '../../src/warehouse/test-support/duckdb.js';
import { runCli } from '../support/run-cli.js';

/** Whatever stops discovery is reported clearly, with exit code 2, and nothing is written. */
describe('kpitree discover: bad input', () => {
  let org: TestDuckDbFile;
  let empty: TestDuckDbFile;
  beforeAll(async () => {
    org = await writeTestDuckDbFile(salesforceFixtureSql({ schema: 'sfdc_prod' }));
    empty = await writeTestDuckDbFile('CREATE TABLE orders (id INTEGER); CREATE SCHEMA analytics; CREATE TABLE analytics.events (id INTEGER); CREATE TABLE analytics.opportunities (id INTEGER)');
  });
  afterAll(async () => {
    await org?.remove();
    await empty?.remove();
  });

  const discover = (dir: string, ...args: string[]) => runCli(['discover', ...args], { cwd: dir });
  const entries = (dir: string) => readdir(dir);

  it('a warehouse with no Salesforce tables: which schemas and how many tables it saw', async () => {
    const run = await discover(empty.dir, '-w', `duckdb:${empty.name}`, '-o', 'project');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: no Salesforce tables in duckdb:.*warehouse\.duckdb: saw 3 tables in 2 schemas: analytics \(2 tables\), main \(1 table\); nothing was written/);
    expect(run.stderr).toContain('did you mean opportunity? found analytics.opportunities');
    expect(run.stdout).toBe('');
    expect(await entries(empty.dir)).toEqual([empty.name]);
  });

  it('a bad url, a password in the url, a missing DuckDB file, an unreachable Postgres', async () => {
    const cases: [string, RegExp][] = [
      ['mysql://root@localhost/db', /--warehouse: Unsupported warehouse url scheme \("mysql:"\)/],
      ['postgres://root:secret@127.0.0.1:5432/db', /--warehouse: The warehouse url contains a password/],
      ['duckdb:missing.duckdb', /--warehouse: .*missing\.duckdb/],
      ['postgres://root@127.0.0.1:1/nowhere', /--warehouse: .*127\.0\.0\.1:1/],
    ];
    for (const [url, message] of cases) {
      const run = await discover(empty.dir, '-w', url, '-o', 'project');
      expect(run.code, url).toBe(2);
      expect(run.stderr, url).toMatch(message);
      expect(run.stderr).not.toContain('secret');
    }
    expect(await entries(empty.dir)).toEqual([empty.name]);
  });

  it('a schema the warehouse does not have, and a format discover does not print', async () => {
    const schema = await discover(org.dir, '-w', `duckdb:${org.name}`, '-o', 'project', '--schema', 'sfdc_sandbox');
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(/--schema: the warehouse has no schema "sfdc_sandbox"\n {2}schemas: sfdc_prod/);
    const format = await discover(org.dir, '-w', `duckdb:${org.name}`, '-o', 'project', '--format', 'csv');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format: "csv" is not a format of discover; use table or json/);
    expect(await entries(org.dir)).toEqual([org.name]);
  });

  it('a folder that is not empty is left alone without --force, and replaced with it', async () => {
    const out = join(org.dir, 'mine');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'keep me');
    const refused = await discover(org.dir, '-w', `duckdb:${org.name}`, '-o', 'mine');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out: .*mine is not empty \(1 entry\); nothing was written\n {2}choose an empty or new folder, or pass --force to replace it/);
    expect(await entries(out)).toEqual(['notes.txt']);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('keep me');

    const forced = await discover(org.dir, '-w', `duckdb:${org.name}`, '-o', 'mine', '--force');
    expect(forced.code).toBe(0);
    expect(await entries(out)).toEqual(expect.arrayContaining(['kpitree.yaml', 'DISCOVERY.md', 'datasets', 'metrics']));
    expect(await entries(out)).not.toContain('notes.txt');
    // No temporary folder is left beside it.
    expect((await entries(org.dir)).sort()).toEqual(['mine', org.name].sort());
  });

  it('an empty folder is fine', async () => {
    const out = join(org.dir, 'empty-out');
    await mkdir(out);
    const run = await discover(org.dir, '-w', `duckdb:${org.name}`, '-o', 'empty-out');
    expect(run.code).toBe(0);
    expect(await entries(out)).toContain('kpitree.yaml');
  });
});
