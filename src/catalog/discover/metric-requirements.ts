import { stageLiterals } from './stage-literals.js';
import { expressionRefs, metricInputs, snapshotPeriodNames, type Dataset, type Expression, type Metric, type Project } from '../../model/index.js';

/**
 * Something a metric needs from the warehouse: a dataset's table, a column of it, a stage of the
 * org's sales process (a value stage_name is compared with), or a definition the project lacks.
 */
export type Requirement =
  | { kind: 'table'; dataset: string }
  | { kind: 'column'; dataset: string; column: string }
  | { kind: 'stage'; stage: string }
  | { kind: 'definition'; what: string };

/**
 * Deletion flags are never needed: discovery writes row filters from the ones that exist, and
 * reads a missing one as false (not deleted).
 */
export const deletionColumns = ['is_deleted', '_fivetran_deleted'];

const metricFields = ['expr', 'time', 'filter', 'entity', 'from', 'to', 'valid_from', 'valid_to'] as const;

/**
 * Everything a metric needs, derived from its definition: the metrics it is computed from (ratio,
 * formula, cumulative), their datasets' tables, and every column their expressions name, through
 * fields, dimensions, joins (foreign and primary keys) and rollups.
 */
export function metricRequirements(project: Pick<Project, 'metrics' | 'datasets'>, metricId: string): Requirement[] {
  const collector = requirementCollector(project);
  collector.needMetric(metricId);
  return collector.requirements();
}

/** What one expression of a dataset needs (a field's, a dimension's): inside it, `ownName` means the column. */
export function expressionRequirements(
  project: Pick<Project, 'metrics' | 'datasets'>,
  dataset: Dataset,
  expression: Expression,
  ownName?: string,
  skip: readonly string[] = [],
): Requirement[] {
  const collector = requirementCollector(project);
  collector.needExpression(dataset, expression, new Set(ownName ? [`${dataset.id}.${ownName}`] : []), skip);
  return collector.requirements();
}

function requirementCollector(project: Pick<Project, 'metrics' | 'datasets'>) {
  const out = new Map<string, Requirement>();
  const add = (requirement: Requirement): void => void out.set(JSON.stringify(requirement), requirement);
  const seenMetrics = new Set<string>();
  const seenDatasets = new Set<string>();

  const needDataset = (id: string): Dataset | undefined => {
    const dataset = project.datasets.get(id);
    if (!dataset) {
      add({ kind: 'definition', what: `the dataset ${id}` });
      return undefined;
    }
    if (seenDatasets.has(id)) return dataset;
    seenDatasets.add(id);
    add({ kind: 'table', dataset: id });
    if (dataset.where) needExpression(dataset, dataset.where, new Set(), deletionColumns);
    return dataset;
  };

  const needExpression = (dataset: Dataset, expression: Expression, expanding: ReadonlySet<string>, skip: readonly string[] = []) => {
    for (const stage of stageLiterals(expression.ast)) add({ kind: 'stage', stage });
    for (const ref of expressionRefs(expression.ast)) {
      if (ref.path.length === 1 && skip.includes(ref.path[0]!)) continue;
      needName(dataset, ref.path, expanding);
    }
  };

  const needName = (dataset: Dataset, path: string[], expanding: ReadonlySet<string>, viaJoin = false): void => {
    if (path.length === 2 && !viaJoin) {
      const join = dataset.joins.find((j) => j.name === path[0]);
      if (!join) return add({ kind: 'definition', what: `the join ${path[0]} of dataset ${dataset.id}` });
      add({ kind: 'column', dataset: dataset.id, column: join.foreign_key });
      const joined = needDataset(join.dataset);
      if (!joined) return;
      add({ kind: 'column', dataset: joined.id, column: joined.primary_key ?? 'id' });
      return needName(joined, [path[1]!], expanding, true);
    }
    const name = path.at(-1)!;
    const key = `${dataset.id}.${name}`;
    const field = [...dataset.fields, ...dataset.dimensions].find((f) => f.name === name && f.expr);
    if (field?.expr && !expanding.has(key)) return needExpression(dataset, field.expr, new Set([...expanding, key]));
    const rollup = viaJoin ? undefined : dataset.rollups.find((r) => r.name === name);
    if (rollup) {
      add({ kind: 'column', dataset: dataset.id, column: dataset.primary_key ?? 'id' });
      const rows = needDataset(rollup.dataset);
      if (!rows) return;
      add({ kind: 'column', dataset: rows.id, column: rollup.foreign_key });
      if (rollup.expr) needExpression(rows, rollup.expr, new Set());
      if (rollup.filter) needExpression(rows, rollup.filter, new Set());
      return;
    }
    if (!deletionColumns.includes(name)) add({ kind: 'column', dataset: dataset.id, column: name });
  };

  const needMetric = (id: string) => {
    if (seenMetrics.has(id)) return;
    seenMetrics.add(id);
    const metric = project.metrics.get(id);
    if (!metric) return add({ kind: 'definition', what: `the metric ${id}` });
    if (!('dataset' in metric)) return metricInputs(metric).forEach(needMetric);
    const dataset = needDataset(metric.dataset);
    if (!dataset) return;
    const reserved = metric.kind === 'snapshot' ? snapshotPeriodNames : [];
    for (const expression of expressionsOf(metric)) needExpression(dataset, expression, new Set(), reserved);
  };

  return { needMetric, needExpression, requirements: () => [...out.values()] };
}

function expressionsOf(metric: Metric): Expression[] {
  const record = metric as Partial<Record<(typeof metricFields)[number], Expression>>;
  return metricFields.flatMap((field) => {
    const value = record[field];
    return value && typeof value === 'object' && 'ast' in value ? [value] : [];
  });
}
