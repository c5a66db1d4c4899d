import type { SqlValue, Warehouse } from '../../../src/warehouse/index.js';

/** A warehouse that counts the statements sent through it (and keeps their SQL). */
export function countingWarehouse(inner: Warehouse): Warehouse & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    dialect: inner.dialect,
    description: inner.description,
    query(sql: string, params?: readonly SqlValue[]) {
      queries.push(sql);
      return inner.query(sql, params);
    },
    introspect: () => inner.introspect(),
    close: () => inner.close(),
  };
}
