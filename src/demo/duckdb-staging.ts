import { DuckDBDataChunk, DuckDBDoubleType, DuckDBVarCharType, type DuckDBType } from '@duckdb/node-api';
import { polymorphicBase, type DemoColumn, type DemoTableSpec } from './demo-schema.js';
import { quoteIdentifier, sqlType } from './org-writer.js';
import type { ColumnBatch } from './row-sink.js';

/**
 * DuckDB's appender is slowest on strings (one native call each). So rows are staged with ids,
 * list values, dates and timestamps as numbers, and one INSERT … SELECT per batch turns them
 * into strings, dates and timestamps inside DuckDB (bench/README.md has the measurements).
 */

const q = quoteIdentifier;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The staged columns: those a generator fills. */
export function stagedColumns(table: DemoTableSpec): DemoColumn[] {
  return table.columns.filter((c) => c.position >= 0);
}

const isText = (column: DemoColumn) => column.encoding.kind === 'text';

export function stageTypes(table: DemoTableSpec): DuckDBType[] {
  return stagedColumns(table).map((c) => (isText(c) ? DuckDBVarCharType.instance : DuckDBDoubleType.instance));
}

/** Staging tables live in an in-memory catalog that every connection of the instance sees. */
export const stageCatalog = 'demo_stage';

export function createStageSql(table: DemoTableSpec, stage: string): string {
  const columns = stagedColumns(table).map((c, i) => `c${i} ${isText(c) ? 'VARCHAR' : 'DOUBLE'}`);
  return `CREATE OR REPLACE TABLE ${stageCatalog}.${q(stage)} (${columns.join(', ')})`;
}

export function createTableSql(table: DemoTableSpec, schema: string): string {
  const columns = table.columns.map((c) => `${q(c.physical)} ${sqlType(c.type, 'duckdb')}`);
  return `CREATE TABLE ${q(schema)}.${q(table.physical)} (${columns.join(', ')})`;
}

/** INSERT INTO the table SELECT the staged values turned into their real types. */
export function insertFromStageSql(table: DemoTableSpec, schema: string, stage: string): string {
  let staged = 0;
  const values = table.columns.map((column) => {
    if (column.position < 0) return `CAST(NULL AS ${sqlType(column.type, 'duckdb')})`;
    const c = `c${staged++}`;
    // NaN is null: DuckDB holds NaN equal to NaN, and every function below passes a null through.
    return isText(column) ? c : valueOf(column, `nullif(${c}, 'NaN'::DOUBLE)`);
  });
  return `INSERT INTO ${q(schema)}.${q(table.physical)} SELECT ${values.join(', ')} FROM ${stageCatalog}.${q(stage)}`;
}

function valueOf(column: DemoColumn, c: string): string {
  const { encoding } = column;
  if (encoding.kind === 'id' && encoding.prefixes.length === 1) return `printf(${literal(`${encoding.prefixes[0]}%015d`)}, CAST(${c} AS BIGINT))`;
  if (encoding.kind === 'id') {
    const prefixes = `[${encoding.prefixes.map(literal).join(', ')}]`;
    return `${prefixes}[CAST(floor(${c} / ${polymorphicBase}) AS INTEGER) + 1] || printf('%015d', CAST(fmod(${c}, ${polymorphicBase}) AS BIGINT))`;
  }
  if (encoding.kind === 'enum') return `[${encoding.values.map(literal).join(', ')}][CAST(${c} AS INTEGER) + 1]`;
  if (column.type === 'date') return `CAST(epoch_ms(CAST(${c} AS BIGINT)) AS DATE)`;
  if (column.type === 'timestamp') return `epoch_ms(CAST(${c} AS BIGINT) // 1000 * 1000)`;
  if (column.type === 'boolean') return `${c} <> 0`;
  return c;
}

/** A chunk of rows [from, to) of a batch: numbers copied in bulk, text one string at a time. */
export function fillChunk(table: DemoTableSpec, batch: ColumnBatch, from: number, to: number, types: DuckDBType[]): DuckDBDataChunk {
  const chunk = DuckDBDataChunk.create(types, to - from);
  stagedColumns(table).forEach((column, i) => {
    const vector = chunk.getColumnVector(i);
    const values = batch.columns[column.position]!;
    if (values instanceof Float64Array) {
      // The vector's own memory, when the library exposes it; else one value at a time.
      const items = (vector as unknown as { items?: unknown }).items;
      if (items instanceof Float64Array && items.length === to - from) items.set(values.subarray(from, to));
      else for (let r = from; r < to; r++) vector.setItem(r - from, values[r] as never);
    } else {
      for (let r = from; r < to; r++) vector.setItem(r - from, values[r] as never);
    }
    vector.flush();
  });
  return chunk;
}
