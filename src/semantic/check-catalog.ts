import {
  didYouMean,
  expressionRefs,
  snapshotPeriodNames,
  issueAt,
  type Dataset,
  type Expression,
  type Metric,
  type Project,
  type ProjectIssue,
} from '../model/index.js';
import { findTable, type Catalog } from './catalog.js';
import { CompileError } from './compile-error.js';
import { DatasetScope, rollupRowsAlias } from './dataset-scope.js';
import { expressionType } from './expression-type.js';
import { dialects } from './dialects/index.js';

type Field = readonly (string | number)[];

/**
 * Checks every table and column a project names against the warehouse's catalog, so that a
 * misspelt column is reported with its file, line and column before any query runs.
 */
export function checkCatalog(project: Project, catalog: Catalog): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const scopes = new Map<string, DatasetScope>();
  for (const dataset of project.datasets.values()) {
    const scope = datasetScope(project, catalog, dataset, issues);
    if (scope) scopes.set(dataset.id, scope);
  }
  for (const metric of project.metrics.values()) {
    if (!('dataset' in metric)) continue;
    const scope = scopes.get(metric.dataset);
    if (!scope) continue;
    const before = issues.length;
    for (const [field, expression] of metricExpressions(metric)) {
      // A snapshot's value and filter may name the period they are computed for.
      const periodNames = metric.kind === 'snapshot' && (field[0] === 'expr' || field[0] === 'filter') ? snapshotPeriodNames : [];
      checkRefs(project, 'metric', metric.id, field, expression, scope, issues, new Set(), periodNames);
    }
    if (issues.length === before) issues.push(...checkMetricTypes(project, metric, scope));
  }
  return issues;
}

function datasetScope(project: Project, catalog: Catalog, dataset: Dataset, issues: ProjectIssue[]): DatasetScope | null {
  if (!findTable(catalog, dataset.table)) {
    const known = catalog.tables.map((t) => (t.schema === catalog.defaultSchema ? t.name : `${t.schema}.${t.name}`));
    issues.push(issueAt(project, 'dataset', dataset.id, ['table'], `table "${dataset.table}" does not exist in the warehouse`, hintFor(dataset.table, known)));
    return null;
  }
  const joined = dataset.joins.map((join) => project.datasets.get(join.dataset));
  // A join to an unknown dataset, or to one whose table is missing, is reported where it is defined.
  if (joined.some((d) => !d || !findTable(catalog, d.table))) return null;
  const scope = new DatasetScope(dataset, project, catalog, dialects.duckdb);
  const column = (field: Field, name: string) => {
    try {
      scope.requireColumn(name);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      issues.push(issueAt(project, 'dataset', dataset.id, field, `column "${name}" does not exist in ${scope.table.schema}.${scope.table.name}`, hint(error)));
    }
  };
  const joinedBy = [...project.datasets.values()].some((other) => other.joins.some((j) => j.dataset === dataset.id));
  if (dataset.primary_key !== undefined || joinedBy) column(['primary_key'], dataset.primary_key ?? 'id');
  dataset.joins.forEach((join, i) => column(['joins', i, 'foreign_key'], join.foreign_key));
  if (dataset.where) checkRefs(project, 'dataset', dataset.id, ['where'], dataset.where, scope, issues);
  // Inside a field, its own name means the column it wraps.
  const own = (name: string) => new Set([`${scope.alias}.${name}`]);
  dataset.fields.forEach((field, i) => checkRefs(project, 'dataset', dataset.id, ['fields', i, 'expr'], field.expr, scope, issues, own(field.name)));
  dataset.dimensions.forEach((dimension, i) => {
    if (dimension.expr) checkRefs(project, 'dataset', dataset.id, ['dimensions', i, 'expr'], dimension.expr, scope, issues, own(dimension.name));
    else column(['dimensions', i, 'name'], dimension.name);
  });
  dataset.rollups.forEach((rollup, i) => checkRollup(project, catalog, dataset, i, issues));
  return scope;
}

