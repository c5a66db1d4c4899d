import type { Expr } from '../model/index.js';
import type { ColumnType } from './catalog.js';
import type { DatasetScope } from './dataset-scope.js';

/** 'mixed' when the branches of coalesce, case … disagree (a date and a timestamp, say). */
export type ExpressionType = ColumnType | 'unknown' | 'mixed';

/**
 * The type an expression has in a dataset: columns have their catalog type, fields their
 * expression's, operators and functions their result's. Used to cut periods the right way (a date
 * is not shifted by a time zone) and to refuse a sum of text before anything runs.
 */
export function expressionType(expr: Expr, scope: DatasetScope, expanding: ReadonlySet<string> = new Set()): ExpressionType {
  const of = (e: Expr) => expressionType(e, scope, expanding);
  switch (expr.type) {
    case 'literal':
      return expr.value === null ? 'unknown' : typeof expr.value === 'number' ? 'number' : typeof expr.value === 'string' ? 'string' : 'boolean';
    case 'ref': {
      const resolved = scope.resolve(expr.path, expanding);
      if (resolved.kind === 'column') return resolved.column.type;
      return expressionType(resolved.expr, resolved.scope, new Set([...expanding, resolved.key]));
    }
    case 'unary':
      return expr.op === 'not' ? 'boolean' : 'number';
    case 'binary':
      return ['+', '-', '*', '/'].includes(expr.op) ? 'number' : 'boolean';
    case 'is_null':
    case 'in':
    case 'between':
      return 'boolean';
    case 'case':
      return common([...expr.whens.map((w) => of(w.then)), ...(expr.otherwise ? [of(expr.otherwise)] : [])]);
    case 'call':
      switch (expr.name) {
        case 'date':
          return 'date';
        case 'lower':
        case 'upper':
          return 'string';
        case 'coalesce':
        case 'least':
        case 'greatest':
          return common(expr.args.map(of));
        case 'nullif':
          return of(expr.args[0]!);
        default:
          return 'number';
      }
  }
}

function common(types: ExpressionType[]): ExpressionType {
  const known = [...new Set(types.filter((t) => t !== 'unknown'))];
  if (known.length === 0) return 'unknown';
  return known.length === 1 ? known[0]! : 'mixed';
}
