import { didYouMean, type Expr } from '../model/index.js';
import { CompileError } from './compile-error.js';
import { DatasetScope } from './dataset-scope.js';
import type { TimeType } from './dialect.js';
import { renderExpression, timeTypeOf } from './render-expression.js';
import type { QueryContext } from './query-context.js';

/** SQL pieces every query part needs, rendered for one dataset in one statement's context. */

export function scopeFor(ctx: QueryContext, datasetId: string, metricId: string): DatasetScope {
  const dataset = ctx.project.datasets.get(datasetId);
  if (!dataset) throw new CompileError(`metric ${metricId} uses unknown dataset "${datasetId}"`, 'dataset', didYouMean(datasetId, ctx.project.datasets.keys()));
  return new DatasetScope(dataset, ctx.project, ctx.catalog, ctx.dialect);
}

export function expressionSql(ctx: QueryContext, scope: DatasetScope, expr: Expr): string {
  return renderExpression(expr, { dialect: ctx.dialect, params: ctx.params, scope });
}

/** The wall-clock time, in the calendar's zone, of a time expression; dates stay dates. */
export function localTimeSql(ctx: QueryContext, scope: DatasetScope, expr: Expr): string {
  return localizeSql(ctx, expressionSql(ctx, scope, expr), timeTypeOf(expr, scope));
}

/**
 * The wall-clock time in the calendar's zone of stored time SQL. Periods are cut on wall-clock
 * times; order and durations stay on the stored instants, which a DST change does not bend.
 */
export function localizeSql(ctx: QueryContext, sql: string, type: TimeType): string {
  if (type === 'date' || (type === 'timestamp' && ctx.calendar.timezone === 'UTC')) return sql;
  return ctx.dialect.localTime(sql, type, ctx.zone());
}

/** Bound range bounds cast to the time expression's type. */
export function boundSql(ctx: QueryContext, scope: DatasetScope, expr: Expr, isoDate: string): string {
  const placeholder = ctx.params.bind(isoDate);
  return timeTypeOf(expr, scope) === 'date' ? ctx.dialect.castDate(placeholder) : ctx.dialect.castTimestamp(placeholder);
}

/** The requested dimensions as text columns d_0, d_1 … of this dataset. */
export function dimensionColumnsSql(ctx: QueryContext, scope: DatasetScope, metricId: string): string[] {
  return ctx.dimensions.map((name, i) => `${ctx.dialect.castText(dimensionSql(ctx, scope, name, metricId))} AS d_${i}`);
}

/** The request's dimension filters, as one condition (TRUE when there are none). */
export function filterSql(ctx: QueryContext, scope: DatasetScope, metricId: string): string {
  const conditions = ctx.filters.map((filter) => {
    const dim = dimensionSql(ctx, scope, filter.dimension, metricId, 'filters');
    const values = filter.values.filter((v): v is string => v !== null);
    const matchesNull = values.length < filter.values.length;
    const inList = values.length > 0 ? `${ctx.dialect.castText(dim)} IN (${values.map((v) => ctx.params.bind(v)).join(', ')})` : 'FALSE';
    return filter.exclude
      ? `(${matchesNull ? `${dim} IS NOT NULL AND ` : `${dim} IS NULL OR `}NOT (${inList}))`
      : `(${matchesNull ? `${dim} IS NULL OR ` : ''}${inList})`;
  });
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

export function whereSql(conditions: string[]): string {
  const real = conditions.filter((c) => c !== 'TRUE');
  return real.length > 0 ? `WHERE ${real.join('\n  AND ')}` : '';
}

/** The dimension columns and their GROUPING flags, qualified by a table alias. */
export function groupingColumnsSql(ctx: QueryContext, alias: string): string[] {
  return ctx.dimensions.flatMap((_, i) => [`${alias}.d_${i} AS d_${i}`, `GROUPING(${alias}.d_${i}) AS g_${i}`]);
}

export function groupBySql(ctx: QueryContext, key: string, alias: string): string {
  return ctx.dialect.groupByCube([key], ctx.dimensions.map((_, i) => `${alias}.d_${i}`));
}

export function datasetWhereSql(ctx: QueryContext, scope: DatasetScope): string {
  return scope.dataset.where ? expressionSql(ctx, scope, scope.dataset.where.ast) : 'TRUE';
}

function dimensionSql(ctx: QueryContext, scope: DatasetScope, name: string, metricId: string, parameter: 'dimensions' | 'filters' = 'dimensions'): string {
  const dimension = scope.dimension(name);
  if (!dimension) {
    throw new CompileError(
      `dimension "${name}" is not defined on dataset ${scope.dataset.id} (used by metric ${metricId})`,
      parameter,
      didYouMean(name, scope.dataset.dimensions.map((d) => d.name)),
    );
  }
  return expressionSql(ctx, scope, dimension);
}
