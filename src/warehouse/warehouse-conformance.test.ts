import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbFile, runDuckDb } from './duckdb-session.js';
import { openWarehouse } from './open-warehouse.js';
import { parseWarehouseUrl } from './parse-warehouse-url.js';
import { createPostgresPool, runPostgres } from './postgres-session.js';
import { createTestDuckDb, writeTestDuckDbFile } from './test-support/duckdb.js';
import { createTestSchema } from './test-support/postgres.js';
import type { SqlRow, Warehouse } from './warehouse.js';
import { WarehouseError } from './warehouse-error.js';

/** One fixture, the same DDL for every warehouse. */
const fixtureSql = `
CREATE TABLE fixture (
  id INTEGER, day DATE, ts TIMESTAMP, ts_tz TIMESTAMPTZ, amount NUMERIC(12, 2),
  big BIGINT, ratio DOUBLE PRECISION, active BOOLEAN, label TEXT
);
INSERT INTO fixture VALUES
  (1, '2024-02-29', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.5+02', 1234.56,
   9007199254740993, 0.25, true, 'O''Brien "the" \\ boss; -- not a comment'),
  (2, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', -0.5, -42, -1.5, false, 'plain'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE VIEW fixture_labels AS SELECT id, label FROM fixture;
`;

const expectedRows: SqlRow[] = [
  {
    id: 1,
    day: '2024-02-29',
    ts: '2024-01-02 03:04:05.123456',
    ts_tz: '2024-01-02T01:04:05.5Z',
    amount: 1234.56,
    big: 9007199254740992, // 2^53 + 1 as a JS number: the documented precision loss
    ratio: 0.25,
    active: true,
    label: 'O\'Brien "the" \\ boss; -- not a comment',
  },
  {
    id: 2,
    day: '1999-12-31',
    ts: '1999-12-31 23:59:59',
    ts_tz: '2000-01-01T07:59:59Z',
    amount: -0.5,
    big: -42,
    ratio: -1.5,
    active: false,
    label: 'plain',
  },
  { id: 3, day: null, ts: null, ts_tz: null, amount: null, big: null, ratio: null, active: null, label: null },
];

interface WarehouseUnderTest {
  warehouse: Warehouse;
  /** Schema the fixture is in. */
  schema: string;
  /** Runs SQL on a session configured exactly as the warehouse's, skipping the guard. */
  runUnguarded?: (sql: string) => Promise<SqlRow[]>;
  cleanup(): Promise<void>;
}

/** name, factory, and whether the engine itself refuses writes (a test instance stays writable for its owner). */
const factories: [string, () => Promise<WarehouseUnderTest>, boolean][] = [
  [
    'duckdb file',
    async () => {
      const file = await writeTestDuckDbFile(fixtureSql);
      const warehouse = await openWarehouse(`duckdb:${file.name}`, { baseDir: file.dir });
      const engine = await openDuckDbFile(file.path);
      const connection = await engine.connect();
      return {
        warehouse,
        schema: 'main',
        runUnguarded: (sql) => runDuckDb(connection, sql),
        async cleanup() {
          await warehouse.close();
          connection.closeSync();
          engine.closeSync();
          await file.remove();
        },
      };
    },
    true,
  ],
  [
    'duckdb instance (tests)',
    async () => {
      const db = await createTestDuckDb();
      await db.connection.run(fixtureSql);
      const warehouse = await db.warehouse();
      return {
        warehouse,
        schema: 'main',
        async cleanup() {
          await warehouse.close();
          db.close();
        },
      };
    },
    false,
  ],
  [
    'postgres',
    async () => {
      const pg = await createTestSchema();
      await pg.admin.query(fixtureSql);
      const warehouse = await openWarehouse(pg.url, { schema: pg.schema });
      const { target } = parseWarehouseUrl(pg.url) as Extract<ReturnType<typeof parseWarehouseUrl>, { engine: 'postgres' }>;
      const session = { password: undefined, schema: pg.schema, statementTimeoutMs: 60_000 };
      const pool = createPostgresPool(target, session);
      const context = { target, statementTimeoutMs: session.statementTimeoutMs, password: undefined };
      return {
        warehouse,
        schema: pg.schema,
        runUnguarded: (sql) => runPostgres(pool, context, sql),
        async cleanup() {
          await warehouse.close();
          await pool.end();
          await pg.drop();
        },
      };
    },
    true,
  ],
];

