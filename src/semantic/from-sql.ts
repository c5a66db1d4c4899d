import { aggregateSql } from './aggregate-sql.js';
import type { DatasetScope, UsedRollup } from './dataset-scope.js';
import { type QueryContext } from './query-context.js';
import { datasetWhereSql, expressionSql, whereSql } from './query-sql.js';

/**
 * FROM for a dataset: its table, the joins its expressions used (a joined row that the joined
 * dataset's `where` excludes is as if missing), and each rollup as a subquery grouped by the
 * rollup's foreign key, so the one-to-many rows fold to one value and never fan out the dataset's
 * rows. Call it after rendering every expression of the query part.
 */
export function fromSql(ctx: QueryContext, scope: DatasetScope): string {
  const q = (name: string) => ctx.dialect.quoteIdentifier(name);
  return [`FROM ${scope.tableSql()} AS ${q(scope.alias)}`, ...joinsSql(ctx, scope), ...scope.rollups().map((used) => rollupJoinSql(ctx, scope, used))].join('\n');
}

/** The joins a scope used, each followed by the joins its own fields reached through. */
function joinsSql(ctx: QueryContext, scope: DatasetScope): string[] {
  const q = (name: string) => ctx.dialect.quoteIdentifier(name);
  return scope.joinsUsed().flatMap(({ foreignKey, joined }) => {
    const key = joined.requireColumn(joined.dataset.primary_key ?? 'id');
    const where = datasetWhereSql(ctx, joined);
    const on = `${q(scope.alias)}.${q(foreignKey.name)} = ${q(joined.alias)}.${q(key.name)}${where === 'TRUE' ? '' : ` AND ${where}`}`;
    return [`LEFT JOIN ${joined.tableSql()} AS ${q(joined.alias)} ON ${on}`, ...joinsSql(ctx, joined)];
  });
}

function rollupJoinSql(ctx: QueryContext, scope: DatasetScope, { rollup, rows }: UsedRollup): string {
  const q = (name: string) => ctx.dialect.quoteIdentifier(name);
  const value = rollup.expr ? expressionSql(ctx, rows, rollup.expr.ast) : null;
  const aggregate = aggregateSql(ctx.dialect, rollup.aggregate, value, null, undefined, { asDouble: false });
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
