import { checkProject, formatIssue, loadProject, type Calendar, type Project } from '../../src/model/index.js';
import { checkCatalog, compileMetric, readMetricRows, type MetricRequest } from '../../src/semantic/index.js';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { createTestDuckDb } from '../../src/warehouse/test-support/duckdb.js';
import { createTestSchema } from '../../src/warehouse/test-support/postgres.js';

/** A project from inline YAML files (kpitree.yaml is supplied), for tests of one rule at a time. */
export function inlineProject(files: Record<string, string>, calendar: Partial<Calendar> = {}): Project {
  const config = 'name: t\nwarehouse: "duckdb::memory:"\n';
  const { project, issues } = loadProject(Object.entries({ 'kpitree.yaml': config, ...files }).map(([path, text]) => ({ path, text })));
  issues.push(...checkProject(project));
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  return { ...project, config: { ...project.config, calendar: { ...project.config.calendar, ...calendar } } };
}

export interface InlineDb {
  warehouse: Warehouse;
  close(): Promise<void>;
}

/** Each real warehouse, filled by the same SQL (written to run on both). */
export const inlineWarehouses: { name: string; open: (setup: string) => Promise<InlineDb> }[] = [
  {
    name: 'duckdb',
    async open(setup) {
      const db = await createTestDuckDb();
      await db.connection.run(setup);
      const warehouse = await db.warehouse();
      return { warehouse, close: async () => { await warehouse.close(); db.close(); } };
    },
  },
  {
    name: 'postgres',
    async open(setup) {
      const schema = await createTestSchema();
      await schema.admin.query(setup);
      const warehouse = await openWarehouse(schema.url, { schema: schema.schema });
      return { warehouse, close: async () => { await warehouse.close(); await schema.drop(); } };
    },
  },
];

/** Runs a request and returns "period {slice} value" lines, easy to compare by eye. */
export async function runInline(project: Project, db: InlineDb, request: MetricRequest): Promise<string[]> {
  const catalog = await db.warehouse.introspect();
  const issues = checkCatalog(project, catalog);
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  const query = compileMetric(request, { project, catalog, dialect: db.warehouse.dialect });
  const rows = readMetricRows(query, await db.warehouse.query(query.sql, query.params));
  return rows.map((r) => `${r.period} ${JSON.stringify(r.slice)} ${r.value}`);
}