describe.each(factories)('%s warehouse', (_name, create) => {
  let w: WarehouseUnderTest;
  beforeAll(async () => {
    w = await create();
  });
  afterAll(async () => {
    await w?.cleanup();
  });

  it('returns values normalised the same way as every other warehouse', async () => {
    expect(await w.warehouse.query('SELECT * FROM fixture ORDER BY id')).toEqual(expectedRows);
  });

  it('runs sessions in UTC, so a timestamptz falls on its UTC date', async () => {
    const rows = await w.warehouse.query(
      "SELECT CAST(ts_tz AS DATE) AS d, current_setting('TimeZone') AS tz FROM fixture WHERE id = 2",
    );
    expect(rows).toEqual([{ d: '2000-01-01', tz: 'UTC' }]);
  });

  it('binds strings, numbers, booleans and null positionally', async () => {
    const p = (i: number) => w.warehouse.dialect.placeholder(i);
    const filtered = await w.warehouse.query(
      `SELECT id FROM fixture WHERE label = ${p(1)} AND big = ${p(2)} AND active = ${p(3)} ORDER BY id`,
      ['plain', -42, false],
    );
    expect(filtered).toEqual([{ id: 2 }]);
    const echoed = await w.warehouse.query(
      `SELECT CAST(${p(1)} AS TEXT) AS t, CAST(${p(2)} AS DOUBLE PRECISION) AS n, CAST(${p(3)} AS BOOLEAN) AS b, CAST(${p(4)} AS TEXT) AS z`,
      ["'; DROP TABLE fixture; --", 2.5, true, null],
    );
    expect(echoed).toEqual([{ t: "'; DROP TABLE fixture; --", n: 2.5, b: true, z: null }]);
  });

  it('keeps both of two columns with the same name', async () => {
    expect(await w.warehouse.query('SELECT 1 AS a, 2 AS a')).toEqual([{ a: 1, 'a:1': 2 }]);
  });

  it('introspects tables and views with their column types', async () => {
    const catalog = await w.warehouse.introspect();
    expect(catalog.defaultSchema).toBe(w.schema);
    const fixture = catalog.tables.find((t) => t.schema === w.schema && t.name === 'fixture');
    expect(fixture?.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'number'],
      ['day', 'date'],
      ['ts', 'timestamp'],
      ['ts_tz', 'timestamptz'],
      ['amount', 'number'],
      ['big', 'number'],
      ['ratio', 'number'],
      ['active', 'boolean'],
      ['label', 'string'],
    ]);
    const view = catalog.tables.find((t) => t.schema === w.schema && t.name === 'fixture_labels');
    expect(view?.columns.map((c) => c.type)).toEqual(['number', 'string']);
    expect(catalog.tables.some((t) => ['information_schema', 'pg_catalog'].includes(t.schema))).toBe(false);
  });

  it('refuses a write with the guard', async () => {
    await expect(w.warehouse.query('INSERT INTO fixture (id) VALUES (9)')).rejects.toMatchObject({ kind: 'read_only' });
    await expect(
      w.warehouse.query('WITH gone AS (DELETE FROM fixture RETURNING id) SELECT * FROM gone'),
    ).rejects.toMatchObject({ kind: 'read_only' });
  });

  it('reports a query error as kind query', async () => {
    const error: unknown = await w.warehouse.query('SELECT no_such_column FROM fixture').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ kind: 'query', message: expect.stringMatching(/no_such_column/) });
  });
});

/** The engine's own read-only setting, behind the guard: only where the engine enforces it. */
describe.each(factories.filter(([, , engineReadOnly]) => engineReadOnly))('%s engine', (_name, create) => {
  let w: WarehouseUnderTest;
  beforeAll(async () => {
    w = await create();
  });
  afterAll(async () => {
    await w?.cleanup();
  });

  it('refuses a write at the engine when it slips past the guard', async () => {
    await expect(w.runUnguarded!('INSERT INTO fixture (id) VALUES (9)')).rejects.toMatchObject({ kind: 'read_only' });
    await expect(w.runUnguarded!('CREATE TABLE sneaky (a INTEGER)')).rejects.toMatchObject({ kind: 'read_only' });
    expect(await w.warehouse.query('SELECT count(*) AS n FROM fixture')).toEqual([{ n: 3 }]);
  });

  it('runs one statement at a time at the engine too', async () => {
    await expect(w.runUnguarded!('SELECT 1; SELECT 2')).rejects.toMatchObject({ kind: 'query' });
  });
});
