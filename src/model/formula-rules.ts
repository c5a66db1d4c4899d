import type { Expr, Expression } from './expression/index.js';
import { visit } from './expression/index.js';

/** The functions a formula may use: the arithmetic ones (the others work on text or dates). */
export const formulaFunctions: readonly string[] = ['coalesce', 'nullif', 'abs', 'round', 'least', 'greatest'];

export interface FormulaProblem {
  /** Offset into the formula text. */
  offset: number;
  message: string;
  hint?: string;
}

const arithmeticHint = `use + - * /, numbers, parentheses and ${formulaFunctions.join(', ')}`;

/**
 * A formula (a formula metric, or a tree node's formula) is arithmetic over metric ids: anything
 * else (comparisons, logic, text, case, is null, dotted names) is a problem at its position.
 */
export function formulaProblems(expression: Expression): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const refused: Expr[] = [];
  visit(expression.ast, (node) => {
    // Report a refused part once, not again for what is inside it.
    if (refused.some((outer) => node.start >= outer.start && node.end <= outer.end)) return;
    const problem = refusal(node, expression.text);
    if (!problem) return;
    refused.push(node);
    problems.push(problem);
  });
  return problems;
}

function refusal(node: Expr, text: string): FormulaProblem | null {
  const refuse = (what: string, offset = node.start): FormulaProblem => ({
    offset,
    message: `a formula is arithmetic over metric ids: ${what} is not allowed`,
    hint: arithmeticHint,
  });
  switch (node.type) {
    case 'literal':
      if (typeof node.value === 'number') return null;
      return refuse(typeof node.value === 'string' ? `text ('${node.value}')` : `${node.value}`);
    case 'ref':
      if (node.path.length === 1) return null;
      return { offset: node.start, message: `formula variables are metric ids: "${node.path.join('.')}" has a dot` };
    case 'unary':
      return node.op === '-' ? null : refuse('"not"');
    case 'binary':
      if (['+', '-', '*', '/'].includes(node.op)) return null;
      return refuse(node.op === 'and' || node.op === 'or' ? `"${node.op}"` : `the comparison "${node.op}"`, after(text, node.left.end));
    case 'is_null':
      return refuse(`"is ${node.negated ? 'not ' : ''}null"`, after(text, node.operand.end));
    case 'in':
      return refuse(`"${node.negated ? 'not ' : ''}in"`, after(text, node.operand.end));
    case 'between':
      return refuse(`"${node.negated ? 'not ' : ''}between"`, after(text, node.operand.end));
    case 'case':
      return refuse('"case"');
    case 'call':
      return formulaFunctions.includes(node.name) ? null : refuse(`the function ${node.name}()`);
  }
}

/** The first character after an operand, skipping blanks and closing parentheses: where its operator is. */
function after(text: string, end: number): number {
  let i = end;
  while (i < text.length && /[\s)]/.test(text[i]!)) i++;
  return i;
}
