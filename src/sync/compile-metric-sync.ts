import type { Project } from '../model/index.js';
import { compileMetricGrains, metricDimensions, type Catalog, type CompiledGrains, type GrainRange } from '../semantic/index.js';
import type { Warehouse } from '../warehouse/index.js';

/** The dimensions kept for a metric: those of sync.dimensions the metric can be sliced by, in that order. */
export function syncDimensions(project: Pick<Project, 'metrics' | 'datasets' | 'config'>, metric: string): string[] {
  const own = new Set(metricDimensions(project, metric));
  return project.config.sync.dimensions.filter((dimension) => own.has(dimension));
}

/** ONE statement for a metric: every grain over its range, every combination of its kept dimensions. */
export function compileMetricSync(
  env: { project: Project; catalog: Catalog; warehouse: Pick<Warehouse, 'dialect'> },
  metric: string,
  ranges: GrainRange[],
): CompiledGrains {
  const dimensions = syncDimensions(env.project, metric);
  return compileMetricGrains({ metric, ranges, dimensions }, { project: env.project, catalog: env.catalog, dialect: env.warehouse.dialect });
}

/** The statement as it was sent, its bound values listed after it: what `kpitree runs --sql` shows. */
export function sqlWithParameters(sql: string, params: readonly unknown[]): string {
  if (params.length === 0) return sql;
  return `${sql}\n-- parameters: ${params.map((value, i) => `$${i + 1} = ${JSON.stringify(value)}`).join(', ')}`;
}
