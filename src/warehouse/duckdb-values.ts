import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { SqlValue } from './warehouse.js';

/**
 * A DuckDB value as a SqlValue (see warehouse.ts). Computed from the stored micros, never from
 * the JS time zone: DuckDB's own TIMESTAMPTZ toString uses the process's UTC offset.
 */
export function normaliseDuckDbValue(value: DuckDBValue): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) return value.isFinite ? value.toString() : infinity(value.days > 0);
  if (value instanceof DuckDBTimestampTZValue) {
    if (!value.isFinite) return infinity(value.micros > 0n);
    return `${new DuckDBTimestampValue(value.micros).toString().replace(' ', 'T')}Z`;
  }
  return String(value);
}

function infinity(positive: boolean): string {
  return positive ? 'infinity' : '-infinity';
}
