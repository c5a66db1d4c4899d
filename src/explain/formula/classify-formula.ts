import type { Expr } from '../../model/index.js';

/**
 * How a formula combines its children, which decides how its change is split:
 * a weighted sum (differences), a product of powers (LMDI), or anything else (Shapley).
 */
export type FormulaShape =
  | { kind: 'sum'; constant: number; coefficients: Map<string, number> }
  | { kind: 'product'; constant: number; exponents: Map<string, number> }
  | { kind: 'general' };

export function classifyFormula(ast: Expr): FormulaShape {
  const sum = asSum(ast);
  if (sum) return { kind: 'sum', ...sum };
  const product = asProduct(ast);
  if (product && product.constant !== 0) return { kind: 'product', ...product };
  return { kind: 'general' };
}

type Terms = { constant: number; coefficients: Map<string, number> };

/** constant + Σ coefficient × child, or null when the formula is not of that form. */
function asSum(expr: Expr): Terms | null {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'number' ? { constant: expr.value, coefficients: new Map() } : null;
    case 'ref':
      return expr.path.length === 1 ? { constant: 0, coefficients: new Map([[expr.path[0]!, 1]]) } : null;
    case 'unary': {
      const operand = expr.op === '-' ? asSum(expr.operand) : null;
      return operand && scale(operand, -1);
    }
    case 'binary': {
      const left = asSum(expr.left);
      const right = asSum(expr.right);
      if (!left || !right) return null;
      if (expr.op === '+' || expr.op === '-') return add(left, expr.op === '+' ? right : scale(right, -1));
      if (expr.op === '*' && right.coefficients.size === 0) return scale(left, right.constant);
      if (expr.op === '*' && left.coefficients.size === 0) return scale(right, left.constant);
      if (expr.op === '/' && right.coefficients.size === 0 && right.constant !== 0) return scale(left, 1 / right.constant);
      return null;
    }
    default:
      return null;
  }
}

function scale(terms: Terms, by: number): Terms {
  return { constant: terms.constant * by, coefficients: new Map([...terms.coefficients].map(([name, c]) => [name, c * by])) };
}

function add(a: Terms, b: Terms): Terms {
  const coefficients = new Map(a.coefficients);
  for (const [name, c] of b.coefficients) coefficients.set(name, (coefficients.get(name) ?? 0) + c);
  return { constant: a.constant + b.constant, coefficients };
}

type Factors = { constant: number; exponents: Map<string, number> };

/** constant × Π child^exponent, or null when the formula is not of that form. */
function asProduct(expr: Expr): Factors | null {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'number' ? { constant: expr.value, exponents: new Map() } : null;
    case 'ref':
      return expr.path.length === 1 ? { constant: 1, exponents: new Map([[expr.path[0]!, 1]]) } : null;
    case 'unary': {
      const operand = expr.op === '-' ? asProduct(expr.operand) : null;
      return operand && { constant: -operand.constant, exponents: operand.exponents };
    }
    case 'binary': {
      if (expr.op !== '*' && expr.op !== '/') return null;
      const left = asProduct(expr.left);
      const right = asProduct(expr.right);
      if (!left || !right || (expr.op === '/' && right.constant === 0)) return null;
      const sign = expr.op === '*' ? 1 : -1;
      const exponents = new Map(left.exponents);
      for (const [name, p] of right.exponents) exponents.set(name, (exponents.get(name) ?? 0) + sign * p);
      return { constant: expr.op === '*' ? left.constant * right.constant : left.constant / right.constant, exponents };
    }
    default:
      return null;
  }
}
