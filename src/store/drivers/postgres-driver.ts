import pg from 'pg';
import type { SqlParam } from '../store.js';
import type { StoreConnection, StoreDriver } from '../store-driver.js';
import { StoreError } from '../store-error.js';
import { describePostgresTarget, type PostgresStoreTarget } from '../parse-store-url.js';
import { databaseError, errorCode, messageOf } from './database-error.js';
import { typeParsers } from './type-parsers.js';

export interface PostgresDriverOptions {
  schema: string | undefined;
  /** Most sessions open at once (default 5). */
  poolSize?: number;
}

/** A Postgres server: a pool of sessions in UTC, with the store's schema first on the search_path. */
export class PostgresDriver implements StoreDriver {
  readonly engine = 'postgres';
  readonly exclusive = false;
  readonly description: string;
  readonly schema: string | undefined;
  readonly #pool: pg.Pool;
  readonly #target: PostgresStoreTarget;
  readonly #clients = new WeakMap<StoreConnection, pg.PoolClient>();

  private constructor(target: PostgresStoreTarget, options: PostgresDriverOptions) {
    this.#target = target;
    this.schema = options.schema;
    this.description = describePostgresTarget(target, options.schema);
    const settings = ['TimeZone=UTC', ...(options.schema === undefined ? [] : [`search_path=${quoteIdentifier(options.schema)}`])];
    this.#pool = new pg.Pool({
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      password: target.password ?? process.env.PGPASSWORD,
      ssl: target.ssl === undefined || target.ssl === 'disable' ? false : { rejectUnauthorized: target.ssl === 'verify-full' },
      options: settings.map((s) => `-c ${s.replace(/[\\\s]/g, (c) => `\\${c}`)}`).join(' '),
      types: { getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text') },
      application_name: 'kpitree-store',
      connectionTimeoutMillis: 15_000,
      idleTimeoutMillis: 30_000,
      max: options.poolSize ?? 5,
      allowExitOnIdle: true,
    });
    // An idle session dropped by the server must not crash the process; the next query reconnects.
    this.#pool.on('error', () => undefined);
  }

  /** Connects once, so that an unreachable server or a refused login fails here, clearly. */
  static async open(target: PostgresStoreTarget, options: PostgresDriverOptions): Promise<PostgresDriver> {
    const driver = new PostgresDriver(target, options);
    try {
      driver.release(await driver.acquire(), false);
    } catch (error) {
      await driver.close();
      throw error;
    }
    return driver;
  }

  async acquire(): Promise<StoreConnection> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw this.toStoreError(error);
    }
    const connection: StoreConnection = {
      query: async (sql: string, params: readonly SqlParam[]) => (await client.query(sql, params as unknown[])).rows,
      exec: async (script: string) => void (await client.query(script)),
    };
    this.#clients.set(connection, client);
    return connection;
  }

  release(connection: StoreConnection, broken: boolean): void {
    this.#clients.get(connection)?.release(broken || undefined);
    this.#clients.delete(connection);
  }

  toStoreError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const failure = databaseError(error, this.description);
    if (failure && !/^(28|3D)/.test(failure.code ?? '')) return this.#scrub(failure);
    return this.#scrub(new StoreError('connection', `Cannot reach the store at ${this.description}: ${this.#reason(error)}`, { code: errorCode(error), cause: error }));
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  #reason(error: unknown): string {
    const target = this.#target;
    const code = errorCode(error);
    const message = messageOf(error);
    if (code === 'ECONNREFUSED') return `connection refused: nothing is listening at ${target.host}:${target.port}. Start Postgres, or fix the host and port in DATABASE_URL.`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host "${target.host}" was not found (${code}). Fix the host in DATABASE_URL.`;
    if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return `no answer from ${target.host}:${target.port} in time. Check the host, the port and any firewall or VPN.`;
    if (code === '3D000') return `database "${target.database}" does not exist (3D000). Create it (createdb ${target.database}) or fix the database in DATABASE_URL.`;
    if (code?.startsWith('28')) return `the server refused user "${target.user}": ${message} (${code}). Check the user and password in DATABASE_URL (or PGPASSWORD) and the server's pg_hba.conf.`;
    if (/password must be a string|password.*required/i.test(message)) return 'the server asks for a password and none was given. Put it in DATABASE_URL or PGPASSWORD.';
    return `${message}${code ? ` (${code})` : ''}. Check that Postgres is running and DATABASE_URL is right.`;
  }

  #scrub(error: StoreError): StoreError {
    const password = this.#target.password ?? process.env.PGPASSWORD;
    if (!password || !error.message.includes(password)) return error;
    return new StoreError(error.kind, error.message.replaceAll(password, '***'), { code: error.code });
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
