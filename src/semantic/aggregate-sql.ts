import type { AggregateKind } from '../model/index.js';
import type { Dialect } from './dialect.js';

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
): string {
  const only = (sql: string) => (flag ? `CASE WHEN ${flag} THEN ${sql} END` : sql);
  if (value === null) return dialect.castDouble(flag ? `COUNT(${only('1')})` : 'COUNT(*)');
  const v = only(value);
  switch (kind) {
    case 'count':
      return dialect.castDouble(`COUNT(${v})`);
    case 'count_distinct':
      return dialect.castDouble(`COUNT(DISTINCT ${v})`);
    case 'sum':
      return dialect.castDouble(`SUM(${v})`);
    case 'average':
      return `AVG(${dialect.castDouble(v)})`;
    case 'min':
      return dialect.castDouble(`MIN(${v})`);
    case 'max':
      return dialect.castDouble(`MAX(${v})`);
    case 'median':
      return dialect.percentile(dialect.castDouble(v), 0.5);
    case 'percentile':
      return dialect.percentile(dialect.castDouble(v), percentile ?? 0.5);
  }
}
