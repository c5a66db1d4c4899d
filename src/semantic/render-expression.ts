import type { Expr } from '../model/index.js';
import type { DatasetScope } from './dataset-scope.js';
import { expressionType } from './expression-type.js';
import { extremeSql } from './extreme-sql.js';
import type { Dialect, TimeType } from './dialect.js';
import type { SqlParams } from './sql-params.js';

export interface ExpressionContext {
  dialect: Dialect;
  params: SqlParams;
  scope: DatasetScope;
  /** Fields being expanded, so that a field's own name inside it means the column. */
  expanding?: ReadonlySet<string>;
  /** SQL standing for names (by dotted path) already computed elsewhere, e.g. in an earlier CTE. */
  overrides?: ReadonlyMap<string, string>;
}

const sqlOperators: Record<string, string> = { '!=': '<>', and: 'AND', or: 'OR' };

/** SQL for a row-level expression of a dataset. Strings are bound; numbers are rendered from parsed values. */
export function renderExpression(expr: Expr, ctx: ExpressionContext): string {
  const r = (e: Expr) => renderExpression(e, ctx);
  const { dialect } = ctx;
  switch (expr.type) {
    case 'literal':
      return renderLiteral(expr.value, ctx.params);
    case 'ref': {
      const override = ctx.overrides?.get(expr.path.join('.'));
      if (override !== undefined) return override;
      const resolved = ctx.scope.resolve(expr.path, ctx.expanding);
      if (resolved.kind === 'column') return resolved.sql;
      const expanding = new Set([...(ctx.expanding ?? []), resolved.key]);
      return `(${renderExpression(resolved.expr, { ...ctx, scope: resolved.scope, expanding })})`;
    }
    case 'unary':
      return expr.op === 'not' ? `(NOT ${r(expr.operand)})` : `(-${r(expr.operand)})`;
    case 'binary':
      if (expr.op === '/') return `(${dialect.castDouble(r(expr.left))} / NULLIF(${dialect.castDouble(r(expr.right))}, 0))`;
      return `(${r(expr.left)} ${sqlOperators[expr.op] ?? expr.op} ${r(expr.right)})`;
    case 'is_null':
      return `(${r(expr.operand)} IS ${expr.negated ? 'NOT ' : ''}NULL)`;
    case 'in':
      return `(${r(expr.operand)} ${expr.negated ? 'NOT ' : ''}IN (${expr.list.map(r).join(', ')}))`;
    case 'between':
      return `(${r(expr.operand)} ${expr.negated ? 'NOT ' : ''}BETWEEN ${r(expr.low)} AND ${r(expr.high)})`;
    case 'case': {
      const whens = expr.whens.map((w) => `WHEN ${r(w.when)} THEN ${r(w.then)}`).join(' ');
      return `CASE ${whens}${expr.otherwise ? ` ELSE ${r(expr.otherwise)}` : ''} END`;
    }
    case 'call':
      return renderCall(expr.name, expr.args.map(r), dialect);
  }
}

export function renderLiteral(value: string | number | boolean | null, params: SqlParams): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return params.bind(value);
}

function renderCall(name: string, args: string[], dialect: Dialect): string {
  switch (name) {
    case 'date':
      return dialect.castDate(args[0]!);
    case 'days_between':
      return dialect.daysBetween(args[0]!, args[1]!);
    case 'hours_between':
      return dialect.hoursBetween(args[0]!, args[1]!);
    case 'round':
      return dialect.round(args[0]!, args[1] ?? '0');
    case 'greatest':
    case 'least':
      return extremeSql(name, args);
    default:
      return `${name.toUpperCase()}(${args.join(', ')})`;
  }
}

/**
 * How a time expression is stored, which decides its time-zone conversion: a date is not
 * converted, a timestamptz is an instant, anything else a UTC wall-clock time. (checkCatalog
 * refuses time expressions of other or mixed types before a query is compiled.)
 */
export function timeTypeOf(expr: Expr, scope: DatasetScope): TimeType {
  const type = expressionType(expr, scope);
  return type === 'date' || type === 'timestamptz' ? type : 'timestamp';
}
