import { expressionRefs, snapshotPeriodNames, type Expr, type SnapshotMetric } from '../model/index.js';
import { aggregateSql } from './aggregate-sql.js';
import { fromSql } from './from-sql.js';
import type { LeafColumn } from './plan-metric.js';
import type { Cte } from './cte.js';
import { renderExpression, timeTypeOf } from './render-expression.js';
import { type QueryContext } from './query-context.js';
import { datasetWhereSql, dimensionColumnsSql, expressionSql, filterSql, groupBySql, groupingColumnsSql, localizeSql, localTimeSql, scopeFor } from './query-sql.js';

export interface SnapshotLeaf {
  metric: SnapshotMetric;
  column: LeafColumn;
}

const periodNames: ReadonlySet<string> = new Set(snapshotPeriodNames);

/**
 * Point-in-time state: each history row is valid from its time until the entity's next row (or
 * its valid_to); a period's value aggregates the rows valid at the period's end (or start). The
 * value and filter are computed per period, after the join, so they may use period_start and
 * period_end (an opportunity's age at the period's end); the names they use are carried from the
 * versions CTE. The request's filters apply to the state as it was then.
 */
export function renderSnapshot(ctx: QueryContext, leaf: SnapshotLeaf, name: string): Cte[] {
  const { metric } = leaf;
  const scope = scopeFor(ctx, metric.dataset, metric.id);
  const entity = expressionSql(ctx, scope, metric.entity.ast);
  // Versions follow one another in stored time; only the comparison with period ends is wall-clock.
  const fromStored = expressionSql(ctx, scope, metric.valid_from.ast);
  const fromType = timeTypeOf(metric.valid_from.ast, scope);
  const validFrom = localizeSql(ctx, fromStored, fromType);
  const validTo = metric.valid_to
    ? localTimeSql(ctx, scope, metric.valid_to.ast)
    : localizeSql(ctx, `LEAD(${fromStored}) OVER (PARTITION BY ${entity} ORDER BY ${fromStored})`, fromType);

  const perPeriod = [metric.expr?.ast, metric.filter?.ast].filter((e): e is Expr => e !== undefined);
  const carried = [...new Set(perPeriod.flatMap((e) => expressionRefs(e).map((r) => r.path.join('.'))))].filter((n) => !periodNames.has(n));
  const overrides = new Map<string, string>([
    ['period_start', 's.period_start'],
    ['period_end', 's.next_start'],
    ...carried.map((ref, i): [string, string] => [ref, `v.carried_${i}`]),
  ]);
  const columns = [
    `${ctx.dialect.castTimestamp(validFrom)} AS valid_from`,
    `${ctx.dialect.castTimestamp(validTo)} AS valid_to`,
    ...dimensionColumnsSql(ctx, scope, metric.id),
    ...carried.map((ref, i) => `${expressionSql(ctx, scope, { type: 'ref', path: ref.split('.'), start: 0, end: 0 })} AS carried_${i}`),
    `CASE WHEN ${filterSql(ctx, scope, metric.id)} THEN 1 ELSE 0 END AS requested`,
  ];
  const where = datasetWhereSql(ctx, scope);
  const versionsCte = `SELECT ${columns.join(',\n  ')}\n${fromSql(ctx, scope)}${where === 'TRUE' ? '' : `\nWHERE ${where}`}`;

  const perPeriodSql = (expr: Expr) => renderExpression(expr, { dialect: ctx.dialect, params: ctx.params, scope, overrides });
  const flag = metric.filter ? `(${perPeriodSql(metric.filter.ast)})` : null;
  const valueSql = aggregateSql(ctx.dialect, metric.aggregate, metric.expr ? perPeriodSql(metric.expr.ast) : null, flag);
  const asOf = ctx.dialect.castTimestamp(metric.as_of === 'start' ? 's.period_start' : 's.next_start');
  const valuesCte = [
    `SELECT s.period_start, ${[...groupingColumnsSql(ctx, 'v'), `${valueSql} AS ${leaf.column.name}`].join(', ')}`,
    `FROM ${ctx.cte('spine')} AS s`,
    `JOIN ${name}_versions AS v ON v.valid_from < ${asOf} AND (v.valid_to IS NULL OR v.valid_to >= ${asOf})`,
    'WHERE v.requested = 1',
    groupBySql(ctx, 's.period_start', 'v'),
  ].join('\n');
  return [
    [`${name}_versions`, versionsCte],
    [name, valuesCte],
  ];
}
