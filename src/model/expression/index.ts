export type { BinaryOperator, Expr, Expression, Literal } from './ast.js';
export { ExpressionError } from './expression-error.js';
export { expressionFunctions, isExpressionFunction, type ExpressionFunction } from './functions.js';
export { parseExpression } from './parse-expression.js';
export { expressionRefs, visit } from './expression-refs.js';
