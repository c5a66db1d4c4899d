import pg from 'pg';
import { buildRows } from './build-rows.js';
import { postgresConnectionError, postgresQueryError, type PostgresErrorContext } from './postgres-errors.js';
import type { PostgresTarget } from './postgres-target.js';
import { postgresTypes } from './postgres-types.js';
import type { SqlRow, SqlValue } from './warehouse.js';

export interface PostgresSessionOptions {
  password: string | undefined;
  /** Put first on the search_path, for tables named without a schema. */
  schema: string | undefined;
  statementTimeoutMs: number;
}

/**
 * A pool whose every session is read-only by default, has a statement timeout and runs in UTC,
 * set at connection start (the `options` startup parameter), with per-pool type parsers.
 */
export function createPostgresPool(target: PostgresTarget, options: PostgresSessionOptions): pg.Pool {
  const settings = [
    'default_transaction_read_only=on',
    `statement_timeout=${Math.max(1, Math.round(options.statementTimeoutMs))}`,
    'TimeZone=UTC',
    ...(options.schema === undefined ? [] : [`search_path=${quoteIdentifier(options.schema)}`]),
  ];
  const pool = new pg.Pool({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: options.password,
    ssl: target.ssl === undefined || target.ssl === 'disable' ? false : { rejectUnauthorized: target.ssl === 'verify-full' },
    options: settings.map((s) => `-c ${escapeOption(s)}`).join(' '),
    types: postgresTypes,
    application_name: 'kpitree',
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 30_000,
    max: 4,
    allowExitOnIdle: true,
  });
  // An idle session dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The engine-level path, without the read-only guard. Runs one statement (the extended protocol
 * refuses several) inside BEGIN READ ONLY … ROLLBACK, so even a settings change the statement
 * makes (set_config) is undone before the session returns to the pool.
 */
export async function runPostgres(
  pool: pg.Pool,
  context: PostgresErrorContext,
  sql: string,
  params: readonly SqlValue[] = [],
): Promise<SqlRow[]> {
  const client = await connect(pool, context);
  let broken: unknown;
  try {
    await client.query('BEGIN READ ONLY');
    const query = { text: sql, values: [...params], rowMode: 'array' as const, queryMode: 'extended' };
    const result = await client.query<SqlValue[]>(query);
    return buildRows(
      result.fields.map((field) => field.name),
      result.rows,
    );
  } catch (error) {
    const failure = postgresQueryError(context, error);
    if (failure.kind === 'connection') broken = error;
    throw failure;
  } finally {
    if (!broken) await client.query('ROLLBACK').catch((error: unknown) => (broken = error));
    client.release(broken ? true : undefined);
  }
}

export async function connect(pool: pg.Pool, context: PostgresErrorContext): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw postgresConnectionError(context, error);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** In the options startup parameter, spaces separate arguments unless escaped with a backslash. */
function escapeOption(value: string): string {
  return value.replace(/[\\\s]/g, (c) => `\\${c}`);
}
