import { parseWarehouseUrl } from './parse-warehouse-url.js';
import type { Warehouse } from './warehouse.js';

export interface OpenWarehouseOptions {
  /** Directory a relative DuckDB path is resolved against (default: the current directory). */
  baseDir?: string;
  /** Schema of tables named without one. */
  schema?: string;
  /** Postgres password; default: the PGPASSWORD environment variable. Never put it in the URL. */
  password?: string;
  /** Longest a query may run (default 5 minutes). */
  statementTimeoutMs?: number;
}

/**
 * Opens a warehouse from its URL: duckdb:path/to/file.duckdb, duckdb:/abs/file.duckdb,
 * duckdb::memory:, postgres://user@host:port/db or postgresql://…. The driver loads only when used.
 */
export async function openWarehouse(url: string, options: OpenWarehouseOptions = {}): Promise<Warehouse> {
  const parsed = parseWarehouseUrl(url, options.baseDir);
  const { schema, statementTimeoutMs } = options;
  if (parsed.engine === 'duckdb') {
    const { DuckDbWarehouse } = await import('./duckdb-warehouse.js');
    return DuckDbWarehouse.open(parsed.path, { schema, statementTimeoutMs });
  }
  const { PostgresWarehouse } = await import('./postgres-warehouse.js');
  const password = options.password ?? process.env.PGPASSWORD;
  return PostgresWarehouse.open(parsed.target, { password, schema, statementTimeoutMs });
}
