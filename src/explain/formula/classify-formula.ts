import type { BinaryOperator, Expr } from '../../model/index.js';

/**
 * How a formula combines its children, which decides how its change is split:
 * a weighted sum (differences), a product of powers (LMDI), or anything else (Shapley).
 */
export type FormulaShape =
  | { kind: 'sum'; constant: number; coefficients: Map<string, number> }
  | { kind: 'product'; constant: number; exponents: Map<string, number> }
  | { kind: 'general' };

export function classifyFormula(ast: Expr): FormulaShape {
  const sum = fold(ast, sumForm);
  if (sum) return { kind: 'sum', constant: sum.constant, coefficients: sum.powers };
  const product = fold(ast, productForm);
  if (product && product.constant !== 0) return { kind: 'product', constant: product.constant, exponents: product.powers };
  return { kind: 'general' };
}

/** constant ⊕ Σ children with a number each: coefficients of a sum, or exponents of a product. */
interface Terms {
  constant: number;
  powers: Map<string, number>;
}

/** How numbers, children, negation and the four operators build one form of Terms (null: not of this form). */
interface Form {
  child(metric: string): Terms;
  negate(terms: Terms): Terms;
  combine(op: BinaryOperator, left: Terms, right: Terms): Terms | null;
}

function fold(expr: Expr, form: Form): Terms | null {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'number' ? { constant: expr.value, powers: new Map() } : null;
    case 'ref':
      return expr.path.length === 1 ? form.child(expr.path[0]!) : null;
    case 'unary': {
      const operand = expr.op === '-' ? fold(expr.operand, form) : null;
      return operand && form.negate(operand);
    }
    case 'binary': {
      const left = fold(expr.left, form);
      const right = left && fold(expr.right, form);
      return right && form.combine(expr.op, left!, right);
    }
    default:
      return null;
  }
}

/** constant + Σ coefficient × child. */
const sumForm: Form = {
  child: (metric) => ({ constant: 0, powers: new Map([[metric, 1]]) }),
  negate: (terms) => scale(terms, -1),
  combine(op, left, right) {
    const isNumber = (t: Terms) => t.powers.size === 0;
    if (op === '+' || op === '-') return merge(left, op === '+' ? right : scale(right, -1), (a, b) => a + b);
    if (op === '*' && isNumber(right)) return scale(left, right.constant);
    if (op === '*' && isNumber(left)) return scale(right, left.constant);
    if (op === '/' && isNumber(right) && right.constant !== 0) return scale(left, 1 / right.constant);
    return null;
  },
};

/** constant × Π child^exponent. */
const productForm: Form = {
  child: (metric) => ({ constant: 1, powers: new Map([[metric, 1]]) }),
  negate: (terms) => ({ constant: -terms.constant, powers: terms.powers }),
  combine(op, left, right) {
    if (op === '*') return merge(left, right, (a, b) => a * b);
    if (op === '/' && right.constant !== 0) return merge(left, { constant: 1 / right.constant, powers: new Map([...right.powers].map(([m, p]) => [m, -p])) }, (a, b) => a * b);
    return null;
  },
};

function scale(terms: Terms, by: number): Terms {
  return { constant: terms.constant * by, powers: new Map([...terms.powers].map(([metric, c]) => [metric, c * by])) };
}

/** Adds the powers child by child; the constants combine with `constants`. */
function merge(a: Terms, b: Terms, constants: (a: number, b: number) => number): Terms {
  const powers = new Map(a.powers);
  for (const [metric, p] of b.powers) powers.set(metric, (powers.get(metric) ?? 0) + p);
  return { constant: constants(a.constant, b.constant), powers };
}
