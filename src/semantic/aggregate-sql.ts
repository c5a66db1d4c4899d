import type { AggregateKind } from '../model/index.js';
import type { Dialect } from './dialect.js';

/** Aggregates whose value over no rows is 0 (not null): counts and sums. */
export const zeroWhenEmpty: ReadonlySet<string> = new Set(['count', 'count_distinct', 'sum']);

/**
 * SQL of one aggregate over `value` (a column, or null to count rows), counting only rows where
 * `flag` holds when a flag is given. The result is a double, whatever the warehouse's own type.
 */
export function aggregateSql(
  dialect: Dialect,
  kind: AggregateKind,
  value: string | null,
  flag: string | null,
  percentile?: number,
  /** Rollups keep the type (a rollup's min of a timestamp is a timestamp); metric values are doubles. */
  { asDouble = true }: { asDouble?: boolean } = {},
): string {
  const only = (sql: string) => (flag ? `CASE WHEN ${flag} THEN ${sql} END` : sql);
  const cast = (sql: string) => (asDouble ? dialect.castDouble(sql) : sql);
  if (value === null) return cast(flag ? `COUNT(${only('1')})` : 'COUNT(*)');
  const v = only(value);
  switch (kind) {
    case 'count':
      return cast(`COUNT(${v})`);
    case 'count_distinct':
      return cast(`COUNT(DISTINCT ${v})`);
    case 'sum':
      return cast(`SUM(${v})`);
    case 'average':
      return `AVG(${dialect.castDouble(v)})`;
    case 'min':
      return cast(`MIN(${v})`);
    case 'max':
      return cast(`MAX(${v})`);
    case 'median':
      return dialect.percentile(dialect.castDouble(v), 0.5);
    case 'percentile':
      return dialect.percentile(dialect.castDouble(v), percentile ?? 0.5);
  }
}
