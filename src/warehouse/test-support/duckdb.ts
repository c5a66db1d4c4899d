import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckDbWarehouse, type DuckDbWarehouseOptions } from '../duckdb-warehouse.js';

/** A writable in-memory DuckDB for fixtures, and a read-only warehouse over it. */
export interface TestDuckDb {
  instance: DuckDBInstance;
  /** Writable: load fixtures here (before calling warehouse(), which turns file access off). */
  connection: DuckDBConnection;
  warehouse(options?: DuckDbWarehouseOptions): Promise<DuckDbWarehouse>;
  close(): void;
}

export async function createTestDuckDb(): Promise<TestDuckDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    instance,
    connection,
    warehouse: (options) => DuckDbWarehouse.fromInstance(instance, options),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A DuckDB file in a fresh temp directory, filled by `sql` and closed, ready to open read-only. */
export interface TestDuckDbFile {
  dir: string;
  /** The file's name inside dir. */
  name: string;
  path: string;
  remove(): Promise<void>;
}

export async function writeTestDuckDbFile(sql: string, name = 'warehouse.duckdb'): Promise<TestDuckDbFile> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-duckdb-'));
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      await connection.run(sql);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  return { dir, name, path, remove: () => rm(dir, { recursive: true, force: true }) };
}
