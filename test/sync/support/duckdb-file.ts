import { DuckDBInstance } from '@duckdb/node-api';

/** Runs statements on a DuckDB file with write access (no kpitree process may hold it meanwhile). */
export async function changeDuckDbFile(path: string, ...statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
