import type { Expr } from '../../model/index.js';

/**
 * The value of a tree formula for the given child values, or null where arithmetic has no value
 * (division by zero, a missing child): the same nulls a warehouse would give, never Infinity or NaN.
 */
export function evaluateFormula(expr: Expr, valueOf: (metric: string) => number | null): number | null {
  const value = evaluate(expr, valueOf);
  return value !== null && Number.isFinite(value) ? value : null;
}

function evaluate(expr: Expr, valueOf: (metric: string) => number | null): number | null {
  const at = (e: Expr) => evaluate(e, valueOf);
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'number' ? expr.value : null;
    case 'ref':
      return valueOf(expr.path.join('.'));
    case 'unary': {
      const operand = at(expr.operand);
      return expr.op === '-' && operand !== null ? -operand : null;
    }
    case 'binary': {
      const left = at(expr.left);
      const right = at(expr.right);
      if (left === null || right === null) return null;
      return arithmetic(expr.op, left, right);
    }
    case 'call':
      return call(expr.name, expr.args.map(at));
    default:
      return null;
  }
}

function arithmetic(op: string, left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? null : left / right;
    default:
      return null;
  }
}

function call(name: string, args: (number | null)[]): number | null {
  const present = args.every((a): a is number => a !== null);
  switch (name) {
    case 'coalesce':
      return args.find((a) => a !== null) ?? null;
    case 'nullif':
      return args[0] === null || args[0] === args[1] ? null : args[0]!;
    case 'abs':
      return present ? Math.abs(args[0]!) : null;
    case 'round':
      return present ? roundTo(args[0]!, args[1] ?? 0) : null;
    case 'least':
      return present ? Math.min(...args) : null;
    case 'greatest':
      return present ? Math.max(...args) : null;
    default:
      return null;
  }
}

/** SQL's round: half away from zero, to `digits` decimals. */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
