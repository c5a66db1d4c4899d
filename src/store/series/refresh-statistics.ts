import type { Transaction } from '../store.js';

/** Rows changed by one window write from which statistics may need refreshing. */
export const analyzeAfterRows = 5_000;

/**
 * Without statistics the planner reads a slice through the period index, 100× slower than the
 * primary key. PGlite runs no autovacuum, so a large write there analyzes the table; Postgres's
 * autovacuum keeps them current, so it is analyzed here only once, while it has never been.
 */
export async function refreshStatistics(tx: Transaction, rowsChanged: number): Promise<void> {
  if (rowsChanged < analyzeAfterRows) return;
  if (tx.engine === 'postgres') {
    const [table] = await tx.query<{ never: boolean }>(`SELECT reltuples < 0 AS never FROM pg_class WHERE oid = 'metric_series'::regclass`);
    if (!table?.never) return;
  }
  await tx.query('ANALYZE metric_series');
}
