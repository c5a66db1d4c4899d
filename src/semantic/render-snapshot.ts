import type { SnapshotMetric } from '../model/index.js';
import { aggregateSql } from './aggregate-sql.js';
import type { LeafColumn } from './plan-metric.js';
import type { Cte } from './render-conversion.js';
import {
  datasetWhereSql,
  dimensionColumnsSql,
  expressionSql,
  filterSql,
  groupBySql,
  groupingColumnsSql,
  localTimeSql,
  scopeFor,
  type QueryContext,
} from './query-context.js';

export interface SnapshotLeaf {
  metric: SnapshotMetric;
  column: LeafColumn;
}

/**
 * Point-in-time state: each history row is valid from its time until the entity's next row (or
 * its valid_to); a period's value aggregates the rows valid at the period's end. The request's
 * filters apply to the state as it was then, so they are flags, not a WHERE before the LEAD.
 */
export function renderSnapshot(ctx: QueryContext, leaf: SnapshotLeaf, name: string): Cte[] {
  const { metric } = leaf;
  const scope = scopeFor(ctx, metric.dataset, metric.id);
  const entity = expressionSql(ctx, scope, metric.entity.ast);
  const validFrom = localTimeSql(ctx, scope, metric.valid_from.ast);
  const validTo = metric.valid_to
    ? localTimeSql(ctx, scope, metric.valid_to.ast)
    : `LEAD(${validFrom}) OVER (PARTITION BY ${entity} ORDER BY ${validFrom})`;
  const columns = [
    `${ctx.dialect.castTimestamp(validFrom)} AS valid_from`,
    `${ctx.dialect.castTimestamp(validTo)} AS valid_to`,
    ...dimensionColumnsSql(ctx, scope, metric.id),
    ...(metric.expr ? [`${expressionSql(ctx, scope, metric.expr.ast)} AS m`] : []),
    `CASE WHEN ${metric.filter ? expressionSql(ctx, scope, metric.filter.ast) : 'TRUE'} THEN 1 ELSE 0 END AS counted`,
    `CASE WHEN ${filterSql(ctx, scope, metric.id)} THEN 1 ELSE 0 END AS requested`,
  ];
  const where = datasetWhereSql(ctx, scope);
  const versionsCte = `SELECT ${columns.join(',\n  ')}\n${scope.fromClause()}${where === 'TRUE' ? '' : `\nWHERE ${where}`}`;

  const valueSql = aggregateSql(ctx.dialect, metric.aggregate, metric.expr ? 'v.m' : null, 'v.counted = 1');
  const endOfPeriod = ctx.dialect.castTimestamp('s.next_start');
  const valuesCte = [
    `SELECT s.period_start, ${[...groupingColumnsSql(ctx, 'v'), `${valueSql} AS ${leaf.column.name}`].join(', ')}`,
    'FROM spine AS s',
    `JOIN ${name}_versions AS v ON v.valid_from < ${endOfPeriod} AND (v.valid_to IS NULL OR v.valid_to >= ${endOfPeriod})`,
    'WHERE v.requested = 1',
    groupBySql(ctx, 's.period_start', 'v'),
  ].join('\n');
  return [
    [`${name}_versions`, versionsCte],
    [name, valuesCte],
  ];
}
