import type { AggregateMetric, Expr } from '../model/index.js';
import { aggregateSql } from './aggregate-sql.js';
import { fromSql } from './from-sql.js';
import { periodSql } from './period-sql.js';
import type { LeafColumn } from './plan-metric.js';
import { type QueryContext } from './query-context.js';
import { boundSql, datasetWhereSql, dimensionColumnsSql, expressionSql, filterSql, groupBySql, groupingColumnsSql, localTimeSql, scopeFor, whereSql } from './query-sql.js';

export interface AggregateLeaf {
  metric: AggregateMetric;
  column: LeafColumn;
}

/**
 * One scan of a dataset for every aggregate leaf that shares its table, time column and range:
 * each leaf's filter becomes a flag, so one pass computes them all, for every slice at once.
 * `scanFrom` is null for running totals, which need every row before the range.
 */
export function renderAggregateScan(ctx: QueryContext, leaves: AggregateLeaf[], scanFrom: string | null): string {
  const first = leaves[0]!.metric;
  const scope = scopeFor(ctx, first.dataset, first.id);
  const local = localTimeSql(ctx, scope, first.time.ast);
  const inner = [`${periodSql(ctx.dialect, ctx.grain, ctx.calendar, local)} AS period_start`, ...dimensionColumnsSql(ctx, scope, first.id)];
  // Leaves that aggregate the same value or share a filter compute it once (and Redshift requires
  // its sort-based aggregates over one column to share that column).
  const computed = new Map<string, string>();
  const columnFor = (prefix: 'm' | 'f', expr: Expr) => {
    const key = `${prefix}:${JSON.stringify(expr, (k, v: unknown) => (k === 'start' || k === 'end' ? undefined : v))}`;
    let name = computed.get(key);
    if (!name) {
      name = `${prefix}_${computed.size}`;
      computed.set(key, name);
      inner.push(`${expressionSql(ctx, scope, expr)} AS ${name}`);
    }
    return `b.${name}`;
  };
  const outer = leaves.map(({ metric, column }) => {
    const value = metric.expr ? columnFor('m', metric.expr.ast) : null;
    const flag = metric.filter ? columnFor('f', metric.filter.ast) : null;
    return `${aggregateSql(ctx.dialect, metric.kind, value, flag, metric.percentile)} AS ${column.name}`;
  });
  const conditions = [
    datasetWhereSql(ctx, scope),
    filterSql(ctx, scope, first.id),
    ...(scanFrom ? [`${local} >= ${boundSql(ctx, scope, first.time.ast, scanFrom)}`] : []),
    `${local} < ${boundSql(ctx, scope, first.time.ast, ctx.endExclusive)}`,
  ];
  return [
    `SELECT b.period_start, ${[...groupingColumnsSql(ctx, 'b'), ...outer].join(', ')}`,
    'FROM (',
    `  SELECT ${inner.join(',\n    ')}`,
    `  ${fromSql(ctx, scope).replace(/\n/g, '\n  ')}`,
    `  ${whereSql(conditions)}`,
    ') AS b',
    groupBySql(ctx, 'b.period_start', 'b'),
  ].join('\n');
}
