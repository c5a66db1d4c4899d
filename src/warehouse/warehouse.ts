import type { Catalog, Dialect } from '../semantic/index.js';

/**
 * A value as every warehouse returns it. Integers, bigints and decimals are numbers (a bigint or
 * numeric beyond 2^53 loses precision); DATE is 'YYYY-MM-DD'; TIMESTAMP is the wall-clock text
 * 'YYYY-MM-DD HH:MM:SS[.ffffff]'; TIMESTAMPTZ is ISO UTC 'YYYY-MM-DDTHH:MM:SS[.ffffff]Z'
 * (fractions without trailing zeros); anything else is its string form.
 */
export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

/** Runs reads on a customer's warehouse. Nothing it runs can write. */
export interface Warehouse {
  readonly dialect: Dialect;
  /** The URL with any password removed: safe to print. */
  readonly description: string;
  /** One read-only statement, with `dialect.placeholder(i)` parameters bound positionally. */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  introspect(): Promise<Catalog>;
  close(): Promise<void>;
}
