import type { Expr } from './ast.js';

/** Every name an expression refers to (columns, join.column, or metric ids in formulas), in order. */
export function expressionRefs(expr: Expr): Extract<Expr, { type: 'ref' }>[] {
  const refs: Extract<Expr, { type: 'ref' }>[] = [];
  visit(expr, (node) => {
    if (node.type === 'ref') refs.push(node);
  });
  return refs;
}

/** Calls `fn` on every node of the expression, parents before children. */
export function visit(expr: Expr, fn: (node: Expr) => void): void {
  fn(expr);
  for (const child of childrenOf(expr)) visit(child, fn);
}

function childrenOf(expr: Expr): Expr[] {
  switch (expr.type) {
    case 'literal':
    case 'ref':
      return [];
    case 'unary':
    case 'is_null':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'in':
      return [expr.operand, ...expr.list];
    case 'between':
      return [expr.operand, expr.low, expr.high];
    case 'call':
      return expr.args;
    case 'case':
      return [...expr.whens.flatMap((w) => [w.when, w.then]), ...(expr.otherwise ? [expr.otherwise] : [])];
  }
}
