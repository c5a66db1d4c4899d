import type { DatasetScope, UsedRollup } from './dataset-scope.js';
import { datasetWhereSql, expressionSql, whereSql, type QueryContext } from './query-context.js';

/**
 * FROM for a dataset: its table, the joins its expressions used, and each rollup as a subquery
 * grouped by the rollup's foreign key, so the one-to-many rows fold to one value and never fan
 * out the dataset's rows. Call it after rendering every expression of the query part.
 */
export function fromSql(ctx: QueryContext, scope: DatasetScope): string {
  return [scope.fromClause(), ...scope.rollups().map((used) => rollupJoinSql(ctx, scope, used))].join('\n');
}

function rollupJoinSql(ctx: QueryContext, scope: DatasetScope, { rollup, rows }: UsedRollup): string {
  const q = (name: string) => ctx.dialect.quoteIdentifier(name);
  const value = rollup.expr ? expressionSql(ctx, rows, rollup.expr.ast) : null;
  const aggregate = {
    count: () => 'COUNT(*)',
    count_distinct: () => `COUNT(DISTINCT ${value})`,
    sum: () => `SUM(${value})`,
    average: () => `AVG(${ctx.dialect.castDouble(value!)})`,
    min: () => `MIN(${value})`,
    max: () => `MAX(${value})`,
  }[rollup.aggregate]();
  const key = rows.resolve([rollup.foreign_key]);
  const conditions = [datasetWhereSql(ctx, rows), ...(rollup.filter ? [expressionSql(ctx, rows, rollup.filter.ast)] : [])];
  const primaryKey = scope.requireColumn(scope.dataset.primary_key ?? 'id');
  const keySql = key.kind === 'column' ? key.sql : expressionSql(ctx, rows, key.expr);
  return [
    'LEFT JOIN (',
    `  SELECT ${keySql} AS rollup_key, ${aggregate} AS rollup_value`,
    `  ${fromSql(ctx, rows).replace(/\n/g, '\n  ')}`,
    `  ${whereSql(conditions)}`,
    `  GROUP BY ${keySql}`,
    `) AS ${q(rollup.name)} ON ${q(scope.alias)}.${q(primaryKey.name)} = ${q(rollup.name)}.rollup_key`,
  ].join('\n');
}
