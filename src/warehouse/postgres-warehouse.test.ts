import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from './open-warehouse.js';
import { parseWarehouseUrl } from './parse-warehouse-url.js';
import { createPostgresPool, runPostgres } from './postgres-session.js';
import type { PostgresTarget } from './postgres-target.js';
import { createTestSchema, type TestSchema } from './test-support/postgres.js';
import type { Warehouse } from './warehouse.js';

function targetOf(url: string): PostgresTarget {
  const parsed = parseWarehouseUrl(url);
  if (parsed.engine !== 'postgres') throw new Error('expected a postgres url');
  return parsed.target;
}

/** A port nothing listens on: bind a free one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('Postgres warehouse', () => {
  let db: TestSchema;
  let warehouse: Warehouse;
  beforeAll(async () => {
    db = await createTestSchema();
    await db.admin.query('CREATE TABLE deals (id INTEGER, amount NUMERIC(30, 2))');
    await db.admin.query('INSERT INTO deals VALUES (1, 10.5)');
    warehouse = await openWarehouse(db.url, { schema: db.schema });
  });
  afterAll(async () => {
    await warehouse?.close();
    await db?.drop();
  });

  it('describes itself without a password', () => {
    const { host, port, database, user } = targetOf(db.url);
    expect(warehouse.description).toBe(`postgres://${user}@${host}:${port}/${database}`);
    expect(warehouse.dialect.name).toBe('postgres');
  });

  it('runs read-only sessions in UTC with a statement timeout', async () => {
    const settings = await warehouse.query(
      "SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS st, current_setting('TimeZone') AS tz",
    );
    expect(settings).toEqual([{ ro: 'on', st: '5min', tz: 'UTC' }]);
  });

  it('undoes a settings change a statement makes, so the next query is read-only again', async () => {
    await expect(
      warehouse.query("SELECT set_config('default_transaction_read_only', 'off', false)"),
    ).rejects.toMatchObject({ kind: 'read_only' });
    const target = targetOf(db.url);
    const pool = createPostgresPool(target, { password: undefined, schema: db.schema, statementTimeoutMs: 60_000 });
    const context = { target, statementTimeoutMs: 60_000, password: undefined };
    try {
      await runPostgres(pool, context, "SELECT set_config('default_transaction_read_only', 'off', false)");
      expect(await runPostgres(pool, context, "SELECT current_setting('default_transaction_read_only') AS ro")).toEqual([
        { ro: 'on' },
      ]);
      await expect(runPostgres(pool, context, 'INSERT INTO deals VALUES (2, 1)')).rejects.toMatchObject({
        kind: 'read_only',
      });
    } finally {
      await pool.end();
    }
  });

  it('returns other types as their Postgres text, and leaves pg’s global parsers alone', async () => {
    const rows = await warehouse.query(
      `SELECT '1 day'::interval AS i, '{"a": 1}'::json AS j, ARRAY[1, 2] AS arr, amount, DATE '2024-01-31' AS d FROM deals`,
    );
    expect(rows).toEqual([{ i: '1 day', j: '{"a": 1}', arr: '{1,2}', amount: 10.5, d: '2024-01-31' }]);
    const plain = await db.admin.query("SELECT DATE '2024-01-31' AS d");
    expect(plain.rows[0].d).toBeInstanceOf(Date);
  });

  it('reports a query error with its position', async () => {
    const error = await warehouse.query('SELECT nocol FROM deals').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'query', code: '42703', position: 8 });
    expect((error as Error).message).toContain('column "nocol" does not exist (at character 8)');
  });

  it('cancels a query at the statement timeout', async () => {
    const quick = await openWarehouse(db.url, { schema: db.schema, statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(quick.query('SELECT pg_sleep(2)')).rejects.toMatchObject({
        kind: 'timeout',
        message: expect.stringContaining('200 ms'),
      });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await quick.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await quick.close();
    }
  });

  it('puts a schema with a space and a quote on the search_path', async () => {
    const odd = `${db.schema} "odd"`;
    const quoted = `"${odd.replaceAll('"', '""')}"`;
    await db.admin.query(`CREATE SCHEMA ${quoted}; CREATE TABLE ${quoted}.things (x INTEGER); INSERT INTO ${quoted}.things VALUES (7)`);
    const inOdd = await openWarehouse(db.url, { schema: odd });
    try {
      expect(await inOdd.query('SELECT x FROM things')).toEqual([{ x: 7 }]);
      expect((await inOdd.introspect()).defaultSchema).toBe(odd);
    } finally {
      await inOdd.close();
      await db.admin.query(`DROP SCHEMA ${quoted} CASCADE`);
    }
  });

  it('names host:port and the cause when nothing listens', async () => {
    const port = await closedPort();
    const error = await openWarehouse(`postgres://root@127.0.0.1:${port}/kpitree_test`).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'connection' });
    expect((error as Error).message).toContain(`127.0.0.1:${port}/kpitree_test`);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('names a database that does not exist', async () => {
    const { host, port } = targetOf(db.url);
    const error = await openWarehouse(`postgres://root@${host}:${port}/kpitree_no_such_db`).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'connection', code: '3D000' });
    expect((error as Error).message).toContain('database "kpitree_no_such_db" does not exist');
  });

  it('names a user the server refuses, never the password', async () => {
    const { host, port, database } = targetOf(db.url);
    const password = 'hunter2-do-not-print';
    const error = await openWarehouse(`postgres://no_such_user_kpitree@${host}:${port}/${database}`, { password }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'connection' });
    expect((error as Error).message).toContain('no_such_user_kpitree');
    expect((error as Error).message).not.toContain(password);
  });

  it('refuses a password in the url without printing it', async () => {
    const error = await openWarehouse('postgres://root:s3cr3t-Pa55@127.0.0.1:5432/kpitree_test').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'url' });
    expect((error as Error).message).toContain('password_env');
    expect((error as Error).message).not.toContain('s3cr3t-Pa55');
  });

  it('leaves pg’s default type parsers untouched for other clients', () => {
    expect(pg.types.getTypeParser(20)('9007199254740993')).toBe('9007199254740993');
  });
});
