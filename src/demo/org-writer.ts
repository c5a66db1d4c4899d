import type { DemoTableSpec, Naming } from './demo-schema.js';
import type { ColumnBatch } from './row-sink.js';

/**
 * Where a demo org goes: a DuckDB file or a Postgres schema. Nothing is visible until `commit`;
 * `abort` (or a failure) leaves nothing behind.
 */
export interface OrgWriter {
  /** Checks the target can be written and creates the hidden tables. */
  begin(tables: readonly DemoTableSpec[]): Promise<void>;
  /** Writes rows of one table; returns how many were written (Airbyte never sees hard-deleted rows). */
  write(table: DemoTableSpec, batch: ColumnBatch): Promise<number>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** Where it went, for messages: a file path, or postgres://… schema. */
  readonly description: string;
}

/** Marks what demo-data wrote, so that a later run may replace it and nothing else. */
export const demoMarker = 'Written by kpitree demo-data';

/** Airbyte reads Salesforce without hard-deleted rows; Fivetran keeps them with _fivetran_deleted. */
export function visibleBatch(table: DemoTableSpec, batch: ColumnBatch, naming: Naming): ColumnBatch {
  if (naming === 'fivetran') return batch;
  const deleted = batch.columns[table.width - 2] as Float64Array;
  const keep: number[] = [];
  for (let r = 0; r < batch.length; r++) if (deleted[r] !== 1) keep.push(r);
  if (keep.length === batch.length) return batch;
  const columns = batch.columns.map((column) => {
    if (!(column instanceof Float64Array)) return keep.map((r) => column[r]!);
    const kept = new Float64Array(keep.length);
    keep.forEach((r, i) => (kept[i] = column[r]!));
    return kept;
  });
  return { object: batch.object, length: keep.length, columns };
}

/** The SQL type of each column: the same words in DuckDB and Postgres but for doubles. */
export function sqlType(type: DemoTableSpec['columns'][number]['type'], engine: 'duckdb' | 'postgres'): string {
  switch (type) {
    case 'number':
      return engine === 'duckdb' ? 'DOUBLE' : 'double precision';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'timestamp':
    case 'timestamptz':
      return 'TIMESTAMP';
    default:
      return engine === 'duckdb' ? 'VARCHAR' : 'text';
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
