import type pg from 'pg';
import { dialects, type Catalog } from '../semantic/index.js';
import { introspectPostgres } from './introspect-postgres.js';
import type { PostgresErrorContext } from './postgres-errors.js';
import { connect, createPostgresPool, runPostgres } from './postgres-session.js';
import { postgresDescription, type PostgresTarget } from './postgres-target.js';
import { assertReadOnly } from './read-only-guard.js';
import type { SqlRow, SqlValue, Warehouse } from './warehouse.js';

export interface PostgresWarehouseOptions {
  password?: string;
  /** Schema of tables named without one; also put on the search_path. Default: current_schema(). */
  schema?: string;
  /** Default 5 minutes. */
  statementTimeoutMs?: number;
}

const defaultTimeoutMs = 5 * 60_000;

/**
 * Postgres as a warehouse: the read-only guard, then sessions that are read-only themselves
 * (see postgres-session.ts), so a write that slipped past the guard still fails.
 */
export class PostgresWarehouse implements Warehouse {
  readonly dialect = dialects.postgres;
  readonly description: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly context: PostgresErrorContext,
    private readonly schema: string | undefined,
  ) {
    this.description = postgresDescription(context.target);
  }

  /** Connects once before returning, so a wrong host, user, password or database fails here. */
  static async open(target: PostgresTarget, options: PostgresWarehouseOptions = {}): Promise<PostgresWarehouse> {
    const statementTimeoutMs = options.statementTimeoutMs ?? defaultTimeoutMs;
    const context = { target, statementTimeoutMs, password: options.password };
    const pool = createPostgresPool(target, { password: options.password, schema: options.schema, statementTimeoutMs });
    try {
      (await connect(pool, context)).release();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresWarehouse(pool, context, options.schema);
  }

  async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    assertReadOnly(sql);
    return runPostgres(this.pool, this.context, sql, params);
  }

  introspect(): Promise<Catalog> {
    return introspectPostgres(this, this.schema);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
