import type { Project } from '../model/index.js';
import { compileMetric, readMetricRows, type Catalog, type CompiledQuery, type MetricRequest, type MetricRow } from '../semantic/index.js';
import type { Warehouse } from '../warehouse/index.js';

export interface MetricResult {
  query: CompiledQuery;
  rows: MetricRow[];
}

/** Compiles a metric request for the warehouse's dialect and runs it: one statement. */
export async function queryMetric(
  request: MetricRequest,
  env: { project: Project; catalog: Catalog; warehouse: Warehouse },
): Promise<MetricResult> {
  const query = compileMetric(request, { project: env.project, catalog: env.catalog, dialect: env.warehouse.dialect });
  const raw = await env.warehouse.query(query.sql, query.params);
  return { query, rows: readMetricRows(query, raw) };
}