/** A rollup's foreign key, value and filter are names of the other dataset. */
function checkRollup(project: Project, catalog: Catalog, dataset: Dataset, index: number, issues: ProjectIssue[]): void {
  const rollup = dataset.rollups[index]!;
  const other = project.datasets.get(rollup.dataset);
  if (!other || !findTable(catalog, other.table)) return; // reported at the other dataset, or as an unknown reference
  const rows = new DatasetScope(other, project, catalog, dialects.duckdb, rollupRowsAlias);
  const at = (field: string, expression: Expression) =>
    checkRefs(project, 'dataset', dataset.id, ['rollups', index, field], expression, rows, issues);
  try {
    rows.resolve([rollup.foreign_key]);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    issues.push(issueAt(project, 'dataset', dataset.id, ['rollups', index, 'foreign_key'], error.message, hint(error)));
  }
  const before = issues.length;
  if (rollup.expr) at('expr', rollup.expr);
  if (rollup.filter) at('filter', rollup.filter);
  if (issues.length > before || !rollup.expr || (rollup.aggregate !== 'sum' && rollup.aggregate !== 'average')) return;
  const type = expressionType(rollup.expr.ast, rows);
  if (type !== 'number' && type !== 'unknown') {
    issues.push(issueAt(project, 'dataset', dataset.id, ['rollups', index, 'expr'], `a rollup ${rollup.aggregate} needs numbers, and expr is ${article(type)}`));
  }
}

function metricExpressions(metric: Metric): [Field, Expression][] {
  const fields = ['expr', 'time', 'filter', 'entity', 'from', 'to', 'valid_from', 'valid_to'] as const;
  const record = metric as Partial<Record<(typeof fields)[number], Expression>>;
  return fields.flatMap((field) => {
    const expression = record[field];
    return expression && typeof expression === 'object' && 'ast' in expression ? [[[field], expression] as [Field, Expression]] : [];
  });
}

function checkRefs(
  project: Project,
  kind: 'dataset' | 'metric',
  id: string,
  field: Field,
  expression: Expression,
  scope: DatasetScope,
  issues: ProjectIssue[],
  expanding: ReadonlySet<string> = new Set(),
  reserved: readonly string[] = [],
): void {
  for (const ref of expressionRefs(expression.ast)) {
    if (ref.path.length === 1 && reserved.includes(ref.path[0]!)) continue;
    try {
      scope.resolve(ref.path, expanding);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      issues.push(issueAt(project, kind, id, field, error.message, { ...hint(error), offset: ref.start }));
    }
  }
}

const timeTypes = ['date', 'timestamp', 'timestamptz'];
const numericAggregates = ['sum', 'average', 'median', 'percentile', 'min', 'max'];

/** Types a query would trip over in the warehouse: times that are not times, sums of text, filters that are not conditions. */
function checkMetricTypes(project: Project, metric: Metric, scope: DatasetScope): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  // A field with a broken expression is reported where it is defined; here its type is unknown.
  const typeOf = (expression: Expression) => {
    try {
      return expressionType(expression.ast, scope);
    } catch (error) {
      if (error instanceof CompileError) return 'unknown';
      throw error;
    }
  };
  const expect = (field: string, expression: Expression | undefined, allowed: string[], what: string, hintText: string) => {
    if (!expression || (metric.kind === 'snapshot' && (field === 'expr' || field === 'filter') && usesPeriod(expression))) return;
    const type = typeOf(expression);
    if (type === 'unknown' || allowed.includes(type)) return;
    const found = type === 'mixed' ? 'mixes values of different types' : `is ${article(type)}`;
    issues.push(issueAt(project, 'metric', metric.id, [field], `${field} ${found}; ${what}`, { hint: hintText }));
  };
  const timeHint = 'name a date or timestamp column; wrap a mix of dates and timestamps in date(…)';
  if ('time' in metric) expect('time', metric.time, timeTypes, 'a time must be a date or a timestamp', timeHint);
  if (metric.kind === 'snapshot') {
    expect('valid_from', metric.valid_from, timeTypes, 'a time must be a date or a timestamp', timeHint);
    expect('valid_to', metric.valid_to, timeTypes, 'a time must be a date or a timestamp', timeHint);
  }
  const aggregate = metric.kind === 'snapshot' ? metric.aggregate : metric.kind;
  if (numericAggregates.includes(aggregate) && 'expr' in metric && metric.kind !== 'formula') {
    expect('expr', metric.expr, ['number'], `a ${aggregate} needs numbers`, 'aggregate a numeric column or expression, or use count');
  }
  for (const field of ['filter', 'from', 'to'] as const) {
    if (field in metric) expect(field, (metric as Partial<Record<typeof field, Expression>>)[field], ['boolean'], 'a condition must be true or false', 'compare it: stage_name = \'Won\', amount > 0, is_won');
  }
  return issues;
}

function usesPeriod(expression: Expression): boolean {
  return expressionRefs(expression.ast).some((ref) => ref.path.length === 1 && (snapshotPeriodNames as readonly string[]).includes(ref.path[0]!));
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type === 'string' ? 'text' : type}`;
}

function hint(error: CompileError): { hint?: string } {
  return error.hint ? { hint: error.hint } : {};
}

function hintFor(name: string, candidates: string[]): { hint?: string } {
  const text = didYouMean(name, candidates);
  return text ? { hint: text } : {};
}
