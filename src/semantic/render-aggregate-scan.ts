import type { AggregateMetric } from '../model/index.js';
import { aggregateSql } from './aggregate-sql.js';
import { fromSql } from './from-sql.js';
import { periodSql } from './period-sql.js';
import type { LeafColumn } from './plan-metric.js';
import {
  boundSql,
  datasetWhereSql,
  dimensionColumnsSql,
  expressionSql,
  filterSql,
  groupBySql,
  groupingColumnsSql,
  localTimeSql,
  scopeFor,
  whereSql,
  type QueryContext,
} from './query-context.js';

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
  const outer = leaves.map(({ metric, column }, i) => {
    if (metric.expr) inner.push(`${expressionSql(ctx, scope, metric.expr.ast)} AS m_${i}`);
    if (metric.filter) inner.push(`${expressionSql(ctx, scope, metric.filter.ast)} AS f_${i}`);
    const value = metric.expr ? `b.m_${i}` : null;
    const flag = metric.filter ? `b.f_${i}` : null;
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
