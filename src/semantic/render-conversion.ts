import type { ConversionMetric } from '../model/index.js';
import { fromSql } from './from-sql.js';
import { periodSql } from './period-sql.js';
import type { LeafColumn } from './plan-metric.js';
import {
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

export interface ConversionLeaf {
  metric: ConversionMetric;
  entered: LeafColumn;
  converted: LeafColumn;
}

export type Cte = [name: string, body: string];

/**
 * Cohort conversion: an entity enters the cohort of the period of its first A row, and converts
 * if a B row follows within the window. Rows before the range still matter (an entity whose first
 * A was earlier is not in a later cohort), so the event scan is not cut by the range.
 */
export function renderConversion(ctx: QueryContext, leaf: ConversionLeaf, name: string): Cte[] {
  const { metric } = leaf;
  const scope = scopeFor(ctx, metric.dataset, metric.id);
  const dims = ctx.dimensions.map((_, i) => `d_${i}`);
  const events = [
    `SELECT ${expressionSql(ctx, scope, metric.entity.ast)} AS entity`,
    `  ${localTimeSql(ctx, scope, metric.time.ast)} AS event_time`,
    ...dimensionColumnsSql(ctx, scope, metric.id).map((d) => `  ${d}`),
    `  CASE WHEN ${expressionSql(ctx, scope, metric.from.ast)} THEN 1 ELSE 0 END AS is_from`,
    `  CASE WHEN ${expressionSql(ctx, scope, metric.to.ast)} THEN 1 ELSE 0 END AS is_to`,
  ].join(',\n');
  const where = whereSql([datasetWhereSql(ctx, scope), filterSql(ctx, scope, metric.id)]);
  const eventsCte = `${events}\n${fromSql(ctx, scope)}\n${where}`;

  const firstCte = [
    `SELECT entity, event_time AS entered_at${dims.map((d) => `, ${d}`).join('')}`,
    'FROM (',
    `  SELECT entity, event_time${dims.map((d) => `, ${d}`).join('')}, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY event_time) AS entry_rank`,
    `  FROM ${name}_events WHERE is_from = 1`,
    ') AS e',
    'WHERE entry_rank = 1',
  ].join('\n');

  const fromBound = ctx.dialect.castTimestamp(ctx.params.bind(ctx.fromStart));
  const endBound = ctx.dialect.castTimestamp(ctx.params.bind(ctx.endExclusive));
  const within = metric.window
    ? ` AND ${ctx.dialect.hoursBetween('t.event_time', 'a.entered_at')} <= ${metric.window.seconds / 3600}`
    : '';
  const cohortCte = [
    `SELECT a.entity, ${periodSql(ctx.dialect, ctx.grain, ctx.calendar, 'a.entered_at')} AS period_start${dims.map((d) => `, a.${d}`).join('')},`,
    `  MAX(CASE WHEN t.event_time >= a.entered_at${within} THEN 1 ELSE 0 END) AS converted`,
    `FROM ${name}_first AS a`,
    `LEFT JOIN ${name}_events AS t ON t.entity = a.entity AND t.is_to = 1`,
    `WHERE ${ctx.dialect.castTimestamp('a.entered_at')} >= ${fromBound} AND ${ctx.dialect.castTimestamp('a.entered_at')} < ${endBound}`,
    `GROUP BY a.entity, a.entered_at${dims.map((d) => `, a.${d}`).join('')}`,
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
