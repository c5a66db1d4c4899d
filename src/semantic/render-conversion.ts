import type { ConversionMetric } from '../model/index.js';
import type { Cte } from './cte.js';
import { fromSql } from './from-sql.js';
import { periodSql } from './period-sql.js';
import type { LeafColumn } from './plan-metric.js';
import { timeTypeOf } from './render-expression.js';
import { type QueryContext } from './query-context.js';
import { datasetWhereSql, dimensionColumnsSql, expressionSql, filterSql, groupBySql, groupingColumnsSql, localizeSql, scopeFor, whereSql } from './query-sql.js';

export interface ConversionLeaf {
  metric: ConversionMetric;
  entered: LeafColumn;
  converted: LeafColumn;
}

/**
 * Cohort conversion: an entity enters the cohort of the period of its first A row, and converts
 * if a B row follows within the window. Rows before the range still matter (an entity whose first
 * A was earlier is not in a later cohort), so the event scan is not cut by the range. The request's
 * filters, like --by, describe the first A row; B rows are never filtered away. Order and window
 * use the stored instants (24 hours are 24 hours across a DST change); the cohort period uses the
 * wall-clock time.
 */
export function renderConversion(ctx: QueryContext, leaf: ConversionLeaf, name: string): Cte[] {
  const { metric } = leaf;
  const scope = scopeFor(ctx, metric.dataset, metric.id);
  const dims = ctx.dimensions.map((_, i) => `d_${i}`);
  const instant = expressionSql(ctx, scope, metric.time.ast);
  const events = [
    `SELECT ${expressionSql(ctx, scope, metric.entity.ast)} AS entity`,
    `  ${instant} AS event_at`,
    `  ${localizeSql(ctx, instant, timeTypeOf(metric.time.ast, scope))} AS event_local`,
    ...dimensionColumnsSql(ctx, scope, metric.id).map((d) => `  ${d}`),
    `  CASE WHEN ${expressionSql(ctx, scope, metric.from.ast)} THEN 1 ELSE 0 END AS is_from`,
    `  CASE WHEN ${expressionSql(ctx, scope, metric.to.ast)} THEN 1 ELSE 0 END AS is_to`,
    `  CASE WHEN ${filterSql(ctx, scope, metric.id)} THEN 1 ELSE 0 END AS requested`,
  ].join(',\n');
  const where = whereSql([datasetWhereSql(ctx, scope)]);
  const eventsCte = `${events}\n${fromSql(ctx, scope)}${where ? `\n${where}` : ''}`;

  const carried = ['entity', 'event_at', 'event_local', ...dims, 'requested'].join(', ');
  const firstCte = [
    `SELECT entity, event_at AS entered_at, event_local AS entered_local${dims.map((d) => `, ${d}`).join('')}`,
    'FROM (',
    `  SELECT ${carried}, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY event_at) AS entry_rank`,
    `  FROM ${name}_events WHERE is_from = 1`,
    ') AS e',
    'WHERE entry_rank = 1 AND requested = 1',
  ].join('\n');

  const local = ctx.dialect.castTimestamp('a.entered_local');
  const within = metric.window ? ` AND ${ctx.dialect.hoursBetween('t.event_at', 'a.entered_at')} <= ${metric.window.seconds / 3600}` : '';
  const cohortCte = [
    `SELECT a.entity, ${periodSql(ctx.dialect, ctx.grain, ctx.calendar, 'a.entered_local')} AS period_start${dims.map((d) => `, a.${d}`).join('')},`,
    `  MAX(CASE WHEN t.event_at >= a.entered_at${within} THEN 1 ELSE 0 END) AS converted`,
    `FROM ${name}_first AS a`,
    `LEFT JOIN ${name}_events AS t ON t.entity = a.entity AND t.is_to = 1`,
    `WHERE ${local} >= ${ctx.dialect.castTimestamp(ctx.params.bind(ctx.fromStart))} AND ${local} < ${ctx.dialect.castTimestamp(ctx.params.bind(ctx.endExclusive))}`,
    `GROUP BY a.entity, a.entered_at, a.entered_local${dims.map((d) => `, a.${d}`).join('')}`,
  ].join('\n');

  const countsCte = [
    `SELECT c.period_start, ${[
      ...groupingColumnsSql(ctx, 'c'),
      `${ctx.dialect.castDouble('COUNT(*)')} AS ${leaf.entered.name}`,
      `${ctx.dialect.castDouble('SUM(c.converted)')} AS ${leaf.converted.name}`,
    ].join(', ')}`,
    `FROM ${name}_cohort AS c`,
    groupBySql(ctx, 'c.period_start', 'c'),
  ].join('\n');

  return [
    [`${name}_events`, eventsCte],
    [`${name}_first`, firstCte],
    [`${name}_cohort`, cohortCte],
    [name, countsCte],
  ];
}
