import type { Project } from '../../../src/model/index.js';
import { compileMetric, readMetricRows, type Catalog, type CatalogTable, type ColumnType, type MetricRequest, type MetricRow } from '../../../src/semantic/index.js';
import { openWarehouse, type SqlValue, type Warehouse } from '../../../src/warehouse/index.js';
import { createTestSchema, type TestSchema } from '../../../src/warehouse/test-support/postgres.js';
import { demoOrg, writeDemoOrg, type DemoOrgFile } from './demo-org.js';

/** A warehouse holding the demo org, read-only, with its catalog. */
export interface DemoWarehouse {
  name: 'duckdb' | 'postgres';
  warehouse: Warehouse;
  catalog: Catalog;
}

export interface DemoWarehouses {
  file: DemoOrgFile;
  duckdb: DemoWarehouse;
  /** Only when asked for: the same rows, copied into a fresh Postgres schema. */
  postgres?: DemoWarehouse;
  close(): Promise<void>;
}

/** Writes the small demo org into DuckDB and, when asked, copies every table of it into Postgres. */
export async function openDemoWarehouses(options: { postgres: boolean }): Promise<DemoWarehouses> {
  const file = await writeDemoOrg();
  const closers: (() => Promise<void>)[] = [() => file.remove()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const duck = await openWarehouse(`duckdb:${file.path}`, { schema: demoOrg.schema });
    closers.push(() => duck.close());
    const duckdb: DemoWarehouse = { name: 'duckdb', warehouse: duck, catalog: await duck.introspect() };
    if (!options.postgres) return { file, duckdb, close };
    const pg = await createTestSchema();
    closers.push(() => pg.drop());
    await copyTables(duckdb, pg);
    const post = await openWarehouse(pg.url, { schema: pg.schema });
    closers.push(() => post.close());
    return { file, duckdb, postgres: { name: 'postgres', warehouse: post, catalog: await post.introspect() }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const postgresTypes: Record<ColumnType, string> = {
  string: 'TEXT', number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ', other: 'TEXT',
};

/** Copies every table of the demo schema, row for row, with the same column types. */
async function copyTables(source: DemoWarehouse, target: TestSchema): Promise<void> {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const table of source.catalog.tables.filter((t) => t.schema === demoOrg.schema)) {
    await target.admin.query(`CREATE TABLE ${q(table.name)} (${table.columns.map((c) => `${q(c.name)} ${postgresTypes[c.type]}`).join(', ')})`);
    const rows = await source.warehouse.query(`SELECT * FROM ${q(table.schema)}.${q(table.name)}`);
    const perStatement = Math.floor(30_000 / table.columns.length);
    for (let from = 0; from < rows.length; from += perStatement) {
      const batch = rows.slice(from, from + perStatement);
      const params: SqlValue[] = [];
      const tuples = batch.map((row) => `(${table.columns.map((c) => `$${params.push(row[c.name] ?? null)}`).join(', ')})`);
      await target.admin.query(`INSERT INTO ${q(table.name)} VALUES ${tuples.join(', ')}`, params);
    }
  }
}

export function tableOf(db: DemoWarehouse, name: string): CatalogTable | undefined {
  return db.catalog.tables.find((t) => t.schema === db.catalog.defaultSchema && t.name === name);
}

/** One metric request compiled for the warehouse's dialect and run: what `kpitree query` does. */
export async function runMetric(project: Project, db: DemoWarehouse, request: MetricRequest): Promise<MetricRow[]> {
  const query = compileMetric(request, { project, catalog: db.catalog, dialect: db.warehouse.dialect });
  return readMetricRows(query, await db.warehouse.query(query.sql, query.params));
}
