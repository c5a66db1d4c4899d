import { rename, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DemoTable } from './demo-table.js';

/**
 * Writes demo tables into a new DuckDB file. It is built under a temporary name and renamed
 * into place, so an interrupted run never leaves a half-written warehouse behind.
 */
export async function writeDuckDbTables(path: string, tables: DemoTable[]): Promise<void> {
  const building = `${path}.building`;
  await rm(building, { force: true });
  const instance = await DuckDBInstance.create(building);
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const raw = `${table.name}__raw`;
      await connection.run(`CREATE SCHEMA IF NOT EXISTS ${q(table.schema)}`);
      await connection.run(`CREATE TEMP TABLE ${q(raw)} (${table.columns.map(([c]) => `${q(c)} VARCHAR`).join(', ')})`);
      // Appending text and casting once in SQL is simpler and faster than typed appends per value.
      const appender = await connection.createAppender(raw, 'main', 'temp');
      for (const row of table.rows) {
        for (const value of row) {
          if (value === null) appender.appendNull();
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
      }
      appender.closeSync();
      const casts = table.columns.map(([c, type]) => `CAST(${q(c)} AS ${type}) AS ${q(c)}`).join(', ');
      await connection.run(`CREATE TABLE ${q(table.schema)}.${q(table.name)} AS SELECT ${casts} FROM temp.${q(raw)}`);
      await connection.run(`DROP TABLE temp.${q(raw)}`);
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await rm(`${path}.wal`, { force: true });
  await rename(building, path);
}
