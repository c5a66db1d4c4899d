import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { buildRows } from './build-rows.js';
import { normaliseDuckDbValue } from './duckdb-values.js';
import { WarehouseError } from './warehouse-error.js';
import type { SqlRow, SqlValue } from './warehouse.js';

/**
 * Opens a DuckDB file read-only (other processes may read it too) with file access off, so no
 * query can read or write local files, attach databases or load extensions. Never creates a file.
 */
export async function openDuckDbFile(path: string): Promise<DuckDBInstance> {
  if (!existsSync(path)) {
    throw new WarehouseError(
      'connection',
      `No DuckDB file at ${path}; check the warehouse url in kpitree.yaml (to build a demo warehouse there: kpitree demo-data --out FILE).`,
    );
  }
  try {
    return await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', enable_external_access: 'false' });
  } catch (error) {
    const hint = /lock/i.test(messageOf(error)) ? ' Another process holds it open for writing; close that process first.' : '';
    throw new WarehouseError('connection', `Cannot open the DuckDB file ${path}: ${messageOf(error)}${hint}`, { cause: error });
  }
}

/** An empty in-memory database. DuckDB cannot open memory read-only: only the guards protect it. */
export async function openDuckDbMemory(): Promise<DuckDBInstance> {
  return DuckDBInstance.create(':memory:', { enable_external_access: 'false' });
}

/** Parses one statement (DuckDB refuses several at once here); errors become WarehouseErrors. */
export async function prepareDuckDb(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  try {
    return await connection.prepare(sql);
  } catch (error) {
    throw duckDbError(error);
  }
}

/** Binds `$1, $2 …` positionally, runs, and normalises the rows. Does not check what the SQL does. */
export async function readDuckDb(prepared: DuckDBPreparedStatement, params: readonly SqlValue[]): Promise<SqlRow[]> {
  try {
    if (params.length > 0) prepared.bind([...params]);
    const reader = await prepared.runAndReadAll();
    const rows = reader.getRows().map((row) => row.map(normaliseDuckDbValue));
    return buildRows(reader.columnNames(), rows);
  } catch (error) {
    throw duckDbError(error);
  } finally {
    prepared.destroySync();
  }
}

/** The engine-level path, without the read-only guard: used by tests to prove the engine refuses writes. */
export async function runDuckDb(connection: DuckDBConnection, sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
  return readDuckDb(await prepareDuckDb(connection, sql), params);
}

export function duckDbError(error: unknown): WarehouseError {
  if (error instanceof WarehouseError) return error;
  const message = messageOf(error);
  if (/^INTERRUPT Error/i.test(message)) {
    return new WarehouseError('timeout', 'The DuckDB query was interrupted after the statement timeout.', { cause: error });
  }
  if (/read-only mode|^Permission Error/i.test(message)) {
    return new WarehouseError('read_only', `DuckDB refused: ${message}`, { cause: error });
  }
  return new WarehouseError('query', `DuckDB rejected the query: ${message}`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
