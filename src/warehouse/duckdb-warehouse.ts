import { StatementType, type DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';
import { dialects, type Catalog } from '../semantic/index.js';
import { openDuckDbFile, openDuckDbMemory, prepareDuckDb, readDuckDb } from './duckdb-session.js';
import { introspectDuckDb } from './introspect-duckdb.js';
import { assertReadOnly } from './read-only-guard.js';
import { WarehouseError } from './warehouse-error.js';
import type { SqlRow, SqlValue, Warehouse } from './warehouse.js';

export interface DuckDbWarehouseOptions {
  /** Schema of tables named without one (default 'main'); must exist. */
  schema?: string;
  /** Interrupt a query running longer than this (default 5 minutes). */
  statementTimeoutMs?: number;
}

const readStatements = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);
const defaultTimeoutMs = 5 * 60_000;

/**
 * DuckDB as a warehouse. Reads are guarded twice: the text guard, then DuckDB's own parse of the
 * statement type. Files are also opened READ_ONLY with external access off (memory cannot be).
 * Queries run one at a time on one connection, each in session time zone UTC.
 */
export class DuckDbWarehouse implements Warehouse {
  readonly dialect = dialects.duckdb;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly ownsInstance: boolean,
    readonly description: string,
    private readonly defaultSchema: string,
    private readonly timeoutMs: number,
  ) {}

  /** An absolute file path, or ':memory:' for an empty database. */
  static async open(path: string, options: DuckDbWarehouseOptions = {}): Promise<DuckDbWarehouse> {
    const instance = path === ':memory:' ? await openDuckDbMemory() : await openDuckDbFile(path);
    try {
      return await DuckDbWarehouse.connect(instance, true, `duckdb:${path}`, options);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  /**
   * Wraps an instance the caller filled (tests). It stays writable for the caller, so only the
   * guards protect this warehouse; file access is switched off for the whole instance.
   */
  static async fromInstance(instance: DuckDBInstance, options: DuckDbWarehouseOptions = {}): Promise<DuckDbWarehouse> {
    const connection = await instance.connect();
    try {
      await connection.run('SET enable_external_access = false');
    } finally {
      connection.closeSync();
    }
    return DuckDbWarehouse.connect(instance, false, 'duckdb:(instance)', options);
  }

  private static async connect(
    instance: DuckDBInstance,
    ownsInstance: boolean,
    description: string,
    options: DuckDbWarehouseOptions,
  ): Promise<DuckDbWarehouse> {
    const connection = await instance.connect();
    try {
      await connection.run("SET SESSION TimeZone = 'UTC'");
      if (options.schema !== undefined) {
        await connection.run(`SET SESSION schema = '${options.schema.replaceAll("'", "''")}'`);
      }
    } catch (error) {
      connection.closeSync();
      const message = error instanceof Error ? error.message : String(error);
      throw new WarehouseError('connection', `Cannot use schema "${options.schema}" in ${description}: ${message}`, { cause: error });
    }
    const timeoutMs = options.statementTimeoutMs ?? defaultTimeoutMs;
    return new DuckDbWarehouse(instance, connection, ownsInstance, description, options.schema ?? 'main', timeoutMs);
  }

  async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    assertReadOnly(sql);
    const run = this.queue.then(() => this.run(sql, params));
    this.queue = run.catch(() => undefined);
    return run;
  }

  introspect(): Promise<Catalog> {
    return introspectDuckDb(this, this.defaultSchema);
  }

  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }

  private async run(sql: string, params: readonly SqlValue[]): Promise<SqlRow[]> {
    const prepared = await prepareDuckDb(this.connection, sql);
    if (!readStatements.has(prepared.statementType)) {
      prepared.destroySync();
      throw new WarehouseError('read_only', `Refused to run on the warehouse: DuckDB parses it as a ${StatementType[prepared.statementType]} statement, not a read.`);
    }
    const timer = setTimeout(() => this.connection.interrupt(), this.timeoutMs);
    try {
      return await readDuckDb(prepared, params);
    } catch (error) {
      if (error instanceof WarehouseError && error.kind === 'timeout') {
        throw new WarehouseError('timeout', `The DuckDB query was interrupted after ${this.timeoutMs} ms (statement timeout). Narrow the query or raise statement_timeout in kpitree.yaml.`, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
