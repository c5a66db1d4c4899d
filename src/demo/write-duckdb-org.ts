import { rename, rm } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { DemoTableSpec, Naming } from './demo-schema.js';
import { createStageSql, createTableSql, fillChunk, insertFromStageSql, stageCatalog, stagedColumns, stageTypes } from './duckdb-staging.js';
import { assertDuckDbReplaceable } from './duckdb-target.js';
import { demoMarker, quoteIdentifier, visibleBatch, type OrgWriter } from './org-writer.js';
import type { ColumnBatch } from './row-sink.js';

/** Two staging tables per table: one fills while the other is moved into the table. */
interface Staging {
  table: DemoTableSpec;
  names: [string, string];
  current: 0 | 1;
  types: DuckDBType[];
  appender: DuckDBAppender;
  rows: number;
  moving: [Promise<void> | null, Promise<void> | null];
}

/** Rows staged per table before they are turned into the table's types in one statement. */
const flushRows = 100_000;
const chunkSize = 2048;

/**
 * Writes the org into a DuckDB file, built under `<file>.building` and renamed into place at the
 * end: a failed run leaves no file, and the file it replaces stays until the new one is whole.
 * It replaces only a file an earlier demo-data run wrote. One connection appends to staging
 * tables while a second moves full ones into the tables, so generating and storing overlap.
 */
export class DuckDbOrgWriter implements OrgWriter {
  private instance: DuckDBInstance | null = null;
  private appending: DuckDBConnection | null = null;
  private moving: DuckDBConnection | null = null;
  private staging = new Map<string, Staging>();
  /** The moves, one after another on the second connection. */
  private queue: Promise<void> = Promise.resolve();
  private readonly building: string;

  constructor(
    private readonly path: string,
    private readonly schema: string,
    private readonly naming: Naming,
  ) {
    this.building = `${path}.building`;
  }

  get description(): string {
    return this.path;
  }

  async begin(tables: readonly DemoTableSpec[]): Promise<void> {
    await assertDuckDbReplaceable(this.path);
    await this.removeBuilding();
    try {
      // A bounded buffer pool: the file is written as it goes, so a large org need not fit in memory.
      this.instance = await DuckDBInstance.create(this.building, { memory_limit: '2GB' });
      const connection = (this.appending = await this.instance.connect());
      this.moving = await this.instance.connect();
      await connection.run(`ATTACH ':memory:' AS ${stageCatalog}`);
      await connection.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
      for (const [i, table] of tables.entries()) {
        await connection.run(createTableSql(table, this.schema));
        await connection.run(`COMMENT ON TABLE ${quoteIdentifier(this.schema)}.${quoteIdentifier(table.physical)} IS '${demoMarker}'`);
        if (stagedColumns(table).length === 0) continue;
        const names: [string, string] = [`t${i}_a`, `t${i}_b`];
        for (const name of names) await connection.run(createStageSql(table, name));
        const appender = await connection.createAppender(names[0], null, stageCatalog);
        this.staging.set(table.object, { table, names, current: 0, types: stageTypes(table), appender, rows: 0, moving: [null, null] });
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async write(table: DemoTableSpec, batch: ColumnBatch): Promise<number> {
    const staging = this.staging.get(table.object);
    if (!staging) return 0;
    const visible = visibleBatch(table, batch, this.naming);
    for (let from = 0; from < visible.length; from += chunkSize) {
      const to = Math.min(visible.length, from + chunkSize);
      staging.appender.appendDataChunk(fillChunk(table, visible, from, to, staging.types));
      staging.rows += to - from;
      if (staging.rows >= flushRows) await this.switchBuffers(staging);
    }
    return visible.length;
  }

  async commit(): Promise<void> {
    try {
      for (const staging of this.staging.values()) {
        staging.appender.closeSync();
        if (staging.rows > 0) this.move(staging, staging.current);
      }
      await this.queue;
      await this.moving!.run(`DETACH ${stageCatalog}`);
      await this.moving!.run('CHECKPOINT');
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.close();
    await rm(`${this.building}.wal`, { force: true });
    await rename(this.building, this.path);
  }

  async abort(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.close();
    await this.removeBuilding();
  }

  /** Hands the full staging table to the mover and appends to the other one (once it is empty again). */
  private async switchBuffers(staging: Staging): Promise<void> {
    staging.appender.closeSync();
    this.move(staging, staging.current);
    staging.current = staging.current === 0 ? 1 : 0;
    await staging.moving[staging.current];
    staging.appender = await this.appending!.createAppender(staging.names[staging.current], null, stageCatalog);
    staging.rows = 0;
  }

  private move(staging: Staging, which: 0 | 1): void {
    const name = staging.names[which];
    const moving = this.moving!;
    this.queue = this.queue.then(async () => {
      await moving.run(insertFromStageSql(staging.table, this.schema, name));
      await moving.run(createStageSql(staging.table, name));
    });
    staging.moving[which] = this.queue;
  }

  private close(): void {
    for (const staging of this.staging.values()) {
      try {
        staging.appender.closeSync();
      } catch {
        // already closed
      }
    }
    this.staging.clear();
    this.appending?.closeSync();
    this.moving?.closeSync();
    this.instance?.closeSync();
    this.appending = this.moving = this.instance = null;
  }

  private async removeBuilding(): Promise<void> {
    await rm(this.building, { force: true });
    await rm(`${this.building}.wal`, { force: true });
  }
}
