import type { SqlParam, StoreRow } from './store.js';
import type { StoreError } from './store-error.js';

/** One database session, used by one caller at a time. */
export interface StoreConnection {
  /** One statement with bound parameters (extended protocol). Throws the driver's own error. */
  query(sql: string, params: readonly SqlParam[]): Promise<StoreRow[]>;
  /** A script of several statements without parameters (simple protocol): migrations. */
  exec(script: string): Promise<void>;
}

/**
 * What differs between the engines, and nothing else (as Kysely's Driver): sessions, their
 * errors, and whether one process has the database to itself. Transactions, migrations and
 * every repository are written once, over this, in Postgres SQL.
 */
export interface StoreDriver {
  readonly engine: 'pglite' | 'postgres';
  /** Safe to print: never a password. */
  readonly description: string;
  /** The schema the store's tables live in, created on open when named; undefined: the session's default. */
  readonly schema: string | undefined;
  /**
   * True when no other process can use this database while it is open (PGlite holds a folder
   * lock): a sync run still `running` in it was left by a process that died.
   */
  readonly exclusive: boolean;
  /** A session for the caller alone until released (PGlite: its one session, queued). */
  acquire(): Promise<StoreConnection>;
  /** Gives the session back; a broken one (lost, or left in an unknown state) is discarded. */
  release(connection: StoreConnection, broken: boolean): void;
  /** A driver error as a StoreError (`query` or `connection`) that names the store, never a password. */
  toStoreError(error: unknown): StoreError;
  close(): Promise<void>;
}
