import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbFile, openDuckDbMemory, runDuckDb } from './duckdb-session.js';
import { openWarehouse } from './open-warehouse.js';
import { writeTestDuckDbFile, type TestDuckDbFile } from './test-support/duckdb.js';

const fixtureSql = `
CREATE SCHEMA sales;
CREATE TABLE sales.deals (id INTEGER, amount DOUBLE);
INSERT INTO sales.deals VALUES (1, 10.5), (2, 20);
CREATE TABLE main.notes (body TEXT);
`;

describe('DuckDB warehouse', () => {
  let file: TestDuckDbFile;
  beforeAll(async () => {
    file = await writeTestDuckDbFile(fixtureSql, 'crm.duckdb');
  });
  afterAll(async () => {
    await file.remove();
  });

  it('opens a file relative to baseDir, or by absolute path, and describes it', async () => {
    const relative = await openWarehouse('duckdb:crm.duckdb', { baseDir: file.dir });
    const absolute = await openWarehouse(`duckdb:${file.path}`);
    try {
      expect(relative.description).toBe(`duckdb:${file.path}`);
      expect(relative.dialect.name).toBe('duckdb');
      // Both are open read-only at once, as two processes could be.
      expect(await relative.query('SELECT sum(amount) AS total FROM sales.deals')).toEqual([{ total: 30.5 }]);
      expect(await absolute.query('SELECT count(*) AS n FROM sales.deals')).toEqual([{ n: 2 }]);
    } finally {
      await relative.close();
      await absolute.close();
    }
  });

  it('uses the given schema for unqualified names and as the catalog default', async () => {
    const warehouse = await openWarehouse('duckdb:crm.duckdb', { baseDir: file.dir, schema: 'sales' });
    try {
      expect(await warehouse.query('SELECT id FROM deals ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
      const catalog = await warehouse.introspect();
      expect(catalog.defaultSchema).toBe('sales');
      expect(catalog.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['main.notes', 'sales.deals']);
    } finally {
      await warehouse.close();
    }
  });

  it('refuses a schema that does not exist', async () => {
    await expect(openWarehouse('duckdb:crm.duckdb', { baseDir: file.dir, schema: 'nope' })).rejects.toMatchObject({
      kind: 'connection',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('reports a missing file clearly and never creates it', async () => {
    const missing = join(file.dir, 'missing.duckdb');
    const error = await openWarehouse('duckdb:missing.duckdb', { baseDir: file.dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'connection', message: expect.stringContaining(`No DuckDB file at ${missing}`) });
    expect((error as Error).message).toContain('check the warehouse url');
    expect(existsSync(missing)).toBe(false);
  });

  it('opens an empty in-memory database', async () => {
    const warehouse = await openWarehouse('duckdb::memory:');
    try {
      expect(warehouse.description).toBe('duckdb::memory:');
      expect(await warehouse.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
      expect(await warehouse.introspect()).toEqual({ tables: [], defaultSchema: 'main' });
    } finally {
      await warehouse.close();
    }
  });

  it('cannot read or write local files at the engine, file or memory', async () => {
    // (DuckDB still lets a query read its own database file; any other file is refused.)
    const secret = join(file.dir, 'secret.csv');
    await writeFile(secret, 'a,b\n1,2\n');
    const csv = `SELECT * FROM read_csv('${secret}')`;
    for (const instance of [await openDuckDbFile(file.path), await openDuckDbMemory()]) {
      const connection = await instance.connect();
      try {
        await expect(runDuckDb(connection, csv)).rejects.toMatchObject({ kind: 'read_only' });
        await expect(runDuckDb(connection, `COPY (SELECT 1) TO '${join(file.dir, 'out.csv')}'`)).rejects.toMatchObject({
          kind: 'read_only',
        });
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    }
    expect(existsSync(join(file.dir, 'out.csv'))).toBe(false);
  });

  it('accepts SHOW, DESCRIBE and EXPLAIN, which DuckDB also parses as reads', async () => {
    const warehouse = await openWarehouse('duckdb:crm.duckdb', { baseDir: file.dir });
    try {
      expect((await warehouse.query('DESCRIBE sales.deals')).map((r) => r.column_name)).toEqual(['id', 'amount']);
      expect(await warehouse.query('SHOW TABLES')).toEqual([{ name: 'notes' }]);
      expect((await warehouse.query('EXPLAIN SELECT 1')).length).toBeGreaterThan(0);
    } finally {
      await warehouse.close();
    }
  });

  it('interrupts a query that runs past the statement timeout, and keeps working', async () => {
    const warehouse = await openWarehouse('duckdb::memory:', { statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(warehouse.query('SELECT count(*) FROM range(1000000000000)')).rejects.toMatchObject({
        kind: 'timeout',
        message: expect.stringContaining('200 ms'),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await warehouse.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await warehouse.close();
    }
  });

  it('runs concurrent queries one after another on its connection', async () => {
    const warehouse = await openWarehouse('duckdb:crm.duckdb', { baseDir: file.dir });
    try {
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => warehouse.query('SELECT $1 * 2 AS doubled', [i])),
      );
      expect(results).toEqual([1, 2, 3, 4, 5].map((i) => [{ doubled: i * 2 }]));
      await expect(warehouse.query('SELECT * FROM nowhere')).rejects.toMatchObject({ kind: 'query' });
      expect(await warehouse.query('SELECT 1 AS after_error')).toEqual([{ after_error: 1 }]);
    } finally {
      await warehouse.close();
    }
  });
});
