/** A value bound to a `$n` placeholder: scalars, or an array of scalars (for `unnest($1::date[])`). */
export type SqlScalar = string | number | boolean | null;
export type SqlParam = SqlScalar | readonly SqlScalar[];

/** A row as the store returns it: date 'YYYY-MM-DD', timestamptz ISO UTC '…Z', bigint a number, jsonb parsed. */
export type StoreRow = Record<string, unknown>;

/** What repositories run on: the store itself, or a transaction of it. */
export interface Queryable {
  /** PGlite or Postgres: for the few repositories that do better with engine-specific SQL. */
  readonly engine: 'pglite' | 'postgres';
  /** One statement, with `$1, $2 …` bound positionally. A database error becomes a StoreError. */
  query<Row extends object = StoreRow>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /**
   * Everything `fn` writes, or nothing: a transaction on the store, a savepoint inside a
   * transaction. `fn`'s error is rethrown after the rollback.
   */
  withTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** A transaction: usable only until the `withTransaction` callback that received it settles. */
export type Transaction = Queryable;

/**
 * The app database: metric series, sync runs and (later) users, targets, anomalies and action
 * plans. One Postgres-dialect schema, on PGlite (a folder, one process) or on a Postgres server.
 */
export interface Store extends Queryable {
  /** Where it lives, safe to print: never a password. */
  readonly description: string;
  /** Waits for running work, then closes connections (PGlite: frees the folder for other processes). */
  close(): Promise<void>;
}
